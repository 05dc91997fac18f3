"""生成草稿 on the 综述 tab and the 扣分原因 draft in the score sheet, driven as a filler would: nothing is written
until the filler picks it, each pick is one undo step, and a draft whose figures changed is marked."""

from PySide6.QtCore import Qt

from evaldesk.model.edits import SetCell, SetField
from evaldesk.model.report import sheet_key
from evaldesk.ui import reason_offer
from evaldesk.ui.reason_offer import ACTION, OFFERED, PLACEHOLDER

LEFT = Qt.MouseButton.LeftButton


def summary_page(window):
    page = window.pages[5]
    window.tabs.setCurrentWidget(page)
    return page


def test_generating_a_draft_changes_nothing_and_shows_each_section(window, qtbot):
    page = summary_page(window)
    before = window.document.report.text("summary.text")
    qtbot.mouseClick(page.generate_button, LEFT)
    assert page.drafts.isVisible()
    assert list(page.drafts.boxes) == ["overview", "spending", "performance", "problems"]
    assert "全年支出90.50万元" in page.drafts.boxes["spending"].preview.toPlainText()
    assert window.document.report.text("summary.text") == before
    assert not window.document.can_undo()
    # every section of the copy is there already: replace, not a second copy
    assert page.drafts.boxes["spending"].replace.isEnabled()
    assert not page.drafts.boxes["spending"].insert.isEnabled()


def test_replacing_a_section_is_one_undo_step_and_the_editor_shows_it(window, qtbot, answers):
    page = summary_page(window)
    document = window.document
    before = document.report.text("summary.text")
    qtbot.mouseClick(page.generate_button, LEFT)
    qtbot.mouseClick(page.drafts.boxes["spending"].replace, LEFT)
    after = document.report.text("summary.text")
    assert "全年支出90.50万元，其中基本支出90.50万元" in after and "我办全年支出90.5万元" not in after
    # the filler's own 209 characters stay, where the draft would have asked for them
    assert "近年来，我办严格贯彻执行" in after and "【可在此补写" not in after
    assert answers.shown[-1][1] == "替换原文此部分" and "我办全年支出90.5万元" in answers.shown[-1][2]
    assert page.editors["summary.text"].text() == after
    document.undo()
    assert document.report.text("summary.text") == before
    assert page.editors["summary.text"].text() == before
    answers.yes = False  # asked and answered no: the filler's text stays as it is
    qtbot.mouseClick(page.drafts.boxes["spending"].replace, LEFT)
    assert document.report.text("summary.text") == before


def test_a_section_quoting_figures_that_changed_is_marked(window, qtbot, answers):
    page = summary_page(window)
    document = window.document
    qtbot.mouseClick(page.generate_button, LEFT)
    qtbot.mouseClick(page.drafts.boxes["spending"].replace, LEFT)
    status = page.drafts.boxes["spending"].status
    assert not status.isVisible() or "不符" not in status.text()
    unit = document.report.units[0].id
    document.apply(SetCell(unit, "expense.personnel", "70"))
    text = status.text()
    assert "草稿生成后数字已变" in text and "原文此部分引用的数字与现在的不符" in text and "70.00" in text
    # taking the stale draft asks first; answered no, nothing changes
    answers.yes = False
    before = document.report.text("summary.text")
    qtbot.mouseClick(page.drafts.boxes["spending"].replace, LEFT)
    assert document.report.text("summary.text") == before
    assert answers.shown[-1][1] == "草稿已过时"
    qtbot.mouseClick(page.generate_button, LEFT)
    assert "草稿生成后数字已变" not in page.drafts.boxes["spending"].status.text()
    assert "全年支出99.60万元" in page.drafts.boxes["spending"].preview.toPlainText()


