"""The audit result (审核结果), a document of its own: which report it checked, every finding with its severity and
the filler's 说明, so a reviewer sees on paper what the program flagged and how the filler explained it: 错误 first,
one row per cause with its count and places."""

from __future__ import annotations

from reportlab.lib.units import mm

from evaldesk.audit.findings import Severity, grouped, places_text
from evaldesk.model import wording
from evaldesk.model.layout import report_title
from evaldesk.printing import labels
from evaldesk.printing.printout import Printout
from evaldesk.printing.styles import FRAME_WIDTH, styles
from evaldesk.printing.paged import PagedTable, Row
from evaldesk.printing.text import para, paragraphs

WIDTHS = [14 * mm, FRAME_WIDTH - 74 * mm, 60 * mm]


def findings_flowables(printout: Printout) -> list:
    s = styles()
    report = printout.report
    checked = labels.FINDINGS_OF.format(department=report.department or labels.NO_DEPARTMENT,
                                        title=report_title(report))
    if not printout.findings:
        return [para(wording.FINDINGS_TITLE, s["sheet_title"]), para(checked, s["cell"]),
                para(labels.NO_FINDINGS, s["cell"])]
    counts = {severity: sum(1 for f in printout.findings if f.severity is severity) for severity in Severity}
    head = [para(text, s["head"]) for text in labels.FINDINGS_HEAD]
    # a reviewer's list: 错误 first, one row per cause with its count and places (not 70 rows of one heading)
    rows = [Row([para(group.severity.label, s["cell_center"]),
                 paragraphs(group.line, s["cell"]) + [para(labels.FINDINGS_WHERE + places_text(group.places(report)),
                                                            s["small"])],
                 paragraphs("\n".join(group.notes), s["cell"])]) for group in grouped(printout.findings)]
    return [
        para(wording.FINDINGS_TITLE, s["sheet_title"]),
        para(checked, s["cell"]),
        para(labels.FINDINGS_COUNT.format(errors=counts[Severity.ERROR], warnings=counts[Severity.WARNING],
                                          infos=counts[Severity.INFO]), s["cell"]),
        PagedTable([head], WIDTHS, rows, repeat={0}, flow={1, 2}, top={1, 2}),
    ]
