"""Each stored value checked by the kind of its place before the report is used: a figure must be a Decimal, a
date a date, a text a text, and a figure within what the parsers accept. A file can hold a value of the wrong kind under a whole checksum (another program
wrote it, or an old file had no checksum to keep); reading it as is would end a later step (scoring, printing)
with an internal error instead of saying the report is damaged."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from evaldesk.model.form import FIELD_BY_KEY, Kind, cell_spec
from evaldesk.model.places import FieldPlace, NotePlace, SheetPlace, value_place
from evaldesk.model.report import Report
from evaldesk.model.values import MAX_DECIMALS, MAX_WHOLE_DIGITS

TYPES = {Kind.TEXT: str, Kind.LONGTEXT: str, Kind.CODE: str, Kind.INTEGER: int, Kind.COUNT: int,
         Kind.DATE: _dt.date, Kind.MONEY: Decimal, Kind.SIGNED_MONEY: Decimal, Kind.PERCENT: Decimal,
         Kind.BOOL: bool}


def _field_type(report: Report, key: str) -> type | None:
    """The type the value under ``key`` must have; None for a key that names no place (passed by, as readers do)
    or no longer names an input of the report's template."""
    place = value_place(key)
    if isinstance(place, FieldPlace):
        return TYPES[FIELD_BY_KEY[place.name].kind]
    if isinstance(place, NotePlace):
        return str
    if isinstance(place, SheetPlace):
        if place.part == "hand":
            return Decimal
        if place.part == "reason":
            return str
        try:
            spec = report.template.indicator(place.indicator).input_spec(place.name)
        except KeyError:
            return None
        return TYPES.get(Kind(spec.kind)) if spec is not None else None
    return None


def _cell_type(key: str) -> type | None:
    try:
        _grid, column = cell_spec(key)
    except KeyError:
        return None
    return TYPES[column.kind]


def _fits(value, expected: type) -> bool:
    """``value`` is of ``expected`` type and, a figure, within what the parsers accept (values.py): one beyond them
    (1E+100, a 400-digit count) would end exact arithmetic or the workbook later."""
    if type(value) is not expected:
        return False
    if expected is Decimal:
        _sign, digits, exponent = value.as_tuple()
        return (value == 0 or len(digits) + exponent <= MAX_WHOLE_DIGITS) and exponent >= -MAX_DECIMALS
    if expected is int:
        return 0 <= value < 10 ** MAX_WHOLE_DIGITS
    return True


def wrong_kind(report: Report) -> str | None:
    """The first stored value whose type is not its place's kind (or a figure beyond what any form holds), named for
    a message; None when all are as the parsers would have made them."""
    for key, value in report.fields.items():
        expected = _field_type(report, key)
        if expected is not None and not _fits(value, expected):
            return key
    for unit in report.units:
        for key, value in unit.cells.items():
            expected = _cell_type(key)
            if expected is not None and not _fits(value, expected):
                return f"{unit.id}/{key}"
    return None
