"""Putting values into workbook cells safely, and the few styles the bureau workbook uses.

Two promises live here. A figure goes in as a number (never text, never a formula), so a reader that loads values
only sees it. A piece of user text goes in as text whatever it starts with — ``=``, ``+``, ``-``, ``@``, ``#N/A``,
``http://`` — and without the characters a workbook cannot hold; what was dropped is recorded as a note.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.worksheet import Worksheet

from evaldesk.exchange.workbook_merge import merge_range
from evaldesk.exchange.workbook_pages import DIGIT_PIXELS, display_width, footer_text, row_height, set_footer
from evaldesk.model.values import clean_text

FONT_NAME = "宋体"
FONT = Font(name=FONT_NAME, size=11)
# The workbook's default (Normal) font: the cells' own. Excel and LibreOffice measure column widths in digits of
# the default font; left at openpyxl's Calibri, a machine with neither Calibri nor a metric twin (LibreOffice on
# 统信/麒麟 without Carlito) drew the columns wider than planned and printed the sheet at ~74%, pages a quarter
# empty. 134: the GB2312 character set, as Excel writes 宋体.
NORMAL_FONT = Font(name=FONT_NAME, size=11, charset=134, family=3)
BOLD = Font(name=FONT_NAME, size=11, bold=True)
HEADING = Font(name=FONT_NAME, size=12, bold=True)
TITLE = Font(name=FONT_NAME, size=16, bold=True)
SMALL = Font(name=FONT_NAME, size=9)

_THIN = Side(style="thin")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)

LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
TOP_LEFT = Alignment(horizontal="left", vertical="top", wrap_text=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center", wrap_text=True)

AMOUNT_FORMAT = "0.00"   # 万元: two decimals on screen, the exact figure in the cell
INTEGER_FORMAT = "0"

# Excel holds at most 32,767 characters (UTF-16 units) in a cell; a longer text is cut with a note.
CELL_LIMIT = 32767
# Characters XML 1.0 cannot carry at all, which clean_text (made for printing) lets through.
_XML_ILLEGAL = re.compile("[\ud800-\udfff\ufffe\uffff]")
# What spreadsheet programs read as the start of a formula or a special value when the cell is edited.
_FORMULA_START = ("=", "+", "-", "@")

# Points per line of 11-pt text. Excel's line of 11-pt 宋体 is 14.25 pt, but a machine without 宋体 (LibreOffice on
# Linux, WPS or LibreOffice on 统信UOS/麒麟) draws it in Noto Sans CJK or 文泉驿, whose lines are taller: measured in
# LibreOffice here, 16.02 pt apart (23.18 pt for the 16-pt bold title). At 15 pt the last line of a 12-line row was
# cut by 5 pt; at 16 pt every row keeps 6.6 pt below its last line, and 宋体 gets 1.75 pt of air a line.
LINE_HEIGHT = 16.0
MAX_ROW_HEIGHT = 409.0   # Excel's limit
# Lines of a long text per row when it runs on over several rows: well under Excel's 409-point row, and about a
# seventh of a printed page, so a page breaks between rows of it instead of leaving a large gap.
ROW_LINES = 12


def set_default_font(workbook: Workbook) -> None:
    """Make NORMAL_FONT the workbook's default font (font 0, the Normal style's), before any cell is styled."""
    workbook._fonts = IndexedList([NORMAL_FONT])
    workbook._named_styles["Normal"].font = NORMAL_FONT


def workbook_text(raw: object) -> str:
    """``raw`` as text a workbook can hold: control characters and XML-illegal code points dropped."""
    return _XML_ILLEGAL.sub("", clean_text(raw))


class Cells:
    """Writes one workbook's cells; collects the notes about texts that had to be changed."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    def text(self, ws: Worksheet, row: int, column: int, value: object, *, where: str = "", font: Font = FONT,
             align: Alignment = LEFT, border: bool = True):
        """Put ``value`` as plain text (blank for None or '')."""
        cell = ws.cell(row=row, column=column)
        text = "" if value is None else str(value)
        safe = workbook_text(text)
        if safe != text:
            self.notes.append(f"{where or cell.coordinate}：已删除工作簿无法保存的控制字符")
        if _utf16_length(safe) > CELL_LIMIT:
            safe = _cut(safe, CELL_LIMIT)
            self.notes.append(f"{where or cell.coordinate}：文字超过 {CELL_LIMIT} 字，工作簿中只显示前面部分")
        if safe:
            cell.value = safe
            # openpyxl turns "=…" into a formula and "#N/A" into an error value: force plain text.
            cell.data_type = "s"
            if safe.startswith(_FORMULA_START) or safe.startswith("#"):
                cell.quotePrefix = True  # Excel and WPS keep it text even when the cell is edited
        style(cell, font, align, border)
        return cell

    def block(self, ws: Worksheet, row: int, col: int, value: object, widths: list[float], *,
              last_row: int | None = None, last_col: int | None = None, where: str = "", font: Font = FONT,
              align: Alignment = LEFT, fit: bool = True) -> None:
        """Text over a merged, framed block (row…last_row × col…last_col), with rows tall enough to read it."""
        last_row, last_col = last_row or row, last_col or col
        self.text(ws, row, col, value, where=where, font=font, align=align)
        merge(ws, row, col, last_row, last_col)
        if fit and value:
            width = span_width(widths, col, last_col)
            if last_row == row:
                fit_row(ws, row, str(value), width, font=font)
            else:
                fit_span(ws, row, last_row, str(value), width, bold=bool(font.b))

    @staticmethod
    def number(ws: Worksheet, row: int, column: int, value: Decimal | int | None, *,
               number_format: str = AMOUNT_FORMAT, font: Font = FONT, border: bool = True):
        """Put a figure as a number (exact Decimal in, openpyxl writes its digits); blank stays blank."""
        cell = ws.cell(row=row, column=column)
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
                raise TypeError(f"figure expected, got {type(value).__name__}")  # never a float or text
            cell.value = value
            cell.number_format = number_format
        style(cell, font, RIGHT, border)
        return cell


