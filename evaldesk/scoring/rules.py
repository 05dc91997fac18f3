"""The rule kinds of a score sheet, computing: one class per kind turns the figures into a score and an explanation
a filler can read. What each kind's parameters are — read and checked from template data — is the template's
(:mod:`evaldesk.model.rule_params`); :data:`SCORERS` holds one scorer per kind, and the engine asks
``scorer(indicator.rule).evaluate(indicator.rule, figures, weight)``.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from evaldesk.model.rule_params import (RULE_KINDS as RULE_PARAMS, Balance, Band, Bands, Checklist, Hand, PerCase,
                                        PerPoint, Rule, SharedHand, rule_from_data)
from evaldesk.scoring.operands import Figures, InputSpec, Operand, Outcome, Rate, compute_rate, missing
from evaldesk.scoring.params import CENT, HUNDRED, TemplateError, num, pct, require, to_decimal

# Names other modules import from here (the rule kinds' module is where a reader looks for them).
__all__ = ["Figures", "InputSpec", "Operand", "Outcome", "Rate", "missing", "CENT", "HUNDRED", "TemplateError",
           "num", "pct", "require", "to_decimal", "Rule", "Band", "Bands", "PerPoint", "Checklist", "PerCase",
           "Balance", "Hand", "SharedHand", "RULE_KINDS", "SCORERS", "scorer", "rule_from_data", "round_score"]


class Scorer:
    """How one rule kind scores: ``evaluate(rule, figures, weight)`` with the kind's parameters (``rule``)."""

    kind = ""

    def evaluate(self, rule: Rule, figures: Figures, weight: Decimal) -> Outcome:
        raise NotImplementedError


def _capped(weight: Decimal, deduction: Decimal) -> Decimal:
    """扣完为止: the deduction never goes below 0 nor past the 分值."""
    return weight - min(max(deduction, Decimal(0)), weight)


class PerPointScorer(Scorer):
    """Per percentage point over (or under) a threshold, deduct ``per_point``; proportional by default."""

    kind = PerPoint.kind

    def evaluate(self, rule: PerPoint, figures: Figures, weight: Decimal) -> Outcome:
        rate, shown, problem = compute_rate(rule.rate, figures)
        if problem:
            return problem
        distance = rate - rule.threshold if rule.direction == "over" else rule.threshold - rate
        side = "超过" if rule.direction == "over" else "低于"
        if distance <= 0:
            within = "≤" if rule.direction == "over" else "≥"
            return Outcome(weight, f"{shown}，{within} {num(rule.threshold)}%，得 {num(weight)} 分", rate)
        points = distance
        if rule.rounding == "floor":
            points = distance.to_integral_value(rounding=ROUND_FLOOR)
        elif rule.rounding == "ceil":
            points = distance.to_integral_value(rounding=ROUND_CEILING)
        deduction = points * rule.per_point
        score = _capped(weight, deduction)
        counted = "" if rule.rounding == "proportional" else f"（按 {num(points)} 个整百分点计）"
        text = (f"{shown}，{side} {num(rule.threshold)}% {pct(distance)[:-1]} 个百分点{counted}，"
                f"每个百分点扣 {num(rule.per_point)} 分，扣 {num(min(deduction, weight).quantize(CENT, ROUND_HALF_UP))} 分"
                f"{'（扣完为止）' if deduction >= weight else ''}，得 {num(score.quantize(CENT, ROUND_HALF_UP))} 分")
        return Outcome(score, text, rate)


class BandsScorer(Scorer):
    """The rate falls in one band; each band gives a score. Every edge says whether it is inclusive."""

    kind = Bands.kind

    def evaluate(self, rule: Bands, figures: Figures, weight: Decimal) -> Outcome:
        rate, shown, problem = compute_rate(rule.rate, figures)
        if problem:
            return problem
        for band in rule.bands:
            if band.contains(rate):
                return Outcome(band.score, f"{shown}，属 {band.shown()} 档，得 {num(band.score)} 分", rate)
        return Outcome(None, f"{shown}，不在评分标准的任何一档内，须手工评分并说明理由", rate, uncomputable=True)


