"""Turning what people type into exact values, and refusing the rest in plain Chinese.

Every parser takes the raw text (or an already-typed value) and returns the value to store, or ``None`` for
blank. Anything it cannot take raises :class:`Rejected` with a message that says what was expected; the caller
stores nothing in that case.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from evaldesk.quoting import quote

__all__ = [
    "Rejected", "normalize_text", "parse_code", "parse_money", "parse_integer", "parse_percent", "parse_score",
    "parse_count", "parse_bool", "parse_date", "parse_text", "decimal_text", "format_amount",
    "format_date_cn", "clean_text",
]


class Rejected(ValueError):
    """A value a field cannot take. ``str(err)`` is the message shown to the filler."""


_GROUPED = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d*)?$")
_PLAIN = re.compile(r"^-?\d+(\.\d*)?$|^-?\.\d+$")  # "90." is accepted: people type it on the way to 90.5
# Characters a filler may type around a figure that carry no meaning.
_SPACES = re.compile(r"[\s\u3000]+")
# Control characters other than tab and newline cannot be printed or put in a workbook.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize_text(raw: object) -> str:
    """Full-width digits, points and signs to their ASCII forms; spaces removed."""
    text = unicodedata.normalize("NFKC", str(raw))
    text = text.replace("，", ",").replace("。", ".").replace("－", "-").replace("−", "-")
    return _SPACES.sub("", text)


def _strip_suffix(text: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _to_decimal(raw: object, what: str, suffixes: tuple[str, ...] = ()) -> Decimal | None:
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise Rejected(f"{what}应为数字")
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise Rejected(f"{what}应为数字")
        return _within_reason(raw, what)
    if isinstance(raw, int):
        return _within_reason(Decimal(raw), what)
    if isinstance(raw, float):
        # Floats never carry a figure in evaldesk; one arriving here is a programming error upstream.
        raise Rejected(f"{what}须以文本或精确小数给出")
    text = normalize_text(raw)
    if text == "":
        return None
    text = _strip_suffix(text, suffixes)
    if _GROUPED.match(text):
        text = text.replace(",", "")
    if not _PLAIN.match(text):
        raise Rejected(f"{what}应为数字，例如 90.5，收到“{quote(str(raw).strip(), 20)}”")
    try:
        value = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern above only lets numbers through
        raise Rejected(f"{what}应为数字") from None
    return _within_reason(value, what)


MAX_WHOLE_DIGITS = 12   # 10^12 万元 is far beyond any budget; longer numbers are typing accidents
MAX_DECIMALS = 8
MONEY_DECIMALS = 2      # the form shows 万元 to the cent (SPEC §3: at most 2 decimals)
CENT = Decimal("0.01")


def _within_reason(value: Decimal, what: str) -> Decimal:
    """Refuse numbers no form holds (and that exact arithmetic would choke on later)."""
    sign, digits, exponent = value.as_tuple()
    whole = len(digits) + exponent  # digits before the point
    if value != 0 and whole > MAX_WHOLE_DIGITS:
        raise Rejected(f"{what}过大（超过 {MAX_WHOLE_DIGITS} 位整数），请检查是否多输了数字")
    if exponent < -MAX_DECIMALS:
        raise Rejected(f"{what}的小数位过多（最多 {MAX_DECIMALS} 位）")
    return value


def parse_money(raw: object, *, allow_negative: bool = False, what: str = "金额") -> Decimal | None:
    """An amount in 万元: ``90.5``, ``９０．５``, ``1,234.50``, ``90.5万元``; negative only where allowed."""
    value = _to_decimal(raw, what, ("万元", "万"))
    if value is not None and value < 0 and not allow_negative:
        raise Rejected(f"{what}不能为负数")
    if value is not None and value.as_tuple().exponent < -MONEY_DECIMALS:
        cents = value.quantize(CENT, rounding=ROUND_HALF_UP)
        if cents != value:
            # Refused, not rounded: a digit the form cannot show would otherwise stay in the sums unseen.
            raise Rejected(f"{what}最多 {MONEY_DECIMALS} 位小数（万元），收到“{quote(str(raw).strip(), 20)}”；"
                           f"请写作 {decimal_text(cents)} 或核对原始数字")
        value = cents  # 1.230 is 1.23: trailing zeros lose nothing
    return value


def parse_integer(raw: object, *, what: str = "人数", suffixes: tuple[str, ...] = ("人", "名")) -> int | None:
    """A whole, non-negative number such as 人员编制."""
    value = _to_decimal(raw, what, suffixes)
    if value is None:
        return None
    if value != value.to_integral_value():
        raise Rejected(f"{what}应为整数，收到“{quote(raw, 20)}”")
    if value < 0:
        raise Rejected(f"{what}不能为负数")
    return int(value)


def parse_count(raw: object, *, what: str = "次数") -> int | None:
    return parse_integer(raw, what=what, suffixes=("个", "例", "次", "项"))


def parse_percent(raw: object, *, what: str = "百分比", upper: Decimal | None = Decimal(100)) -> Decimal | None:
    """A percentage such as a survey result: ``92``, ``92%``, ``９２％``; 0–100 unless ``upper`` is None."""
    value = _to_decimal(raw, what, ("%", "％"))
    if value is None:
        return None
    if value < 0 or (upper is not None and value > upper):
        raise Rejected(f"{what}应在 0～{upper} 之间，收到 {decimal_text(value)}")
    return value


def parse_score(raw: object, maximum: Decimal, *, what: str = "得分") -> Decimal | None:
    """A hand score: 0 … 分值."""
    value = _to_decimal(raw, what, ("分",))
    if value is None:
        return None
    if value < 0 or value > maximum:
        raise Rejected(f"{what}应在 0～{decimal_text(maximum)} 分之间，收到 {decimal_text(value)}")
    return value


_TRUE = {"1", "true", "yes", "y", "是", "符合", "√", "✓", "有", "t"}
_FALSE = {"0", "false", "no", "n", "否", "不符合", "×", "✗", "无", "f"}


def parse_bool(raw: object, *, what: str = "选项") -> bool | None:
    if raw is None or isinstance(raw, bool):
        return raw
    text = normalize_text(raw).lower()
    if text == "":
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise Rejected(f"{what}应为“是”或“否”，收到“{quote(raw, 20)}”")


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(raw: object, *, what: str = "日期") -> _dt.date | None:
    """``2022年7月15日``, ``2022-07-15``, ``2022/7/15``, ``2022.7.15``, ``20220715``."""
    if raw is None or isinstance(raw, _dt.date):
        return raw
    text = normalize_text(raw)
    if text == "":
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return _dt.date(year, month, day)
            except ValueError:
                raise Rejected(f"{what}“{quote(raw, 20)}”不是有效日期") from None
    raise Rejected(f"{what}应为日期，例如 2022年7月15日 或 2022-07-15，收到“{quote(raw, 20)}”")


def clean_text(raw: object) -> str:
    """Drop control characters (other than tab and newline) that no printer or workbook can hold."""
    return _CONTROL.sub("", str(raw)).replace("\r\n", "\n").replace("\r", "\n")


def parse_text(raw: object, *, what: str = "文字") -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise Rejected(f"{what}应为文字")
    text = clean_text(raw)
    return text if text.strip() else None


def parse_code(raw: object, *, what: str = "编码") -> str | None:
    """A code or phone number as the bureau's systems will match it: ``３０１`` → ``301``, ``０７３０－８４１７１０７``
    → ``0730-8417107``; inner spaces kept (``0730 8417107``), outer ones trimmed."""
    text = parse_text(raw, what=what)
    if text is None:
        return None
    text = unicodedata.normalize("NFKC", text).replace("－", "-").replace("−", "-").strip()
    return text or None


def decimal_text(value: Decimal) -> str:
    """The exact value without exponent or needless trailing zeros: 90.50 → ``90.5``, 100 → ``100``."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_amount(value: Decimal | None, places: int = 2) -> str:
    """How an amount is shown on screen and paper: two decimals, blank stays blank."""
    if value is None:
        return ""
    quantum = Decimal(1).scaleb(-places)
    return format(value.quantize(quantum, rounding=ROUND_HALF_UP), "f")


def format_date_cn(value: _dt.date | None) -> str:
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"
