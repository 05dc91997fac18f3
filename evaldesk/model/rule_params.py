"""The rule kinds' parameters, as a template writes them: each kind reads its parameters from template data once,
refusing incomplete ones with a message that names the problem, and says which figures it reads (its operands and
the inputs the score sheet asks for). How each kind computes a score from them is scoring's
(:mod:`evaldesk.scoring.rules`, one class per kind).

A template names a kind and gives its parameters; nothing about a particular indicator is written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from evaldesk.model.form import Kind
from evaldesk.model.operands import InputSpec, Operand, Rate, TemplateError, require, to_decimal
from evaldesk.model.values import decimal_text as num


class Rule:
    """One rule kind's parameters, read from template data; what it reads, for the sheet and the audit."""

    kind = ""
    hand_only = False  # scored by hand by design (not because a figure is missing)

    def inputs(self) -> list[InputSpec]:
        return [op.input for op in self.operands() if op.input]

    def operands(self) -> list[Operand]:
        """Every figure the rule reads (typed on the sheet or taken from the form), for showing beside it."""
        rate = getattr(self, "rate", None)
        return list(rate.operands) if rate else []

    def check_against(self, weight: Decimal, where: str) -> None:
        """Refuse parameters that cannot fit the indicator's 分值."""


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


class Hand(Rule):
    """Scored by hand by the evaluators."""

    kind = "hand"
    hand_only = True

    def __init__(self, params: dict, where: str):
        pass


class SharedHand(Hand):
    """Several 三级指标 (经济效益 / 社会效益 / 生态效益) that share one 分值 and one 自评得分 cell."""

    kind = "shared_hand"

    def __init__(self, params: dict, where: str):
        rows = require(params, "rows", where)
        if not isinstance(rows, list) or len(rows) < 2 or not all(isinstance(r, str) and r for r in rows):
            raise TemplateError(f"{where}：rows 应列出至少两个共用分值的指标名称")
        self.rows = tuple(rows)


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
