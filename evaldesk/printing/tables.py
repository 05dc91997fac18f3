"""Small ruled tables in the form's style, and long texts that flow in a ruled box.

Tables that can run over a page (grids, lists, the score sheet) are :class:`~evaldesk.printing.paged.PagedTable`;
what is here is for a few rows that never need to split (part 一's field pairs, the overall score) and for the
boxes of long text beside their labels.
"""

from __future__ import annotations

from reportlab.platypus import Table, TableStyle

from evaldesk.printing.fonts import register_fonts
from evaldesk.printing.styles import CELL_PADDING, LINE, LINE_COLOR


def font_command() -> tuple:
    """Every table names our font for its plain-string cells: reportlab's table default is Helvetica, fixed when
    reportlab is imported, which a PDF would reference without embedding."""
    return ("FONT", (0, 0), (-1, -1), register_fonts()[0])


def as_list(cell):
    """A cell's content as a list of flowables (a table row split between pages divides list cells between its
    parts)."""
    return cell if isinstance(cell, (list, tuple, str)) else [cell]


def ruled(padding: float = CELL_PADDING) -> list:
    """The style of a fully ruled table, cells centred vertically, ``padding`` above (and one point more below)."""
    return [
        font_command(),
        ("GRID", (0, 0), (-1, -1), LINE, LINE_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING + 2),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding + 1),
    ]


def form_table(rows: list[list], widths: list[float], *, min_height: float | None = None, extra=()) -> Table:
    """A fully ruled table of a few rows, cells centred vertically; ``extra`` style commands (spans)."""
    commands = [*ruled(), *extra]
    return Table([[as_list(cell) for cell in row] for row in rows], colWidths=widths, style=TableStyle(commands),
                 minRowHeights=[min_height] * len(rows) if min_height else None)


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
