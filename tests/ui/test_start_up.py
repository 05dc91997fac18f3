"""Starting the window as `evaldesk` does: the report is painted before SQLAlchemy and the modules of tabs not shown
are loaded; they come on the idle timer after it, so the filler's first keystroke is stored without waiting."""

import json
import os
import subprocess
import sys
from pathlib import Path

from evaldesk.exchange.report_json import read_json
from evaldesk.datafile.store import Store
from evaldesk.resources import SAMPLE_REPORT

ROOT = Path(__file__).resolve().parents[2]

START = """
import json, sys, time
from PySide6.QtTest import QTest
from evaldesk.ui import app as ui_app
from evaldesk.ui.fields import LineField

app, window = ui_app.start(sys.argv[1])
app.processEvents(); window.repaint()
loaded = lambda *names: [name for name in names if name in sys.modules]
seen = {"tab": window.tabs.tabText(window.tabs.currentIndex()),
        "at_paint": loaded("sqlalchemy", "evaldesk.ui.sheet", "evaldesk.ui.finance_page", "reportlab", "openpyxl",
                           "evaldesk.drafts.summary", "evaldesk.audit.engine", "evaldesk.ui.audit_panel"),
        "audited_at_paint": window.audit_panel is not None}
deadline = time.monotonic() + 60  # the filler looks at the report: what follows the paint comes by itself
while not ("sqlalchemy" in sys.modules and "警告" in window.audit_label.text()) and time.monotonic() < deadline:
    QTest.qWait(20)
seen["after_idle"] = loaded("sqlalchemy", "evaldesk.audit.engine")
seen["audit_after_idle"] = window.audit_label.text()
field = next(f for f in window.tabs.currentWidget().findChildren(LineField) if f.key == "cover.agency")
field.editor.setText("某某会计师事务所"); field.editor.textEdited.emit("某某会计师事务所")
seen["stored"] = window.store.load(window.document.report.id).fields.get("cover.agency")
window.close_document(); window.store.close()
print(json.dumps(seen, ensure_ascii=False))
"""


def test_the_report_is_painted_before_sqlalchemy_and_a_keystroke_after_a_moment_is_stored(tmp_path):
    db = tmp_path / "数据.sqlite"
    store = Store(db)
    store.add(read_json(SAMPLE_REPORT))
    store.set_state("open_report", "1")
    store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "EVALDESK_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-c", START, str(db)], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["tab"] == "封面"
    assert seen["at_paint"] == []
    assert seen["audited_at_paint"] is False
    assert seen["after_idle"] == ["sqlalchemy", "evaldesk.audit.engine"]
    assert "警告 8" in seen["audit_after_idle"]  # the audit followed the paint by itself
    assert seen["stored"] == "某某会计师事务所"


KILLED_AFTER_A_MOMENT = """
import json, os, signal, sys
from evaldesk.ui import app as ui_app

app, window = ui_app.start(sys.argv[1])
app.processEvents(); window.repaint()
seen = {"report": window.document.report.id, "at_paint": "sqlalchemy" in sys.modules}
# The program dies right after the paint, without closing anything: the report shown was remembered as it opened.
print(json.dumps(seen), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_report_other_than_last_times_is_painted_first_and_remembered_even_if_killed_a_moment_later(tmp_path):
    db = tmp_path / "数据.sqlite"
    store = Store(db)
    store.add(read_json(SAMPLE_REPORT))
    second = store.add(read_json(SAMPLE_REPORT))
    store.set_state("open_report", str(second))   # where an older version kept the report open last
    store.delete(second)   # last time's report is gone: the window opens the first one, a new place to remember
    store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "EVALDESK_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-c", KILLED_AFTER_A_MOMENT, str(db)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"report": 1, "at_paint": False}     # painted before SQLAlchemy was loaded
    settings = json.loads((tmp_path / "home" / "settings.json").read_text(encoding="utf-8"))
    assert settings["files"][str(db.resolve())]["report"] == 1      # remembered before the kill, in the settings


def test_a_report_opened_just_before_the_window_closes_is_the_one_reopened(window, db_path):
    from evaldesk.ui.main_window import MainWindow

    second = window.store.add(read_json(SAMPLE_REPORT))
    window.open_report(second)
    window.close()                         # at once: before the idle write after the paint
    reopened = MainWindow(Store(db_path))
    assert reopened.document.report.id == second
    reopened.close()


class FirstPaintOfTheTabs:
    """Records, at the first paint of a main window's tabs, what the 审核 dock and the status bar showed."""

    def __init__(self, qapp):
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QTabWidget

        seen = self.seen = []

        class Filter(QObject):
            def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
                if not seen and event.type() == QEvent.Type.Paint and isinstance(watched, QTabWidget):
                    window = watched.window()
                    dock = window.audit_dock.widget()
                    seen.append((window.audit_panel, window.audit_label.text(), getattr(dock, "text", str)()))
                return False

        self.filter = Filter()
        self.qapp = qapp
        qapp.installEventFilter(self.filter)

    def stop(self):
        self.qapp.removeEventFilter(self.filter)


