"""Issue 11, "dialogs sized to the screen": on the 1280×720 screen every dialog the program opens keeps its buttons
on the screen — a message of any length, a list of long entries (从备份恢复), the 使用说明, and Qt's own dialogs
(file, print, progress) through the application's filter."""

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QDialog, QFileDialog, QMessageBox, QTextEdit

from conftest import move_to_screen
from evaldesk.ui import dialogs


def on_screen(widget, window) -> bool:
    """Wholly on the screen the filler's window is on, every button included."""
    area = window.screen().availableGeometry()
    # From the dialog's geometry: offscreen, mapToGlobal does not follow a dialog placed on a second screen.
    return area.contains(widget.frameGeometry()) and all(
        area.contains(QRect(widget.geometry().topLeft() + button.mapTo(widget, QPoint(0, 0)), button.size()))
        for button in widget.findChildren(QAbstractButton) if button.isVisible())


def test_a_long_message_keeps_its_buttons_on_a_small_screen_and_its_whole_text(window, qtbot):
    move_to_screen(window, "small")
    message = "\n".join(f"第 {n} 行：第二部分表 3 第 {n} 行的金额不是数字" for n in range(1, 61))
    box = dialogs.message_box(QMessageBox.Icon.Critical, "未能导入", message, window)
    box.addButton("确定", QMessageBox.ButtonRole.AcceptRole)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    assert on_screen(box, window)
    assert "第 1 行" in box.text() and "共 60 行" in box.text() and "第 60 行" not in box.text()
    assert "第 60 行" in box.detailedText()  # nothing lost: the whole text one click away …
    details = [b for b in box.findChildren(QAbstractButton) if b.text().startswith("显示详情")]
    assert details and "显示详情" in box.text()  # … on the button the message names (Qt's own, in Chinese)


def test_a_short_message_is_shown_whole(window):
    box = dialogs.message_box(QMessageBox.Icon.Information, "导出", "已导出。", window)
    assert box.text() == "已导出。" and box.detailedText() == ""


def test_a_list_of_long_entries_is_no_wider_than_a_small_screen(window, qtbot):
    move_to_screen(window, "small")
    items = [f"2023年11月{day}日 17:05　云溪区委编办_2023_部门整体支出绩效评价自评报告（3 份报告，" + "备注" * 120 + "）"
             for day in range(1, 20)]
    dialog = dialogs.chooser(window, "从备份恢复", "用哪一份备份替换“reports.sqlite”？\n（现在的文件会先保留在备份文件夹中）"
                             * 3, items, 2)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert on_screen(dialog, window)
    assert dialog.textValue() == items[2]


def test_the_guide_fits_a_small_screen(window, qtbot):
    move_to_screen(window, "small")
    guide = window.show_guide()
    qtbot.waitExposed(guide)
    assert on_screen(guide, window)


def test_qt_own_dialogs_are_kept_on_the_screen_where_they_are_made(window, qtbot):
    from evaldesk.ui.screen import kept_on_screen

    move_to_screen(window, "small")
    for dialog in (kept_on_screen(QFileDialog(window, "打开数据文件")), kept_on_screen(QDialog(window))):
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True) if isinstance(dialog, QFileDialog) else None
        qtbot.addWidget(dialog)
        dialog.resize(1600, 1000)  # as a dialog remembered from a larger screen, or made tall by its contents
        dialog.show()
        qtbot.waitExposed(dialog)
        assert on_screen(dialog, window), type(dialog).__name__
        dialog.close()


def test_the_summary_progress_is_on_the_screen(window, qtbot, tmp_path, answers):
    answers.yes = False  # 现在打开汇总表吗？— no

    move_to_screen(window, "small")
    run = window.summary.start_summary(tmp_path, tmp_path / "汇总.xlsx")
    progress = run.progress_dialog
    qtbot.waitExposed(progress)
    assert on_screen(progress, window)
    qtbot.waitUntil(run.finished.is_set, timeout=60000)
    qtbot.waitUntil(lambda: bool(answers.shown), timeout=60000)  # the run's last word: done, or nothing to summarise


def test_no_text_box_in_a_short_message(window):
    box = dialogs.message_box(QMessageBox.Icon.Information, "提示", "好", window)
    assert not box.findChildren(QTextEdit)
