"""The small vocabulary every rule kind and the template loader share: the error a bad template raises, how
numbers are read from template data (never float) and how rates and scores are shown."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from evaldesk.quoting import quote
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
