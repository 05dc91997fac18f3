"""A report's data as one canonical document, and its fingerprint.

The document (``docs/report-format.md``) is everything the filler typed and nothing computed. It is the JSON form
of a report (``evaldesk.exchange.report_json``), what the bureau workbook's data sheet is built from, and what the
fingerprint digests — so the paper (``evaldesk.printing``) and the files (``evaldesk.exchange``) agree on what
"the data" is without importing each other.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from decimal import Decimal

from evaldesk.model.form import GRIDS, LIST_BY_KEY, cell_key
from evaldesk.model.places import NotePlace, SheetPlace, value_place
from evaldesk.model.report import Report
from evaldesk.model.validate import parse_value
from evaldesk.model.values import Rejected, decimal_text

FORMAT = "evaldesk-report"
VERSION = 1


def _plain(value):
    """A stored value as JSON: figures as exact text, dates as ISO, the rest as is."""
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def _fits_sheet(report: Report, place: SheetPlace) -> bool:
    """A score-sheet entry the report's current sheet still takes. Entries of a removed indicator, or a hand
    score above a lowered 分值, stay in the data file (undo brings them back) but are not the report's data."""
    try:
        parse_value(report, place, report.fields[place.key])
    except Rejected:
        return False
    return True


def to_document(report: Report) -> dict:
    fields, sheet, notes = {}, {}, {}
    for key in sorted(report.fields):
        value = _plain(report.fields[key])
        place = value_place(key)
        if place is None:
            continue  # a key no place names (a damaged or foreign file): not the report's data
        if isinstance(place, SheetPlace):
            if not _fits_sheet(report, place):
                continue
            entry = sheet.setdefault(place.indicator, {})
            if place.part == "input":
                entry.setdefault("inputs", {})[place.name] = value
            else:
                entry[place.part] = value
        elif isinstance(place, NotePlace):
            notes[place.finding] = value
        else:
            fields[key] = value
    return {
        "format": FORMAT,
        "version": VERSION,
        "year": report.year,
        "template": report.template.data,
        "fields": fields,
        "units": [{"name": unit.name,
                   "cells": {key: decimal_text(unit.cells[key]) for key in cell_order() if key in unit.cells}}
                  for unit in report.units],
        "lists": {key: [dict(item.values) for item in report.lists[key]] for key in LIST_BY_KEY},
        "sheet": sheet,
        "notes": notes,
    }


def cell_order() -> list[str]:
    """The typed cells of part 二 in the form's order: how a unit's cells are listed in the document."""
    return [cell_key(grid.key, column.key) for grid in GRIDS for column in grid.typed_columns]


def json_default(value):
    """Template numbers read as Decimal go back into JSON as they came (5, 0.5)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else str(value)
    raise TypeError(type(value).__name__)


def fingerprint(report: Report) -> str:
    """A short, stable digest of the report's data (template included), printed on every page and carried by
    the bureau workbook, so a reviewer can tell whether a paper copy and a file hold the same report."""
    canonical = json.dumps(to_document(report), ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                           default=json_default)
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest().upper()[:16]
    return "-".join(digest[i:i + 4] for i in range(0, 16, 4))
