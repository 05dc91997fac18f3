"""五、评价报告综述 drafted from the report's own figures, section by section.

Only the paragraphs that restate what evaldesk holds are drafted — 概况 from part 一, 支出情况 from part 二's 汇总
row, 绩效情况 from the score sheet, the problems from the deductions and the audit's unexplained warnings — so their
figures are right by construction; the paragraphs that need a person are left to the filler (the wording says
where). A blank figure leaves a visible gap (``【待填：支出合计】``); the wording lives in ``resources/drafts``.
"""

from __future__ import annotations

from dataclasses import dataclass

from evaldesk.audit.engine import audit_report
from evaldesk.audit.findings import Finding, Severity
from evaldesk.drafts.disputes import Guard, disputed_subjects
from evaldesk.drafts.figures import LABELS, listed, lost, ordinal, quoted_name, report_values, sheet_values, why
from evaldesk.drafts.wording import SectionWording, Wording, blank_in, fill, wording_for
from evaldesk.model.form import SECTION_FINANCE, SECTION_SHEET
from evaldesk.model.report import Report
from evaldesk.scoring.engine import SheetResult, score_report
from evaldesk.scoring.report_text import score_text

# Checks whose messages quote the report's texts or ask for blanks to be filled: not problems of the spending.
_TEXT_CHECKS = ("quote.", "text.", "complete.")
_PROBLEM_SECTIONS = (SECTION_FINANCE, SECTION_SHEET)


@dataclass(frozen=True)
class DraftSection:
    id: str
    heading: str
    body: str
    gaps: tuple[str, ...]          # what the filler still has to supply (the labels of blank figures)
    aliases: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return f"{self.heading}\n{self.body}"


@dataclass(frozen=True)
class Draft:
    sections: tuple[DraftSection, ...]

    @property
    def text(self) -> str:
        return "\n".join(section.text for section in self.sections)

    def section(self, section_id: str) -> DraftSection:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)


def open_warnings(findings: list[Finding]) -> list[Finding]:
    """The 警告 about the money and the scores (part 二, the score sheet) not yet answered by a 说明 — problems of
    the year's spending. Warnings about blanks elsewhere, or that quote the report's texts (copied into the 综述
    they would quote them a second time), are the filler's to fix, not the report's to state."""
    return [f for f in findings if f.severity is Severity.WARNING and not f.explained
            and f.section in _PROBLEM_SECTIONS and not f.check.startswith(_TEXT_CHECKS)]


def problem_values(sheet: SheetResult, findings: list[Finding], wording: Wording,
                   guard: Guard) -> dict[str, str | None]:
    """Each deduction with why (a reason the audit finds disputed is left out), then the open warnings."""
    problems = []
    for i, result in enumerate(r for r in sheet.indicators.values() if r.deducted):
        name = quoted_name(result)
        reason = why(result, wording)
        kept = guard.keep(reason, "problems", f"“{name}”的扣分原因")
        # the filler's reason that says the deduction itself (…酌情扣0.5分) is not preceded by 扣0.5分 again
        stated = kept and reason and f"扣{score_text(lost(result))}分" in reason
        problems.append(fill(wording.item("problem_stated" if stated else "problem" if kept else "problem_bare")["text"],
                             {"ordinal": ordinal(wording, i), "name": name, "lost": score_text(lost(result)),
                              "why": reason}, wording.gap, {"why": "扣分原因"}))
    warnings = [{"message": f.message} for f in open_warnings(findings)]
    return {"problem_list": wording.item("problem")["join"].join(problems) or None,
            "problem_count": str(len(problems)),
            "open_warnings": listed(wording, "warning", warnings)}


def draft_section(spec: SectionWording, values: dict[str, str | None], wording: Wording) -> DraftSection:
    paragraphs = []
    for sentences in spec.paragraphs:
        kept = "".join(s.text for s in sentences if not (s.optional and blank_in(s.text, values))
                       and not (s.unless and values.get(s.unless)))
        if kept.strip():
            paragraphs.append(fill(kept, values, wording.gap, LABELS))
    gaps = [gap for p in paragraphs for gap in gaps_in(p, wording.gap)]
    return DraftSection(spec.id, spec.heading, "\n".join(paragraphs), tuple(dict.fromkeys(gaps)), spec.aliases)


def gaps_in(paragraph: str, gap: str) -> list[str]:
    """What each gap in ``paragraph`` asks for (also those inside listed entries, filled before the paragraph)."""
    before, _, after = gap.partition("{what}")
    found, start = [], paragraph.find(before)
    while start >= 0:
        end = paragraph.find(after, start + len(before)) if after else len(paragraph)
        if end < 0:
            break
        found.append(paragraph[start + len(before):end])
        start = paragraph.find(before, end)
    return found


def draft_summary(report: Report, sheet: SheetResult | None = None,
                  findings: list[Finding] | None = None) -> Draft:
    """The whole draft for ``report`` (pass the session's ``sheet`` and ``findings`` to save recomputing them)."""
    sheet = sheet if sheet is not None else score_report(report)
    findings = findings if findings is not None else audit_report(report, sheet)
    wording = wording_for(report.template.id)
    guard = Guard(disputed_subjects(findings))
    values = {**report_values(report, wording, guard), **sheet_values(report, sheet, wording, guard),
              **problem_values(sheet, findings, wording, guard)}
    values.update(guard.notes(wording, [spec.id for spec in wording.sections]))
    return Draft(tuple(draft_section(spec, values, wording) for spec in wording.sections))
