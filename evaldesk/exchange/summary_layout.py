"""What every sheet of the summary workbook shares: the title rows, the coloured header, landscape A4."""

from __future__ import annotations

from openpyxl.styles import PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from evaldesk.exchange.workbook_cells import BOLD, CENTER, TITLE, Cells, page_setup

HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
FLAG = PatternFill("solid", fgColor="FFE699")      # a cell a reviewer should look at: changed, or not agreeing


def heading(ws: Worksheet, cells: Cells, text: str, subtitle: str, width: int) -> None:
    """Row 1 the sheet's title, row 2 what it shows, each across the table's width."""
    cells.text(ws, 1, 1, text, font=TITLE, align=CENTER, border=False)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(width, 2))
    ws.row_dimensions[1].height = 28
    cells.text(ws, 2, 1, subtitle, border=False)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=max(width, 2))
    ws.row_dimensions[2].height = 32


def header(ws: Worksheet, cells: Cells, row: int, names: list[str]) -> None:
    for column, name in enumerate(names, 1):
        cells.text(ws, row, column, name, font=BOLD, align=CENTER).fill = HEADER_FILL


def landscape(ws: Worksheet, title_rows: str | None, footer: str) -> None:
    """A4 landscape, one page wide, the header repeated on every page: the bureau prints these for meetings."""
    page_setup(ws, title_rows, footer)
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