class ChecklistScorer(Scorer):
    """Each requirement met earns its points."""

    kind = Checklist.kind

    def evaluate(self, rule: Checklist, figures: Figures, weight: Decimal) -> Outcome:
        answers = [figures.raw_input(item_id) for item_id, _, _ in rule.items]
        unanswered = [f"第{i}项" for i, answer in enumerate(answers, 1) if answer is None]
        if unanswered:
            return Outcome(None, f"尚未判断 {'、'.join(unanswered)} 是否符合；请逐项勾选或手工评分",
                           missing=tuple(unanswered))
        score = sum((points for (_, _, points), ok in zip(rule.items, answers) if ok), Decimal(0))
        failed = [f"第{i}项" for i, ok in enumerate(answers, 1) if not ok]
        detail = f"{'、'.join(failed)}不符合" if failed else "各项均符合"
        return Outcome(score, f"{detail}，得 {num(score)} 分")


class PerCaseScorer(Scorer):
    """Each case that fails a requirement deducts ``per_case`` (扣完为止)."""

    kind = PerCase.kind

    def evaluate(self, rule: PerCase, figures: Figures, weight: Decimal) -> Outcome:
        count = figures.value(rule.count)
        if count is None:
            return missing([rule.count.label], "得分")
        deduction = count * rule.per_case
        score = _capped(weight, deduction)
        if count == 0:
            return Outcome(score, f"{rule.count.label} 0 个，不扣分，得 {num(score)} 分")
        return Outcome(score, f"{rule.count.label} {num(count)} 个，每个扣 {num(rule.per_case)} 分，"
                              f"扣 {num(min(deduction, weight))} 分，得 {num(score)} 分")


class BalanceScorer(Scorer):
    """资金结余: no balance → full; a balance within last year's carry-over → ``within``; above it → ``over``."""

    kind = Balance.kind

    def evaluate(self, rule: Balance, figures: Figures, weight: Decimal) -> Outcome:
        balance, carryover = figures.value(rule.balance), figures.value(rule.carryover)
        absent = [op.label for op, v in ((rule.balance, balance), (rule.carryover, carryover)) if v is None]
        if absent:
            return missing(absent, "资金结余得分")
        if balance <= 0:
            score = rule.scores["none"]
            return Outcome(score, f"{rule.balance.label} {num(balance)}，无结余，得 {num(score)} 分")
        if balance <= carryover:
            score = rule.scores["within"]
            return Outcome(score, f"{rule.balance.label} {num(balance)} ≤ {rule.carryover.label} {num(carryover)}，"
                                  f"有结余但不超过上年结转，得 {num(score)} 分")
        score = rule.scores["over"]
        return Outcome(score, f"{rule.balance.label} {num(balance)} > {rule.carryover.label} {num(carryover)}，"
                              f"结余超过上年结转，得 {num(score)} 分")


class HandScorer(Scorer):
    """Scored by hand by the evaluators."""

    kind = Hand.kind

    def evaluate(self, rule: Hand, figures: Figures, weight: Decimal) -> Outcome:
        return Outcome(None, "此项由评价组手工评分")


class SharedHandScorer(HandScorer):
    """Several 三级指标 (经济效益 / 社会效益 / 生态效益) that share one 分值 and one 自评得分 cell."""

    kind = SharedHand.kind

    def evaluate(self, rule: SharedHand, figures: Figures, weight: Decimal) -> Outcome:
        return Outcome(None, f"{'、'.join(rule.rows)}共用一个分值，由评价组手工评分")


SCORERS: dict[str, Scorer] = {scorer.kind: scorer for scorer in (
    PerPointScorer(), BandsScorer(), ChecklistScorer(), PerCaseScorer(), BalanceScorer(), HandScorer(),
    SharedHandScorer())}
# The kinds a template may name (the editor lists them): each has its parameters (model) and its scorer (here).
RULE_KINDS = RULE_PARAMS
assert set(SCORERS) == set(RULE_PARAMS)


def scorer(rule: Rule) -> Scorer:
    return SCORERS[rule.kind]


def round_score(score: Decimal, places: int = 2) -> Decimal:
    """Each indicator's score is rounded half-up once, at the end of its own computation (SPEC §2)."""
    return score.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
