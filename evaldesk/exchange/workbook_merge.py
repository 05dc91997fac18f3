"""Merged ranges written in time linear in the workbook.

openpyxl's ``Worksheet.merge_cells`` first asks whether the new range lies inside any earlier one — a walk over
every merge so far, so a sheet with n merges costs n² checks (791k ``CellRange.issubset`` calls for 1,293 merges)
— and then frames the range's edge cells one ``Border`` addition and one hashed style lookup per cell. The form's
blocks never overlap, so here the range is added directly, and each edge cell's border is worked out once per kind
of edge and reused. The result is the one ``merge_cells`` gives (tests/exchange/test_workbook_merge.py compares
them cell by cell); a range that would overlap an earlier merge goes through openpyxl's own path unchanged.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Border
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet

_EDGES = ("top", "left", "right", "bottom")   # the order openpyxl adds them in

# Per workbook: (first cell's border id, the edges a cell lies on) → the border id that cell gets.
_edge_borders: WeakKeyDictionary = WeakKeyDictionary()


def merge_range(ws: Worksheet, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """Merge first_row…last_row × first_col…last_col as ``ws.merge_cells`` would, without its quadratic check."""
    cells = ws._cells
    rows, cols = range(first_row, last_row + 1), range(first_col, last_col + 1)
    if any(isinstance(cells.get((row, col)), MergedCell) for row in rows for col in cols):
        ws.merge_cells(start_row=first_row, start_column=first_col, end_row=last_row, end_column=last_col)
        return
    coord = f"{get_column_letter(first_col)}{first_row}:{get_column_letter(last_col)}{last_row}"
    merged = MergedCellRange(ws, coord)   # makes the first cell and takes the last cell's right and bottom sides
    ws.merged_cells.ranges.add(merged)
    first_border = merged.start_cell.border   # (reading a style gives a fresh cell its style array)
    start = merged.start_cell._style
    known = _edge_borders.setdefault(ws.parent, {})
    for row in rows:
        for col in cols:
            if row == first_row and col == first_col:
                continue
            edges = (row == first_row, col == first_col, col == last_col, row == last_row)
            key = (start.borderId, edges)
            if key not in known:
                known[key] = _border_id(ws, first_border, edges)
            cell = MergedCell(ws, row=row, column=col)
            cell._style = StyleArray()
            cell._style.borderId = known[key]
            cell._style.protectionId = start.protectionId
            cells[row, col] = cell


def _border_id(ws: Worksheet, first: Border, edges: tuple[bool, ...]) -> int:
    """The border openpyxl's ``MergedCellRange.format`` builds for a cell on these edges, as a style index."""
    border = ws.parent._borders[0]   # what a new cell has; openpyxl adds each edge's side to it
    for name, on_edge in zip(_EDGES, edges):
        side = getattr(first, name)
        if on_edge and not (side and side.style is None):
            border += Border(**{name: side})
    return ws.parent._borders.add(border)
