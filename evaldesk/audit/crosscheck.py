"""Checks across fields and parts: a figure that may not exceed another in the same row (三公合计 ≤ 支出合计,
``resources/audit/crosschecks.json``); a rate over its limit that must show a deduction (控制率 > 100%) and one
that must be explained (预算调整率 > 30%) — those two are asked for by the score sheet itself, in each
indicator's ``audit`` entry, so a new year's sheet brings its own."""

from __future__ import annotations

from functools import lru_cache

from evaldesk.audit import places
from evaldesk.audit.context import AuditContext
from evaldesk.audit.data import load
from evaldesk.audit.findings import Finding, Severity
from evaldesk.model.places import CellPlace, SheetPlace
from evaldesk.model.values import format_amount
from evaldesk.scoring.engine import State
from evaldesk.scoring.report_text import score_text
from evaldesk.scoring.rules import pct


@lru_cache(maxsize=None)
def rules() -> dict:
    return load("crosschecks")


def not_above_findings(ctx: AuditContext) -> list[Finding]:
    """Per unit: ``left`` ≤ ``right`` (a part cannot exceed the whole it belongs to)."""
    findings = []
    for rule in rules()["not_above"]:
        left, right = rule["left"], rule["right"]
        for unit in ctx.report.units:
            a, b = ctx.figure(left, unit.id), ctx.figure(right, unit.id)
            if a > b:
                findings.append(Finding(
                    f"not_above/{rule['id']}/{unit.name}", Severity.ERROR,
                    f"{unit.name}：{places.cell_label(left)} {format_amount(a)} 超过{places.cell_label(right)} "
                    f"{format_amount(b)}（{rule['why']}）", CellPlace(unit.id, left), "cross.not_above"))
    return findings


def _results(ctx: AuditContext, check: str):
    """(limit, what, result) for the indicators whose template entry asks for ``check`` (its ``audit`` key):
    which indicators are checked, and at which limit, is the sheet's own data."""
    for result in ctx.sheet.indicators.values():
        limit = result.indicator.audit.get(check)
        if limit is not None:
            yield limit, result.indicator.audit.get("what", result.indicator.name), result


def must_deduct_findings(ctx: AuditContext) -> list[Finding]:
    """A rate over its limit with full marks given by hand: the standard says every point over deducts, so a full
    score contradicts the sheet's own 评分标准 whatever the reason written beside it. A score the rule computed is
    left alone: its rounding (104.001% → 4.9995 → 5) or a template's whole-point counting may keep full marks."""
    findings = []
    for limit, _what, result in _results(ctx, "must_deduct_above"):
        if (result.rate is not None and result.rate > limit and result.state is not State.COMPUTED
                and result.score == result.indicator.weight):
            findings.append(Finding(
                f"must_deduct/{result.id}", Severity.ERROR,
                f"{places.named(result.indicator.name)}为 {pct(result.rate)}，超过 {score_text(limit)}%，按评分标准应扣分，"
                f"却得满分 {score_text(result.score)} 分", SheetPlace(result.id, "hand"), "cross.must_deduct"))
    return findings


def explain_above_findings(ctx: AuditContext) -> list[Finding]:
    """A rate over its limit needs an explanation: in the indicator's 扣分原因, or as a 说明 to this 警告."""
    findings = []
    for limit, what, result in _results(ctx, "explain_above"):
        if result.rate is not None and result.rate > limit and not result.reason.strip():
            findings.append(Finding(
                f"explain_above/{result.id}", Severity.WARNING,
                f"{places.named(result.indicator.name)}为 {pct(result.rate)}，超过 {score_text(limit)}%：{what}幅度较大，须说明原因"
                f"（写在该项的扣分原因和其他说明中，或在此填写说明）", SheetPlace(result.id, "reason"),
                "cross.explain_above"))
    return findings


def check(ctx: AuditContext) -> list[Finding]:
    return not_above_findings(ctx) + must_deduct_findings(ctx) + explain_above_findings(ctx)
