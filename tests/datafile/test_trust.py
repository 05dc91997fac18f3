"""What a file holds is checked before it is used (issue 26): values of the wrong kind, an unfinished save left by
a killed writer, an older file read by a command, a 0-byte file, the same file reached through two names."""

import os
import sqlite3

import pytest

from tests import raw_file

from evaldesk.app.datafile import add_sample
from evaldesk.cli import main
from evaldesk.datafile.errors import DamagedReport
from evaldesk.datafile.store import Store


def _one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err


def _sample_file(tmp_path):
    path = tmp_path / "data.sqlite"
    store = Store(path)
    add_sample(store)
    store.close()
    return path


def _figures_as_text(path):
    """Every figure stored as text ('d:12.5' → 't:12.5'), the checksum kept consistent (as another program could)."""
    with raw_file.connect(path) as raw:
        raw.execute("UPDATE cell SET value = 't:' || substr(value, 3) WHERE value GLOB 'd:*'")
        raw.execute("UPDATE field SET value = 't:' || substr(value, 3) WHERE value GLOB 'd:*'")


def test_figures_stored_as_text_are_a_damaged_report_not_an_internal_error(tmp_path, capsys):
    path = _sample_file(tmp_path)
    _figures_as_text(path)
    store = Store(path, read_only=True)
    with pytest.raises(DamagedReport, match="类型不符"):
        store.load(1)
    store.close()
    assert main(["--db", str(path), "score"]) == 2
    err = _one_line(capsys)
    assert "已损坏" in err and "内部错误" not in err
    code = main(["--db", str(path), "list"])
    said = "".join(capsys.readouterr())
    assert code in (0, 2) and "损坏" in said and "内部错误" not in said


def _back_to_version_3(path):
    """The file as evaldesk of schema version 3 left it (no checksums)."""
    with raw_file.connect(path) as raw:
        for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            raw.execute(f"DROP TRIGGER {name}")
        raw.execute("DROP TABLE report_digest")
        raw.execute("PRAGMA user_version = 3")


@pytest.mark.parametrize("command", [["list"], ["score"], ["export", "--format", "json"], ["print"]])
def test_a_read_only_command_reads_an_older_file_without_changing_it(tmp_path, capsys, command):
    path = _sample_file(tmp_path)
    _back_to_version_3(path)
    before = path.read_bytes()
    if command[0] in ("export", "print"):
        command = command + ["-o", str(tmp_path / ("out.json" if command[0] == "export" else "out.pdf"))]
    assert main(["--db", str(path), *command]) == 0, capsys.readouterr().err
    assert "升级" not in capsys.readouterr().err
    assert path.read_bytes() == before


def test_an_empty_file_is_an_empty_data_file(tmp_path, capsys):
    path = tmp_path / "空.sqlite"
    path.write_bytes(b"")
    assert main(["--db", str(path), "list"]) == 0
    said = "".join(capsys.readouterr())
    assert "升级" not in said and "损坏" not in said
    store = Store(path, read_only=True)
    assert store.list_reports() == []
    store.close()


def test_an_older_file_with_a_figure_stored_as_text_is_not_trusted_by_its_upgrade(tmp_path):
    from evaldesk.datafile import backups

    path = _sample_file(tmp_path)
    _back_to_version_3(path)
    with sqlite3.connect(path) as raw:  # a flipped bit in an old file: no checksum to notice it
        raw.execute("UPDATE cell SET value = 't:' || substr(value, 3) WHERE value GLOB 'd:*'")
    before = path.read_bytes()
    store = Store(path)
    with pytest.raises(DamagedReport):
        store.load(1)
    store.close()
    [kept] = [p for p in backups.folder_of(path).iterdir() if "升级前" in p.name]
    with sqlite3.connect(kept) as copy:  # the file as it was before the upgrade
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 3
        assert copy.execute("SELECT count(*) FROM cell WHERE value GLOB 't:*'").fetchone()[0] > 0
    assert path.read_bytes() != before


KILLED_WRITER = """
import os, sqlite3, sys
from evaldesk.datafile import digest
raw = sqlite3.connect(sys.argv[1], isolation_level=None)
digest.register(raw)
raw.execute("PRAGMA cache_size = 1")  # the changed pages reach the file before the commit
raw.execute("BEGIN IMMEDIATE")
raw.execute("UPDATE field SET value = 't:写到一半' WHERE key = 'basic.contact'")
raw.execute("UPDATE item SET data = data")
raw.execute("UPDATE cell SET value = value")
os._exit(9)  # killed mid-transaction: its journal stays beside the file
"""