def test_inserting_a_missing_section_into_an_empty_summary(window, qtbot):
    page = summary_page(window)
    window.document.apply(SetField("summary.text", ""))
    qtbot.mouseClick(page.generate_button, LEFT)
    box = page.drafts.boxes["overview"]
    assert box.insert.isEnabled() and not box.replace.isEnabled()
    qtbot.mouseClick(box.insert, LEFT)
    assert window.document.report.text("summary.text").startswith("一、部门（单位）概况\n中共岳阳市云溪区委")
    assert not box.insert.isEnabled() and box.replace.isEnabled()


def test_the_reason_box_offers_the_rule_deduction_and_writes_it_only_when_asked(window, answers):
    sheet = window.pages[6]
    document = window.document
    key = sheet_key("budget_adjustment", "reason")
    own = document.report.text(key)
    leaf = document.report.template.indicator("budget_adjustment")
    assert sheet.model.draft(leaf) == "预算调整率为23.13%，超过20%，扣2.5分"
    assert document.report.text(key) == own                     # offered, not written
    assert sheet.model.draft(document.report.template.indicator("benefits")) is None   # a hand score: the group's
    assert sheet.shown("staff_control", "reason") == ""         # nothing lost, nothing offered, nothing typed
    answers.yes = False
    assert not sheet.fill_reason_draft("budget_adjustment")     # a typed reason is kept unless the filler agrees
    assert document.report.text(key) == own
    answers.yes = True
    assert sheet.fill_reason_draft("budget_adjustment")
    assert document.report.text(key) == "预算调整率为23.13%，超过20%，扣2.5分"
    assert sheet.shown("budget_adjustment", "reason") == document.report.text(key)
    document.undo()
    assert document.report.text(key) == own


def test_an_empty_reason_cell_says_a_draft_is_there(window):
    document = window.document
    document.apply(SetField(sheet_key("satisfaction", "reason"), ""))
    sheet = window.pages[6]
    index = sheet.cell_index("satisfaction", "reason")
    assert sheet.model.cell(index.row(), index.column()).text == PLACEHOLDER + OFFERED   # grey, in the empty cell
    assert "满意度为92%" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert sheet.fill_reason_draft("satisfaction")
    assert sheet.shown("satisfaction", "reason") == "满意度为92%，低于95%，扣2分"


def test_the_reason_editor_menu_offers_the_draft(window):
    window.document.apply(SetField(sheet_key("satisfaction", "reason"), ""))
    sheet = window.pages[6]
    window.tabs.setCurrentWidget(sheet)
    editor = sheet.edit("satisfaction", "reason")
    menu = editor.createStandardContextMenu()
    reason_offer.add_to_menu(menu, sheet.model.draft(window.document.report.template.indicator("satisfaction")),
                             lambda: None)
    assert menu.actions()[0].text() == f"{ACTION}：满意度为92%，低于95%，扣2分"


def test_a_draft_asked_for_before_the_audit_caught_up_leaves_out_the_disputed_claim(started, qtbot):
    """生成草稿 pressed at once after the report opens (its audit follows the first paint) or while a long report's
    audit waits for a pause in typing: the draft is made from the report's findings as it is, so a claim the
    reviewer disputes (财政供养人员 grew, says one part; not so, says another) is not written into it."""
    window = started()   # as at start: the audit follows the paint
    window.tabs.setCurrentIndex(5)
    assert window.document.session.audit_stale
    page = window.pages[5]
    qtbot.mouseClick(page.generate_button, LEFT)
    problems = page.drafts.boxes["problems"].preview.toPlainText()
    assert "财政供养人员为正增长" not in problems and "草稿未予引用" in problems


def test_a_font_size_change_keeps_the_draft_open(window, qtbot):
    page = summary_page(window)
    qtbot.mouseClick(page.generate_button, LEFT)
    window.set_font_size("较大")
    page = summary_page(window)
    assert page.drafts.isVisible() and "全年支出90.50万元" in page.drafts.boxes["spending"].preview.toPlainText()
    assert page.generate_button.text() == "重新生成草稿"
    window.set_font_size("标准")
