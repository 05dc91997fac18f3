"""What one printout is made of: the report, its score sheet and audit findings, and whether it is the blank form."""

from __future__ import annotations

from dataclasses import dataclass, field

from evaldesk.audit.findings import Finding
from evaldesk.model.report import Report
from evaldesk.scoring.engine import SheetResult


@dataclass(frozen=True)
class Printout:
    report: Report
    sheet: SheetResult | None          # None on the blank form: no scores at all
    blank: bool = False
    fingerprint: str = ""              # empty on the blank form
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity.blocking]

    @property
    def draft(self) -> bool:
        """While the audit reports an 错误, every page says 草稿: the copy must not go out for signature."""
        return bool(self.errors)
