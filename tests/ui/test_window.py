"""The window as a filler uses it: figures in part 二 move the score sheet, hand scores move the total, undo puts
everything back, a pasted block lands, and everything is still there after closing and reopening."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from evaldesk.datafile.store import Store
from evaldesk.ui.app import open_window


def grid(window, key):
    page = window.pages[2]
    window.tabs.setCurrentWidget(page)
    view = page.views[key]
    page.ensureWidgetVisible(view)
    return view


def type_into_cell(qtbot, view, row, column, text):
    model = view.model()
    view.setFocus()
    view.setCurrentIndex(model.index(row, column))
    qtbot.keyClicks(view, text[0])  # the first key opens the cell's editor …
    editor = QApplication.focusWidget()
    assert editor is not view, "typing on a cell opens its editor"
    qtbot.keyClicks(editor, text[1:])  # … which, having the focus, gets the rest
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # Qt commits an item editor on Enter through a queued call
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState, timeout=30000)


def cell_text(view, row, column):
    return view.model().index(row, column).data()


def test_typing_a_figure_moves_totals_score_and_grade(window, qtbot):
    view = grid(window, "expense")
    model = view.model()
    unit_row = model.HEADER_ROWS + 1  # 1、局机关
    balance_column = 1 + [c.key for c in model.grid.columns].index("balance_total")
    assert window.document.sheet.indicators["fund_balance"].score == 3
    assert "92.5" in window.score_label.text() and "优秀" in window.score_label.text()

    type_into_cell(qtbot, view, unit_row, balance_column, "5")

    assert cell_text(view, unit_row, balance_column) == "5.00"
    assert cell_text(view, model.HEADER_ROWS, balance_column) == "5.00"  # 汇总 row follows
    assert window.document.sheet.indicators["fund_balance"].score == 0  # 结余超过上年结转
    assert "89.5" in window.score_label.text() and "良好" in window.score_label.text()
    sheet_page = window.pages[6]
    assert sheet_page.shown("fund_balance", "score") == "0"
    assert "89.5" in sheet_page.total_text()
    # Enter moved the cursor down, as in a spreadsheet
    assert view.currentIndex().row() == unit_row + 1


def test_typing_into_a_part_of_a_total_updates_the_total_and_summary(window, qtbot):
    view = grid(window, "income")
    model = view.model()
    row = model.HEADER_ROWS + 2  # 2、二级机构1
    carry = 1 + [c.key for c in model.grid.columns].index("carryover")
    type_into_cell(qtbot, view, row, carry, "1,234.5")
    assert cell_text(view, row, 1) == "1234.50"  # 收入合计 of that unit
    assert cell_text(view, model.HEADER_ROWS, 1) == "1325.00"  # 汇总: 90.5 + 1234.5
    assert not model.flags(model.index(row, 1)) & Qt.ItemFlag.ItemIsEditable  # 合计 is read-only


def test_a_bad_figure_is_marked_in_place_and_not_stored(window, qtbot):
    view = grid(window, "income")
    model = view.model()
    row = model.HEADER_ROWS + 1
    general = 1 + [c.key for c in model.grid.columns].index("general")
    type_into_cell(qtbot, view, row, general, "abc")
    index = model.index(row, general)
    assert index.data() == "abc"  # what was typed stays visible …
    assert "应为数字" in index.data(Qt.ItemDataRole.ToolTipRole)  # … with the reason
    unit = window.document.report.units[0]
    assert unit.cells["income.general"] == Decimal("90.5")  # … and nothing was stored
    assert Store(window.store.path, read_only=True).load(window.document.report.id).units[0].cells["income.general"] == Decimal("90.5")


def test_hand_score_changes_total_and_undo_restores_everything(window, qtbot):
    sheet_page = window.pages[6]
    window.tabs.setCurrentWidget(sheet_page)
    hand = sheet_page.edit("benefits", "hand")  # 经济/社会/生态效益, hand score 12 of 15
    hand.selectAll()
    qtbot.keyClicks(hand, "14")
    assert window.document.sheet.total == Decimal("94.5")
    assert "94.5" in window.score_label.text()
    # two keystrokes ("1", "14") undo together, back to 12
    window.menus.undo_action.trigger()
    assert hand.text() == "12"
    assert window.document.sheet.total == Decimal("92.5")
    assert "92.5" in window.score_label.text()
    window.menus.redo_action.trigger()
    assert hand.text() == "14"
    assert window.document.sheet.total == Decimal("94.5")


def test_ctrl_z_in_a_field_undoes_through_the_window(window, qtbot):
    page = window.pages[1]
    window.tabs.setCurrentWidget(page)
    quota = page.editors["basic.staff_quota"].editor
    quota.setFocus()
    quota.selectAll()
    qtbot.keyClicks(quota, "5")  # 实有 6 / 编制 5 → 120% → 10 points over → 5 deducted → 0
    assert window.document.sheet.indicators["staff_control"].score == 0
    qtbot.keyClick(quota, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert quota.text() == "6"
    assert window.document.sheet.indicators["staff_control"].score == 5


def test_a_refused_field_value_says_why_in_place(window, qtbot):
    page = window.pages[1]
    window.tabs.setCurrentWidget(page)
    field = page.editors["basic.staff_quota"]
    field.editor.setFocus()
    field.editor.selectAll()
    qtbot.keyClicks(field.editor, "6.5")
    assert field.error.isVisible() or not window.isVisible()
    assert "整数" in field.error.text()
    assert window.document.report.get("basic.staff_quota") == 6


def test_undo_crosses_tabs(window, qtbot):
    cover = window.pages[0].editors["cover.budget_code"].editor
    cover.setFocus()
    cover.selectAll()
    qtbot.keyClicks(cover, "999")
    cover.clearFocus()
    window.pages[0].editors["cover.budget_code"].document.break_merge()
    view = grid(window, "sangong")
    model = view.model()
    type_into_cell(qtbot, view, model.HEADER_ROWS + 1, 2, "1")  # 公务接待费 0.73 → 1
    assert window.document.report.units[0].cells["sangong.reception"] == Decimal("1")
    window.menus.undo_action.trigger()
    assert window.document.report.units[0].cells["sangong.reception"] == Decimal("0.73")
    window.menus.undo_action.trigger()
    assert window.document.report.get("cover.budget_code") == "141"
    assert cover.text() == "141"


def test_paste_a_block_with_one_bad_cell(window, qtbot):
    view = grid(window, "income")
    model = view.model()
    top = model.HEADER_ROWS + 2  # 二级机构1, 上年结转
    view.setCurrentIndex(model.index(top, 2))
    block = "1\t2\t3\t4\n5\tx\t7\t8\n9\t10\t11\t12\n"  # 3 rows × 4 columns, one bad cell
    # only two unit rows lie below: the third pasted row has nowhere to go and is ignored
    problems = view.paste_clipboard(block)
    units = window.document.report.units
    assert units[1].cells["income.carryover"] == Decimal(1)
    assert units[1].cells["income.special"] == Decimal(4)
    assert units[2].cells["income.carryover"] == Decimal(5)
    assert "income.general" not in units[2].cells
    assert units[2].cells["income.special"] == Decimal(8)
    assert len(problems) == 2
    assert "另有 1 行超出了表中的机构行数" in problems[0]  # the third row had nowhere to go, and says so
    assert "应为数字" in problems[1]
    bad = model.index(top + 1, 3)
    assert bad.data() == "x" and bad.data(Qt.ItemDataRole.ToolTipRole)
    assert cell_text(view, top, 1) == "10.00"  # 1+2+3+4
    # the good cells are one undo step
    window.menus.undo_action.trigger()
    assert "income.carryover" not in window.document.report.units[1].cells


def test_paste_a_full_3x4_block(window, qtbot):
    window.pages[2].add_unit()  # a fourth unit, so three unit rows lie from 二级机构1 down
    view = grid(window, "income")
    model = view.model()
    top = model.HEADER_ROWS + 2
    view.setCurrentIndex(model.index(top, 2))  # 上年结转 … 纳入专户管理的非税收入拨款
    assert view.paste_clipboard("1\t2\t3\t4\n5\t6\t7\t8\n9\t10\t11\t12\n") == []
    assert [cell_text(view, top + i, 1) for i in range(3)] == ["10.00", "26.00", "42.00"]
    assert cell_text(view, model.HEADER_ROWS, 1) == "168.50"  # 90.5 + 10 + 26 + 42


def test_pasted_names_rename_units_and_computed_columns_are_skipped(window, qtbot):
    view = grid(window, "assets")
    model = view.model()
    view.setCurrentIndex(model.index(model.HEADER_ROWS + 2, 0))
    assert view.paste_clipboard("甲单位\t99\t2\t0.5\n") == []
    assert window.document.report.units[1].name == "甲单位"
    assert cell_text(view, model.HEADER_ROWS + 2, 1) == "2.50"  # 合计 is computed; the pasted 99 is not taken


def test_close_and_reopen_keeps_everything(app, qtbot, db_path, answers, window):
    view = grid(window, "income")
    model = view.model()
    type_into_cell(qtbot, view, model.HEADER_ROWS + 2, 2, "7")
    window.tabs.setCurrentIndex(6)
    report_id = window.document.report.id
    window.close()

    again = open_window(db_path)
    qtbot.addWidget(again)
    assert again.document.report.id == report_id
    assert again.tabs.currentIndex() == 6
    assert again.document.report.units[1].cells["income.carryover"] == Decimal(7)
    assert again.document.report.get("basic.contact") == "张常成"


def test_first_run_offers_blank_report_or_sample(app, qtbot, tmp_path, answers):
    win = open_window(tmp_path / "new.sqlite")
    qtbot.addWidget(win)
    assert win.stack.currentWidget() is win.welcome
    win.welcome.year.setValue(2025)
    win.welcome.department.setText("测试局")
    win.welcome.create_button.click()
    assert win.document.report.year == 2025
    assert win.document.report.department == "测试局"
    assert [u.name for u in win.document.report.units] == ["局机关", "二级机构1", "二级机构2"]
    assert "测试局" in win.windowTitle() and "new.sqlite" in win.windowTitle()
    assert "待定" in win.score_label.text()


def test_a_file_that_is_not_a_database_gets_a_dialog_and_stays_untouched(app, qtbot, tmp_path, answers):
    bad = tmp_path / "notes.sqlite"
    bad.write_bytes(b"this is my shopping list\n" * 10)
    before = bad.read_bytes()
    win = open_window(bad)
    qtbot.addWidget(win)
    assert answers.shown and answers.shown[0][0] == "error"
    assert "不是 evaldesk 数据文件" in answers.shown[0][2]
    assert bad.read_bytes() == before
    assert win.document is None


def test_lists_add_remove_reorder(window, qtbot):
    page = window.pages[1]
    tasks = page.tasks
    assert tasks.model.rowCount() == 10
    tasks.view.setCurrentIndex(tasks.model.index(9, 0))
    tasks.add()
    assert tasks.model.rowCount() == 11
    tasks.move(-1)
    assert window.document.report.lists["tasks"][9].values == {}
    tasks.remove()
    assert tasks.model.rowCount() == 10
    window.menus.undo_action.trigger()
    assert tasks.model.rowCount() == 11


def test_switch_between_reports_in_one_file(window, qtbot):
    first = window.document.report.id
    window.files.create_report(2022, "另一个部门")
    assert window.document.report.department == "另一个部门"
    window.open_report(first)
    assert window.document.report.id == first
    assert "92.5" in window.score_label.text()


@pytest.mark.parametrize("tab", range(7))
def test_every_tab_shows_its_chinese_text_in_a_font_that_has_it(window, tab):
    """No boxes instead of characters: every label on every tab is drawn in a font holding all its characters."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QLabel

    window.tabs.setCurrentIndex(tab)
    labels = [label for label in window.pages[tab].findChildren(QLabel) if label.text().strip()]
    assert labels
    for label in labels:
        metrics = QFontMetrics(label.font())
        text = label.text() if label.textFormat() != Qt.TextFormat.RichText else ""
        missing = [ch for ch in text if not ch.isspace() and not metrics.inFontUcs4(ord(ch))]
        assert not missing, (label.text()[:40], missing)


