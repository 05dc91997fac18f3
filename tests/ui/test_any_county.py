"""Issue 11, a filler outside Yunxi: a new report for 某县 names that county and its bureau on the cover, on paper
and in the bureau's workbook; the sheet is the region-neutral one; typed numbering, pasted lines and a third
decimal are handled at entry."""

from decimal import Decimal

import pytest

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from evaldesk.app.output import export_workbook, pdf_bytes
from evaldesk.exchange.workbook import ExportRefused, shown_from_data
from evaldesk.model.edits import SetField
from evaldesk.ui.app import open_window
from pypdf import PdfReader
from test_window import grid, type_into_cell

COUNTY, BUREAU = "某省某市某县", "某县财政局"


def pages_text(pdf: bytes) -> list[str]:
    """Each printed page's text, whitespace removed (line breaks fall where the layout puts them)."""
    import io

    return ["".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def new_county_report(qtbot, tmp_path):
    win = open_window(tmp_path / "county.sqlite")
    qtbot.addWidget(win)
    welcome = win.welcome
    welcome.year.setValue(2023)
    welcome.department.setText("某县农业农村局")
    welcome.region.setText(COUNTY)
    welcome.bureau.setText(BUREAU)
    welcome.create_button.click()
    return win


def test_a_new_report_outside_yunxi_starts_on_the_neutral_sheet_with_the_county_on_its_cover(app, qtbot, tmp_path,
                                                                                              answers):
    win = new_county_report(qtbot, tmp_path)
    report = win.document.report
    assert report.template.id == "generic-department"
    cover = win.pages[0]
    assert cover.title.text().replace("\n", "") == f"{COUNTY}2023年度部门整体支出绩效评价自评报告"
    assert cover.bureau.text() == f"{BUREAU}（制）"  # the sheet's sign-off kept after the bureau's name

    pdf = pages_text(pdf_bytes(report))
    assert f"{COUNTY}2023年度" in pdf[0] and f"{BUREAU}（制）" in pdf[0]
    everything = "".join(pdf)
    for yunxi in ("云溪", "岳阳", "岳云发", "湖南新增极"):
        assert yunxi not in everything



def test_the_welcome_page_offers_the_latest_reports_county_and_the_yunxi_sheet_for_yunxi(app, qtbot, tmp_path,
                                                                                         answers):
    win = new_county_report(qtbot, tmp_path)
    win.show_welcome()
    assert win.welcome.region.text() == COUNTY and win.welcome.bureau.text() == f"{BUREAU}（制）"
    assert win.welcome.template.currentText() == "部门整体支出绩效评价评分表（参考样表·通用）"
    win.welcome.region.setText("岳阳市云溪区")
    assert win.welcome.template.currentText().startswith("岳阳市云溪区2021年度")


def test_the_cover_tab_edits_region_bureau_and_attachment_labels(window, qtbot, tmp_path):
    cover = window.pages[0]
    assert cover.title.text().startswith("岳阳市云溪区")  # the sample keeps Yunxi's wording from its sheet
    region = cover.editors["cover.region"]
    assert region.editor.text() == "" and region.editor.placeholderText() == "岳阳市云溪区"
    region.editor.setText("某县")
    region.commit()
    cover.editors["cover.bureau"].editor.setText("某县财政局")
    cover.editors["cover.bureau"].commit()
    cover.editors["cover.report_attachment"].editor.setText("附件6：")
    cover.editors["cover.report_attachment"].commit()
    assert cover.title.text().replace("\n", "") == "某县2021年度部门整体支出绩效评价自评报告"
    assert cover.bureau.text() == "某县财政局（制）" and cover.attachment.text() == "附件6："

    # The sample's sheet is 云溪区's: its standards would print that region's wording, so export now refuses (issue
    # 24) — and the cover wording the workbook would show is the filler's own.
    with pytest.raises(ExportRefused, match="岳阳市云溪区的，本报告的地区为某县"):
        export_workbook(window.document.report, tmp_path / "county.xlsx")
    form = [text for (sheet, _cell), text in shown_from_data(window.document.report).items() if sheet == "自评报告"]
    assert "某县2021年度部门整体支出绩效评价自评报告" in form and "某县财政局（制）" in form and "附件6：" in form
    assert "岳阳市云溪财政局（制）" not in form

    window.menus.undo_action.trigger()
    assert cover.attachment.text() == "附件2-1："


def test_a_typed_number_is_not_printed_twice_and_pasted_lines_become_entries(window, qtbot):
    page = window.pages[1]
    tasks = page.tasks
    before = tasks.model.rowCount()
    index = tasks.model.index(before - 1, 0)
    assert tasks.model.setData(index, "任务10：完成年度编制核查\n任务11：完成机构改革评估")
    items = window.document.report.lists["tasks"]
    assert [item.values["text"] for item in items[before - 1:]] == ["完成年度编制核查", "完成机构改革评估"]
    assert f"已分为任务{before}～任务{before + 1}" in tasks.message.text()
    assert "已分为任务10～任务11" in tasks.message.text()
    assert "已分为任务10～任务11" in tasks.message.text() and tasks.message.isVisibleTo(tasks)
    printed = "".join(pages_text(pdf_bytes(window.document.report)))
    assert "任务10：完成年度编制核查" in printed and "任务11：完成机构改革评估" in printed
    assert "任务10：任务10" not in printed
    window.menus.undo_action.trigger()  # one step: the entry as it was, no new entry
    assert tasks.model.rowCount() == before

    goals = window.pages[3].goals
    goals.model.setData(goals.model.index(0, 0), "目标1：按时完成编制核查")
    assert window.document.report.lists["goals"][0].values["text"] == "按时完成编制核查"
    goals.model.setData(goals.model.index(0, 0), "1.5万亩农田的复核")  # a figure the text starts with stays
    assert window.document.report.lists["goals"][0].values["text"] == "1.5万亩农田的复核"


def test_an_amount_with_a_third_decimal_is_refused_at_entry(window, qtbot):
    view = grid(window, "income")
    model = view.model()
    row = model.HEADER_ROWS + 1
    general = 1 + [c.key for c in model.grid.columns].index("general")
    type_into_cell(qtbot, view, row, general, "1.234")
    index = model.index(row, general)
    assert index.data() == "1.234"  # left as typed, marked, with the reason
    assert "最多 2 位小数" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert window.document.report.units[0].cells["income.general"] == Decimal("90.5")


def test_export_refuses_for_errors_before_asking_a_file_name(app, qtbot, tmp_path, answers, monkeypatch):
    from evaldesk.ui import dialogs

    win = new_county_report(qtbot, tmp_path)  # blank: the audit has errors
    asked = []
    monkeypatch.setattr(dialogs, "save_file", lambda *args: asked.append(args) or str(tmp_path / "x.xlsx"))
    win.output.export_workbook()
    assert asked == []  # no file name asked for …
    [(kind, title, message)] = answers.shown
    assert kind == "error" and title == "尚不能导出报送文件" and "须改正后才能导出" in message
    assert not (tmp_path / "x.xlsx").exists()


def test_two_reports_with_the_same_title_are_told_apart_in_the_reports_menu(window, qtbot):
    first = window.document.report.id
    window.files.add_sample()
    window.open_report(first)
    window.document.apply(SetField("cover.budget_code", "999001"))
    window.menus.fill_reports_menu()
    texts = [action.text() for action in window.menus.reports_menu.actions()[:2]]
    assert texts[0] != texts[1]
    assert "预算编码 999001" in texts[0] and "修改于" in texts[1]


def test_filler_and_phone_are_offered_from_the_contact(window, qtbot):
    people = window.pages[4]
    report = window.document.report
    window.document.apply(SetField("people.filler", None))
    window.document.apply(SetField("people.filler_phone", None))
    offer = people.filler_offer
    assert offer.isVisibleTo(people) and report.text("basic.contact") in offer.text.text()
    offer.button.click()
    assert report.text("people.filler") == report.text("basic.contact")
    assert report.text("people.filler_phone") == report.text("basic.phone")
    assert not offer.isVisibleTo(people)
    assert people.editors["people.filler"].editor.text() == report.text("basic.contact")
    window.menus.undo_action.trigger()  # one step takes both back
    assert report.get("people.filler") is None and report.get("people.filler_phone") is None


def test_changing_a_weight_in_the_editor_changes_the_points_its_standard_quotes(window, qtbot):
    from test_template_editor import type_line


    editor = window.templates.edit_template()
    editor.select("key_spending")
    type_line(editor.panel.weight, "4")
    standard = editor.panel.standard.toPlainText()
    assert standard.startswith("重点支出安排率≥90%，计4分；80%（含）-90%，计4分；")
    editor.select("staff_control")
    type_line(editor.panel.weight, "4")
    editor.select("key_spending")
    type_line(editor.panel.weight, "3")
    assert "“4分”" in editor.panel.standard_points.text()  # the band's 4 points are more than 3: flagged
    assert editor.panel.standard_points.isVisibleTo(editor)


def test_the_template_editors_cover_section_edits_the_same_wording_as_the_cover_tab(window, qtbot):
    from test_template_editor import type_line


    editor = window.templates.edit_template()
    section = editor.cover
    section.toggle.click()
    assert section.body.isVisibleTo(editor)
    region = section.fields["cover.region"]
    assert region.editor.placeholderText() == "岳阳市云溪区"
    region.editor.setText("某县")
    region.commit()
    cover = window.pages[0]
    assert cover.title.text().replace("\n", "") == "某县2021年度部门整体支出绩效评价自评报告"
    assert cover.editors["cover.region"].editor.text() == "某县"
    type_line(section.sheet_lines["sheet_title"], "部门整体支出绩效评价评分表")
    assert window.document.report.template.cover["sheet_title"] == "部门整体支出绩效评价评分表"
    assert window.document.sheet.total == Decimal("92.5")  # wording changes no score


def test_two_lines_pasted_with_ctrl_v_into_a_task_cell_become_two_tasks(window, qtbot):
    """Point 10 as the filler does it: lines copied from a document, the cell opened, Ctrl+V, Enter. The one-line
    editor keeps the line break of a paste (Qt's QLineEdit does), so the model splits it into entries."""
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    page = window.pages[1]
    window.tabs.setCurrentWidget(page)
    tasks = page.tasks
    view = tasks.findChild(QAbstractItemView)
    before = tasks.model.rowCount()
    QApplication.clipboard().setText("完成年度编制核查\n完成机构改革评估")
    index = tasks.model.index(before - 1, 0)
    view.setCurrentIndex(index)
    view.setFocus()
    view.edit(index)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not view, timeout=30000)
    editor = QApplication.focusWidget()  # the cell's own one-line editor
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState, timeout=30000)  # Qt commits by a queued call
    items = window.document.report.lists["tasks"]
    assert [item.values["text"] for item in items[before - 1:]] == ["完成年度编制核查", "完成机构改革评估"]
    assert f"已分为任务{before}～任务{before + 1}" in tasks.message.text()
