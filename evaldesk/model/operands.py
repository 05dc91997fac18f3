"""The words a template's rules are written in, as data: where a figure comes from (a field of part 一, the 汇总 row
of part 二, an input typed on the score sheet — :class:`Operand`, :class:`InputSpec`), how a rate is made of two
figures (:class:`Rate`), how numbers are read from template data (never float) and the error a bad template raises.

Reading them checks them; computing with them is scoring's (:mod:`evaldesk.scoring.operands`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from evaldesk.quoting import quote
from evaldesk.model.form import FIELD_BY_KEY, Kind, cell_spec


class TemplateError(ValueError):
    """A template that cannot be used; the message names the problem and where it is."""


def to_decimal(raw, where: str, what: str) -> Decimal:
    if isinstance(raw, bool) or raw is None or isinstance(raw, float):
        raise TemplateError(f"{where}：{what}应为数字（以文本或整数写出），收到 {quote(repr(raw))}")
    try:
        value = Decimal(str(raw))
    except Exception:
        raise TemplateError(f"{where}：{what}应为数字，收到 {quote(repr(raw))}") from None
    if not value.is_finite():
        raise TemplateError(f"{where}：{what}应为有限数字")
    return value


def require(params: dict, key: str, where: str):
    if key not in params or params[key] in (None, ""):
        raise TemplateError(f"{where}：缺少参数“{key}”")
    return params[key]


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