@pytest.mark.parametrize("typed, stored_before, why", [
    ("12.5", 6, "整数"),   # the first keystrokes ("1", "12") were valid on their own
    ("1e5", 6, "数字"),
    ("12a", 6, "数字"),
])
def test_a_refused_text_leaves_the_field_as_it_was_before_typing(window, qtbot, typed, stored_before, why):
    page = window.pages[1]
    window.tabs.setCurrentWidget(page)
    field = page.editors["basic.staff_quota"]
    field.editor.setFocus()
    field.editor.selectAll()
    qtbot.keyClicks(field.editor, typed)
    assert field.editor.text() == typed and why in field.error.text()
    assert window.document.report.get("basic.staff_quota") == stored_before
    assert window.store.load(window.document.report.id).get("basic.staff_quota") == stored_before
    assert window.document.sheet.indicators["staff_control"].score == 5
    assert "1 处输入未被接受" in window.refused_label.text() and not window.refused_label.isHidden()
    qtbot.keyClick(field.editor, Qt.Key.Key_Backspace)  # mend it: "12." / "1e" / "12"
    field.editor.setText("7")
    field.commit()
    assert window.document.report.get("basic.staff_quota") == 7
    assert window.refused_label.isHidden()


def test_a_survey_result_over_100_does_not_leave_10_behind(window, qtbot):
    sheet = window.pages[6]
    window.tabs.setCurrentWidget(sheet)
    survey = sheet.edit("satisfaction", "input").boxes["sheet.satisfaction.input.survey"]
    survey.setFocus()
    survey.selectAll()
    qtbot.keyClicks(survey, "105")
    assert window.document.report.sheet_input("satisfaction", "survey") == Decimal("92")
    assert window.document.sheet.total == Decimal("92.5")


