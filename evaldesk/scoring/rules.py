"""The rule kinds of a score sheet. Each kind reads its parameters from template data once (refusing incomplete
ones with a message that names the problem) and then scores with a small pure function.

A template names a kind and gives its parameters; nothing about a particular indicator is written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from evaldesk.model.form import Kind
from evaldesk.scoring.operands import Figures, InputSpec, Operand, Outcome, Rate, missing, uncomputable
from evaldesk.scoring.params import CENT, HUNDRED, TemplateError, num, pct, require, to_decimal

# Names other modules import from here (the rule kinds' module is where a reader looks for them).
__all__ = ["Figures", "InputSpec", "Operand", "Outcome", "Rate", "missing", "uncomputable", "CENT", "HUNDRED",
           "TemplateError", "num", "pct", "require", "to_decimal", "Rule", "RULE_KINDS", "rule_from_data",
           "round_score"]


# ---------------------------------------------------------------- the kinds


class Rule:
    kind = ""
    hand_only = False  # scored by hand by design (not because a figure is missing)

    def inputs(self) -> list[InputSpec]:
        return [op.input for op in self.operands() if op.input]

    def operands(self) -> list[Operand]:
        """Every figure the rule reads (typed on the sheet or taken from the form), for showing beside it."""
        rate = getattr(self, "rate", None)
        return list(rate.operands) if rate else []

    def evaluate(self, figures: Figures, weight: Decimal) -> Outcome:
        raise NotImplementedError

    def check_against(self, weight: Decimal, where: str) -> None:
        """Refuse parameters that cannot fit the indicator's 分值."""


def _capped(weight: Decimal, deduction: Decimal) -> Decimal:
    """扣完为止: the deduction never goes below 0 nor past the 分值."""
    return weight - min(max(deduction, Decimal(0)), weight)


class PerPoint(Rule):
    """Per percentage point over (or under) a threshold, deduct ``per_point``; proportional by default."""

    kind = "per_point"

    def __init__(self, params: dict, where: str):
        self.rate = Rate.from_data(require(params, "rate", where), where)
        self.direction = require(params, "direction", where)
        if self.direction not in ("over", "under"):
            raise TemplateError(f"{where}：direction 应为 over 或 under")
        self.threshold = to_decimal(require(params, "threshold", where), where, "threshold")
        self.per_point = to_decimal(require(params, "per_point", where), where, "per_point")
        if self.per_point <= 0:
            raise TemplateError(f"{where}：per_point 应大于 0")
        self.rounding = params.get("rounding", "proportional")
        if self.rounding not in ("proportional", "floor", "ceil"):
            raise TemplateError(f"{where}：rounding 应为 proportional、floor 或 ceil")

    def evaluate(self, figures: Figures, weight: Decimal) -> Outcome:
        rate, shown, problem = self.rate.compute(figures)
        if problem:
            return problem
        distance = rate - self.threshold if self.direction == "over" else self.threshold - rate
        side = "超过" if self.direction == "over" else "低于"
        if distance <= 0:
            within = "≤" if self.direction == "over" else "≥"
            return Outcome(weight, f"{shown}，{within} {num(self.threshold)}%，得 {num(weight)} 分", rate)
        points = distance
        if self.rounding == "floor":
            points = distance.to_integral_value(rounding=ROUND_FLOOR)
        elif self.rounding == "ceil":
            points = distance.to_integral_value(rounding=ROUND_CEILING)
        deduction = points * self.per_point
        score = _capped(weight, deduction)
        counted = "" if self.rounding == "proportional" else f"（按 {num(points)} 个整百分点计）"
        text = (f"{shown}，{side} {num(self.threshold)}% {pct(distance)[:-1]} 个百分点{counted}，"
                f"每个百分点扣 {num(self.per_point)} 分，扣 {num(min(deduction, weight).quantize(CENT, ROUND_HALF_UP))} 分"
                f"{'（扣完为止）' if deduction >= weight else ''}，得 {num(score.quantize(CENT, ROUND_HALF_UP))} 分")
        return Outcome(score, text, rate)


@dataclass(frozen=True)
class Band:
    """One band of a banded rule: the rates it covers and the score it gives."""

    lower: Decimal | None
    lower_inclusive: bool
    upper: Decimal | None
    upper_inclusive: bool
    score: Decimal

    def contains(self, rate: Decimal) -> bool:
        if self.lower is not None and (rate < self.lower or (rate == self.lower and not self.lower_inclusive)):
            return False
        if self.upper is not None and (rate > self.upper or (rate == self.upper and not self.upper_inclusive)):
            return False
        return True

    def shown(self) -> str:
        if self.lower is not None and self.lower == self.upper:
            return f"= {num(self.lower)}%"
        left = "(−∞" if self.lower is None else ("[" if self.lower_inclusive else "(") + f"{num(self.lower)}%"
        right = "+∞)" if self.upper is None else f"{num(self.upper)}%" + ("]" if self.upper_inclusive else ")")
        return f"{left}, {right}"


