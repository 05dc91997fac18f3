"""Golden page-composition checks on the reference sample, a realistic and a heavy report (printing/proofs.py),
read back from the PDF as a reviewer reads the pages: no continued table starts under blank key cells, no page
holds nothing but headers, no figure is broken, every long text is printed whole, and the page counts stay put."""

import io
import re

import pytest
from pypdf import PdfReader

from evaldesk.exchange.report_json import read_json
from evaldesk.model import wording
from evaldesk.model.form import GRIDS, LISTS, cell_key
from evaldesk.model.layout import grid_headings
from evaldesk.model.totals import summary_row, unit_rows
from evaldesk.model.values import format_amount
from evaldesk.printing import proofs
from evaldesk.printing.pdf import build_pdf
from evaldesk.printing.sheet import weighted
from evaldesk.resources import SAMPLE_REPORT

from .pdfread import body_text, lowest_text, pages_text, squeeze

SHEET_HEAD = "".join(wording.SHEET_HEAD)
QUANT_HEAD = "评价内容绩效目标完成情况"
# Everything a page may show that is not a row of content: table headers, captions, the page's footer.
CHROME = sorted({squeeze(text) for text in (
    *wording.SHEET_HEAD, QUANT_HEAD, wording.SIGNATURE_COLUMN, wording.UNIT_COLUMN, wording.GROUP_SUBHEAD,
    wording.QUALITATIVE_CAPTION, wording.QUANTITATIVE_CAPTION, "级别问题填报人说明",
    *(label for spec in LISTS for _, label in spec.fields), *(spec.label for spec in LISTS),
    *(grid.title for grid in GRIDS), *(label for grid in GRIDS for path in grid_headings(grid) for label in path),
)}, key=len, reverse=True)
PAGE_COUNTS = {"sample": 10, "realistic": 11, "heavy": 28}


def reports() -> dict:
    sample = read_json(SAMPLE_REPORT)
    return {"sample": sample, "realistic": proofs.realistic(sample), "heavy": proofs.heavy(sample)}


@pytest.fixture(scope="module")
def printed() -> dict:
    return {name: (report, build_pdf(report)) for name, report in reports().items()}


@pytest.mark.parametrize("name", PAGE_COUNTS)
def test_the_page_count_stays_put(printed, name):
    assert len(pages_text(printed[name][1])) == PAGE_COUNTS[name]


@pytest.mark.parametrize("name", PAGE_COUNTS)
def test_a_continued_score_sheet_starts_with_its_key_cells(printed, name):
    """On every page of the score sheet the first row under the header shows its 一级 and 二级 (the paper repeats
    过程（40分）/资产管理（10分）), never blank cells."""
    report, pdf = printed[name]
    template = report.template
    firsts = [squeeze(weighted(i)) for i in template.indicators if not i.parent]
    seconds = [squeeze(weighted(i)) for i in template.indicators if i.parent and not template.indicator(i.parent).parent]
    sheet_pages = [page for page in pages_text(pdf) if SHEET_HEAD in page]
    assert len(sheet_pages) >= 2
    for page in sheet_pages:
        after = page.split(SHEET_HEAD, 1)[1]
        first = next((f for f in firsts if after.startswith(f)), None)
        assert first, after[:40]
        assert any(after[len(first):].startswith(second) for second in seconds), after[:40]


@pytest.mark.parametrize("name", PAGE_COUNTS)
def test_a_continued_quant_table_starts_with_its_key_cells(printed, name):
    pages = [page for page in pages_text(printed[name][1]) if QUANT_HEAD in page]
    assert len(pages) >= 2
    notes = "|".join(re.escape(note) for note in wording.QUANT_GROUP_NOTES.values())
    kinds = "|".join(sorted({item.values["kind"] for item in printed[name][0].lists["quant"]}))
    for page in pages:
        # 评价内容 (with its note), 指标类型 and the row's own 绩效目标 (指标n：…), even when the row continues
        first = page.split(QUANT_HEAD, 1)[1]
        assert re.match(f"(产出目标|效益目标)({notes})?({kinds})指标\\d+：", first), first[:90]


@pytest.mark.parametrize("name", PAGE_COUNTS)
def test_no_page_holds_only_headers(printed, name):
    for number, page in enumerate(pages_text(printed[name][1]), 1):
        left = body_text_of(page)
        for chrome in CHROME:
            left = left.replace(chrome, "")
        assert len(left) >= 4, f"page {number}: {page[:80]}"


def body_text_of(page: str) -> str:
    return re.sub(r"第\d+页共\d+页|数据指纹[0-9A-F-]+|草稿：审核尚有\d+个错误未改正，本稿不得签字报送", "", page)


def test_no_figure_is_broken(printed):
    """Every amount of part 二 of the heavy report (99999999.99 and its sums) is printed on one line, whole."""
    report, pdf = printed["heavy"]
    rows = unit_rows(report)
    all_rows = [summary_row(report, rows)] + [rows[unit.id] for unit in report.units]
    expected = sorted(format_amount(row[cell_key(grid.key, column.key)]) for grid in GRIDS for column in grid.columns
                      for row in all_rows if row[cell_key(grid.key, column.key)])
    raw = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    printed_amounts = sorted(re.findall(r"\d{8,}\.\d+", raw))
    assert printed_amounts == expected
    assert expected.count(format_amount(proofs.LARGEST)) >= 20


