"""Runs the reviewer's checks over a report and lists the findings in the form's order.

Each module checks one thing (see ``docs/audit.md``); the engine builds what they all read once, runs them,
attaches the filler's 说明 (the report field ``note.<finding key>``), and sorts: by section of the form, then
severity, then the order the checks found them.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from operator import itemgetter

from evaldesk.audit import (
    arithmetic, completeness, contradictions, crosscheck, numbering, quotations, scoresheet, unfinished,
)
from evaldesk.audit.context import AuditContext
from evaldesk.audit.data import AuditDataError
from evaldesk.audit.findings import (  # noqa: F401 - counts named here too
    SEVERITY_ORDER, Finding, Severity, counts, grouped, places_text,
)
from evaldesk.audit.memo import AuditMemo
from evaldesk.model.form import SECTION_SHEET, SECTIONS
from evaldesk.model.places import NotePlace, SectionPlace
from evaldesk.model.report import Report
from evaldesk.model.totals import Row
from evaldesk.scoring.engine import SheetResult, score_report

CHECKS = (completeness, unfinished, arithmetic, crosscheck, scoresheet, quotations, contradictions, numbering)


def audit_report(report: Report, sheet: SheetResult | None = None, rows: dict[str, Row] | None = None,
                 summary: Row | None = None, memo: AuditMemo | None = None) -> list[Finding]:
    """Every finding for ``report`` (``sheet``: its SheetResult, ``rows`` and ``summary``: part 二's unit rows
    and 汇总 row, if the caller already has them; ``memo``: the previous audit's work, kept by a caller that
    audits the same report again and again, as the window does after every keystroke)."""
    context = AuditContext(report, sheet if sheet is not None else score_report(report), rows, summary, memo)
    found: list[Finding] = []
    for check in CHECKS:
        try:
            found += check.check(context)
        except AuditDataError as err:  # a damaged installation: say so in the list, keep the other checks
            found.append(Finding(f"audit_data/{check.__name__}", Severity.ERROR, f"{err}（请重新安装 evaldesk）",
                                 SectionPlace(SECTION_SHEET), "audit.data"))
    result = _ordered(_noted(context, _unique(found)))
    if memo is not None:
        memo.done()
    return result


def _unique(findings: list[Finding]) -> list[Finding]:
    """Keys are unique in one list (a 说明 belongs to one finding)."""
    if len({finding.key for finding in findings}) == len(findings):
        return findings  # the usual case, checked without a Python step per finding
    seen: dict[str, int] = {}
    result = []
    for finding in findings:
        count = seen.get(finding.key, 0) + 1
        seen[finding.key] = count
        result.append(finding if count == 1 else dataclasses.replace(finding, key=f"{finding.key}#{count}"))
    return result


@lru_cache(maxsize=16384)
def _note_key(finding_key: str) -> str:
    """The report field of a finding's 说明 (the same keys come back on every keystroke)."""
    return NotePlace(finding_key).key


def _noted(context: AuditContext, findings: list[Finding]) -> list[tuple[tuple[int, int], Finding]]:
    """Each finding with the filler's 说明 and its section, beside the key it is ordered by (worked out with it,
    so an unchanged finding costs a look-up, not a replace and two enum hashes, on every keystroke)."""
    fields = context.report.fields
    result = []
    for finding in findings:
        value = fields.get(_note_key(finding.key))
        note = "" if value is None else str(value).strip()
        result.append(context.recall(("noted", finding.key), _with_note, finding, note))
    return result


def _with_note(finding: Finding, note: str) -> tuple[tuple[int, int], Finding]:
    noted = dataclasses.replace(finding, note=note, section=finding.where.section)
    return (SECTION_RANK[noted.section], SEVERITY_RANK[noted.severity]), noted


SECTION_RANK = {section: rank for rank, section in enumerate(SECTIONS)}
SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITY_ORDER)}


def _ordered(ranked: list[tuple[tuple[int, int], Finding]]) -> list[Finding]:
    """By section, then severity; the checks' order within (a stable sort)."""
    return [finding for _, finding in sorted(ranked, key=itemgetter(0))]


def summary_line(findings: list[Finding]) -> str:
    """``2 个错误，8 个警告（3 个已说明），1 个提示`` — for a status bar or the head of a list."""
    n = counts(findings)
    explained = sum(1 for f in findings if f.severity is Severity.WARNING and f.explained)
    warnings = f"{n[Severity.WARNING]} 个警告" + (f"（{explained} 个已说明）" if explained else "")
    return f"{n[Severity.ERROR]} 个错误，{warnings}，{n[Severity.INFO]} 个提示"


def findings_as_text(findings: list[Finding], report: Report | None = None) -> str:
    """The audit list for a terminal, as a reviewer's list: 错误 first, one line per cause with its count (a
    heading used twice 70 times is one line), its places when ``report`` is given, and the 说明."""
    if not findings:
        return "审核通过：没有发现问题。"
    lines = [f"审核结果：{summary_line(findings)}"]
    groups = grouped(findings)
    for severity in SEVERITY_ORDER:
        of_severity = [group for group in groups if group.severity is severity]
        if not of_severity:
            continue
        lines += ["", f"{severity.label}（{sum(group.count for group in of_severity)}）"]
        for number, group in enumerate(of_severity, 1):
            lines.append(f"{number:>3}. 【{group.findings[0].section}】{group.line}")
            if report is not None:
                lines.append(f"     位置：{places_text(group.places(report))}")
            for note in group.notes:
                lines.append(f"     说明：{note}" + ("" if group.explained else "（错误须改正，说明不能代替）"))
            if not group.notes and severity is Severity.WARNING:
                lines.append("     说明：（未填写）")
    if any(f.severity.blocking for f in findings):
        lines += ["", "尚有错误：改正前只能打印草稿，不能报送财政局。"]
    return "\n".join(lines)


def findings_as_data(findings: list[Finding]) -> list[dict]:
    return [{"key": f.key, "severity": f.severity.value, "severity_label": f.severity.label, "message": f.message,
             "where": str(f.where), "related": [str(place) for place in f.related], "section": f.section, "check": f.check,
             "note": f.note, "explained": f.explained} for f in findings]
