"""评分表编辑器, driven as a filler would: typing into its boxes, pressing its buttons. Scores follow a valid sheet;
an unfinished one is shown with every problem while the report keeps scoring with the last valid sheet; each step
undoes with the window's 撤销."""

from decimal import Decimal

import pytest

from PySide6.QtCore import Qt

from evaldesk.ui.app import open_window
from evaldesk.ui.template_banner import DraftBanner
from evaldesk.ui.template_editor import TemplateEditor

D = Decimal
SHEET_TAB = 6


def type_line(line, text: str) -> None:
    """Type into a one-line box and press Enter. (Chinese cannot be typed with key clicks, see GUIDE.md: the text
    is set, then Enter is a real key press, as the filler's would be.)"""
    from PySide6.QtTest import QTest

    line.setText(text)
    line.setModified(True)
    QTest.keyClick(line, Qt.Key.Key_Return)


def band_cell(editor, row: int, column: int):
    return editor.panel.rule.panel.table.table.item(row, column)


@pytest.fixture
def editor(window, qtbot):
    found = window.templates.edit_template()
    qtbot.waitExposed(found)
    return found


def sheet_shown(window, indicator_id, part):
    """The words in a score-sheet cell of the window's 评分表 tab."""
    return window.pages[SHEET_TAB].shown(indicator_id, part)


def total(window) -> Decimal:
    return window.document.sheet.total


def test_the_editor_shows_the_reports_sheet(window, editor):
    assert window.findChild(TemplateEditor) is editor
    assert window.templates.edit_template() is editor  # one editor per window
    assert editor.template_id.text() == "yueyang-yunxi-2021"
    assert editor.tree.topLevelItemCount() == 4
    assert [editor.tree.topLevelItem(i).text(0) for i in range(4)] == ["投入", "过程", "产出", "效果"]
    editor.select("staff_control")
    assert editor.panel.name.text() == "财政供养人员控制率"
    assert editor.panel.weight.text() == "5"
    assert "每超过一个百分点扣0.5分" in editor.panel.standard.toPlainText()
    assert editor.panel.rule.kind.currentText() == "按百分点扣分"
    assert editor.panel.rule.panel.threshold.text() == "100"
    assert editor.panel.rule.panel.direction.currentText() == "超过阈值扣分"
    assert "总分 92.5" in editor.status.text()


def test_rename_shows_on_the_score_sheet_and_the_sheet_gets_its_own_identity(window, editor):
    editor.select("staff_control")
    type_line(editor.panel.name, "在职人员控制率")
    report = window.document.report
    assert report.template.indicator("staff_control").name == "在职人员控制率"
    assert sheet_shown(window, "staff_control", "name") == "在职人员控制率"
    assert report.template.id == "yueyang-yunxi-2021-adjusted"
    assert report.template.name.endswith("（本单位调整）")
    assert editor.template_id.text() == "yueyang-yunxi-2021-adjusted"
    assert editor.items["staff_control"].text(0) == "在职人员控制率"
    assert total(window) == D("92.5")  # entries are kept by id: the renamed indicator keeps its score
    type_line(editor.panel.name, "在职人员控制率（含编外）")  # a second change keeps the new identity
    assert window.document.report.template.id == "yueyang-yunxi-2021-adjusted"
    window.menus.undo_action.trigger()
    window.menus.undo_action.trigger()
    assert window.document.report.template.id == "yueyang-yunxi-2021"
    assert sheet_shown(window, "staff_control", "name") == "财政供养人员控制率"
    assert editor.panel.name.text() == "财政供养人员控制率"