def test_closing_with_refused_input_asks_first(window, qtbot, answers):
    field = window.pages[1].editors["basic.staff_quota"]
    field.editor.setText("六")
    field.commit()
    answers.yes = False
    window.close()
    assert window.isVisible() and answers.shown[-1][0] == "ask" and "未被接受" in answers.shown[-1][2]
    answers.yes = True
    window.close()
    assert not window.isVisible()


def test_undo_shows_where_it_changed_something(window, qtbot):
    view = grid(window, "income")
    model = view.model()
    type_into_cell(qtbot, view, model.HEADER_ROWS + 2, 2, "3")
    window.tabs.setCurrentIndex(0)
    window.menus.undo_action.trigger()
    assert window.tabs.currentIndex() == 2  # the 收支 tab, where the undone figure was
    assert "二级机构1的上年结转" in window.statusBar().currentMessage()


def test_a_new_indicator_row_continues_its_group_after_typing(window, qtbot):
    quant = window.pages[3].quant
    window.tabs.setCurrentIndex(3)
    quant.view.setCurrentIndex(quant.model.index(0, 3))
    quant.model.setData(quant.model.index(0, 3), "完成事权下放属地管理改革（修订）")
    assert quant.current_row() == 0  # typing keeps the row selected …
    quant.add()  # … so the new row takes its 评价内容 and 指标类型
    new = window.document.report.lists["quant"][1]
    assert new.values == {"group": "产出目标", "kind": "质量指标"}


