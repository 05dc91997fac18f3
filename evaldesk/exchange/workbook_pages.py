"""How the workbook's visible sheets print: page breaks placed as the paper form places them, footers within
Excel's limit, figure columns wide enough for the largest figure.

A spreadsheet program breaks pages wherever a page is full: a grid's title at the foot of one page and its header
on the next, a 二级 block cut under blank merged cells. The sheets record where a part starts (a forced break) and
which rows belong together (a keep: a title with its header and first rows, a 二级 block, a signature box);
``paginate`` then estimates each page's fill from the row heights at the print scale and breaks before a keep
that would not fit, as the printed PDF does.
"""

from __future__ import annotations

import math
import unicodedata
from copy import copy

from openpyxl.styles import Side
from openpyxl.worksheet.pagebreak import Break, RowBreak
from openpyxl.worksheet.worksheet import Worksheet

from evaldesk.model import wording

FOOTER_LIMIT = 255            # Excel refuses a header or footer longer than this (formatting codes included)
A4_POINTS = (595.0, 842.0)
DEFAULT_ROW = 15.0            # a row with no height of its own: the sheet's default, in Excel and LibreOffice alike
LOOSE_WASTE = 0.1             # as the printed form (paged.KEEP_WASTE): a block moves whole if at most this share is lost
FOOTER_NAME_WIDTH = 56        # character units of the department's name in the 8-pt footer: one line beside the page number
# Plan pages a little short: Excel rounds row heights to whole pixels at the print scale. Measured in
# LibreOffice on the sample, realistic and heavy reports (benchmarks/workbook_fill.py), pages fill to the planned
# height within 1%.
FILL = 0.98


# Pixels (at 96 dpi) of a unit of column width: the widest digit of the default font, 11-pt 宋体 (workbook_cells.
# NORMAL_FONT), as Excel and WPS take it (their 8.38-unit default column is 72 px). The pages are planned for it.
# A renderer whose stand-in for 宋体 has wider digits (LibreOffice without 宋体 measures DejaVu Sans's, 9.3 px) fits
# the sheet to the page at a smaller scale and its pages come out that much less full; one with narrower digits
# would overflow the plan, so the plan takes the narrowest in use.
DIGIT_PIXELS = 8.0


def column_points(width: float) -> float:
    """A column's printed width in points: Excel's width is in digits of the default font, at 96 dpi."""
    return width * DIGIT_PIXELS * 0.75


def page_rows_height(ws: Worksheet, widths: list[float]) -> float:
    """The height of a page in the sheet's own points, at the scale that fits the columns to the page width."""
    margins = ws.page_margins
    printable_width = A4_POINTS[0] - (margins.left + margins.right) * 72
    printable_height = A4_POINTS[1] - (margins.top + margins.bottom) * 72
    # Fit to one page wide: Excel and LibreOffice both take the largest whole percentage that fits.
    percent = min(100, math.floor(100 * printable_width / sum(column_points(w) for w in widths)))
    return printable_height / (percent / 100) * FILL


def row_height(ws: Worksheet, row: int) -> float:
    return ws.row_dimensions[row].height or DEFAULT_ROW


def paginate(ws: Worksheet, widths: list[float], *, first: int, last: int, title_rows: tuple[int, ...] = (),
             forced: list[int] = (), keeps: list[tuple[int, int]] = (),
             loose: list[tuple[int, int]] = ()) -> list[int]:
    """Add row breaks to ``ws``: before every row in ``forced`` and before a keep (first, last rows) that would
    not fit on what is left of its page, when it fits on a page. A ``loose`` keep (a 二级 block, whose merged
    labels are written again on the next page) moves whole only when that leaves at most LOOSE_WASTE of the
    page empty; otherwise it continues on the next page, cut between its keeps. ``title_rows`` print at the
    top of every page; the rows above ``first`` that are not among them (a sheet's title) fill the first page only.
    Returns the rows that start a page."""
    title = sum(row_height(ws, r) for r in title_rows)
    page = page_rows_height(ws, widths) - title
    keep_at, loose_at = _ends(keeps), _ends(loose)
    forced = set(forced)
    starts, used = [], sum(row_height(ws, r) for r in range(1, first)) - title

    def height_of(start: int, end: int) -> float:
        return sum(row_height(ws, r) for r in range(start, end + 1))

    for row in range(first, last + 1):
        height = row_height(ws, row)
        block = height_of(row, keep_at[row]) if row in keep_at else height
        group = height_of(row, loose_at[row]) if row in loose_at else 0.0
        moves_whole = used + group > page and group <= page and page - used <= page * LOOSE_WASTE
        if row > first and used and (row in forced or moves_whole or (used + block > page and block <= page)
                     or used + height > page):
            cut = row if row in forced else _no_lone_keep(row, keep_at, loose, starts[-1] if starts else first)
            starts.append(cut)
            used = height_of(cut, row - 1)
        used += height
    ws.row_breaks = RowBreak()
    for row in starts:
        ws.row_breaks.append(Break(id=row - 1))
    return starts


