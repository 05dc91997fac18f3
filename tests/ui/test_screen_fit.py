"""Issue 11, point 6 and the 字号: on the office PCs' 1366×768 and 1280×720 screens (tests/screens.json) the window,
the print preview and the template editor fit; size and maximised state come back; a larger 字号 keeps every tab
free of sideways scrolling and the status bar with 总分/等次 on screen."""

import pytest
from PySide6.QtCore import QPoint, QRect

from evaldesk.ui import screen
from evaldesk.ui.app import open_window
from evaldesk.ui.settings import Settings


def screen_area(widget) -> QRect:
    return widget.screen().availableGeometry()


def global_rect(widget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def test_the_offscreen_screen_is_the_office_pc(window):
    assert (screen_area(window).width(), screen_area(window).height()) == (1366, 768)


def test_the_window_opens_maximised_with_total_and_grade_on_screen(screen_window, qtbot):
    window = screen_window
    assert window.isMaximized()  # 1366 px is below the width where a smaller window would be of use
    area = screen_area(window)
    assert area.contains(window.frameGeometry())
    assert area.contains(global_rect(window.statusBar()))
    assert area.contains(global_rect(window.score_label)) and window.score_label.isVisible()
    assert "总分 92.5" in window.score_label.text() and "等次 优秀" in window.score_label.text()


def test_size_and_maximised_state_are_remembered(app, qtbot, db_path, answers, window):
    window.showNormal()
    window.setGeometry(100, 80, 1100, 640)
    qtbot.waitUntil(lambda: window.width() == 1100, timeout=30000)
    window.close()
    again = open_window(db_path)
    qtbot.addWidget(again)
    again.show()
    assert not again.isMaximized()
    assert (again.width(), again.height()) == (1100, 640)
    again.showMaximized()
    again.close()
    third = open_window(db_path)
    qtbot.addWidget(third)
    third.show()
    assert third.isMaximized()


def test_a_remembered_size_larger_than_this_screen_is_not_used(app, qtbot, db_path, answers, window):
    window.showNormal()
    window.setGeometry(0, 0, 1900, 1040)  # as left on a large screen
    window.close()
    again = open_window(db_path)
    qtbot.addWidget(again)
    again.show()
    assert screen_area(again).contains(again.frameGeometry())


def test_print_preview_fits_with_its_buttons_on_screen(screen_window, qtbot):
    window = screen_window
    from PySide6.QtWidgets import QPushButton


    window.output.print_preview()
    preview = window.preview
    qtbot.addWidget(preview)
    qtbot.waitExposed(preview)
    area = screen_area(preview)
    assert area.contains(preview.frameGeometry())
    buttons = {b.text(): b for b in preview.findChildren(QPushButton)}
    for text in ("打印…", "关闭"):
        assert area.contains(global_rect(buttons[text])), text


def test_the_template_editor_fits_the_screen(screen_window, qtbot):
    editor = screen_window.templates.edit_template()
    qtbot.waitExposed(editor)
    assert editor.screen() is screen_window.screen()
    assert screen_area(editor).contains(editor.frameGeometry())


def test_the_template_editor_shows_whole_names_at_the_largest_size_and_closes_on_esc(screen_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics

    screen_window.menus.font_size_actions["特大"].trigger()
    editor = screen_window.templates.edit_template()
    qtbot.waitExposed(editor)
    tree = editor.tree
    for item in editor.items.values():   # each name whole, on more lines if its column is too narrow: not "财政…"
        shown = tree.visualItemRect(item)
        room = tree.columnWidth(0) - (shown.left() - tree.columnViewportPosition(0)) - 8
        needed = QFontMetrics(item.font(0)).boundingRect(0, 0, room, 100000, Qt.TextFlag.TextWordWrap, item.text(0))
        assert shown.height() >= needed.height(), item.text(0)
    for indicator in editor.items:   # and each indicator's panel in the narrower side, without a sideways scrollbar
        editor.select(indicator)
        qtbot.waitUntil(lambda: editor.panel is not None and editor.panel.indicator_id == indicator, timeout=30000)
        assert editor.panel.minimumSizeHint().width() <= editor.detail.viewport().width(), indicator
    qtbot.keyClick(editor.tree, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    screen_window.menus.font_size_actions[screen.DEFAULT_FONT_SIZE].trigger()


@pytest.mark.parametrize("size", list(screen.FONT_SIZES))
def test_every_tab_fits_without_sideways_scrolling_in_every_font_size(screen_window, qtbot, size):
    window = screen_window
    window.menus.font_size_actions[size].trigger()
    for index, page in enumerate(window.pages):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(page.isVisible, timeout=30000)
        area = page.view if hasattr(page, "model") and hasattr(page.view, "widths") else page   # the 评分表: its table
        if area is page:
            try:   # once the page has laid itself out (a posted event)
                qtbot.waitUntil(lambda: page.widget().minimumSizeHint().width() <= page.viewport().width()
                                and page.horizontalScrollBar().maximum() == 0, timeout=10000)
            except qtbot.TimeoutError:
                pass  # said by the asserts, with the tab's name
            assert page.widget().minimumSizeHint().width() <= page.viewport().width(), window.tabs.tabText(index)
        else:
            assert sum(area.widths) <= area.viewport().width() and page.minimumSizeHint().width() <= page.width()
        assert area.horizontalScrollBar().maximum() == 0, window.tabs.tabText(index)
    assert screen_area(window).contains(global_rect(window.score_label))
    assert screen_area(window).contains(global_rect(window.audit_panel))
    window.menus.font_size_actions[screen.DEFAULT_FONT_SIZE].trigger()


def test_font_size_is_larger_text_kept_with_the_report_and_remembered(app, qtbot, db_path, answers, window):
    page = window.pages[1]
    field = page.editors["basic.contact"]
    field.editor.setText("李四")
    field.commit()
    small = field.editor.fontMetrics().height()
    window.tabs.setCurrentIndex(3)
    window.menus.font_size_actions["特大"].trigger()
    assert window.tabs.currentIndex() == 3  # the same tab, the same report …
    window.tabs.setCurrentIndex(1)
    assert window.pages[1].editors["basic.contact"].editor.fontMetrics().height() > small * 1.25
    assert window.document.report.get("basic.contact") == "李四"
    window.menus.undo_action.trigger()  # … and the same undo history
    assert window.document.report.get("basic.contact") != "李四"
    assert Settings.load()["font_size"] == "特大"
    window.close()
    again = open_window(db_path)
    qtbot.addWidget(again)
    assert again.menus.font_size_actions["特大"].isChecked()
    assert again.font().pointSizeF() == screen.FONT_SIZES["特大"]
    again.menus.font_size_actions[screen.DEFAULT_FONT_SIZE].trigger()  # the next test starts at the usual size
