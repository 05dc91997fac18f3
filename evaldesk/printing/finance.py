"""Part 二、部门（单位）收支情况, walked from the layout: each grid with the paper form's merged headers, the
汇总 row first.

The labels above each column come from the domain (``layout.grid_header_cells``: 其中： / 结余 from ``Column.group``).
Adjacent columns under the same labels share one merged header cell; a label with nothing under it reaches down
to the last header row.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak

from evaldesk.model.form import SECTION_FINANCE, SUMMARY_ROW_LABEL, Grid, cell_key
from evaldesk.model.layout import GridBlock, grid_header_cells
from evaldesk.model.totals import summary_row, unit_rows
from evaldesk.model.values import format_amount
from evaldesk.printing.printout import Printout
from evaldesk.printing.styles import FRAME_WIDTH, HEADING_ROOM, styles
from evaldesk.printing.paged import PagedTable, Row
from evaldesk.printing.text import figure, fitting_size, head_para, heading, para
from evaldesk.printing.walk import walk

UNIT_WIDTH = 38 * mm
ROW_HEIGHT = 20


def header_cells(grid: Grid) -> tuple[list[list[str]], list[tuple]]:
    """The header rows' texts and SPAN ranges of a grid, from the merged cells the window draws too."""
    cells = grid_header_cells(grid)
    texts = [["" for _ in range(len(grid.columns) + 1)] for _ in range(max(r + rs for r, _c, rs, _cs, _t in cells))]
    spans = []
    for row, column, row_span, column_span, text in cells:
        texts[row][column] = text
        if row_span > 1 or column_span > 1:
            spans.append(((column, row), (column + column_span - 1, row + row_span - 1)))
    return texts, spans


def grid_table(printout: Printout, grid: Grid):
    s = styles()
    report = printout.report
    texts, spans = header_cells(grid)
    width = (FRAME_WIDTH - UNIT_WIDTH) / len(grid.columns)
    widths = [UNIT_WIDTH] + [width] * len(grid.columns)
    span_end = {start: end for start, end in spans}   # (column, row) → where its merged cell ends

    def cell_width(c: int, r: int) -> float:
        return sum(widths[c:span_end.get((c, r), (c, r))[0] + 1])

    header = [[head_para(text, s["head"], cell_width(c, r)) if text else "" for c, text in enumerate(row)]
              for r, row in enumerate(texts)]
    rows = unit_rows(report)
    body = [(SUMMARY_ROW_LABEL, summary_row(report, rows), s["head_left"], s["figure_bold"])]
    body += [(f"{number}、{unit.name}", rows[unit.id], s["cell"], s["cell_right"])
             for number, unit in enumerate(report.units, 1)]
    texts = [[format_amount(row[cell_key(grid.key, column.key)]) for column in grid.columns] for _, row, _, _ in body]
    # one size per column, the one its widest figure fits in: the column shrinks together, never one cell alone
    sizes = [min(fitting_size(line[c], style, width) for line, (*_, style) in zip(texts, body))
             for c in range(len(grid.columns))]
    lines = [Row([para(name, name_style)] + [figure(text, style, width, size) for text, size in zip(line, sizes)])
             for line, (name, _, name_style, style) in zip(texts, body)]
    return PagedTable(header, widths, lines, header_spans=spans, flow={0}, min_height=ROW_HEIGHT,
                      before=[para(grid.title, s["caption"])])


def captioned_grid(printout: Printout, block: GridBlock) -> list:
    """The caption stays with the grid's header and first rows (a caption alone at a page foot is useless)."""
    return [CondPageBreak(HEADING_ROOM), grid_table(printout, block.grid)]


def finance_flowables(printout: Printout) -> list:
    s = styles()
    return heading(SECTION_FINANCE, s["heading"]) + walk(printout, SECTION_FINANCE, {GridBlock: captioned_grid})
