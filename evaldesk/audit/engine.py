"""Runs the reviewer's checks over a report. (Being built: see issue 6; the checks land here.)"""

from __future__ import annotations

from evaldesk.audit.findings import Finding, Severity
from evaldesk.model.report import Report


def audit_report(report: Report, sheet=None) -> list[Finding]:
    """Every finding for ``report`` (``sheet``: its SheetResult if the caller already has one)."""
    return []


def findings_as_text(findings: list[Finding]) -> str:
    if not findings:
        return "审核通过：没有发现问题。"
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    lines = [f"{f.severity.label}　{f.message}" + (f"（说明：{f.note}）" if f.note else "") for f in findings]
    lines.append(f"共 {counts[Severity.ERROR]} 个错误，{counts[Severity.WARNING]} 个警告，{counts[Severity.INFO]} 个提示")
    return "\n".join(lines)


def findings_as_data(findings: list[Finding]) -> list[dict]:
    return [{"key": f.key, "severity": f.severity.value, "severity_label": f.severity.label, "message": f.message,
             "where": f.where, "check": f.check, "note": f.note} for f in findings]
