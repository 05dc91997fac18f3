"""Issue 11, points 2, 3, 4, 5, 7, 9 and 12, done as the filler did them: the finding clicked stays readable, the
wheel scrolls instead of changing an answer, Tab keeps to the amounts and goes left to right in a new row, the
score sheet does not jump, messages stand by their cause, undo and redo say which they did, the 支出 grid has the
paper's nested 其中, and 评分标准 stands under each indicator."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from evaldesk.audit.findings import Severity
from evaldesk.model.edits import SetField
from evaldesk.model.report import sheet_key
from evaldesk.ui.settings import Settings
from evaldesk.ui.sheet import ChecklistAnswer

from test_window import cell_text, grid, type_into_cell


def wheel(widget, notches: int) -> None:
    """Turn the mouse wheel over the middle of ``widget`` (negative: towards the filler, scrolling down).

    Delivered as QApplication delivers a real (spontaneous) wheel event: to the widget under the mouse, then to
    each parent in turn until one accepts it. A synthetic event sent with sendEvent would stop at the first."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    target = widget
    while target is not None:
        event = QWheelEvent(QPointF(widget.mapTo(target, centre.toPoint())), QPointF(widget.mapToGlobal(centre.toPoint())),
                            QPoint(0, 0), QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(target, event)
        if event.isAccepted():
            return
        target = target.parentWidget()


def test_the_clicked_finding_stays_readable_when_the_focus_moves(window):
    panel = window.audit_panel
    item = next(panel.tree.item(i) for i in range(panel.tree.count())
                if panel.tree.item(i).data(Qt.ItemDataRole.UserRole).severity is Severity.WARNING)
    finding = item.data(Qt.ItemDataRole.UserRole)
    panel._clicked(item)
    panel.tree.setCurrentItem(item)
    window.pages[1].setFocus()  # the focus elsewhere: the selection is drawn inactive
    image = panel.tree.viewport().grab().toImage()
    rect = panel.tree.visualItemRect(item)
    box = image.pixelColor(rect.left() + 1, rect.top() + 1)
    darkest = min(image.pixelColor(x, y).lightness() for x in range(rect.left(), rect.right(), 2)
                  for y in range(rect.top(), rect.bottom(), 2))
    assert box.lightness() - darkest > 120  # dark words on a pale box, not an empty-looking one
    assert finding.message in panel.note_title.text()  # the 说明 box names its finding


def test_the_wheel_over_a_checklist_answer_scrolls_the_sheet_and_keeps_the_answer(window, qtbot):
    sheet = window.pages[6]
    window.tabs.setCurrentWidget(sheet)
    qtbot.waitUntil(sheet.isVisible, timeout=30000)
    sheet.edit("budget_rules", "input")   # 预算管理制度健全性: its three answers, editable
    answer = sheet.view.findChildren(ChecklistAnswer)[0]
    key = answer.typing.key
    bar = sheet.view.verticalScrollBar()
    bar.setValue(bar.value() - 50)
    before_answer = window.document.report.get(key)
    before_text, before_scroll = answer.currentText(), bar.value()
    wheel(answer, -2)
    assert answer.currentText() == before_text
    assert window.document.report.get(key) == before_answer
    assert bar.value() > before_scroll


def test_tab_at_the_end_of_a_row_goes_to_the_next_units_first_amount_not_its_name(window, qtbot):
    view = grid(window, "income")
    model = view.model()
    row = model.HEADER_ROWS + 1  # 1、局机关
    view.setFocus()
    view.setCurrentIndex(model.index(row, model.columnCount() - 1))  # 其他收入, the last column
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (row + 1, 2)  # 二级机构1's 上年结转
    type_into_cell(qtbot, view, view.currentIndex().row(), view.currentIndex().column(), "150")
    units = window.document.report.units
    assert units[1].name == "二级机构1"  # not renamed "150"
    assert cell_text(view, row + 1, 2) == "150.00"


def test_tab_skips_the_computed_total(window, qtbot):
    view = grid(window, "income")
    model = view.model()
    view.setFocus()
    view.setCurrentIndex(model.index(model.HEADER_ROWS + 1, 0))  # a unit's name
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex().column() == 2  # 收入合计 (column 1) is computed


def test_a_new_quantitative_row_tabs_from_name_to_target_to_result(window, qtbot):
    """The row starts in its first column (issue 24: 评价内容 and 指标类型, continued from the row above, then
    名称 → 目标 → 完成情况 by Tab)."""
    quant = window.pages[3].quant
    window.tabs.setCurrentIndex(3)
    quant.add()
    row = quant.current_row()
    assert quant.view.currentIndex().column() == 0
    for column in (1, 2):  # through 评价内容 and 指标类型, as they were continued
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: quant.view.currentIndex().column() == column)
    for text in ("受益农户数", "≥500户"):
        editor = QApplication.focusWidget()
        assert editor is not quant.view, "the new row's cell is open for typing"
        editor.setText(text)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
    editor = QApplication.focusWidget()
    editor.setText("526户")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: quant.view.state() != quant.view.State.EditingState, timeout=30000)
    values = window.document.report.lists["quant"][row].values
    assert (values.get("name"), values.get("target"), values.get("actual")) == ("受益农户数", "≥500户", "526户")


