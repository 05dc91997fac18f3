"""The reference report on paper: every value it holds, printed as on screen, in an embedded font, with the data
fingerprint on every page, the same bytes every time."""

import datetime
import io
import re

import pytest

from evaldesk.model.document import fingerprint
from evaldesk.model.form import FIELDS, GRIDS, LIST_BY_KEY, Kind, cell_key
from evaldesk.model.totals import summary_row, unit_rows
from evaldesk.model.values import format_amount, format_date_cn
from evaldesk.printing import pdf as pdf_module
from evaldesk.model.wording import SHEET_HEAD
from evaldesk.printing.pdf import build_pdf
from evaldesk.scoring.engine import score_report
from evaldesk.scoring.report_text import score_text

from .pdfread import body_text, fonts, pages_text, squeeze

QUANT_HEAD = "".join(label for key, label in LIST_BY_KEY["quant"].fields if key in ("group", "target", "actual"))
REPEATED_HEADERS = (QUANT_HEAD, "".join(SHEET_HEAD))


@pytest.fixture
def quiet_audit(monkeypatch):
    """The audit checks are still growing (issue 6); layout tests fix them to "no findings" so the page count
    measures the layout alone."""
    monkeypatch.setattr(pdf_module, "audit_report", lambda report, sheet=None: [])


@pytest.fixture
def sample_pdf(sample):
    return build_pdf(sample)


def field_text(report, spec) -> str:
    value = report.get(spec.key)
    return format_date_cn(value) if spec.kind is Kind.DATE else str(value)


def test_every_field_of_the_sample_is_printed(sample, sample_pdf):
    text = body_text(sample_pdf, REPEATED_HEADERS)
    for spec in FIELDS:
        if sample.get(spec.key) is None:
            continue
        for line in field_text(sample, spec).split("\n"):
            assert squeeze(line) in text, f"{spec.label}: {line[:40]}"


def test_every_figure_is_printed_with_two_decimals_and_blank_cells_stay_blank(sample, sample_pdf):
    text = body_text(sample_pdf, REPEATED_HEADERS)
    rows = unit_rows(sample)
    labelled = [("局机关及二级机构汇总", summary_row(sample, rows))]
    labelled += [(f"{number}、{unit.name}", rows[unit.id]) for number, unit in enumerate(sample.units, 1)]
    for grid in GRIDS:
        for label, row in labelled:
            # the row as printed: its label, then its non-blank cells in column order, nothing in between
            printed = label + "".join(format_amount(row[cell_key(grid.key, column.key)]) for column in grid.columns)
            assert printed in text, (grid.key, printed)
    assert "局机关及二级机构汇总90.5090.5060.9029.60" in text      # 支出: 合计, 基本, 人员, 公用; 结余 blank
    assert "0.00" not in text  # a blank cell prints nothing, not zero


def test_every_list_entry_is_printed_numbered(sample, sample_pdf):
    text = body_text(sample_pdf, REPEATED_HEADERS)
    for key, label in (("tasks", "任务"), ("goals", "目标")):
        for number, item in enumerate(sample.items(key), 1):
            assert squeeze(f"{label}{number}：{item.values['text']}") in text
    for item in sample.items("quant"):
        values = item.values
        target = f"{values['name']}：{values['target']}" if values.get("name") else values["target"]
        assert squeeze(target) in text
        assert squeeze(values["actual"]) in text
        assert values["kind"] in text and values["group"] in text
    for item in sample.items("evaluators"):
        assert squeeze(f"{item.values['name']}{item.values['title']}{item.values['org']}") in text


