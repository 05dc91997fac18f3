"""Values as the data file holds them: exact text with a one-letter tag, so a file can be read without the template
that gave the values their meaning (a removed indicator's entries survive for undo) and no figure is ever a REAL:
``t:`` text, ``d:`` decimal, ``i:`` integer, ``b:`` boolean, ``D:`` date.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from evaldesk.model.paths import StoreError
from evaldesk.model.report import Value
from evaldesk.model.values import decimal_text



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
    tag, body = raw[:2], raw[2:]
    if tag == "t:":
        return body
    if tag == "d:":
        return Decimal(body)
    if tag == "i:":
        return int(body)
    if tag == "b:":
        return body == "1"
    if tag == "D:":
        return _dt.date.fromisoformat(body)
    raise StoreError(f"数据文件中有无法识别的值“{raw[:20]}”，文件可能已损坏")
