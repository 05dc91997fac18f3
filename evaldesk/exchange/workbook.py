"""The file for the finance bureau: one xlsx that a reviewer reads like the paper form and a program reads back.

Sheets, in order: “自评报告” (附件2-1), “评分表” (附件3-1), “审核” (the audit list), and “_data” (hidden and
protected: the report's data for machines, see :mod:`evaldesk.exchange.workbook_data`). Format documented in
``docs/workbook-format.md``.

* :func:`write_workbook` writes it atomically (an old file is never half-overwritten), refuses with
  :class:`ExportRefused` while the audit has errors, and returns notes about texts it had to change;
* :func:`read_workbook` reads one back as a new report (``WorkbookRead``), refusing with
  :class:`~evaldesk.exchange.report_json.ExchangeError` anything not ours, not safe or not valid.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.workbook.protection import WorkbookProtection

from evaldesk.audit.engine import audit_report
from evaldesk.exchange.report_json import ExchangeError, from_document
from evaldesk.exchange.workbook_audit import SHEET_NAME as AUDIT_SHEET, write_audit_sheet
from evaldesk.exchange.workbook_cells import Cells, set_default_font, workbook_text
from evaldesk.exchange.workbook_data import SHEET_NAME as DATA_SHEET, data_rows, value_rows, write_data_sheet
from evaldesk.exchange.workbook_read import WorkbookRead, read_workbook
from evaldesk.exchange.workbook_report import SHEET_NAME as REPORT_SHEET, ReportSheet
from evaldesk.exchange.workbook_scores import SHEET_NAME as SCORE_SHEET, ScoreSheet
from evaldesk.exchange.workbook_shown import Shown, shown_cells, shown_digest
from evaldesk.files import write_atomic
from evaldesk.model.document import fingerprint, to_document
from evaldesk.model.layout import report_title
from evaldesk.model.report import Report
from evaldesk.scoring.engine import score_report

__all__ = ["ExportRefused", "export_refusal", "WorkbookRead", "write_workbook", "workbook_bytes", "build_workbook", "read_workbook",
           "ExchangeError", "SHEET_NAMES"]

SHEET_NAMES = (REPORT_SHEET, SCORE_SHEET, AUDIT_SHEET, DATA_SHEET)
MAX_ERRORS_LISTED = 10
REPORT_ROUNDS = 4


class ExportRefused(Exception):
    """The report still has audit errors; ``str(err)`` lists them (in Chinese)."""


def write_workbook(report: Report, path: Path) -> list[str]:
    """Build the workbook and write it to ``path`` atomically. Returns notes (texts that had to change).

    Raises ExportRefused (audit errors) or evaldesk.files.WriteFailed; in both cases ``path`` is untouched."""
    data, notes = build_workbook(report)
    write_atomic(Path(path), data)
    return notes


def workbook_bytes(report: Report, exported: datetime | None = None) -> bytes:
    return build_workbook(report, exported)[0]


def export_refusal(report: Report) -> str | None:
    """Why the workbook cannot be written now (the audit's errors), or None: asked before the filler picks a
    file name, so nobody names a file only to be told no."""
    report, _notes = _writable(report)
    errors = [finding for finding in audit_report(report) if finding.severity.blocking]
    return _refusal(errors) if errors else None


def build_workbook(report: Report, exported: datetime | None = None) -> tuple[bytes, list[str]]:
    """The workbook's bytes and the notes; ``exported`` (default: now) is recorded on the data sheet."""
    workbook, notes = _filled_workbook(report, refuse_errors=True, exported=exported or datetime.now())
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), notes


def shown_from_data(report: Report) -> Shown:
    """What each visible cell of the report's workbook shows when written from this data (the bureau compares a
    received file's visible sheets with it). Written even while the audit has errors: a received file may."""
    workbook, _notes = _filled_workbook(report, refuse_errors=False, exported=None)
    return shown_cells(workbook)


