"""Driving the real window offscreen. Dialogs are answered by the test (never exec'd)."""

import pytest

from evaldesk.ui import dialogs, screen

# The offscreen screens of tests/screens.json, by name.
SCREENS = {"office": (1366, 768), "small": (1280, 720)}


def screen_named(name: str):
    from PySide6.QtGui import QGuiApplication

    return next(s for s in QGuiApplication.screens() if s.name() == name)


def move_to_screen(window, name: str) -> None:
    """Open ``window`` (the main window) on the named screen as a filler whose PC has that screen sees it: placed
    by the program for that screen's available area, then shown."""
    from PySide6.QtCore import Qt

    target = screen_named(name)
    if window.screen() is target:
        return
    window.hide()
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.setScreen(target)
    screen.place_main_window(window, {})
    window.show()


@pytest.fixture
def answers(monkeypatch):
    """Record every dialog the window would show; questions are answered from ``answers.yes`` (default yes)."""

    class Answers:
        yes = True
        shown: list = []

    record = Answers()
    record.shown = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message: record.shown.append(("error", title, message)))
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, message: record.shown.append(("inform", title, message)))
    monkeypatch.setattr(dialogs, "ask", lambda parent, title, message: record.shown.append(("ask", title, message))
                        or record.yes)
    # several answers: the first one for "yes", the second for "no" (as 替换原报告 / 另存为新报告)
    monkeypatch.setattr(dialogs, "decide", lambda parent, title, message, options:
                        record.shown.append(("decide", title, message)) or (0 if record.yes else 1))
    return record


@pytest.fixture
def app(qapp):
    from evaldesk.ui.app import create_app

    return create_app()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "reports.sqlite"


@pytest.fixture
def window(app, qtbot, db_path, answers):
    """The window on a fresh file holding the reference sample, shown."""
    from evaldesk.ui.app import open_window

    win = open_window(db_path)
    qtbot.addWidget(win)
    win.show()
    win.files.add_sample()
    qtbot.waitExposed(win)
    settle(win, qtbot)
    return win


def settle(window, qtbot) -> None:
    """Wait, as the filler does for a few milliseconds, until the report just opened in a shown window has its
    audit on screen too (it follows the report's first paint: MainWindow.open_report)."""
    qtbot.waitUntil(lambda: window.document is None or window.audit_panel is not None, timeout=30000)


@pytest.fixture(params=list(SCREENS))
def screen_window(request, window, qtbot):
    """The window with the sample, on each office screen in turn (1366×768, then 1280×720)."""
    move_to_screen(window, request.param)
    qtbot.waitExposed(window)
    assert window.screen().availableGeometry().size().toTuple() == SCREENS[request.param]
    return window


@pytest.fixture
def started(app, qtbot, tmp_path, answers):
    """Start a window as `evaldesk` does on a data file holding the sample (and a blank report for each year
    given), returned before its first paint: its report's audit still waits for that paint."""
    from evaldesk.app.datafile import create_report
    from evaldesk.exchange.report_json import read_json
    from evaldesk.datafile.store import Store
    from evaldesk.resources import SAMPLE_REPORT
    from evaldesk.ui.app import open_window

    def start(*more_years: int):
        db = tmp_path / "样例.sqlite"
        store = Store(db)
        store.add(read_json(SAMPLE_REPORT))
        for year in more_years:
            create_report(store, year, "某某县农业农村局")
        store.set_state("open_report", "1")
        store.close()
        window = open_window(db, show_first=True)
        qtbot.addWidget(window)
        return window

    return start