def test_reweighting_is_a_draft_until_the_sheet_adds_up_then_scores_follow(window, editor):
    report = window.document.report
    editor.select("staff_control")
    type_line(editor.panel.weight, "6")
    # the editor says what no longer adds up, next to the group and in the list
    assert any("预算配置" in p and "16" in p and "15" in p for p in editor.problems)
    assert editor.items["input.budget"].text(0).startswith("⚠")
    assert "下级分值之和 16" in editor.items["input.budget"].toolTip(0)
    assert editor.problem_list.count() == len(editor.problems) == 1
    assert "尚未通过检查" in editor.status.text()
    # the report still scores with the last valid sheet, and the sheet tab says so
    assert report.template.id == "yueyang-yunxi-2021" and report.template.indicator("staff_control").weight == 5
    assert total(window) == D("92.5")
    assert "总分 92.5" in window.score_label.text()
    banner = window.pages[SHEET_TAB].findChild(DraftBanner)
    assert banner.isVisibleTo(window.pages[SHEET_TAB]) and "尚未通过检查" in banner.text()
    editor.select("input.budget")
    assert "分值合计 16（应等于 15）" in editor.panel.children_sum.text()

    editor.select("key_spending")
    type_line(editor.panel.weight, "4")
    # 预算配置 adds up again, but the top band of 重点支出安排率 still gives 5 of its 4: shown in place
    assert editor.problems == ["指标“重点支出安排率”（key_spending）：档位得分 5 超出 0～4"]
    assert "档位得分 5 超出 0～4" in editor.panel.problems.text() and editor.panel.problems.isVisibleTo(editor)
    assert band_cell(editor, 0, 4).toolTip() == "得分应在 0～4 之间"  # the band at fault is marked
    assert band_cell(editor, 1, 4).toolTip() == ""
    assert total(window) == D("92.5")

    band_cell(editor, 0, 4).setText("4")  # ≥90% now scores 4
    assert editor.problems == []
    assert report.template_draft is None
    assert report.template.indicator("staff_control").weight == 6
    assert report.template.indicator("key_spending").weight == 4
    banner = window.pages[SHEET_TAB].findChild(DraftBanner)  # the tab was rebuilt for the new sheet
    assert banner is not None and not banner.isVisibleTo(window.pages[SHEET_TAB])
    # by hand: staff control 6 ÷ 6 = 100% keeps full marks, now 6 (+1); key spending's hand score 5 is now
    # more than its 分值 of 4, so it no longer counts (−5): 92.5 + 1 − 5 = 88.5, and the sheet is incomplete
    assert window.document.sheet.indicators["staff_control"].score == D("6")
    assert sheet_shown(window, "staff_control", "score") == "6"
    assert total(window) == D("88.5") and window.document.sheet.final_total is None
    # …and the audit says so until the filler scores it again on the sheet
    assert any("重点支出安排率" in f.message and "超出" in f.message for f in window.document.findings)
    hand = window.pages[SHEET_TAB].edit("key_spending", "hand")
    hand.setText("4")
    hand.textEdited.emit("4")   # as a keystroke sends it
    assert total(window) == D("92.5")
    assert not any("重点支出安排率" in f.message and "超出" in f.message for f in window.document.findings)


def test_changing_a_band_of_satisfaction_moves_the_score_and_undo_goes_back(window, editor):
    editor.select("satisfaction")
    assert editor.panel.rule.kind.currentText() == "分档计分"
    assert band_cell(editor, 0, 0).text() == "95" and band_cell(editor, 0, 4).text() == "5"
    band_cell(editor, 0, 0).setText("90")  # top band from 95% to 90%: 92% now earns 5
    assert window.document.sheet.indicators["satisfaction"].score == D("5")
    assert "[90%, 100%]" in window.document.sheet.indicators["satisfaction"].explanation
    assert total(window) == D("94.5")
    band_cell(editor, 1, 2).setText("90")  # the next band now ends where the top one starts
    assert window.document.report.template.data["indicators"][-1]["rule"]["bands"][1]["upper"] == 90
    assert total(window) == D("94.5")
    band_cell(editor, 0, 1).setCheckState(Qt.CheckState.Unchecked)
    assert window.document.report.template.data["indicators"][-1]["rule"]["bands"][0]["lower_inclusive"] is False
    assert total(window) == D("94.5")  # 92 is still above 90
    for expected in ("94.5", "94.5", "92.5"):
        window.menus.undo_action.trigger()
        assert total(window) == D(expected)
    assert window.document.report.template.id == "yueyang-yunxi-2021"
    assert band_cell(editor, 0, 0).text() == "95"
    window.menus.redo_action.trigger()
    assert total(window) == D("94.5")