def test_the_row_typed_in_stays_put_when_a_finding_line_goes_from_it(window, qtbot):
    sheet = window.pages[6]
    window.tabs.setCurrentWidget(sheet)
    qtbot.waitUntil(sheet.isVisible, timeout=30000)
    row_id = next(leaf.id for leaf in sheet.model.plan.leaves if "未说明依据" in sheet.shown(leaf.id, "notes"))
    editor = sheet.edit(row_id, "reason")
    row = sheet.model.row_of[row_id]
    before = sheet.view.rowViewportPosition(row)
    editor.setPlainText("上年三公经费合计见财务决算报表，未增长，计满分。")
    assert "未说明依据" not in sheet.shown(row_id, "notes")
    assert sheet.view.rowViewportPosition(row) == before
    assert sheet.view.rowHeight(row + 1) >= sheet.view.row_need(row + 1)   # the notes under it, whole


def test_the_row_typed_in_stays_put_when_the_notes_above_it_grow(window, qtbot):
    sheet = window.pages[6]
    window.tabs.setCurrentWidget(sheet)
    qtbot.waitUntil(sheet.isVisible, timeout=30000)
    leaves = [leaf.id for leaf in sheet.model.plan.leaves]
    sheet.view.show_cell(sheet.cell_index(leaves[3], "hand"))
    row = sheet.model.row_of[leaves[3]]
    before, above = sheet.view.rowViewportPosition(row), sheet.view.rowHeight(1)
    window.document.apply(SetField(sheet_key(leaves[0], "hand"), "0.5"))  # an override without a reason: an 错误
    assert "写明改分理由" in sheet.shown(leaves[0], "notes")
    assert sheet.view.rowHeight(1) >= sheet.view.row_need(1)    # the notes above take the room they need …
    assert sheet.view.rowViewportPosition(row) == before        # … and the row typed in does not move
    sheet.model.fold(leaves[0])                                 # a click folds them to one line
    assert sheet.view.rowHeight(1) < above and "▸" in sheet.shown(leaves[0], "notes")
    assert sheet.view.rowViewportPosition(row) == before


def test_a_long_finding_is_shown_whole_in_the_largest_font_size(screen_window, qtbot):
    window = screen_window
    window.menus.font_size_actions["特大"].trigger()
    sheet = window.pages[6]
    window.tabs.setCurrentWidget(sheet)
    qtbot.waitUntil(sheet.isVisible, timeout=30000)
    dock = window.audit_dock.width()
    editor = sheet.edit("staff_control", "hand")
    qtbot.keyClicks(editor, "0.5")
    notes = sheet.shown("staff_control", "notes")
    assert "【错误】“财政供养人员控制率”按规则计算得 5 分" in notes and "写明改分理由" in notes and "…" not in notes
    row = sheet.model.row_of["staff_control"] + 1
    assert sheet.view.rowHeight(row) >= sheet.view.row_need(row) and window.audit_dock.width() == dock
    window.menus.font_size_actions["标准"].trigger()


def test_an_over_long_paste_says_so_under_its_own_grid(window, qtbot):
    page = window.pages[2]
    view = grid(window, "income")
    model = view.model()
    view.setCurrentIndex(model.index(model.HEADER_ROWS + 1, 2))
    view.paste_clipboard("1\n2\n3\n4\n5")  # five lines, three units
    message = page.messages["income"]
    assert message.isVisible() and "超出" in message.text()
    assert "标红" not in message.text()  # nothing was marked, so it does not say so
    assert not page.messages["expense"].isVisible()
    view.setCurrentIndex(model.index(model.HEADER_ROWS + 2, 3))
    view.paste_clipboard("abc")
    assert "标红" in message.text() and "“abc”" in message.text()
    assert model.error_at(model.index(model.HEADER_ROWS + 2, 3)) is not None


