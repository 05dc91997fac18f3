"""Issue 24, Entry: a fresh report typed through the window at 1366×768. A two-line paste into a task row splits
it and leaves the boxes around it as they were; a table row copied from Word or Excel pastes into 定量目标; a new
row starts in its first column; the 指标类型 box shows its choices whole; 指标名称's heading is not clipped at 特大."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from evaldesk.ui import screen


@pytest.fixture
def fresh(app, qtbot, tmp_path, answers):
    """The window on a data file holding one new, empty report (2023, 某县农业农村局), maximised on 1366×768."""
    from evaldesk.app.datafile import create_report
    from evaldesk.datafile.store import Store
    from evaldesk.ui.app import open_window

    db = tmp_path / "某县.sqlite"
    store = Store(db)
    create_report(store, 2023, "某县农业农村局")
    store.set_state("open_report", "1")
    store.close()
    window = open_window(db)
    qtbot.addWidget(window)
    window.showMaximized()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.audit_panel is not None, timeout=5000)
    return window


def type_chinese(widget, text: str) -> None:
    """What an input method does when the filler picks the characters."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def paste(widget, text: str, qtbot) -> None:
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def top_in(page, widget) -> int:
    return widget.mapTo(page.viewport(), widget.rect().topLeft()).y()


@pytest.mark.parametrize("size", ["标准", "特大"])
def test_a_two_line_paste_into_a_task_leaves_the_boxes_around_it_in_place(fresh, qtbot, size):
    """Was: 职能职责概述 grew from 68 to 191 px and the 成绩 box jumped below the screen."""
    window = fresh
    window.menus.font_size_actions[size].trigger()
    window.tabs.setCurrentIndex(1)
    page = window.pages[1]
    duties, achievements = page.editors["basic.duties"], page.editors["basic.achievements"]
    type_chinese(duties.editor, "负责全县农业农村工作。")
    height, top = duties.editor.height(), top_in(page, achievements)
    page.tasks.add()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    paste(editor, "任务1：抓好粮食生产\n任务2：推进乡村振兴", qtbot)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt stores the cell once the key is handled
    qtbot.waitUntil(lambda: page.tasks.model.rowCount() == 2, timeout=30000)
    assert [item.values["text"] for item in window.document.report.lists["tasks"]] == ["抓好粮食生产", "推进乡村振兴"]
    QApplication.processEvents()  # the page lays itself out again (posted layout requests), as between two clicks
    assert duties.editor.height() == height
    row = page.tasks.view.rowHeight(0)
    moved = top_in(page, achievements) - top
    assert moved <= 2 * row + page.tasks.message.height() + 12  # the list's new rows and its note, no more
    assert top_in(page, achievements) + 60 < page.viewport().height()  # the 成绩 box is still on the screen


def quant_editor(window):
    window.tabs.setCurrentIndex(3)
    page = window.pages[3]
    return page, page.quant


def test_a_table_row_copied_from_word_pastes_across_the_quantitative_row(fresh, qtbot):
    window = fresh
    page, quant = quant_editor(window)
    row = "产出目标\t数量指标\t指标1\t完成高标准农田建设2万亩\t完成2.1万亩，超额完成\r\n"
    quant.view.setFocus()
    paste(quant.view, row, qtbot)  # no row yet, nothing selected: a new row at the end
    items = window.document.report.lists["quant"]
    assert [item.values for item in items] == [{"group": "产出目标", "kind": "数量指标", "name": "指标1",
                                                "target": "完成高标准农田建设2万亩", "actual": "完成2.1万亩，超额完成"}]
    assert "已粘贴 1 行" in quant.message.text() and quant.message.isVisible()
    window.menus.undo_action.trigger()
    assert window.document.report.lists["quant"] == []


def test_a_table_row_pasted_while_a_cell_is_being_typed_in_fills_the_row(fresh, qtbot):
    window = fresh
    page, quant = quant_editor(window)
    quant.add()  # the new row's first cell is open for typing
    assert quant.view.currentIndex().column() == 0
    editor = QApplication.focusWidget()
    assert quant.view.isAncestorOf(editor)
    paste(editor, "效益目标\t社会效益\t指标2\t农民人均可支配收入增长6%\t增长6.3%", qtbot)
    values = window.document.report.lists["quant"][0].values
    assert values["group"] == "效益目标" and values["kind"] == "社会效益" and values["actual"] == "增长6.3%"


def test_a_refused_cell_of_a_pasted_row_is_named_and_the_rest_is_stored(fresh, qtbot):
    window = fresh
    page, quant = quant_editor(window)
    quant.view.setFocus()
    paste(quant.view, "产出目标\t数目指标\t指标1\t目标\t完成", qtbot)
    values = window.document.report.lists["quant"][0].values
    assert values.get("kind") is None and values["target"] == "目标"
    assert "指标类型" in quant.message.text() and "数目指标" not in values.values()


def test_a_new_row_starts_in_its_first_column_and_the_kind_box_shows_its_choices_whole(fresh, qtbot):
    window = fresh
    page, quant = quant_editor(window)
    quant.add()
    assert quant.view.currentIndex().column() == 0
    QApplication.focusWidget().clearFocus()
    kind = quant.model.index(0, 1)
    quant.view.setCurrentIndex(kind)
    quant.view.edit(kind)
    combo = next(w for w in quant.view.findChildren(QComboBox) if w.isVisible())
    combo.setCurrentText("数量指标")
    assert combo.width() >= combo.sizeHint().width()  # not cut to “数量:”


def test_the_quantitative_headings_are_whole_at_the_largest_text_size(fresh, qtbot):
    window = fresh
    window.menus.font_size_actions["特大"].trigger()
    assert QApplication.font().pointSizeF() == screen.FONT_SIZES["特大"]
    page, quant = quant_editor(window)
    header = quant.view.horizontalHeader()
    for column in range(quant.model.columnCount()):
        assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width(), \
            quant.model.headerData(column, Qt.Orientation.Horizontal)
