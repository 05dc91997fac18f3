"""The linear merge gives exactly what openpyxl's merge_cells gives: the same ranges, the same borders on every
cell of every range, the same workbook bytes for a whole export."""

from __future__ import annotations

from datetime import datetime
import io

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Border, Side
from openpyxl.worksheet.worksheet import Worksheet

from evaldesk.exchange.workbook import workbook_bytes
from evaldesk.exchange.workbook_cells import BOX
from evaldesk.exchange.workbook_merge import merge_range

THICK_TOP = Border(top=Side(style="thick"), left=Side(style="thin"))
RANGES = [(1, 1, 1, 6), (2, 1, 5, 1), (2, 2, 4, 5), (7, 3, 9, 3), (10, 1, 12, 8)]


def _sheet(merge) -> Workbook:
    wb = Workbook()
    ws = wb.active
    for n, (r1, c1, r2, c2) in enumerate(RANGES):
        ws.cell(r1, c1, f"块{n}").border = (BOX, THICK_TOP, None, BOX, Border())[n] or Border()
        ws.cell(r2, c2).border = BOX          # a bordered last cell lends its right and bottom sides
        ws.cell(r1, c2, "将被合并掉")           # a value inside the range is dropped, as openpyxl drops it
        merge(ws, r1, c1, r2, c2)
    return wb


def _openpyxl(ws, r1, c1, r2, c2):
    ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


def test_every_cell_of_every_range_is_as_openpyxl_makes_it():
    ours, theirs = _sheet(merge_range).active, _sheet(_openpyxl).active
    assert sorted(r.coord for r in ours.merged_cells.ranges) == sorted(r.coord for r in theirs.merged_cells.ranges)
    for r1, c1, r2, c2 in RANGES:
        for row in range(r1, r2 + 1):
            for col in range(c1, c2 + 1):
                a, b = ours.cell(row, col), theirs.cell(row, col)
                assert (type(a), a.value, repr(a.border), repr(a.protection)) == \
                    (type(b), b.value, repr(b.border), repr(b.protection)), \
                    (row, col)


def test_an_overlapping_range_goes_through_openpyxl(monkeypatch):
    ws = Workbook().active
    merge_range(ws, 1, 1, 3, 3)
    merge_range(ws, 2, 2, 2, 3)   # inside the first: openpyxl keeps only the first, and so do we
    assert [r.coord for r in ws.merged_cells.ranges] == ["A1:C3"]


def _cells(data: bytes) -> dict:
    """Every cell of every sheet as a reader sees it: value and border, plus each sheet's merged ranges."""
    book = load_workbook(io.BytesIO(data))
    seen = {}
    for ws in book.worksheets:
        seen[ws.title] = sorted(r.coord for r in ws.merged_cells.ranges)
        for row in ws.iter_rows():
            for cell in row:
                seen[ws.title, cell.coordinate] = (cell.value, repr(cell.border))
    return seen


def test_a_whole_export_reads_back_as_merge_cells_writes_it(sample, monkeypatch):
    through_openpyxl = []
    original = Worksheet.merge_cells
    monkeypatch.setattr(Worksheet, "merge_cells", lambda ws, **k: through_openpyxl.append(k) or original(ws, **k))
    when = datetime(2022, 7, 15, 9, 30)   # the same export time in both (the data sheet records it)
    ours = workbook_bytes(sample, when)
    # the form's blocks went the linear way; openpyxl merged only the few titles other modules merge themselves
    assert len(through_openpyxl) < len(_cells(ours)["自评报告"]) / 4

    def slow(ws, r1, c1, r2, c2):
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)

    monkeypatch.setattr("evaldesk.exchange.workbook_cells.merge_range", slow)
    theirs = workbook_bytes(sample, when)
    assert _cells(ours) == _cells(theirs)
    assert len(_cells(ours)["自评报告"]) > 100   # the form sheet's many blocks were compared