def test_a_refused_cell_says_why_under_its_grid_without_hovering(window, qtbot):
    page = window.pages[2]
    view = grid(window, "income")
    model = view.model()
    type_into_cell(qtbot, view, model.HEADER_ROWS + 2, 2, "abc")
    message = page.messages["income"]
    assert message.isVisible() and "“abc”未被接受" in message.text()
    model.setData(model.index(model.HEADER_ROWS + 1, 3), "12")  # another figure typed clears the line …
    assert not message.isVisible()
    view.setCurrentIndex(model.index(model.HEADER_ROWS + 2, 2))  # … and the red cell says it again
    assert "“abc”未被接受" in message.text()


def test_undo_and_redo_say_which_they_did(window, qtbot):
    field = window.pages[1].editors["basic.contact"]
    field.editor.setText("李四")
    field.commit()
    window.menus.undo_action.trigger()
    assert window.statusBar().currentMessage().startswith("已撤销：")
    window.menus.redo_action.trigger()
    assert window.statusBar().currentMessage().startswith("已重做：")


def test_the_expense_grid_nests_its_second_qizhong_under_basic_spending(window):
    model = grid(window, "expense").model()
    assert model.HEADER_ROWS == 3
    headers = model.headers
    columns = {c.key: i + 1 for i, c in enumerate(model.grid.columns)}
    assert headers[(1, columns["basic"])] == "基本支出"
    assert headers[(1, columns["personnel"])] == "其中："
    assert headers[(2, columns["personnel"])] == "人员支出" and headers[(2, columns["public"])] == "公用支出"


def test_short_headings_and_units_never_break_inside_a_word(window, qtbot):
    sheet = window.pages[6]
    window.tabs.setCurrentWidget(sheet)
    qtbot.waitUntil(sheet.isVisible, timeout=30000)
    view = sheet.view
    metrics = view.fontMetrics()
    for part, words in (("weight", "分值"), ("state", "已计算"), ("hand", "手工评分")):
        assert view.columnWidth(sheet.cell_index("staff_control", part).column()) >= \
            metrics.horizontalAdvance(words) + 8, words
    units = [line for leaf in sheet.model.plan.leaves for line in sheet.shown(leaf.id, "input").splitlines()
             if "万" in line and "）" in line]
    assert units and all("（\u2060万\u2060元\u2060）" in line for line in units)   # never broken inside （万元）


def test_the_scoring_standard_stands_under_each_indicator_and_folds_away(window, qtbot):
    sheet = window.pages[6]
    window.tabs.setCurrentWidget(sheet)
    qtbot.waitUntil(sheet.isVisible, timeout=30000)
    leaf = sheet.model.plan.leaves[0]
    assert f"评分标准：{leaf.standard}" in sheet.shown(leaf.id, "notes")
    sheet.standards_box.setChecked(False)
    assert "评分标准" not in sheet.shown(leaf.id, "notes")
    assert Settings.load()["sheet_standards"] is False  # the next sheet opens folded
    sheet.standards_box.setChecked(True)
    assert leaf.standard in sheet.shown(leaf.id, "notes")


def test_a_long_result_wraps_whole_in_its_row(window, qtbot):
    quant = window.pages[3].quant
    window.tabs.setCurrentIndex(3)
    long_text = "完成情况良好，" * 30 + "全部达标"
    quant.model.setData(quant.model.index(0, 4), long_text)
    assert quant.view.textElideMode() == Qt.TextElideMode.ElideNone
    width = quant.view.columnWidth(4)
    needed = quant.view.fontMetrics().boundingRect(0, 0, width - 8, 10000, Qt.TextFlag.TextWordWrap, long_text)
    qtbot.waitUntil(lambda: quant.view.rowHeight(0) >= needed.height(), timeout=30000)  # the row grows once laid out




def test_the_wheel_over_the_welcome_page_changes_neither_the_sheet_nor_the_year(window, qtbot):
    window.show_welcome()
    welcome = window.welcome
    qtbot.waitUntil(welcome.isVisible, timeout=30000)
    assert welcome.template.count() > 1
    welcome.template.setCurrentIndex(0)  # the wheel turned towards the filler would go on to the next sheet
    sheet, year = welcome.template.currentIndex(), welcome.year.value()
    for box in (welcome.template, welcome.year):
        box.setFocus()  # even with the focus, as after a click
        wheel(box, -2)
    assert (welcome.template.currentIndex(), welcome.year.value()) == (sheet, year)
