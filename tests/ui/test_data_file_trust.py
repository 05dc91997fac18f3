"""Nothing in a data file ends the window: a report whose values are of the wrong kind is a dialog, shown once."""

from tests import raw_file

from evaldesk.app.datafile import add_sample
from evaldesk.datafile.store import Store
from evaldesk.ui.app import open_window


def test_a_report_with_its_figures_stored_as_text_is_one_dialog_and_the_window_stays(app, qtbot, tmp_path, answers):
    path = tmp_path / "data.sqlite"
    store = Store(path)
    add_sample(store)
    store.close()
    with raw_file.connect(path) as raw:  # the checksum kept consistent, as another program could
        raw.execute("UPDATE cell SET value = 't:' || substr(value, 3) WHERE value GLOB 'd:*'")
        raw.execute("UPDATE field SET value = 't:' || substr(value, 3) WHERE value GLOB 'd:*'")
    answers.yes = False
    answers.shown.clear()
    window = open_window(path)
    qtbot.addWidget(window)
    damaged = [shown for shown in answers.shown if "已损坏" in shown[2]]
    assert len(damaged) == 1 and damaged[0][1] == "报告已损坏"
    assert window.store is not None and window.isVisible() is not None
