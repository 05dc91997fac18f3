"""Start-up concerns: the bundled font, Chinese Qt dialogs, kill-safety of every edit, menus a user expects."""

import os
import signal
import subprocess
import sys
import textwrap
from decimal import Decimal

from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from evaldesk.datafile.store import Store
from evaldesk.ui.app import open_window


def test_bundled_font_renders_chinese_without_system_fonts(app):
    assert "Noto Sans SC" in QFontDatabase.families()
    assert app.font().family() == "Noto Sans SC"
    metrics = QFontMetrics(app.font())
    for ch in "部门整体支出绩效评价自评报告１２３":
        assert metrics.inFontUcs4(ord(ch)), ch


def test_qt_dialogs_speak_chinese(app):
    # Qt's own buttons and file dialogs take their words from the installed translation.
    assert QApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QApplication.translate("QFileDialog", "Look in:") != "Look in:"


def test_an_edit_survives_killing_the_program(tmp_path):
    db = tmp_path / "killed.sqlite"
    script = textwrap.dedent(f"""
        import os, signal
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from evaldesk.ui.app import create_app, open_window
        app = create_app()
        window = open_window({str(db)!r})
        window.files.add_sample()
        field = window.pages[1].editors["basic.phone"]
        field.editor.setText("0730-8417107")
        field.commit()
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == -signal.SIGKILL
    store = Store(db)
    report = store.load(store.list_reports()[0].id)
    assert report.get("basic.phone") == "0730-8417107"
    assert report.units[0].cells["income.general"] == Decimal("90.5")
    store.close()


def test_menus_a_desktop_user_expects(window):
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[:2] == ["文件(&F)", "编辑(&E)"] and "帮助(&H)" in titles
    file_action = window.menuBar().actions()[0]  # held: PySide6 6.9.3 drops the menu's wrapper with a temporary action
    file_menu = file_action.menu()
    texts = [a.text() for a in file_menu.actions()]
    for expected in ("新建报告…", "打开数据文件…", "最近打开", "另存为…", "导出报送文件（xlsx）…", "打印预览…",
                     "打印…", "导出 PDF…", "退出"):
        assert expected in texts, expected
    assert window.settings["recent"][0] == str(window.store.path)


def test_save_as_makes_a_consistent_copy_and_switches_to_it(window, tmp_path, monkeypatch, answers):
    from evaldesk.ui import dialogs

    target = tmp_path / "副本.sqlite"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.files.save_as()
    assert window.store.path == target
    assert window.document.sheet.total == Decimal("92.5")
    assert "副本.sqlite" in window.windowTitle()


def test_about_says_where_the_data_lives(window, answers):
    window.about()
    kind, title, message = answers.shown[-1]
    assert title == "关于 evaldesk" and str(window.store.path) in message


def test_a_newer_database_is_refused_with_a_dialog_and_left_alone(app, qtbot, tmp_path, answers):
    db = tmp_path / "future.sqlite"
    Store(db).close()
    import sqlite3

    connection = sqlite3.connect(db)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()
    before = db.read_bytes()
    win = open_window(db)
    qtbot.addWidget(win)
    assert "更新版本" in answers.shown[0][2]
    assert db.read_bytes() == before


def test_a_locked_database_gets_a_dialog_and_is_not_touched(app, qtbot, tmp_path, answers):
    import sqlite3

    db = tmp_path / "busy.sqlite"
    Store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program is writing to it
    try:
        win = open_window(db)
        qtbot.addWidget(win)
        assert answers.shown and "正被另一个程序使用" in answers.shown[0][2]
        assert win.document is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_file_in_a_missing_folder_gets_a_dialog_and_no_folder_is_made(app, qtbot, answers, tmp_path):
    win = open_window(tmp_path / "打错的" / "data.sqlite")
    qtbot.addWidget(win)
    assert answers.shown and "不存在" in answers.shown[0][2]
    assert not (tmp_path / "打错的").exists()
    assert win.store is None
