"""扣分原因 drafts: for an indicator that lost points by its rule, one line from what the rule found, in words —
“预算调整率为23.13%，超过20%，扣2.5分”. Only offered: the window writes one into
the reason box when the filler asks, never by itself.
"""

from __future__ import annotations

from evaldesk.drafts.figures import LABELS, deducted_by_rule, lost
from evaldesk.drafts.plain import plain_finding
from evaldesk.drafts.wording import fill, wording_for
from evaldesk.scoring.engine import IndicatorResult, SheetResult
from evaldesk.scoring.report_text import score_text


def reason_draft(result: IndicatorResult, template_id: str) -> str | None:
    """The 扣分原因 draft for one indicator, or None when it did not lose points by its rule (a hand score's
    reason is the evaluation group's to give)."""
    if not deducted_by_rule(result):
        return None
    wording = wording_for(template_id)
    values = {"explanation": plain_finding(result, wording), "lost": score_text(lost(result)),
              "weight": score_text(result.indicator.weight), "score": score_text(result.score)}
    return fill(wording.reason, values, wording.gap, LABELS)


def reason_drafts(sheet: SheetResult) -> dict[str, str]:
    """Indicator id → its 扣分原因 draft, for every indicator that lost points by its rule."""
    drafts = {}
    for result in sheet.indicators.values():
        text = reason_draft(result, sheet.template.id)
        if text is not None:
            drafts[result.id] = text
    return drafts