def test_every_score_reason_total_and_grade_is_printed(sample, sample_pdf):
    text = body_text(sample_pdf, REPEATED_HEADERS)
    sheet = score_report(sample)
    for leaf in sample.template.leaves:
        result = sheet.indicators[leaf.id]
        for name in leaf.rows:
            assert squeeze(name) in text, leaf.name
        if result.reason:
            assert squeeze(result.reason) in text
    assert f"绩效自评综合得分{score_text(sheet.total)}评价等次{sheet.grade}" in text
    assert score_text(sheet.total) == "92.5" and sheet.grade == "优秀"
    assert "总分10092.5" in text
    assert squeeze(sample.template.cover["sheet_footnote"]) in text
    # The template's name is the program's business, not the signed form's (the paper has no such line).
    assert squeeze(sample.template.name) not in text
    # the 预算调整率 row: 分值 3, 自评得分 0.5, as on screen
    assert "30.52021年年初预算73.5万元" in text


def test_sheet_rows_carry_weight_and_score_in_order(sample, sample_pdf):
    """Each 三级指标 is followed (after its 评分标准, if printed on its row) by its 分值 and then its 自评得分."""
    text = body_text(sample_pdf, REPEATED_HEADERS)
    sheet = score_report(sample)
    for leaf in sample.template.leaves:
        figures = score_text(leaf.weight) + score_text(sheet.indicators[leaf.id].score)
        row = squeeze(leaf.rows[0]) + ".{0,400}?" + re.escape(figures)
        assert re.search(row, text), leaf.name


def test_cover_carries_template_wording(sample, sample_pdf):
    cover = pages_text(sample_pdf)[0]
    template = sample.template
    for text in (template.cover["report_attachment"], template.title(sample.year), template.cover["bureau"]):
        assert squeeze(text) in cover
    assert "2022年7月15日" in cover


def test_the_fingerprint_and_page_number_are_on_every_page_but_the_cover(sample, sample_pdf):
    mark = "数据指纹" + fingerprint(sample)
    cover, *pages = pages_text(sample_pdf)
    assert "数据指纹" not in cover and "页" not in cover.replace("附件", "")
    assert all(mark in page for page in pages)
    assert all(f"第{n}页共{len(pages)}页" in page for n, page in enumerate(pages, 1))


def test_every_font_is_embedded_and_subset(sample_pdf, sample):
    for pdf in (sample_pdf, build_pdf(sample, blank=True)):
        found = fonts(pdf)
        assert found
        for font in found:
            assert re.match(r"^/[A-Z]{6}\+", str(font["/BaseFont"])), font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
        assert not any("Helvetica" in str(font["/BaseFont"]) for font in found)


def test_bold_and_regular_are_both_used(sample_pdf):
    names = {re.sub(r"^/[A-Z]{6}\+", "", str(font["/BaseFont"])) for font in fonts(sample_pdf)}
    assert names == {"NotoSerifSC-Regular", "NotoSansSC-Bold"}  # 宋体-style body, 黑体 titles


def test_page_count_is_stable_and_builds_are_identical(sample, quiet_audit):
    day = datetime.date(2022, 7, 15)
    first, second = build_pdf(sample, made=day), build_pdf(sample, made=day)
    assert first == second
    # cover 1, parts 一–五 7, score sheet 2
    assert len(pages_text(first)) == 10


def test_identical_with_the_real_audit_too(sample):
    day = datetime.date(2022, 7, 15)
    assert build_pdf(sample, made=day) == build_pdf(sample, made=day)


def test_the_pdf_records_the_day_it_was_made_not_2000(sample):
    from pypdf import PdfReader

    info = PdfReader(io.BytesIO(build_pdf(sample))).metadata
    assert info["/CreationDate"].startswith("D:" + datetime.date.today().strftime("%Y%m%d"))
    info = PdfReader(io.BytesIO(build_pdf(sample, made=datetime.date(2022, 7, 15)))).metadata
    assert info["/CreationDate"].startswith("D:20220715")


def test_a_changed_figure_changes_the_fingerprint_line(sample, sample_pdf):
    from decimal import Decimal

    sample.units[0].cells["income.general"] = Decimal("91.5")
    changed = pages_text(build_pdf(sample))
    assert "数据指纹" + fingerprint(sample) in changed[1]
    assert fingerprint(sample) not in pages_text(sample_pdf)[0]
