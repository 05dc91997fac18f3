"""Bordered tables in the form's style, with merged cells that survive page breaks.

Merged cells of the body (一级/二级 on the score sheet, 评价内容/指标类型 in part 三, a label beside a long text)
are drawn, not spanned: the text sits in the first row and the rules between rows of the same merged cell are left
out. reportlab can split such a table at any row (a real SPAN makes it back off to the span's edge, repeat the
header in mid-page, or crash with vertically centred cells). Header rows do use real spans; they never split.
"""

from __future__ import annotations

from reportlab.platypus import Table, TableStyle

from evaldesk.printing.fonts import register_fonts
from evaldesk.printing.styles import CELL_PADDING, LINE, LINE_COLOR

Key = object


def font_command() -> tuple:
    """Every table names our font for its plain-string cells: reportlab's table default is Helvetica, fixed when
    reportlab is imported, which a PDF would reference without embedding."""
    return ("FONT", (0, 0), (-1, -1), register_fonts()[0])


def as_list(cell):
    """A cell's content as a list of flowables. When reportlab splits a row across pages it divides list cells
    between the two parts, but copies a lone flowable into both (the score sheet would show a row's 自评得分
    twice)."""
    return cell if isinstance(cell, (list, tuple, str)) else [cell]


def form_table(rows: list[list], widths: list[float], *, header_rows: int = 0, header_spans=(),
               keys: list[list[Key]] | None = None, top_columns=(), min_height: float | None = None,
               flowing: bool = False, padding: float = CELL_PADDING, extra=()) -> Table:
    """A ruled table. ``keys[r][c]`` names the merged cell that body cell (r, c) belongs to: a rule is drawn
    above a cell only where its key differs from the one above it (``None`` keys: every cell is its own).
    ``top_columns``: columns whose text hangs at the top (merged labels); the rest are centred vertically.

    Rows always may split at a page end if they must. ``flowing`` tables (long texts) split the row that
    reaches the page end, as a word processor does; the others move that row to the next page. (reportlab's
    default for the first kind splits between rows first and then, with the header repeated, splits the next
    row in what is left of the same page.)"""
    rows = [[as_list(cell) for cell in row] for row in rows]
    n_rows, n_cols = len(rows), len(widths)
    commands = [
        font_command(),
        ("BOX", (0, 0), (-1, -1), LINE, LINE_COLOR),
        ("LINEAFTER", (0, 0), (-2, -1), LINE, LINE_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING + 2),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding + 1),
    ]
    if header_rows:
        commands.append(("INNERGRID", (0, 0), (-1, header_rows - 1), LINE, LINE_COLOR))
        commands.append(("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), LINE, LINE_COLOR))
        commands += [("SPAN", start, end) for start, end in header_spans]
    for column in top_columns:
        commands.append(("VALIGN", (column, header_rows), (column, -1), "TOP"))
    for r in range(header_rows + 1, n_rows):
        start = None
        for c in range(n_cols + 1):
            differs = c < n_cols and (keys is None or keys[r][c] is None or keys[r][c] != keys[r - 1][c])
            if differs and start is None:
                start = c
            elif not differs and start is not None:
                commands.append(("LINEABOVE", (start, r), (c - 1, r), LINE, LINE_COLOR))
                start = None
    commands += list(extra)
    heights = None
    if min_height:
        heights = [0] * header_rows + [min_height] * (n_rows - header_rows)
    return Table(rows, colWidths=widths, repeatRows=header_rows, splitByRow=0 if flowing else 1, splitInRow=1,
                 style=TableStyle(commands), minRowHeights=heights)



def stacked_rows(rows: list[list], widths: list[float], *, min_height: float | None = None) -> list[Table]:
    """Rows that read as one ruled box but are separate one-row tables, so a long text flows across pages at
    the cost of one paragraph per page break (one big table is laid out again whole at every break).

    The box has its outer and column rules and none between rows, so consecutive rows read as one cell per
    column."""
    tables = []
    for i, row in enumerate(rows):
        commands = [
            font_command(),
            ("LINEBEFORE", (0, 0), (0, 0), LINE, LINE_COLOR),
            ("LINEAFTER", (0, 0), (-1, 0), LINE, LINE_COLOR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING + 2),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING if i == 0 else 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING + 1 if i == len(rows) - 1 else 1),
        ]
        if i == 0:
            commands.append(("LINEABOVE", (0, 0), (-1, 0), LINE, LINE_COLOR))
        if i == len(rows) - 1:
            commands.append(("LINEBELOW", (0, 0), (-1, 0), LINE, LINE_COLOR))
        tables.append(Table([[as_list(cell) for cell in row]], colWidths=widths, splitByRow=0, splitInRow=1,
                            style=TableStyle(commands), minRowHeights=[min_height] if min_height else None))
    return tables
