"""The workbook's third sheet, “审核”: the reviewer's findings with their severity, place and the filler's 说明.

Present even when the audit found nothing, so a reviewer can tell “checked, nothing found” from “not checked”.
A finding or 说明 too long for one row (Excel stops a row at 409 points) runs on over as many rows as it needs,
its 序号, 级别 and 位置 merged beside them. The footer carries the fingerprint, as on the other sheets.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from evaldesk.audit.findings import Finding
from evaldesk.exchange.workbook_cells import (
    BOLD, CENTER, LEFT, SMALL, TITLE, Cells, fit_row, footer, merge, page_setup, paragraphs, set_widths, span_width,
)
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
    row = 3
    for number, finding in enumerate(findings, 1):
        messages, notes = paragraphs(finding.message, PIECE) or [""], paragraphs(finding.note, PIECE) or [""]
        first, rows = row, max(len(messages), len(notes))
        for n in range(rows):
            message, note = (messages[n] if n < len(messages) else ""), (notes[n] if n < len(notes) else "")
            cells.text(ws, row, 3, message, where=f"审核 · 第 {number} 条")
            cells.text(ws, row, 5, note, where=f"审核 · 第 {number} 条说明", align=LEFT)
            for col, text in ((3, message), (5, note)):
                fit_row(ws, row, text, WIDTHS[col - 1], minimum=22)
            row += 1
        cells.number(ws, first, 1, number, number_format="0")
        ws.cell(first, 1).alignment = CENTER
        cells.text(ws, first, 2, finding.severity.label, where="审核 · 级别", font=BOLD, align=CENTER)
        # 位置 may name a unit (up to 100 characters): its rows grow to hold it
        cells.block(ws, first, 4, finding.where.label(report), WIDTHS, last_row=row - 1,
                    where=f"审核 · 第 {number} 条位置")
        for col in (1, 2):
            merge(ws, first, col, row - 1, col)
    counts = {}
    for finding in findings:
        counts[finding.severity.label] = counts.get(finding.severity.label, 0) + 1
    tally = "，".join(f"{label} {n} 条" for label, n in counts.items()) or "共 0 条"
    last = max(row, 4)
    cells.text(ws, last, 1, tally, where="审核 · 合计", font=SMALL, border=False)
    ws.merge_cells(start_row=last, start_column=1, end_row=last, end_column=len(HEADERS))
    page_setup(ws, "2:2", footer(report, fingerprint))
    ws.sheet_view.showGridLines = False
