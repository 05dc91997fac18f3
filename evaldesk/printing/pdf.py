"""The printed form as PDF bytes or a file: cover, parts 一 to 五 and the score sheet — the copy leaders sign — and,
as a document of its own, the audit result (审核结果) for the reviewer.

``build_pdf`` is what the window's preview and print use; ``write_pdf`` what 导出PDF and ``evaldesk print`` use;
``build_audit_pdf`` what 打印审核结果 and ``evaldesk print --audit`` use. The audit result is never part of the
form: a page torn off the signed copy would leave its page count wrong.
"""

from __future__ import annotations

import datetime

from pathlib import Path

from evaldesk.audit.engine import audit_report
from evaldesk.files import write_atomic
from evaldesk.model import layout, wording
from evaldesk.model.document import fingerprint
from evaldesk.model.form import (
    SECTION_BASIC, SECTION_COVER, SECTION_FINANCE, SECTION_PEOPLE, SECTION_SELF, SECTION_SHEET, SECTION_SUMMARY,
)
from evaldesk.model.report import Report
from evaldesk.printing.basic import basic_flowables
from evaldesk.printing.blank import blank_report
from evaldesk.printing.cover import cover_flowables
from evaldesk.printing.finance import finance_flowables
from evaldesk.printing.findings import findings_flowables
from evaldesk.printing.page import render
from evaldesk.printing.people import people_flowables
from evaldesk.printing.printout import Printout
from evaldesk.printing.self_eval import self_eval_flowables
from evaldesk.printing.sheet import sheet_flowables
from evaldesk.printing.summary import summary_flowables
from evaldesk.scoring.engine import score_report

# How each section of the form (evaldesk.model.layout) is printed; the sections come in the layout's order.
PARTS = {SECTION_COVER: cover_flowables, SECTION_BASIC: basic_flowables, SECTION_FINANCE: finance_flowables,
         SECTION_SELF: self_eval_flowables, SECTION_PEOPLE: people_flowables, SECTION_SUMMARY: summary_flowables,
         SECTION_SHEET: sheet_flowables}


def printout_of(report: Report, *, blank: bool = False) -> Printout:
    """Everything the pages show: the score sheet and the audit for a filled report; nothing but the layout for
    the blank form."""
    if blank:
        return Printout(blank_report(report), sheet=None, blank=True)
    sheet = score_report(report)
    return Printout(report, sheet, fingerprint=fingerprint(report), findings=audit_report(report, sheet))


def document_title(report: Report, title: str) -> str:
    return f"{report.department} {title}" if report.department else title


def build_pdf(report: Report, *, blank: bool = False, made: datetime.date | None = None) -> bytes:
    """The form: its pages are numbered after the cover, which carries neither page number nor fingerprint.
    ``made``: the creation date the PDF records (today by default)."""
    printout = printout_of(report, blank=blank)
    story = [flowable for section in layout.LAYOUT for flowable in PARTS[section.title](printout)]
    title = document_title(printout.report, layout.report_title(printout.report))
    return render(printout, story, title, cover=True, made=made)


def build_audit_pdf(report: Report) -> bytes:
    """The audit result on its own pages, numbered on their own, with the same fingerprint as the form it
    checked (so the two can be matched)."""
    printout = printout_of(report)
    return render(printout, findings_flowables(printout), document_title(report, wording.FINDINGS_TITLE),
                  draft_marking=False)


def write_audit_pdf(report: Report, path: Path) -> None:
    write_atomic(Path(path), build_audit_pdf(report))


def write_pdf(report: Report, path: Path, *, blank: bool = False) -> None:
    """Build the PDF and write it atomically; raises WriteFailed (Chinese message), leaving any old file intact."""
    write_atomic(Path(path), build_pdf(report, blank=blank))