def test_a_refused_text_leaves_no_empty_undo_step(window, qtbot):
    page = window.pages[1]
    window.tabs.setCurrentWidget(page)
    field = page.editors["basic.staff_quota"]
    before = window.document.history.count
    field.editor.setFocus()
    field.editor.selectAll()
    qtbot.keyClicks(field.editor, "12.5")  # 1, 12, 12. stored on the way, then refused and put back to 6
    assert window.document.report.get("basic.staff_quota") == 6
    assert window.document.history.count == before  # nothing to undo: nothing changed


def test_text_being_typed_in_a_list_is_kept_when_a_row_is_added(window, qtbot):
    quant = window.pages[3].quant
    window.tabs.setCurrentIndex(3)
    index = quant.model.index(0, 4)
    quant.view.setCurrentIndex(index)
    quant.view.edit(index)
    editor = QApplication.focusWidget()
    assert editor is not quant.view
    editor.setText("全部完成")
    rows = quant.model.rowCount()
    quant.add()  # clicked while the cell is still open
    assert window.document.report.lists["quant"][0].values["actual"] == "全部完成"
    assert quant.model.rowCount() == rows + 1


def test_switching_reports_with_refused_input_asks_first(window, answers):
    first = window.document.report.id
    field = window.pages[1].editors["basic.staff_quota"]
    field.editor.setText("六")
    field.commit()
    answers.yes = False
    reports = len(window.store.list_reports())
    window.files.add_sample()  # would add and open another report
    assert window.document.report.id == first and "换到另一份报告" in answers.shown[-1][2]
    assert len(window.store.list_reports()) == reports  # nothing was added either