def test_every_long_text_of_the_heavy_report_is_printed_whole(printed):
    report, pdf = printed["heavy"]
    keys = "效果（20分）履职效益（20分）经济效益社会效益生态效益"
    repeated = ("草稿", SHEET_HEAD, keys, "过程（40分）预算管理（15分）预决算信息公开性和完善性")  # 草稿: the watermark
    text = body_text(pdf, repeated)
    for key in ("sheet.benefits.reason", "sheet.disclosure.reason", "summary.text"):
        assert squeeze(report.fields[key]) in text, key
    assert squeeze(report.department) in pages_text(pdf)[0]   # the 300-character name, on the one cover page
    assert all(squeeze(item.values["text"]) in text for item in report.lists["tasks"])


def test_the_cover_is_one_page_at_any_name_length(printed):
    sample = read_json(SAMPLE_REPORT)
    for length in (51, 300):
        pages = pages_text(build_pdf(proofs.long_name(sample, length)))
        assert squeeze(proofs.long_name(sample, length).department) in pages[0]
        assert "岳阳市云溪财政局（制）" in pages[0] and "一、部门（单位）基本概况" not in pages[0]
        assert pages[1].startswith("一、部门（单位）基本概况")


def test_rows_bound_by_one_merged_cell_taller_than_a_page_still_print_everything():
    """Forty rows sharing a 分值 cell (an atom that cannot be repeated) cannot stay on one page: they print
    stacked, over as many pages as they need, and nothing is lost."""
    from reportlab.platypus import SimpleDocTemplate

    from evaldesk.printing.paged import PagedTable, Row
    from evaldesk.printing.styles import styles
    from evaldesk.printing.text import para, paragraphs

    s = styles()
    rows = [Row([para(f"指标{n:02d}", s["cell"]), paragraphs(proofs.text_of(120), s["cell"]), para("15", s["cell"])],
                keys=[None, None, "shared"]) for n in range(40)]
    out = io.BytesIO()
    SimpleDocTemplate(out).build([PagedTable([[para("名称", s["head"]), para("标准", s["head"]), para("分值", s["head"])]],
                                             [60, 300, 40], rows, flow={1}, top={1})])
    text = body_text(out.getvalue(), ("名称标准分值",))
    assert [f"指标{n:02d}" for n in range(40)] == re.findall(r"指标\d\d", text)
    assert len(pages_text(out.getvalue())) > 1


@pytest.mark.parametrize("name", PAGE_COUNTS)
def test_a_table_continued_on_the_next_page_fills_this_one(printed, name):
    """When a table runs on to the next page (its header repeated there), this page is full: its rows reach
    the last eighth of the frame — no group moved whole or tall row pushed over leaving a large gap. (A short
    row may follow its neighbour over, so that neither stands alone at a page's head: a tenth and a bit.)"""
    from evaldesk.printing.styles import BOTTOM_MARGIN, FRAME_HEIGHT

    pdf = printed[name][1]
    pages, lows = pages_text(pdf), lowest_text(pdf, BOTTOM_MARGIN - 1)
    continued = 0
    for number in range(1, len(pages) - 1):   # the cover and the last page aside
        after = body_text_of(pages[number + 1]).removeprefix("草稿")   # the draft's watermark
        if after.startswith(SHEET_HEAD) or after.startswith(QUANT_HEAD):
            continued += 1
            gap = lows[number] - BOTTOM_MARGIN
            assert gap < FRAME_HEIGHT / 8, f"page {number + 1}: {gap / FRAME_HEIGHT:.0%} of the frame empty"
    assert continued >= 2


@pytest.mark.parametrize("name", PAGE_COUNTS)
def test_the_signature_boxes_share_one_page_with_the_fillers_line(printed, name):
    pages = pages_text(printed[name][1])
    marks = [squeeze(heading) for heading, _ in wording.SIGNATURE_BLOCKS] + [wording.FILLER]
    holding = {number for number, page in enumerate(pages) for mark in marks if mark in page}
    assert len(holding) == 1, sorted(holding)
    assert pages[holding.pop()].count(squeeze(wording.DATE_LINE)) == 3   # each box whole, down to its date


@pytest.mark.parametrize("name", PAGE_COUNTS)
def test_the_score_sheets_footnote_ends_the_table_on_its_page(printed, name):
    """The footnote is printed under 总分 and at least one indicator row, never alone on a last page."""
    report, pdf = printed[name]
    footnote = squeeze(report.template.cover["sheet_footnote"])
    page = next(page for page in pages_text(pdf) if footnote in page)
    table = page.split(SHEET_HEAD, 1)[1].split(footnote, 1)[0]
    assert squeeze(wording.SHEET_TOTAL) in table
    last = report.template.leaves[-1]
    assert squeeze(last.rows[0] if last.rows else last.name) in table


def test_empty_lists_print_their_headers(sample):
    for key in ("quant", "evaluators", "goals", "tasks"):
        sample.lists[key] = []
    text = body_text(build_pdf(sample))
    assert "评价内容绩效目标完成情况" in text and "姓名职务/职称单位签字" in text