def _killed_mid_save(path):
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)], check=False, timeout=60)
    assert os.path.getsize(f"{path}-journal") > 0


@pytest.mark.parametrize("command", [["list"], ["score"]])
def test_after_a_killed_save_a_read_only_command_recovers_the_file_or_says_what_happened(tmp_path, capsys,
                                                                                       command):
    path = _sample_file(tmp_path)
    _killed_mid_save(path)
    code = main(["--db", str(path), *command])
    said = "".join(capsys.readouterr())
    assert "只读" not in said and "复制到" not in said
    assert code == 0, said
    store = Store(path, read_only=True)
    assert store.load(1).get("basic.contact") != "写到一半"  # the unfinished save rolled back
    store.close()


def test_after_a_killed_save_while_a_window_holds_the_file_the_command_says_it_is_unfinished(tmp_path, capsys):
    from evaldesk.datafile.lock import DataFileLock

    path = _sample_file(tmp_path)
    _killed_mid_save(path)
    with DataFileLock(path, "另一个窗口"):
        with open(f"{path}-journal", "rb"):
            pass
        code = main(["--db", str(path), "list"])
    said = "".join(capsys.readouterr())
    assert code == 2 and "未完成" in said and "只读" not in said and "复制到" not in said


def test_after_a_killed_save_a_writing_open_rolls_it_back_and_writes_on(tmp_path):
    from evaldesk.model.edits import SetField

    path = _sample_file(tmp_path)
    _killed_mid_save(path)
    store = Store(path)
    report = store.load(1)
    assert report.get("basic.contact") != "写到一半"
    store.apply(report, SetField("basic.contact", "恢复之后"))
    store.close()
    assert not os.path.exists(f"{path}-journal") or os.path.getsize(f"{path}-journal") == 0


@pytest.mark.parametrize("link", ["symlink", "hard link"])
def test_the_same_file_through_a_link_in_another_folder_gets_no_second_writer(tmp_path, link):
    from evaldesk.datafile.lock import FileLocked

    path = _sample_file(tmp_path)
    elsewhere = tmp_path / "别的文件夹"
    elsewhere.mkdir()
    other_name = elsewhere / "同一个.sqlite"
    (os.symlink if link == "symlink" else os.link)(path, other_name)
    writer = Store(path)
    try:
        with pytest.raises(FileLocked):
            Store(other_name)
    finally:
        writer.close()
    Store(other_name).close()  # once the first writer is gone


def test_a_lock_whose_process_number_now_belongs_to_another_program_is_stale(tmp_path):
    import datetime as dt
    import json
    import subprocess
    import sys

    from evaldesk.datafile.lock import computer_name, lock_path

    path = _sample_file(tmp_path)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:  # a writer that crashed; its number now belongs to a live program that is not evaldesk
        lock_path(path).write_text(json.dumps({"user": "张三", "host": computer_name(), "pid": other.pid,
                                               "since": dt.datetime.now().isoformat(timespec="seconds"),
                                               "program": "evaldesk 窗口"}), encoding="utf-8")
        store = Store(path)
        store.close()
    finally:
        other.kill()
        other.wait()


@pytest.mark.parametrize("table, key, value", [("cell", None, "d:1E+100"), ("field", "sheet.benefits.hand", "d:1E-60"),
                                               ("field", "basic.staff_quota", "i:" + "9" * 400)])
def test_a_figure_no_form_holds_is_a_damaged_report_not_an_internal_error(tmp_path, capsys, table, key, value):
    path = _sample_file(tmp_path)
    with raw_file.connect(path) as raw:  # the checksum kept consistent
        if table == "cell":
            changed = raw.execute("UPDATE cell SET value = ? WHERE rowid = (SELECT min(rowid) FROM cell)", (value,))
        else:
            changed = raw.execute("UPDATE field SET value = ? WHERE key = ?", (value, key))
        assert changed.rowcount == 1
    assert main(["--db", str(path), "print", "-o", str(tmp_path / "x.pdf")]) == 2
    err = _one_line(capsys)
    assert "已损坏" in err and "内部错误" not in err
