"""Which parser each key of a report takes. Used by every edit, by the JSON and workbook readers alike."""

from __future__ import annotations

from evaldesk.model.form import FIELD_BY_KEY, LIST_BY_KEY, Kind, cell_spec
from evaldesk.model.places import (
    FieldPlace,
    NotePlace,
    PlaceError,
    SheetPlace,
    ValuePlace,
    parse_key,
)
from evaldesk.model.printable import first_unprintable
from evaldesk.model.values import (
    Rejected,
    parse_bool,
    parse_code,
    parse_count,
    parse_date,
    parse_integer,
    parse_money,
    parse_percent,
    parse_score,
    parse_text,
)

# The longest text each kind of place accepts, in characters, typed or imported. A one-line field holds a name or
# a phrase; a long text is a section of the report (200,000 characters is some 140 printed pages and prints in
# 1.5 s); past these, a value is a paste gone wrong, and it would make every later step (audit, paper, workbook)
# crawl — a 30-million-character cell did.
TEXT_LIMITS = {Kind.TEXT: 500, Kind.CODE: 50, Kind.LONGTEXT: 200_000}
NOTE_LIMIT = 5_000       # a 说明 beside a finding
REASON_LIMIT = 5_000     # a 扣分原因
ITEM_LIMIT = 2_000       # one cell of a list (a task, a goal, an indicator's value)
UNIT_NAME_LIMIT = 100    # a unit of part 二


def bounded(text: str | None, limit: int, what: str) -> str | None:
    """``text`` if it is at most ``limit`` characters of real text; Rejected (in Chinese) otherwise."""
    if text is None:
        return None
    if len(text) > limit:
        raise Rejected(f"{what}过长（{len(text)} 个字符，最多 {limit} 个），请精简或分段后再填")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # half of a character pair (a lone surrogate): no file or printer can hold it
        raise Rejected(f"{what}中有无法识别的字符（可能是复制时损坏的半个字符），请删去后重新输入") from None
    missing = first_unprintable(text)
    if missing is not None:  # it would print as an empty box on the signed paper
        raise Rejected(f"{what}中的“{missing}”（U+{ord(missing):04X}）是打印字体中没有的字，打印出来会是空白方框。"
                       "请改用常用字，生僻字可用拼音或同音字并加注说明")
    return text


def parse_kind(kind: Kind, raw: object, what: str):
    """Parse ``raw`` as a value of ``kind``; ``what`` names the field in the message."""
    if kind in (Kind.TEXT, Kind.LONGTEXT):
        return bounded(parse_text(raw, what=what), TEXT_LIMITS[kind], what)
    if kind is Kind.CODE:
        return bounded(parse_code(raw, what=what), TEXT_LIMITS[kind], what)
    if kind is Kind.INTEGER:
        return parse_integer(raw, what=what)
    if kind is Kind.DATE:
        return parse_date(raw, what=what)
    if kind is Kind.MONEY:
        return parse_money(raw, what=what)
    if kind is Kind.SIGNED_MONEY:
        return parse_money(raw, what=what, allow_negative=True)
    if kind is Kind.PERCENT:
        return parse_percent(raw, what=what)
    if kind is Kind.COUNT:
        return parse_count(raw, what=what)
    if kind is Kind.BOOL:
        return parse_bool(raw, what=what)
    raise AssertionError(kind)  # pragma: no cover


def parse_field(report, key: str, raw: object):
    """The value ``raw`` stored under ``key`` of ``report``; Rejected with a Chinese message otherwise."""
    try:
        place = parse_key(key)
    except PlaceError as err:
        raise Rejected(str(err)) from None
    return parse_value(report, place, raw)


def parse_value(report, place: ValuePlace, raw: object):
    """The value ``raw`` at ``place`` (a form field, a score-sheet entry or a 说明)."""
    if isinstance(place, FieldPlace):
        spec = FIELD_BY_KEY[place.name]
        return parse_kind(spec.kind, raw, spec.label)
    if isinstance(place, NotePlace):
        return bounded(parse_text(raw, what="说明"), NOTE_LIMIT, "说明")
    if isinstance(place, SheetPlace):
        try:
            indicator = report.template.indicator(place.indicator)
        except KeyError:
            raise Rejected(f"评分表中没有指标“{place.indicator}”") from None
        if not indicator.is_leaf:  # a group's score is the sum of its children; a value typed here would count nowhere
            raise Rejected(f"“{indicator.name}”的得分由下级指标合计，不能直接填写")
        if place.part == "hand":
            return parse_score(raw, indicator.weight, what=f"“{indicator.name}”的得分")
        if place.part == "reason":
            return bounded(parse_text(raw, what="扣分原因"), REASON_LIMIT, "扣分原因")
        spec = indicator.input_spec(place.name)
        if spec is None:
            raise Rejected(f"指标“{indicator.name}”没有输入项“{place.name}”")
        return parse_kind(Kind(spec.kind), raw, spec.label)
    raise Rejected(f"报告中没有“{place}”这一项")


def parse_cell(key: str, raw: object, unit_name: str = ""):
    try:
        grid, column = cell_spec(key)
    except KeyError:
        raise Rejected(f"收支表中没有“{key}”这一栏") from None
    if column.computed:
        raise Rejected(f"“{column.label}”由各分项自动合计，不能直接填写")
    where = f"{unit_name}的" if unit_name else ""
    return parse_kind(column.kind, raw, f"{where}{column.label}")


def parse_unit_name(raw: object) -> str:
    """A unit's name as RenameUnit and the readers take it: cleaned, not empty, not too long."""
    from evaldesk.model.values import clean_text

    name = clean_text(raw).strip() if isinstance(raw, str) else ""
    if not name:
        raise Rejected("机构名称不能为空")
    return bounded(name, UNIT_NAME_LIMIT, "机构名称")


def parse_item_value(list_key: str, name: str, raw: object):
    spec = LIST_BY_KEY.get(list_key)
    if spec is None or name not in dict(spec.fields):
        raise Rejected(f"列表中没有“{name}”这一栏")
    value = bounded(parse_text(raw, what=dict(spec.fields)[name]), ITEM_LIMIT, dict(spec.fields)[name])
    if value is not None:
        value = spec.without_number(value) or None
    choices = spec.choices.get(name)
    if value is not None and choices and value not in choices:
        raise Rejected(f"{dict(spec.fields)[name]}应为 {'、'.join(choices)} 之一")
    return value