class Bands(Rule):
    """The rate falls in one band; each band gives a score. Every edge says whether it is inclusive."""

    kind = "bands"

    def __init__(self, params: dict, where: str):
        self.rate = Rate.from_data(require(params, "rate", where), where)
        raw = require(params, "bands", where)
        if not isinstance(raw, list) or not raw:
            raise TemplateError(f"{where}：bands 应为非空列表")
        self.bands = []
        for i, band in enumerate(raw, 1):
            at = f"{where} 第{i}档"
            if not isinstance(band, dict):
                raise TemplateError(f"{at}：应为对象")
            lower = band.get("lower")
            upper = band.get("upper")
            lower = None if lower is None else to_decimal(lower, at, "lower")
            upper = None if upper is None else to_decimal(upper, at, "upper")
            for edge in ("lower_inclusive", "upper_inclusive"):
                if edge not in band and (band.get(edge.split("_")[0]) is not None):
                    raise TemplateError(f"{at}：须写明 {edge}（边界是否含）")
            if lower is not None and upper is not None and lower > upper:
                raise TemplateError(f"{at}：下限大于上限")
            self.bands.append(Band(lower, bool(band.get("lower_inclusive", False)), upper,
                                   bool(band.get("upper_inclusive", False)),
                                   to_decimal(require(band, "score", at), at, "score")))

    def check_against(self, weight: Decimal, where: str) -> None:
        for band in self.bands:
            if not 0 <= band.score <= weight:
                raise TemplateError(f"{where}：档位得分 {num(band.score)} 超出 0～{num(weight)}")

    def evaluate(self, figures: Figures, weight: Decimal) -> Outcome:
        rate, shown, problem = self.rate.compute(figures)
        if problem:
            return problem
        for band in self.bands:
            if band.contains(rate):
                return Outcome(band.score, f"{shown}，属 {band.shown()} 档，得 {num(band.score)} 分", rate)
        return Outcome(None, f"{shown}，不在评分标准的任何一档内，须手工评分并说明理由", rate, uncomputable=True)


class Checklist(Rule):
    """Each requirement met earns its points."""

    kind = "checklist"

    def __init__(self, params: dict, where: str):
        raw = require(params, "items", where)
        if not isinstance(raw, list) or not raw:
            raise TemplateError(f"{where}：items 应为非空列表")
        self.items = []
        seen = set()
        for i, item in enumerate(raw, 1):
            at = f"{where} 第{i}项"
            if not isinstance(item, dict):
                raise TemplateError(f"{at}：应为对象")
            item_id = str(require(item, "id", at))
            if item_id in seen:
                raise TemplateError(f"{at}：编号“{item_id}”重复")
            seen.add(item_id)
            self.items.append((item_id, str(require(item, "text", at)),
                               to_decimal(require(item, "points", at), at, "points")))

    def inputs(self) -> list[InputSpec]:
        return [InputSpec(item_id, text, Kind.BOOL.value) for item_id, text, _ in self.items]

    def check_against(self, weight: Decimal, where: str) -> None:
        total = sum((points for _, _, points in self.items), Decimal(0))
        if total != weight:
            raise TemplateError(f"{where}：各项分数之和 {num(total)} 不等于分值 {num(weight)}")

    def evaluate(self, figures: Figures, weight: Decimal) -> Outcome:
        answers = [figures.raw_input(item_id) for item_id, _, _ in self.items]
        unanswered = [f"第{i}项" for i, answer in enumerate(answers, 1) if answer is None]
        if unanswered:
            return Outcome(None, f"尚未判断 {'、'.join(unanswered)} 是否符合；请逐项勾选或手工评分",
                           missing=tuple(unanswered))
        score = sum((points for (_, _, points), ok in zip(self.items, answers) if ok), Decimal(0))
        failed = [f"第{i}项" for i, ok in enumerate(answers, 1) if not ok]
        detail = f"{'、'.join(failed)}不符合" if failed else "各项均符合"
        return Outcome(score, f"{detail}，得 {num(score)} 分")