def style(cell, font: Font = FONT, align: Alignment = LEFT, border: bool = True) -> None:
    cell.font = font
    cell.alignment = align
    if border:
        cell.border = BOX


def merge(ws: Worksheet, first_row: int, first_col: int, last_row: int, last_col: int, *,
          border: bool = True) -> None:
    """Merge a block and draw its frame: the block's edge cells get the border of its first cell, as openpyxl's
    ``merge_cells`` gives them, in time linear in the workbook (see :mod:`.workbook_merge`)."""
    if border:
        ws.cell(row=first_row, column=first_col).border = BOX
    if (first_row, first_col) != (last_row, last_col):
        merge_range(ws, first_row, first_col, last_row, last_col)


def set_widths(ws: Worksheet, widths: list[float]) -> None:
    for index, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = width


def usable_units(width: float, *, bold: bool = False) -> float:
    """How much of a cell ``width`` units wide its text may fill, in display_width units (a Chinese character two).
    A unit is a digit of 11-pt 宋体, 8 px; a Chinese character 11 pt, 14.67 px, so 1.83 units, and bold 宋体
    (emboldened by the renderer) a pixel wider: the cell's few pixels of inner margin and 3% are kept in hand."""
    return max(4.0, (width * 2 * DIGIT_PIXELS / 14.67) * (0.97 / (1.07 if bold else 1.0)) - 1)


def lines_needed(text: str, width: float, *, bold: bool = False) -> int:
    """How many lines ``text`` wraps to in a cell ``width`` units wide."""
    usable = usable_units(width, bold=bold)
    return sum(max(1, math.ceil(display_width(part) / usable)) for part in str(text).split("\n"))