def test_ctrl_z_steps_back_through_every_template_edit_to_the_reference_score(window, editor, qtbot):
    editor.select("staff_control")
    type_line(editor.panel.weight, "6")                   # draft
    editor.select("key_spending")
    type_line(editor.panel.weight, "4")                   # draft
    band_cell(editor, 0, 4).setText("4")                  # valid: 88.5 (key spending's hand 5 > 4 is void)
    editor.select("satisfaction")
    band_cell(editor, 0, 0).setText("90")                 # valid: 92% earns 5, not 3: 90.5
    assert total(window) == D("90.5")
    editor.activateWindow()
    editor.tree.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(editor.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        seen.append((total(window), window.document.report.template_draft is not None))
    assert seen == [(D("88.5"), False), (D("92.5"), True), (D("92.5"), True), (D("92.5"), False)]
    assert window.document.report.template.id == "yueyang-yunxi-2021"
    assert editor.problems == [] and "尚未通过检查" not in editor.status.text()
    window.menus.redo_action.trigger()
    assert window.document.report.template_draft is not None and editor.problems


def test_ctrl_y_redoes_a_template_edit(window, editor, qtbot):
    editor.select("staff_control")
    type_line(editor.panel.weight, "6")
    editor.activateWindow()
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.template_draft is None
    qtbot.keyClick(editor.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.document.report.template_draft is not None


def test_an_unfinished_draft_survives_closing_the_editor_and_the_program(window, editor, qtbot, db_path):
    editor.select("staff_control")
    type_line(editor.panel.weight, "6")
    problems = list(editor.problems)
    editor.close()
    again = window.templates.edit_template()
    assert again.problems == problems and "尚未通过检查" in again.status.text()
    again.select("staff_control")
    assert again.panel.weight.text() == "6"
    window.close()  # the program ends; the draft is in the data file

    reopened = open_window(db_path)
    qtbot.addWidget(reopened)
    reopened.show()
    report = reopened.document.report
    assert report.template_draft is not None
    assert report.template.indicator("staff_control").weight == 5  # scoring uses the last valid sheet
    assert reopened.document.sheet.total == D("92.5")
    editor2 = reopened.templates.edit_template()
    assert editor2.problems == problems
    assert editor2.items["input.budget"].text(0).startswith("⚠")
    editor2.select("staff_control")
    assert editor2.panel.weight.text() == "6"
    banner = reopened.pages[SHEET_TAB].findChild(DraftBanner)
    assert banner is not None and "尚未通过检查（1 个问题）" in banner.text()


def test_removing_an_indicator_with_entries_asks_first_and_undo_brings_it_back(window, editor, answers):
    report = window.document.report
    editor.select("satisfaction")
    answers.yes = False
    editor.remove_button.click()
    kind, title, message = answers.shown[-1]
    assert kind == "ask" and "社会公众或服务对象满意度" in message and "2 项" in message and "撤销" in message
    assert "satisfaction" in editor.items  # not removed
    assert report.template_draft is None

    answers.yes = True
    editor.remove_button.click()
    assert "satisfaction" not in editor.items
    assert any("履职效益" in p and "15" in p and "20" in p for p in editor.problems)
    assert total(window) == D("92.5")  # a draft: still scoring with the full sheet
    editor.select("benefits")
    type_line(editor.panel.weight, "20")  # 经济/社会/生态效益 take the 5 points: the sheet adds up again
    assert report.template_draft is None and "satisfaction" not in report.template.by_id
    assert "satisfaction" not in window.pages[SHEET_TAB].model.row_of
    # by hand: 92.5 without satisfaction's 3 = 89.5, 良好; benefits' hand score 12 stays
    assert total(window) == D("89.5") and window.document.sheet.grade == "良好"
    assert report.get("sheet.satisfaction.input.survey") == D("92")  # the entries wait in the file

    window.menus.undo_action.trigger()
    window.menus.undo_action.trigger()
    assert "satisfaction" in report.template.by_id and "satisfaction" in editor.items
    assert sheet_shown(window, "satisfaction", "score") == "3"
    assert total(window) == D("92.5") and window.document.sheet.grade == "优秀"


def test_a_new_indicator_without_entries_is_removed_without_asking(window, editor, answers):
    editor.select("staff_control")
    editor.add_leaf_button.click()
    new_id = editor.selected
    assert new_id != "staff_control" and editor.panel.name.text() == "新三级指标"
    parent = window.document.report.template.indicator(new_id).parent
    assert parent == "input.budget"  # beside the selected one, applied at once (worth 0, scored by hand)
    assert new_id in window.pages[SHEET_TAB].model.row_of
    type_line(editor.panel.name, "人员经费保障率")
    assert sheet_shown(window, new_id, "name") == "人员经费保障率"
    shown_before = len(answers.shown)
    editor.remove_button.click()
    assert len(answers.shown) == shown_before
    assert new_id not in window.document.report.template.by_id


def test_groups_are_added_with_a_first_indicator_and_move_up_and_down(window, editor):
    editor.select("output.duties")
    editor.add_group_button.click()
    report = window.document.report
    group = report.template.indicator(editor.selected)
    assert group.parent == "output" and group.level == 2 and not group.is_leaf
    assert [child.name for child in group.children] == ["新三级指标"]
    editor.add_root_button.click()
    root = report.template.indicator(editor.selected)
    assert root.parent is None and root.name == "新一级指标"
    assert [r.id for r in report.template.roots].index(root.id) == 3  # after 产出, where the selection was
    editor.up_button.click()
    assert [window.pages[SHEET_TAB].group_text(r.id).split("\n")[0] for r in report.template.roots] == \
        ["投入", "过程", "新一级指标", "产出", "效果"]
    editor.select("staff_control")
    editor.down_button.click()
    assert [c.id for c in report.template.indicator("input.budget").children][:2] == ["sangong_change", "staff_control"]
    assert editor.selected == "staff_control" and editor.up_button.isEnabled()
    editor.up_button.click()
    assert not editor.up_button.isEnabled()  # first of its group


def test_a_value_that_is_not_a_number_is_refused_in_place_and_nothing_changes(window, editor):
    index = window.document.history.index
    editor.select("staff_control")
    type_line(editor.panel.weight, "五分")
    assert editor.refusal.isVisibleTo(editor) and "分值" in editor.refusal.text() and "数字" in editor.refusal.text()
    assert editor.panel.weight.text() == "5"  # the stored value is shown again
    assert window.document.history.index == index
    type_line(editor.panel.weight, "５")  # full-width 5: the same value, nothing to do
    assert window.document.history.index == index
    assert not editor.refusal.isVisibleTo(editor)


def test_changing_the_rule_kind_asks_for_its_parameters_then_scores_with_it(window, editor):
    report = window.document.report
    editor.select("procurement")  # 政府采购执行率: scored by hand in the sample (3) for want of figures
    rule = editor.panel.rule
    rule.kind.setCurrentIndex(rule.kind.findData("bands"))
    rule.kind.activated.emit(rule.kind.currentIndex())
    assert report.template_draft is not None
    assert any("政府采购执行率" in p and "bands" in p for p in editor.problems)
    assert "实际政府采购金额" in rule.panel.rate.text()  # the rate is kept from the old rule
    rule.panel.table.add_button.click()
    assert report.template_draft is None  # one open band worth 0 is a complete rule
    band_cell(editor, 0, 0).setText("100")
    band_cell(editor, 0, 4).setText("3")
    assert report.template.indicator("procurement").rule.kind == "bands"
    assert window.document.sheet.indicators["procurement"].score == D("3")  # still the hand score: no figures

    rule = editor.panel.rule
    rule.kind.setCurrentIndex(rule.kind.findData("per_point"))
    rule.kind.activated.emit(rule.kind.currentIndex())
    panel = editor.panel.rule.panel
    assert panel.threshold.styleSheet() and panel.per_point.styleSheet()  # the blanks to fill are marked
    type_line(panel.threshold, "100%")
    panel.direction.setCurrentIndex(panel.direction.findData("under"))
    panel.direction.activated.emit(panel.direction.currentIndex())
    type_line(panel.per_point, "0.2")
    assert report.template_draft is None
    rule_data = next(e for e in report.template.data["indicators"] if e["id"] == "procurement")["rule"]
    assert (rule_data["kind"], rule_data["threshold"], rule_data["direction"], rule_data["per_point"]) == \
        ("per_point", 100, "under", "0.2")


def test_checklist_items_and_grades_are_edited_in_tables(window, editor):
    report = window.document.report
    editor.select("budget_rules")
    table = editor.panel.rule.panel.table
    assert table.table.rowCount() == 3
    table.table.selectRow(2)
    table.add_button.click()  # a new item worth 0 keeps the sum: applied
    assert len(report.template.indicator("budget_rules").rule.items) == 4
    assert len(sheet_shown(window, "budget_rules", "input").splitlines()) == 4
    assert window.document.sheet.indicators["budget_rules"].score is None  # the new item waits to be judged
    editor.panel.rule.panel.table.table.item(3, 0).setText("内部控制制度健全")
    editor.panel.rule.panel.table.table.item(3, 1).setText("1")
    assert any("管理制度健全性" in p and "4" in p for p in editor.problems)  # 4 points in a 3-point indicator
    assert "各项合计 4 分，应等于分值 3" in editor.panel.rule.panel.sum.text()
    table = editor.panel.rule.panel.table
    table.table.selectRow(3)
    table.remove_button.click()
    assert report.template_draft is None and len(report.template.indicator("budget_rules").rule.items) == 3
    assert total(window) == D("92.5")

    editor.grades.table.item(0, 1).setText("93")  # 优秀 from 90 to 93: 92.5 is now 良好
    assert report.template.grades[0].minimum == 93
    assert window.document.sheet.grade == "良好"
    editor.grades.table.item(1, 0).setText("良")
    assert report.template.grades[1].label == "良"
    assert window.document.sheet.grade == "良"
    editor.grades.table.selectRow(0)
    editor.grades.add_button.click()  # a new grade starts on the edge of the one above: the filler must move it
    assert any("等次" in p for p in editor.problems)
    assert window.document.sheet.grade == "良"


def test_the_editor_follows_the_report_opened_in_the_window(window, editor, qtbot):
    editor.select("staff_control")
    type_line(editor.panel.name, "在职人员控制率")
    first = window.document.report.id
    window.files.add_sample()  # a second report, opened
    assert window.document.report.id != first
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the old document goes later
    qtbot.waitUntil(lambda: editor.document is window.document, timeout=30000)
    assert editor.template_id.text() == "yueyang-yunxi-2021"


def test_the_standard_text_is_stored_when_the_filler_pauses_or_closes_the_editor(window, editor, qtbot):
    editor.select("asset_use")
    editor.panel.standard.setPlainText("固定资产利用率=在用固定资产÷固定资产合计；\n每低于100%一个百分点扣0.1分，扣完为止。")
    assert "在用固定资产÷" not in window.document.report.template.indicator("asset_use").standard  # still typing
    qtbot.waitUntil(lambda: "在用固定资产÷" in window.document.report.template.indicator("asset_use").standard,
                    timeout=30000)
    shown = window.pages[SHEET_TAB].cell_index("asset_use", "name").data(Qt.ItemDataRole.ToolTipRole)
    assert "在用固定资产÷" in shown  # the sheet tab shows the new text
    editor.panel.standard.setPlainText("按固定资产利用率计分。")
    editor.close()
    assert window.document.report.template.indicator("asset_use").standard == "按固定资产利用率计分。"
    window.menus.undo_action.trigger()
    window.menus.undo_action.trigger()
    assert window.document.report.template.indicator("asset_use").standard == "每低于100%一个百分点扣0.1分，扣完为止。"


def test_a_problem_goes_to_its_own_indicator_even_when_another_has_the_same_name(window, editor, qtbot):
    editor.select("process.management")
    type_line(editor.panel.name, "预算配置")  # now two groups are called 预算配置
    editor.select("staff_control")
    type_line(editor.panel.weight, "6")
    assert editor.problems == ["指标“预算配置”：下级分值之和 16 不等于其分值 15"]
    assert editor.items["input.budget"].text(0).startswith("⚠")
    assert not editor.items["process.management"].text(0).startswith("⚠")  # the tag says which, not the name
    editor.select("process.management")
    assert not editor.panel.problems.isVisibleTo(editor)

    item = editor.problem_list.item(0)
    qtbot.mouseClick(editor.problem_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=editor.problem_list.visualItemRect(item).center())
    assert editor.selected == "input.budget"
    assert editor.tree.currentItem() is editor.items["input.budget"]
    assert "下级分值之和 16" in editor.panel.problems.text()
