"""The score sheet as a readable table (for the terminal) and as plain data (``--json``)."""

from __future__ import annotations

import unicodedata

from evaldesk.model.layout import report_title
from evaldesk.model.report import Report
from evaldesk.scoring.engine import SheetResult
from evaldesk.scoring.rules import num


def score_text(score) -> str:
    """How a score is shown everywhere: exact, no needless zeros (0.5, 2.92, 92.5); blank stays blank."""
    return "" if score is None else num(score)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def sheet_as_text(report: Report, sheet: SheetResult) -> str:
    template = sheet.template
    lines = [f"{report_title(report)} — {template.cover['sheet_title']}",
             f"{report.department or '（未填部门名称）'}　模板：{template.name}", ""]
    for ind in template.indicators:
        indent = "  " * (ind.level - 1)
        if ind.is_leaf:
            r = sheet.indicators[ind.id]
            lines.append(f"{indent}{_pad(ind.name, 36 - 2 * (ind.level - 1))} 分值 {_pad(num(ind.weight), 4)} "
                         f"得分 {_pad(score_text(r.score) or '—', 6)} [{r.state.label}]")
            lines.append(f"{indent}    {r.explanation}")
            if r.reason:
                lines.append(f"{indent}    扣分原因和其他说明：{r.reason}")
            for problem in r.problems:
                lines.append(f"{indent}    ！{problem}")
        else:
            g = sheet.groups[ind.id]
            lines.append(f"{indent}{ind.name}（{num(ind.weight)}分）　小计 {num(g.score)}"
                         f"{'' if g.complete else '（未完成）'}")
    lines += ["", sheet.summary_line()]
    return "\n".join(lines)


def sheet_as_data(report: Report, sheet: SheetResult) -> dict:
    def indicator(ind) -> dict:
        entry = {"id": ind.id, "name": ind.name, "level": ind.level, "weight": num(ind.weight),
                 "parent": ind.parent}
        if ind.is_leaf:
            r = sheet.indicators[ind.id]
            entry.update(rows=list(ind.rows), score=score_text(r.score) or None, state=r.state.value,
                         state_label=r.state.label, computed=score_text(r.computed) or None,
                         hand=score_text(r.hand) or None, rate=None if r.rate is None else str(r.rate),
                         explanation=r.explanation, missing=list(r.missing), reason=r.reason,
                         problems=list(r.problems))
        else:
            g = sheet.groups[ind.id]
            entry.update(subtotal=num(g.score), complete=g.complete)
        return entry

    return {
        "report": {"id": report.id, "year": report.year, "department": report.department},
        "template": {"id": sheet.template.id, "name": sheet.template.name},
        "indicators": [indicator(ind) for ind in sheet.template.indicators],
        "total": num(sheet.total),
        "complete": sheet.complete,
        "grade": sheet.grade,
    }
