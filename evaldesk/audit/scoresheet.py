"""The score sheet's own checks: scores within 0…分值, 分值 adding up, a reason for every deduction and every
override, a reason for a hand score where the rule could not compute, no indicator left unscored, 总分 and 等次.

The scoring engine already computes the sheet; these checks read its results (state, computed, hand) and say
what the filler still owes, in the sheet's order.
"""

from __future__ import annotations

from decimal import Decimal

from evaldesk.audit.context import ZERO, AuditContext
from evaldesk.audit.findings import Finding, Severity
from evaldesk.model.form import SECTION_SHEET
from evaldesk.model.places import SectionPlace, SheetPlace
from evaldesk.audit import places
from evaldesk.scoring.engine import IndicatorResult, State
from evaldesk.scoring.report_text import score_text
from evaldesk.scoring.template import Template


def _hand(result: IndicatorResult) -> SheetPlace:
    return SheetPlace(result.id, "hand")


def _reason(result: IndicatorResult) -> SheetPlace:
    return SheetPlace(result.id, "reason")


def weight_findings(template: Template) -> list[Finding]:
    """The report's own copy of the template: children's 分值 add up to the parent's, the whole to the total.

    Templates are checked when they load; this guards a report whose template was changed after it was loaded.
    """
    findings = []
    for ind in template.indicators:
        if ind.weight < 0:
            findings.append(Finding(f"weights/{ind.id}/negative", Severity.ERROR,
                                    f"评分表{places.named(ind.name)}的分值 {score_text(ind.weight)} 为负数",
                                    SectionPlace(SECTION_SHEET), "sheet.weights"))
        if ind.children:
            total = sum((child.weight for child in ind.children), ZERO)
            if total != ind.weight:
                findings.append(Finding(
                    f"weights/{ind.id}", Severity.ERROR,
                    f"评分表{places.named(ind.name)}：下级指标分值之和 {score_text(total)} 不等于其分值 {score_text(ind.weight)}",
                    SectionPlace(SECTION_SHEET), "sheet.weights"))
    whole = sum((root.weight for root in template.roots), ZERO)
    if whole != template.total:
        findings.append(Finding("weights/total", Severity.ERROR,
                                f"评分表一级指标分值之和 {score_text(whole)} 不等于总分 {score_text(template.total)}",
                                SectionPlace(SECTION_SHEET), "sheet.weights"))
    return findings


def _missing_where(result: IndicatorResult) -> SheetPlace:
    """Where to take the filler for an unscored indicator: its first blank sheet input, else its hand score."""
    for spec in result.indicator.inputs():
        if spec.label in result.missing:
            return SheetPlace(result.id, "input", spec.name)
    return _hand(result)


def indicator_findings(result: IndicatorResult) -> list[Finding]:
    ind, name = result.indicator, places.named(result.indicator.name)
    score, reason = result.score, result.reason.strip()
    if result.hand is not None and not ZERO <= result.hand <= ind.weight:  # a 分值 lowered after scoring
        return [Finding(f"score_range/{ind.id}", Severity.ERROR,
                        f"{name}的得分 {score_text(result.hand)} 超出 0～{score_text(ind.weight)} 分",
                        _hand(result), "sheet.range")]
    if score is None:
        why = result.explanation or "尚未评分"
        return [Finding(f"unscored/{ind.id}", Severity.ERROR,
                        f"{name}尚未评分，评分表不完整：{why}", _missing_where(result), "sheet.unscored")]
    if not ZERO <= score <= ind.weight:
        return [Finding(f"score_range/{ind.id}", Severity.ERROR,
                        f"{name}的得分 {score_text(score)} 超出 0～{score_text(ind.weight)} 分",
                        _hand(result), "sheet.range")]
    if reason:
        return []
    if result.state is State.OVERRIDDEN:
        return [Finding(f"override_reason/{ind.id}", Severity.ERROR,
                        f"{name}按规则计算得 {score_text(result.computed)} 分，手工改为 {score_text(score)} 分，"
                        f"须在扣分原因和其他说明中写明改分理由", _reason(result), "sheet.override")]
    if score < ind.weight:
        return [Finding(f"deduction_reason/{ind.id}", Severity.ERROR,
                        f"{name}得 {score_text(score)} 分，低于分值 {score_text(ind.weight)} 分，须填写扣分原因",
                        _reason(result), "sheet.deduction")]
    if result.state is State.HAND and not ind.rule.hand_only:
        return [Finding(f"hand_reason/{ind.id}", Severity.WARNING,
                        f"{name}无法按规则计算（{_why_not_computed(result)}），手工评 {score_text(score)} 分"
                        f"而未说明依据：请填写所缺数据，或在扣分原因和其他说明中写明评分依据",
                        _reason(result), "sheet.hand")]
    return []


def _why_not_computed(result: IndicatorResult) -> str:
    if result.missing:
        return f"缺少{'、'.join(result.missing)}"
    return result.explanation.split("　→")[0].split("，须手工")[0]


def total_findings(ctx: AuditContext) -> list[Finding]:
    """总分 = the sum of the (rounded) indicator scores; 等次 = the template's band for that 总分."""
    sheet = ctx.sheet
    expected = sum((r.score for r in sheet.indicators.values() if r.score is not None), Decimal(0))
    findings = []
    if sheet.total != expected:
        findings.append(Finding("total", Severity.ERROR,
                                f"评分表总分 {score_text(sheet.total)} 不等于各指标得分之和 {score_text(expected)}",
                                SectionPlace(SECTION_SHEET), "sheet.total"))
    if sheet.complete and sheet.grade != sheet.template.grade(sheet.total):
        findings.append(Finding("grade", Severity.ERROR,
                                f"评价等次“{sheet.grade}”与总分 {score_text(sheet.total)} 不符（应为"
                                f"“{sheet.template.grade(sheet.total)}”）", SectionPlace(SECTION_SHEET),
                                "sheet.grade"))
    return findings


def check(ctx: AuditContext) -> list[Finding]:
    template = ctx.report.template  # a changed template is a new object: its 分值 are checked once each
    findings = list(ctx.recall(("weights",), weight_findings, template))
    for ind in ctx.sheet.template.leaves:
        result = ctx.sheet.indicators[ind.id]  # the findings are a function of the result alone
        findings += ctx.recall(("indicator", ind.id), indicator_findings, result)
    findings += total_findings(ctx)
    return findings
