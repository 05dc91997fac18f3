"""Values as the data file holds them: exact text with a one-letter tag, so a file can be read without the template
that gave the values their meaning (a removed indicator's entries survive for undo) and no figure is ever a REAL:
``t:`` text, ``d:`` decimal, ``i:`` integer, ``b:`` boolean, ``D:`` date.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from evaldesk.datafile.errors import UnreadableRow
from evaldesk.model.report import Value
from evaldesk.model.values import decimal_text
from evaldesk.quoting import quote



def encode(value: Value) -> str:
    if isinstance(value, bool):
        return "b:1" if value else "b:0"
    if isinstance(value, int):
        return f"i:{value}"
    if isinstance(value, Decimal):
        return f"d:{decimal_text(value)}"
    if isinstance(value, _dt.date):
        return f"D:{value.isoformat()}"
    if isinstance(value, str):
        return f"t:{value}"
    raise TypeError(f"cannot store {type(value).__name__}")  # a float here is a bug upstream


def decode(raw: str) -> Value:
    """The value ``raw`` holds; UnreadableRow (in Chinese) for anything this module did not write."""
    if not isinstance(raw, str):
        raise UnreadableRow("数据文件中有无法识别的值，文件可能已损坏")
    tag, body = raw[:2], raw[2:]
    try:
        if tag == "t:":
            return body
        if tag == "d:":
            value = Decimal(body)
            if value.is_finite():
                return value
        elif tag == "i:":
            return int(body)
        elif tag == "b:" and body in ("0", "1"):
            return body == "1"
        elif tag == "D:":
            return _dt.date.fromisoformat(body)
    except (ArithmeticError, ValueError):
        pass
    raise UnreadableRow(f"数据文件中有无法识别的值“{quote(raw, 20)}”，文件可能已损坏")
