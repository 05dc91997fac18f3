"""What a rule made of the figures (an :class:`Outcome`), the figures a rule may read (:class:`Figures`), and a
rate computed from them. The operands themselves — where a figure comes from — are the template's data
(:mod:`evaldesk.model.operands`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from evaldesk.model.form import split_cell_key
from evaldesk.model.operands import InputSpec, Operand, Rate
from evaldesk.scoring.params import HUNDRED, num, pct

__all__ = ["InputSpec", "Operand", "Rate", "Figures", "Outcome", "missing", "uncomputable", "compute_rate"]


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


def compute_rate(rate: Rate, figures: Figures) -> tuple[Decimal | None, str, Outcome | None]:
    """(rate in percent, how it was computed, or an Outcome saying why it cannot be)."""
    values = [figures.value(op) for op in rate.operands]
    absent = [op.label for op, value in zip(rate.operands, values) if value is None]
    if absent:
        return None, "", missing(absent, rate.label)
    if rate.formula == "value":
        return values[0], f"{rate.label} {pct(values[0])}", None
    a, b = values
    if b == 0:
        return None, "", uncomputable(f"{rate.operands[1].label}为 0，{rate.label}无法计算")
    if rate.formula == "ratio":
        percent, shown = a / b * HUNDRED, f"{num(a)} ÷ {num(b)}"
    elif rate.formula == "change":
        percent, shown = (a - b) / b * HUNDRED, f"({num(a)} − {num(b)}) ÷ {num(b)}"
    else:
        percent, shown = abs(a - b) / b * HUNDRED, f"|{num(a)} − {num(b)}| ÷ {num(b)}"
    return percent, f"{rate.label} = {shown} = {pct(percent)}", None
