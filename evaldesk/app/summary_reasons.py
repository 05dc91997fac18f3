"""A reader's reason, said to the bureau's clerk: without the hidden sheet's name or a program's key.

The readers name the place of a bad value for whoever can open the file (``_data!B18``, a JSON key); the clerk
at the bureau sees neither the hidden data sheet nor the keys, so the summary words them as the place in the
file (数据页第 18 行) and keeps the label the reader gives beside it.
"""

from __future__ import annotations

import re

_CELL = re.compile(r"_data!([A-Z]+)(\d+)")
_SHEET = re.compile(r"数据页“_data”|数据页_data|“_data”|_data")


def plain_reason(reason: str) -> str:
    reason = _CELL.sub(lambda m: f"隐藏数据页第 {m.group(2)} 行", reason)
    reason = _SHEET.sub("隐藏数据页", reason)
    return reason.replace("隐藏数据页（", "隐藏数据页（").replace("隐藏隐藏", "隐藏")