class PerCase(Rule):
    """Each case that fails a requirement deducts ``per_case`` (扣完为止)."""

    kind = "per_case"

    def __init__(self, params: dict, where: str):
        self.count = Operand.from_data(require(params, "count", where), where)
        if self.count.input is None or self.count.input.kind != Kind.COUNT.value:
            raise TemplateError(f"{where}：count 应为 kind 为 count 的输入项")
        self.per_case = to_decimal(require(params, "per_case", where), where, "per_case")
        if self.per_case <= 0:
            raise TemplateError(f"{where}：per_case 应大于 0")

    def operands(self) -> list[Operand]:
        return [self.count]

    def evaluate(self, figures: Figures, weight: Decimal) -> Outcome:
        count = figures.value(self.count)
        if count is None:
            return missing([self.count.label], "得分")
        deduction = count * self.per_case
        score = _capped(weight, deduction)
        if count == 0:
            return Outcome(score, f"{self.count.label} 0 个，不扣分，得 {num(score)} 分")
        return Outcome(score, f"{self.count.label} {num(count)} 个，每个扣 {num(self.per_case)} 分，"
                              f"扣 {num(min(deduction, weight))} 分，得 {num(score)} 分")


class Balance(Rule):
    """资金结余: no balance → full; a balance within last year's carry-over → ``within``; above it → ``over``."""

    kind = "balance"

    def __init__(self, params: dict, where: str):
        self.balance = Operand.from_data(require(params, "balance", where), where)
        self.carryover = Operand.from_data(require(params, "carryover", where), where)
        self.scores = {key: to_decimal(require(params, key, where), where, key) for key in ("none", "within", "over")}

    def operands(self) -> list[Operand]:
        return [self.balance, self.carryover]

    def check_against(self, weight: Decimal, where: str) -> None:
        for key, score in self.scores.items():
            if not 0 <= score <= weight:
                raise TemplateError(f"{where}：{key} 得分 {num(score)} 超出 0～{num(weight)}")

    def evaluate(self, figures: Figures, weight: Decimal) -> Outcome:
        balance, carryover = figures.value(self.balance), figures.value(self.carryover)
        absent = [op.label for op, v in ((self.balance, balance), (self.carryover, carryover)) if v is None]
        if absent:
            return missing(absent, "资金结余得分")
        if balance <= 0:
            score = self.scores["none"]
            return Outcome(score, f"{self.balance.label} {num(balance)}，无结余，得 {num(score)} 分")
        if balance <= carryover:
            score = self.scores["within"]
            return Outcome(score, f"{self.balance.label} {num(balance)} ≤ {self.carryover.label} {num(carryover)}，"
                                  f"有结余但不超过上年结转，得 {num(score)} 分")
        score = self.scores["over"]
        return Outcome(score, f"{self.balance.label} {num(balance)} > {self.carryover.label} {num(carryover)}，"
                              f"结余超过上年结转，得 {num(score)} 分")


class Hand(Rule):
    """Scored by hand by the evaluators."""

    kind = "hand"
    hand_only = True

    def __init__(self, params: dict, where: str):
        pass

    def evaluate(self, figures: Figures, weight: Decimal) -> Outcome:
        return Outcome(None, "此项由评价组手工评分")


class SharedHand(Hand):
    """Several 三级指标 (经济效益 / 社会效益 / 生态效益) that share one 分值 and one 自评得分 cell."""

    kind = "shared_hand"

    def __init__(self, params: dict, where: str):
        rows = require(params, "rows", where)
        if not isinstance(rows, list) or len(rows) < 2 or not all(isinstance(r, str) and r for r in rows):
            raise TemplateError(f"{where}：rows 应列出至少两个共用分值的指标名称")
        self.rows = tuple(rows)

    def evaluate(self, figures: Figures, weight: Decimal) -> Outcome:
        return Outcome(None, f"{'、'.join(self.rows)}共用一个分值，由评价组手工评分")


RULE_KINDS: dict[str, type[Rule]] = {
    kind.kind: kind for kind in (PerPoint, Bands, Checklist, PerCase, Balance, Hand, SharedHand)
}


def rule_from_data(data, where: str) -> Rule:
    if not isinstance(data, dict):
        raise TemplateError(f"{where}：缺少评分规则（rule）")
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in RULE_KINDS:
        raise TemplateError(f"{where}：评分规则类型“{kind}”未知（可用 {'、'.join(RULE_KINDS)}）")
    return RULE_KINDS[kind](data, where)


def round_score(score: Decimal, places: int = 2) -> Decimal:
    """Each indicator's score is rounded half-up once, at the end of its own computation (SPEC §2)."""
    return score.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


__all__ = ["TemplateError", "Rule", "RULE_KINDS", "rule_from_data", "Outcome", "Figures", "InputSpec", "Operand",
           "round_score", "pct", "num"]