def _filled_workbook(report: Report, *, refuse_errors: bool, exported: datetime | None) -> tuple[Workbook, list[str]]:
    report, notes = _writable(report)
    sheet = score_report(report)
    findings = audit_report(report, sheet)
    errors = [finding for finding in findings if finding.severity.blocking]
    if errors and refuse_errors:
        raise ExportRefused(_refusal(errors))
    digest = fingerprint(report)
    cells = Cells()

    workbook = Workbook()
    set_default_font(workbook)
    workbook.remove(workbook.active)
    _write_report_sheet(workbook, report, sheet, cells, digest)
    ScoreSheet(workbook.create_sheet(SCORE_SHEET), report, sheet, cells, digest).write()
    write_audit_sheet(workbook.create_sheet(AUDIT_SHEET), report, findings, cells, digest)
    if exported is None:   # only the visible sheets are wanted
        return workbook, []
    # The visible sheets' digest goes on the data sheet: a reader finds a figure changed on them without
    # writing the sheets again (workbook_shown).
    shown = shown_digest(shown_cells(workbook))
    write_data_sheet(workbook.create_sheet(DATA_SHEET),
                     data_rows(report, sheet, digest, exported.isoformat(timespec="seconds"), shown), cells)
    workbook.active = 0
    # The sheets people read are locked too (no password, like the data sheet): the fingerprint vouches for the
    # data sheet only, so a figure changed on a visible sheet must take a deliberate 撤销工作表保护 first.
    for name in (REPORT_SHEET, SCORE_SHEET, AUDIT_SHEET):
        workbook[name].protection.sheet = True
    # No password: the lock keeps the data sheet from being unhidden, renamed or deleted by a slip of the mouse.
    workbook.security = WorkbookProtection(lockStructure=True)
    workbook.properties.title = report_title(report)
    workbook.properties.subject = f"{report.department} {report.year}年度"
    workbook.properties.creator = "evaldesk"
    return workbook, list(dict.fromkeys(notes + cells.notes))


def _write_report_sheet(workbook: Workbook, report: Report, sheet, cells: Cells, digest: str) -> None:
    """The “自评报告” sheet, written again while its 定量目标 table opens a printed page without its header:
    the header is then written above those rows (a header moves the rows after it, so a second round may find
    another; the table is short, two rounds are the rule and REPORT_ROUNDS the bound)."""
    heads: frozenset[int] = frozenset()
    for round_ in range(REPORT_ROUNDS):
        ws = workbook.create_sheet(REPORT_SHEET, 0)
        written = ReportSheet(ws, report, sheet, cells, digest, quant_heads=heads)
        written.write()
        if not written.headless or round_ == REPORT_ROUNDS - 1:
            return
        workbook.remove(ws)
        heads |= written.headless


def _refusal(errors) -> str:
    shown = [f"{i}. {finding.message}" for i, finding in enumerate(errors[:MAX_ERRORS_LISTED], 1)]
    more = f"；另有 {len(errors) - MAX_ERRORS_LISTED} 个错误" if len(errors) > MAX_ERRORS_LISTED else ""
    return f"审核发现 {len(errors)} 个错误，须改正后才能导出报送工作簿：" + "；".join(shown) + more


def _writable(report: Report) -> tuple[Report, list[str]]:
    """The report as the workbook will hold it: texts without the characters a workbook cannot carry.

    Normally the report is returned as is (the window's parsers already drop control characters). When some
    text still has them, a cleaned copy is built through the same reader as an import, so the fingerprint in the
    file is the fingerprint of what the file holds, and each changed text is named in a note."""
    changed = [label for _, value, label in value_rows(report) if workbook_text(value) != value]
    if not changed:
        return report, []
    doc = to_document(report)
    doc = {key: (value if key == "template" else _clean_tree(value)) for key, value in doc.items()}
    try:
        cleaned = from_document(doc)
    except ExchangeError as err:
        raise ExportRefused(f"报告数据有误，无法导出：{err}") from None
    cleaned.id = report.id
    return cleaned, [f"“{label}”中有工作簿无法保存的控制字符，已删除" for label in changed]


def _clean_tree(node):
    if isinstance(node, dict):
        return {key: _clean_tree(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_clean_tree(value) for value in node]
    return workbook_text(node) if isinstance(node, str) else node