def fit_row(ws: Worksheet, row: int, text: str, width: float, *, line_height: float = LINE_HEIGHT,
            minimum: float = 0.0, font: Font = FONT) -> None:
    """Make ``row`` tall enough for ``text`` in a cell ``width`` wide; never lower than what is already there.
    A face larger than 11 pt (the title) takes wider characters and taller lines in proportion."""
    scale = (font.sz or 11) / 11
    wanted = max(minimum, lines_needed(text, width / scale, bold=bool(font.b)) * line_height * scale + 6)
    current = ws.row_dimensions[row].height or 0
    ws.row_dimensions[row].height = min(MAX_ROW_HEIGHT, max(current, wanted))


def fit_span(ws: Worksheet, first_row: int, last_row: int, text: str, width: float, *, bold: bool = False) -> None:
    """Make the rows ``first_row``…``last_row`` together tall enough for ``text`` (a block merged across them):
    the last row takes what is missing, and the rows above it what the last cannot (a row stops at 409 points)."""
    # A row with no height of its own prints at the sheet's default, as the page planner counts it.
    missing = lines_needed(text, width, bold=bold) * LINE_HEIGHT + 6 - sum(
        row_height(ws, row) for row in range(first_row, last_row + 1))
    for row in range(last_row, first_row - 1, -1):
        if missing <= 0:
            return
        dimension = ws.row_dimensions[row]
        height = row_height(ws, row)
        dimension.height = min(MAX_ROW_HEIGHT, height + missing)
        missing -= dimension.height - height


# The PDF's margins (printing/styles.py), in inches: 28 mm at the binding edge, 18 mm right, 20 mm top and bottom.
MARGINS = {"left": 28 / 25.4, "right": 18 / 25.4, "top": 20 / 25.4, "bottom": 20 / 25.4}


def page_setup(ws: Worksheet, title_rows: str | None, footer: str) -> None:
    """A4 portrait, as wide as the page, the header rows repeated on every page, the fingerprint in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    for side, inches in MARGINS.items():
        setattr(ws.page_margins, side, round(inches, 3))
    if title_rows:
        ws.print_title_rows = title_rows
    set_footer(ws, footer)


def footer(report, fingerprint: str) -> str:
    """The printed footer's left part: year, department and the fingerprint, worded as on the PDF pages."""
    return footer_text(report, fingerprint)


def span_width(widths: list[float], first_col: int, last_col: int) -> float:
    """Merged columns' width in character units: Excel gives each column 7 px per unit plus 5 px of padding, so
    a merge is wider than the sum of its widths by the padding of every column after the first."""
    spanned = widths[first_col - 1:last_col]
    return sum(spanned) + (len(spanned) - 1) * 5 / 7


def paragraphs(text: str, limit: int = 500) -> list[str]:
    """Long text split into pieces that each fit one row (Excel caps a row at 409 points).

    Paragraphs stay whole when they are short enough; a longer one is cut after a sentence (。；！？) where
    possible, so a printed page reads as the text was written."""
    pieces: list[str] = []
    for paragraph in text.split("\n"):
        while len(paragraph) > limit:
            cut = max(paragraph.rfind(mark, 0, limit) for mark in "。；！？;!?")
            cut = cut + 1 if cut >= limit // 3 else limit
            pieces.append(paragraph[:cut])
            paragraph = paragraph[cut:]
        pieces.append(paragraph)
    return [piece for piece in pieces if piece.strip()]  # each piece is a row: blank lines add nothing


def row_pieces(text: str, width: float) -> list[str]:
    """``text`` as the rows it takes in a cell ``width`` units wide: itself when it fits in ROW_LINES lines, else
    cut (after a sentence where possible, see :func:`paragraphs`) into pieces of at most ROW_LINES lines each, so
    that no row reaches Excel's 409-point limit and clips it, whatever its length."""
    if not text or lines_needed(text, width) <= ROW_LINES:
        return [text]
    per_line = max(1, int(usable_units(width) // 2))   # Chinese characters per line: the widest a character can be
    return paragraphs(text, ROW_LINES * per_line) or [""]


def _utf16_length(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _cut(text: str, limit: int) -> str:
    out, used = [], 0
    for ch in text:
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > limit:
            break
        out.append(ch)
    return "".join(out)