def _no_lone_keep(row: int, keep_at: dict[int, int], loose, page_start: int) -> int:
    """Where to break instead of before ``row`` so that a loose block cut there leaves none of its keeps alone
    at this page's foot (the whole block goes over) or at the next page's head (its neighbour goes with it).
    A row that starts no keep continues a tall one (a long 扣分原因 run on over rows): the cut stays there."""
    if row not in keep_at:
        return row
    for start, end in loose:
        if not start < row <= end:
            continue
        inside = sorted(s for s in keep_at if start <= s <= end) or [start]
        before = [s for s in inside if s < row]
        if len(before) == 1 and start > page_start:
            return start
        if keep_at.get(row, row) >= end and len(before) > 2:
            return before[-1]
    return row


def _ends(keeps) -> dict[int, int]:
    """For each first row of a keep, the last row kept with it."""
    ends: dict[int, int] = {}
    for start, end in keeps:
        ends[start] = max(ends.get(start, start), end)
    return ends


def set_footer(ws: Worksheet, left: str) -> None:
    """The page footer: ``left`` (year, department, fingerprint) and the page number, within Excel's 255."""
    right = wording.PAGE_NUMBER.format(page="&P", pages="&N")
    codes = len("&L&8") + len("&R&8")
    room = FOOTER_LIMIT - codes - len(right)
    left = left.replace("&", "&&")
    if len(left) > room:
        left = left[: room - 1] + "…"
        if left.endswith("&") and not left.endswith("&&"):
            left = left[:-1]
    ws.oddFooter.left.text = left
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = right
    ws.oddFooter.right.size = 8


def footer_text(report, fingerprint: str) -> str:
    """Year, department and fingerprint on one line: a long department name is shortened there, never the
    fingerprint (the footer is what ties a printed page to its data). Excel and LibreOffice wrap a long footer
    into the page's last rows and over the page number."""
    mark = wording.FINGERPRINT.format(fingerprint=fingerprint)
    return f"{report.year}年度 {one_line(report.department, FOOTER_NAME_WIDTH)}　{mark}"


def display_width(text: str) -> int:
    """Width in character units: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def figure_width(texts, minimum: float) -> float:
    """A column width (characters) that shows the longest of ``texts`` whole (no ###), never below ``minimum``:
    bold figures (the 汇总 row) are about a tenth wider, and the cell has its margins."""
    return max([minimum] + [round(len(text) * 1.15 + 3, 1) for text in texts])


def repeat_merged_labels(ws: Worksheet, page_starts: list[int], columns: tuple[int, ...], *,
                         figures: tuple[int, ...] = ()) -> None:
    """A merged label (一级/二级) that runs over a page break is cut there and written again at the top of the
    next page, as the paper repeats 过程（40分） — a page never starts under a blank merged cell. A merged figure
    in ``figures`` (an indicator's 分值 and 自评得分, continued with its long 扣分原因) is cut too but printed once,
    as on paper: written again it would read as a second score."""
    for merged in list(ws.merged_cells.ranges):
        if merged.min_col not in columns + figures or merged.min_col != merged.max_col:
            continue
        cuts = [row for row in page_starts if merged.min_row < row <= merged.max_row]
        if not cuts:
            continue
        col, anchor = merged.min_col, ws.cell(merged.min_row, merged.min_col)
        value, style = anchor.value, copy(anchor._style)
        ws.unmerge_cells(merged.coord)
        bounds = [merged.min_row, *cuts, merged.max_row + 1]
        for first, after in zip(bounds, bounds[1:]):
            cell = ws.cell(first, col)
            cell.value = value if col in columns or first == merged.min_row else None
            cell._style = copy(style)
            if after - 1 > first:
                ws.merge_cells(start_row=first, start_column=col, end_row=after - 1, end_column=col)


def join_to_row_above(ws: Worksheet, row: int, last_col: int, first_col: int = 1) -> None:
    """No rule between ``row`` and the row above in columns first_col…last_col: a paragraph cut into rows (so
    that pages fill and no row passes Excel's 409 points) reads as one box."""
    _rule_above(ws, row, last_col, Side(), first_col)


def close_boxes_at_breaks(ws: Worksheet, page_starts: list[int], joined: set[int], last_col: int) -> None:
    """A joined box cut by a page break is closed at the page foot and opened again at the next page's head."""
    for row in page_starts:
        if row in joined:
            _rule_above(ws, row, last_col, Side(style="thin"))


def _rule_above(ws: Worksheet, row: int, last_col: int, side: Side, first_col: int = 1) -> None:
    # Excel draws a rule when either cell asks for it: set both sides of the line.
    for col in range(first_col, last_col + 1):
        for cell, edge in ((ws.cell(row - 1, col), "bottom"), (ws.cell(row, col), "top")):
            border = copy(cell.border)
            setattr(border, edge, side)
            cell.border = border


def one_line(text: str, width: float) -> str:
    """``text`` shortened with … to fit one line ``width`` characters wide (the running head repeats on every
    page; a 300-character department name would cover the page's first rows)."""
    if display_width(text) <= width:
        return text
    out = ""
    for ch in text:
        if display_width(out + ch) > width - 2:
            break
        out += ch
    return out + "…"

