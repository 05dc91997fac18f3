"""The filler's settings: one file, shared by a writer's and a reader's window without either undoing the other."""

from pathlib import Path

from evaldesk.ui.settings import FILES_KEPT, Settings


def test_two_windows_keep_each_others_settings(tmp_path):
    writer, reader = Settings.load(), Settings.load()     # both read at start
    writer.keep(font_size="特大")
    reader.remember_file(tmp_path / "a.sqlite")
    reader.remember_place(tmp_path / "a.sqlite", report=2, tab=6)
    writer.remember_place(tmp_path / "b.sqlite", tab=3)
    again = Settings.load()
    assert again["font_size"] == "特大" and again.recent_files() == [str(tmp_path / "a.sqlite")]
    assert again.place_in(tmp_path / "a.sqlite") == (2, 6) and again.place_in(tmp_path / "b.sqlite") == (None, 3)


def test_a_damaged_settings_file_is_no_settings_and_the_places_kept_are_bounded(tmp_path, private_data_folder):
    private_data_folder.mkdir(parents=True, exist_ok=True)
    (private_data_folder / "settings.json").write_text('{"files": "不是", "recent": [1, "x"]', encoding="utf-8")
    settings = Settings.load()
    assert settings == {} and settings.place_in(Path("x.sqlite")) == (None, None)
    for number in range(FILES_KEPT + 5):
        settings.remember_place(tmp_path / f"{number}.sqlite", report=1)
    kept = Settings.load()["files"]
    assert len(kept) == FILES_KEPT and str((tmp_path / f"{FILES_KEPT + 4}.sqlite").resolve()) in kept
