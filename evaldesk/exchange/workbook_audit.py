"""The workbook's third sheet, “审核”: the reviewer's findings with their severity, place and the filler's 说明.

Present even when the audit found nothing, so a reviewer can tell “checked, nothing found” from “not checked”.
A reviewer's list: 错误 first, one row per cause with its count and places (``audit.findings.grouped``). A finding
or 说明 too long for one row (Excel stops a row at 409 points) runs on over as many rows as it needs, its 序号, 级别
and 位置 merged beside them; the page breaks go between findings, never through those merged cells. The footer
carries the fingerprint, as on the other sheets.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from evaldesk.audit.findings import Finding, counts, grouped, places_text
from evaldesk.exchange.workbook_cells import (
    BOLD, CENTER, LEFT, SMALL, TITLE, Cells, fit_row, fit_span, footer, merge, page_setup, paragraphs, set_widths, span_width,
)
from evaldesk.exchange.workbook_pages import paginate
from evaldesk.model.report import Report
from evaldesk.model import wording

SHEET_NAME = "审核"
HEADERS = ("序号", "级别", "问题", "位置", "说明")
WIDTHS = [6.0, 8.0, 52.0, 26.0, 34.0]
NOTHING_FOUND = "审核未发现问题"
PIECE = 350   # characters of a finding or 说明 per row: within Excel’s 409-point row in the narrower 说明 column


def write_audit_sheet(ws: Worksheet, report: Report, findings: list[Finding], cells: Cells, fingerprint: str) -> None:
    set_widths(ws, WIDTHS)
    title = f"{wording.FINDINGS_TITLE}　{report.department}　{report.year}年度"
    cells.text(ws, 1, 1, title, where="审核 · 标题", font=TITLE, border=False)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    # As tall as a long department name needs (500 characters take some 13 lines; the row is not repeated).
    fit_row(ws, 1, title, span_width(WIDTHS, 1, len(HEADERS)), font=TITLE, minimum=30)
    for col, header in enumerate(HEADERS, 1):
        cells.text(ws, 2, col, header, where="审核 · 表头", font=BOLD, align=CENTER)
    if not findings:
        cells.text(ws, 3, 1, NOTHING_FOUND, where="审核", align=CENTER)
        merge(ws, 3, 1, 3, len(HEADERS))
        ws.row_dimensions[3].height = 24
    row, blocks = 3, []
    for number, group in enumerate(grouped(findings), 1):
        messages = paragraphs(group.line, PIECE) or [""]
        notes = paragraphs("\n".join(group.notes), PIECE) or [""]
        first, rows = row, max(len(messages), len(notes))
        for n in range(rows):
            message, note = (messages[n] if n < len(messages) else ""), (notes[n] if n < len(notes) else "")
            cells.text(ws, row, 3, message, where=f"审核 · 第 {number} 条")
            cells.text(ws, row, 5, note, where=f"审核 · 第 {number} 条说明", align=LEFT)
            for col in (3, 5):
                fit_row(ws, row, message if col == 3 else note, WIDTHS[col - 1], minimum=22)
            row += 1
        place = places_text(group.places(report))
        fit_span(ws, first, row - 1, place, WIDTHS[3])  # 位置 may name a unit (up to 100 characters)
        blocks.append((first, row - 1, number, group.severity.label, place))
    page_setup(ws, "2:2", footer(report, fingerprint))
    starts = paginate(ws, WIDTHS, first=3, last=row - 1, title_rows=(2,),
                      keeps=[(first, last) for first, last, *_ in blocks]) if blocks else []
    for first, last, number, severity, place in blocks:
        # A finding taller than what is left of a page goes on over it: its 序号/级别/位置 are written again on
        # the next page and merged page by page, never a merged cell cut in two by the break.
        cuts = [first] + [start for start in starts if first < start <= last] + [last + 1]
        for piece, (top, bottom) in enumerate(zip(cuts, cuts[1:])):
            cells.number(ws, top, 1, number, number_format="0")
            ws.cell(top, 1).alignment = CENTER
            cells.text(ws, top, 2, severity, where="审核 · 级别", font=BOLD, align=CENTER)
            cells.text(ws, top, 4, place + ("（续）" if piece else ""), where=f"审核 · 第 {number} 条位置")
            for col in (1, 2, 4):
                merge(ws, top, col, bottom - 1, col)
    tally = "，".join(f"{severity.label} {n} 条" for severity, n in counts(findings).items() if n) or "共 0 条"
    last = max(row, 4)
    cells.text(ws, last, 1, tally, where="审核 · 合计", font=SMALL, border=False)
    ws.merge_cells(start_row=last, start_column=1, end_row=last, end_column=len(HEADERS))
    ws.sheet_view.showGridLines = False