def test_the_started_windows_report_is_painted_before_its_audit_which_follows_at_once(app, qtbot, started):
    """Starting, the filler sees the report's first tab without waiting for the audit; the 审核 dock says it is
    coming, and the counts and the panel follow on their own."""
    painted = FirstPaintOfTheTabs(app)
    window = started()
    try:
        qtbot.waitUntil(lambda: bool(painted.seen), timeout=30000)
    finally:
        painted.stop()
    panel, status, dock = painted.seen[0]
    assert panel is None and "正在审核" in status and "正在审核" in dock
    qtbot.waitUntil(lambda: window.audit_panel is not None, timeout=30000)
    assert "错误 0" in window.audit_label.text() and "警告 8" in window.audit_label.text()
    assert window.audit_panel.tree.count() == len(window.document.findings) > 0


def test_a_report_switched_to_before_the_first_ones_audit_ran_is_the_one_audited_and_shown(qtbot, started):
    """The first report's audit waits for its paint; a report opened before then is the one the panel shows."""
    window = started(2022)
    assert window.audit_panel is None  # not painted yet: its audit waits
    other = next(info.id for info in window.store.list_reports() if info.id != window.document.report.id)
    window.open_report(other)  # at once: the panel is this report's
    assert window.audit_panel is not None and window.audit_panel.document is window.document
    blank = window.audit_label.text()
    from evaldesk.ui.after_paint import _AfterPaint

    # past the first report's paint (or its fallback timer): its audit, waiting for it, has run and gone
    qtbot.waitUntil(lambda: not window.tabs.findChildren(_AfterPaint), timeout=30000)
    assert window.audit_panel.document is window.document and window.document.report.id == other
    assert window.audit_label.text() == blank and "警告 8" not in blank


def test_a_report_read_again_keeps_its_audit_on_screen_without_a_flicker(window, qtbot, app):
    """A read-only window beside another program's writes reads the report again every few seconds: its 审核 panel
    is replaced at once, never a 正在审核… in between."""

    painted = FirstPaintOfTheTabs(app)
    try:
        window.read_again("数据文件已被其他程序修改，已重新读取。")
        assert window.audit_panel is not None and "警告 8" in window.audit_label.text()  # before any paint
        qtbot.waitUntil(lambda: bool(painted.seen), timeout=30000)
    finally:
        painted.stop()
    panel, status, _dock = painted.seen[0]
    assert panel is window.audit_panel and "正在审核" not in status


def test_a_file_that_needs_a_question_at_start_shows_what_is_opening_behind_it(window, qtbot, monkeypatch):
    """At start the window is shown before the file opens (its report is the first paint); when the file needs a
    question (here: another window holds it), the welcome page says which file is opening behind the dialog."""
    from evaldesk.ui import dialogs
    from evaldesk.ui.app import open_window

    behind = []
    monkeypatch.setattr(dialogs, "decide", lambda parent, title, message, options: behind.append(
        (parent.isVisible(), parent.stack.currentWidget() is parent.welcome, parent.welcome.where.text())) or 0)
    second = open_window(window.store.path, show_first=True)
    qtbot.addWidget(second)
    visible, welcome_shown, where = behind[0]
    assert visible and welcome_shown and "正在打开数据文件" in where and window.store.path.name in where
    assert second.store is not None and second.store.read_only  # then opened read-only, as answered


OPEN_OUTSIDE_QT = """
import json, sys
from evaldesk.app.datafile import open_data_file, report_to_open
from evaldesk.app.session import ReportSession

store = open_data_file(sys.argv[1])
session = ReportSession(store, store.load(report_to_open(store)), audit=False)  # as the window paints first
from evaldesk.audit.findings import counts
counts(session.findings)  # the status bar's badge
loaded = lambda *names: [name for name in names if name in sys.modules]
seen = {"at_paint": loaded("sqlalchemy", "reportlab", "openpyxl", "evaldesk.audit.engine", "evaldesk.audit.arithmetic",
                           "evaldesk.templates.newyear", "_hashlib", "socket"),
        "total": str(session.sheet.total), "findings_at_paint": len(session.findings)}
session.run_audit()
seen["after_audit"] = loaded("evaldesk.audit.engine")
seen["findings"] = len(session.findings)
store.close()
print(json.dumps(seen))
"""


def test_the_open_outside_qt_loads_no_database_library_printing_workbook_or_audit_before_the_paint(tmp_path):
    """The domain's share of the window's open (the data file, the report, its session): none of the heavy
    libraries, nor the audit's checks, which the first audit loads after the paint."""
    db = tmp_path / "数据.sqlite"
    store = Store(db)
    store.add(read_json(SAMPLE_REPORT))
    store.close()
    env = {**os.environ, "EVALDESK_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-c", OPEN_OUTSIDE_QT, str(db)], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["at_paint"] == []
    assert seen["total"] != "0" and seen["findings_at_paint"] == 0   # scored at once, audited after the paint
    assert seen["after_audit"] == ["evaldesk.audit.engine"] and seen["findings"] > 0
