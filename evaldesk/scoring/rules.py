"""The rule kinds of a score sheet. Each kind reads its parameters from template data once (refusing incomplete
ones with a message that names the problem) and then scores with a small pure function.

A template names a kind and gives its parameters; nothing about a particular indicator is written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Callable

from evaldesk.model.form import FIELD_BY_KEY, GRID_BY_KEY, Kind
from evaldesk.model.values import decimal_text

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


class TemplateError(ValueError):
    """A template that cannot be used; the message names the problem and where it is."""


def pct(rate: Decimal) -> str:
    """A rate as shown: two decimals and a percent sign (used exactly, shown rounded)."""
    return f"{rate.quantize(CENT, rounding=ROUND_HALF_UP)}%"


def num(value: Decimal) -> str:
    return decimal_text(value)


def to_decimal(raw, where: str, what: str) -> Decimal:
    if isinstance(raw, bool) or raw is None or isinstance(raw, float):
        raise TemplateError(f"{where}：{what}应为数字（以文本或整数写出），收到 {raw!r}")
    try:
        value = Decimal(str(raw))
    except Exception:
        raise TemplateError(f"{where}：{what}应为数字，收到 {raw!r}") from None
    if not value.is_finite():
        raise TemplateError(f"{where}：{what}应为有限数字")
    return value


def require(params: dict, key: str, where: str):
    if key not in params or params[key] in (None, ""):
        raise TemplateError(f"{where}：缺少参数“{key}”")
    return params[key]


# ---------------------------------------------------------------- operands: where a rule's figures come from


@dataclass(frozen=True)
class InputSpec:
    """A figure the score sheet asks for beside the indicator (年初预算, 三公预算 …)."""

    name: str
    label: str
    kind: str  # a model.form.Kind value
    carry: str | None = None  # which figure of last year's report feeds it in a new year (a field:/summary: ref)


@dataclass(frozen=True)
class Operand:
    """``field:basic.staff_actual`` (part 一), ``summary:expense.balance_total`` (the 汇总 row of part 二, blank
    counts as 0), or ``input:<name>`` (typed on the score sheet, beside the indicator)."""

    source: str
    key: str
    label: str
    input: InputSpec | None = None

    @staticmethod
    def from_data(data, where: str) -> "Operand":
        if not isinstance(data, dict):
            raise TemplateError(f"{where}：取数项应为对象，收到 {data!r}")
        label = data.get("label")
        if "input" in data:
            name = data["input"]
            kind = data.get("kind", "money")
            if not isinstance(name, str) or not name:
                raise TemplateError(f"{where}：输入项名称应为文字")
            if not isinstance(kind, str) or kind not in {k.value for k in (Kind.MONEY, Kind.PERCENT, Kind.COUNT,
                                                                           Kind.INTEGER)}:
                raise TemplateError(f"{where}：输入项“{name}”的类型“{kind}”未知")
            label = label or name
            carry = data.get("carry")
            if carry is not None:  # a ref like any other (field: or summary:), checked so a wrong one is refused
                Operand.from_data({"ref": carry}, f"{where} 输入项“{name}”的上年取数 carry")
            return Operand("input", name, label, InputSpec(name, label, kind, carry))
        ref = data.get("ref")
        if not isinstance(ref, str) or ":" not in ref:
            raise TemplateError(f"{where}：取数项须有 input 或 ref（如 field:basic.staff_quota）")
        source, _, key = ref.partition(":")
        if source == "field":
            spec = FIELD_BY_KEY.get(key)
            if spec is None or spec.kind not in (Kind.INTEGER, Kind.MONEY, Kind.PERCENT):
                raise TemplateError(f"{where}：引用的字段“{key}”不存在或不是数字")
            return Operand(source, key, label or spec.label)
        if source == "summary":
            grid_key, _, column_key = key.partition(".")
            grid = GRID_BY_KEY.get(grid_key)
            try:
                column = grid.column(column_key) if grid else None
            except KeyError:
                column = None
            if column is None:
                raise TemplateError(f"{where}：引用的收支表栏目“{key}”不存在")
            return Operand(source, key, label or column.label)
        raise TemplateError(f"{where}：取数来源“{source}”未知（可用 field、summary、input）")


class Figures:
    """What a rule may read: part 一's fields, the 汇总 row, and this indicator's sheet inputs."""

    def __init__(self, fields: dict, summary: dict, inputs: Callable[[str], object]):
        self._fields = fields
        self._summary = summary
        self._inputs = inputs

    def value(self, operand: Operand):
        if operand.source == "field":
            value = self._fields.get(operand.key)
            return None if value is None else Decimal(value)
        if operand.source == "summary":
            value = self._summary.get(operand.key)
            if value is not None:
                return value
            # A blank cell counts as 0 (SPEC §1: the copy leaves 结余 blank and scores 无结余) — but only once
            # the filler has started that table: an untouched table is missing, not a row of zeros that would
            # hand a new report full marks for 资金结余.
            grid = operand.key.partition(".")[0] + "."
            started = any(v is not None for k, v in self._summary.items() if k.startswith(grid))
            return Decimal(0) if started else None
        value = self._inputs(operand.key)
        if isinstance(value, bool):
            return value
        return None if value is None else Decimal(value)

    def raw_input(self, name: str):
        return self._inputs(name)


# ---------------------------------------------------------------- outcomes


@dataclass(frozen=True)
class Outcome:
    """What a rule made of the figures: a score (unrounded) or why there is none."""

    score: Decimal | None
    explanation: str
    rate: Decimal | None = None
    missing: tuple[str, ...] = ()  # labels of inputs still blank
    uncomputable: bool = False      # the figures are there but cannot be used (zero denominator, outside bands)


def missing(labels: list[str], what: str) -> Outcome:
    return Outcome(None, f"缺少 {'、'.join(labels)}，{what}无法计算；请填写或手工评分", missing=tuple(labels))


def uncomputable(why: str) -> Outcome:
    return Outcome(None, f"{why}，须手工评分并说明理由", uncomputable=True)


# ---------------------------------------------------------------- rates


@dataclass(frozen=True)
class Rate:
    """How a rate is made from two figures (or taken as typed)."""

    formula: str  # ratio | change | abs_change | value
    label: str
    operands: tuple[Operand, ...]

    FORMULAS = ("ratio", "change", "abs_change", "value")

    @staticmethod
    def from_data(data, where: str) -> "Rate":
        if not isinstance(data, dict):
            raise TemplateError(f"{where}：rate 应为对象")
        formula = require(data, "formula", where)
        if not isinstance(formula, str) or formula not in Rate.FORMULAS:
            raise TemplateError(f"{where}：比率公式“{formula}”未知（可用 {'、'.join(Rate.FORMULAS)}）")
        label = require(data, "label", where)
        if formula == "value":
            operands = (Operand.from_data(require(data, "value", where), where),)
        else:
            operands = (Operand.from_data(require(data, "numerator", where), where),
                        Operand.from_data(require(data, "denominator", where), where))
        return Rate(formula, label, operands)

    def compute(self, figures: Figures) -> tuple[Decimal | None, str, Outcome | None]:
        """(rate in percent, how it was computed, or an Outcome saying why it cannot be)."""
        values = [figures.value(op) for op in self.operands]
        absent = [op.label for op, value in zip(self.operands, values) if value is None]
        if absent:
            return None, "", missing(absent, self.label)
        if self.formula == "value":
            return values[0], f"{self.label} {pct(values[0])}", None
        a, b = values
        if b == 0:
            return None, "", uncomputable(f"{self.operands[1].label}为 0，{self.label}无法计算")
        if self.formula == "ratio":
            rate, shown = a / b * HUNDRED, f"{num(a)} ÷ {num(b)}"
        elif self.formula == "change":
            rate, shown = (a - b) / b * HUNDRED, f"({num(a)} − {num(b)}) ÷ {num(b)}"
        else:
            rate, shown = abs(a - b) / b * HUNDRED, f"|{num(a)} − {num(b)}| ÷ {num(b)}"
        return rate, f"{self.label} = {shown} = {pct(rate)}", None


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
