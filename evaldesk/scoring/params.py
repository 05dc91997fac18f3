"""How rates and scores are shown, and the numbers rules compute with. Reading numbers from template data and the
error a bad template raises are the template's (:mod:`evaldesk.model.operands`), re-exported here for callers."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from evaldesk.model.operands import TemplateError, require, to_decimal
from evaldesk.model.values import decimal_text

__all__ = ["HUNDRED", "CENT", "TemplateError", "pct", "num", "to_decimal", "require"]

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def pct(rate: Decimal) -> str:
    """A rate as shown: two decimals and a percent sign (used exactly, shown rounded)."""
    return f"{rate.quantize(CENT, rounding=ROUND_HALF_UP)}%"


def num(value: Decimal) -> str:
    return decimal_text(value)
