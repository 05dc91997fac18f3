"""How the workbook's visible sheets print: page breaks placed as the paper form places them, footers within
Excel's limit, figure columns wide enough for the largest figure.

A spreadsheet program breaks pages wherever a page is full: a grid's title at the foot of one page and its header
on the next, a 二级 block cut under blank merged cells. The sheets record where a part starts (a forced break) and
which rows belong together (a keep: a title with its header and first rows, a 二级 block, a signature box);
``paginate`` then estimates each page's fill from the row heights at the print scale and breaks before a keep
that would not fit, as the printed PDF does.
"""

from __future__ import annotations

from openpyxl.worksheet.pagebreak import Break, RowBreak
from openpyxl.worksheet.worksheet import Worksheet

from evaldesk.model import wording

FOOTER_LIMIT = 255            # Excel refuses a header or footer longer than this (formatting codes included)
A4_POINTS = (595.0, 842.0)
DEFAULT_ROW = 15.0
FILL = 0.94                   # plan pages a little short: programs differ in how they size rows and margins


def column_points(width: float) -> float:
    """A column's printed width in points: Excel's width is in characters of 7 px plus 5 px padding, 96 dpi."""
    return (width * 7 + 5) * 0.75


def page_rows_height(ws: Worksheet, widths: list[float]) -> float:
    """The height of a page in the sheet's own points, at the scale that fits the columns to the page width."""
    margins = ws.page_margins
    printable_width = A4_POINTS[0] - (margins.left + margins.right) * 72
    printable_height = A4_POINTS[1] - (margins.top + margins.bottom) * 72
    scale = min(1.0, printable_width / sum(column_points(w) for w in widths))
    return printable_height / scale * FILL


def row_height(ws: Worksheet, row: int) -> float:
    return ws.row_dimensions[row].height or DEFAULT_ROW


def paginate(ws: Worksheet, widths: list[float], *, first: int, last: int, title_rows: int = 0,
             forced: list[int] = (), keeps: list[tuple[int, int]] = ()) -> list[int]:
    """Add row breaks to ``ws``: before every row in ``forced`` and before a keep (first, last rows) that would
    not fit on what is left of its page, when it fits on a page. Returns the rows that start a page."""
    page = page_rows_height(ws, widths) - sum(row_height(ws, r) for r in range(1, title_rows + 1))
    keep_at = {}
    for start, end in keeps:
        keep_at[start] = max(keep_at.get(start, start), end)
    forced = set(forced)
    starts, used = [], 0.0
    for row in range(first, last + 1):
        height = row_height(ws, row)
        block = sum(row_height(ws, r) for r in range(row, keep_at[row] + 1)) if row in keep_at else height
        if used and (row in forced or (used + block > page and block <= page) or used + height > page):
            starts.append(row)
            used = 0.0
        used += height
    ws.row_breaks = RowBreak()
    for row in starts:
        ws.row_breaks.append(Break(id=row - 1))
    return starts


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
    """Year, department and fingerprint; a department name too long for the footer is shortened there, never the
    fingerprint (the footer is what ties a printed page to its data)."""
    mark = wording.FINGERPRINT.format(fingerprint=fingerprint)
    room = FOOTER_LIMIT - 40 - len(mark)
    department = report.department if len(report.department) <= room else report.department[: room - 1] + "…"
    return f"{report.year}年度 {department}　{mark}"


def figure_width(texts, minimum: float) -> float:
    """A column width (characters) that shows the longest of ``texts`` whole (no ###), never below ``minimum``:
    bold figures (the 汇总 row) are about a tenth wider, and the cell has its margins."""
    return max([minimum] + [round(len(text) * 1.15 + 3, 1) for text in texts])


def repeat_merged_labels(ws: Worksheet, page_starts: list[int], columns: tuple[int, ...]) -> None:
    """A merged label (一级/二级) that runs over a page break is cut there and written again at the top of the
    next page, as the paper repeats 过程（40分） — a page never starts under a blank merged cell."""
    from copy import copy

    for merged in list(ws.merged_cells.ranges):
        if merged.min_col not in columns or merged.min_col != merged.max_col:
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
            cell.value, cell._style = value, copy(style)
            if after - 1 > first:
                ws.merge_cells(start_row=first, start_column=col, end_row=after - 1, end_column=col)
