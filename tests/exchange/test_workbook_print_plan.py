"""Issue 24, the workbook's page plan: the default font is the cells' own (宋体, not openpyxl's Calibri, which a
machine without Calibri or a metric twin replaced with wider digits, printing the sheet at ~74%); rows are as tall
as 宋体 draws their text, no taller; the PDF's margins; a paragraph cut into rows reads as one box; the 综述's
paragraphs start two characters in. What LibreOffice makes of it is measured by benchmarks/workbook_fill.py."""

import io
import math
import re
import zipfile

import pytest
from openpyxl import load_workbook

from evaldesk.exchange import workbook
from evaldesk.exchange.workbook import workbook_bytes
from evaldesk.exchange.workbook_cells import LINE_HEIGHT
from evaldesk.exchange.workbook_report import INDENT

VISIBLE = ("自评报告", "评分表", "审核")
CHARACTER_PIXELS = 11 * 96 / 72   # a Chinese character of 11-pt 宋体
DIGIT_PIXELS = 8                  # a unit of column width with 11-pt 宋体 as the default font (Excel, WPS)
INSET_PIXELS = 6                  # the cell's inner margins


def default_font(data: bytes) -> str:
    styles = zipfile.ZipFile(io.BytesIO(data)).read("xl/styles.xml").decode()
    fonts = re.search(r"<fonts[^>]*>(.*?)</fonts>", styles, re.S).group(1)
    return re.search(r'<name val="([^"]+)"', fonts).group(1)   # font 0: the Normal style's


def test_the_default_font_is_the_cells_own(sample):
    data = workbook_bytes(sample)
    assert default_font(data) == "宋体"
    book = load_workbook(io.BytesIO(data))
    assert book._named_styles["Normal"].font.name == "宋体"
    for name in VISIBLE:
        ws = book[name]
        fonts = {cell.font.name for row in ws.iter_rows() for cell in row if cell.value is not None}
        assert fonts == {"宋体"}, name


def test_the_margins_are_the_pdfs(sample):
    book = load_workbook(io.BytesIO(workbook_bytes(sample)))
    for name in VISIBLE:
        margins = book[name].page_margins
        assert round(margins.left * 25.4) == 28 and round(margins.right * 25.4) == 18, name
        assert round(margins.top * 25.4) == 20 and round(margins.bottom * 25.4) == 20, name


def width_pixels(ws, first: int, last: int) -> float:
    from openpyxl.utils import get_column_letter

    return sum(ws.column_dimensions[get_column_letter(c)].width * DIGIT_PIXELS for c in range(first, last + 1))


def drawn_lines(text: str, pixels: float) -> int:
    """Lines a text of Chinese characters takes in 11-pt 宋体 in a cell ``pixels`` wide."""
    per_line = math.floor((pixels - INSET_PIXELS) / CHARACTER_PIXELS)
    return math.ceil(len(text) / per_line)


@pytest.fixture
def summary_book(sample, monkeypatch):
    monkeypatch.setattr(workbook, "audit_report", lambda report, sheet=None: [])
    sentence = "围绕年度目标任务统筹推进机构编制管理事业单位登记和体制改革各项工作按期完成并通过验收合格一二三四五六七。"  # 52 characters
    sample.fields["summary.text"] = "\n".join(sentence * n for n in (1, 2, 3, 5, 9))
    sample.fields["basic.achievements"] = sentence * 30   # one paragraph of about 1,300 characters
    return sample, load_workbook(io.BytesIO(workbook_bytes(sample)))["自评报告"]


def test_a_paragraphs_rows_are_as_tall_as_its_lines_no_taller(summary_book):
    """Was: a 200-character row of the 综述 took a line more than 宋体 draws (the estimate took a Chinese character
    for two units of Calibri's 7-px digit), leaving gaps inside the paragraph."""
    report, ws = summary_book
    first = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "五、评价报告综述") + 1
    pixels = width_pixels(ws, 1, 8)
    checked = 0
    for row in range(first, ws.max_row + 1):
        text = ws.cell(row, 1).value
        if not text:
            continue
        lines = drawn_lines(text, pixels)
        assert ws.row_dimensions[row].height == lines * LINE_HEIGHT + 6, (row, len(text))
        checked += 1
    assert checked >= 6


def test_a_long_paragraph_cut_into_rows_has_no_rule_inside_it(summary_book):
    """Was: 成绩's paragraph cut at 500 characters into rows ruled apart, as if it were three paragraphs."""
    report, ws = summary_book
    text = report.fields["basic.achievements"]
    rows = [r for r in range(1, ws.max_row + 1)
            if isinstance(ws.cell(r, 2).value, str) and len(ws.cell(r, 2).value) > 40 and ws.cell(r, 2).value in text]
    assert len(rows) >= 2 and rows == list(range(rows[0], rows[-1] + 1))
    assert "".join(ws.cell(r, 2).value for r in rows) == text
    breaks = {b.id + 1 for b in ws.row_breaks.brk}
    for row in rows[1:]:
        if row not in breaks:   # at a page break the box is closed and opened again
            assert ws.cell(row, 2).border.top.style is None and ws.cell(row - 1, 2).border.bottom.style is None


def test_each_paragraph_of_the_summary_starts_two_characters_in(summary_book):
    report, ws = summary_book
    first = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "五、评价报告综述") + 1
    page_starts = {b.id + 1 for b in ws.row_breaks.brk}
    starts = [ws.cell(r, 1).value for r in range(first, ws.max_row + 1)
              if ws.cell(r, 1).value and ws.cell(r, 1).border.top.style == "thin" and r not in page_starts]
    assert len(starts) >= 4 and all(text.startswith(INDENT) for text in starts)


def test_the_fixed_assets_table_is_planned_on_the_page_of_the_grids_above_it(sample):
    """Was: the 4-row 固定资产 table stood alone on a page (18–23% full) before part 三's page."""
    from evaldesk.model.form import GRIDS

    ws = load_workbook(io.BytesIO(workbook_bytes(sample)))["自评报告"]
    ends = {b.id for b in ws.row_breaks.brk}
    title = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == GRIDS[-1].title)
    assert title - 1 not in ends
