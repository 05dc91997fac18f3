"""Where a rule's figures come from (a field of part 一, the 汇总 row of part 二, an input typed on the score
sheet), what a rule made of them (an :class:`Outcome`), and how a rate is made from two figures."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from evaldesk.quoting import quote
from evaldesk.model.form import FIELD_BY_KEY, Kind, cell_spec, split_cell_key
from evaldesk.scoring.params import HUNDRED, TemplateError, num, pct, require


@dataclass(frozen=True)
class InputSpec:
    """A figure the score sheet asks for beside the indicator (年初预算, 三公预算 …)."""

    name: str
    label: str
    kind: str  # a model.form.Kind value
    carry: str | None = None  # which figure of last year's report feeds it in a new year (a field:/summary: ref)


LABEL_LIMIT = 100


def _label(label, where: str) -> str | None:
    """A label is shown and printed beside a figure: text (a number written there would break every later step)."""
    if label is None:
        return None
    if not isinstance(label, str) or not label.strip():
        raise TemplateError(f"{where}：名称 label 应为文字")
    if len(label) > LABEL_LIMIT:
        raise TemplateError(f"{where}：名称 label 过长（{len(label)} 个字符，最多 {LABEL_LIMIT} 个）")
    return label


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
            raise TemplateError(f"{where}：取数项应为对象，收到 {quote(repr(data))}")
        label = _label(data.get("label"), where)
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
            try:
                column = cell_spec(key)[1]
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
            grid = split_cell_key(operand.key)[0]
            started = any(v is not None for k, v in self._summary.items() if split_cell_key(k)[0] == grid)
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
        label = _label(require(data, "label", where), where)
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
