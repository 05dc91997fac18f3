"""Writing a report's rows: the whole report (add, replace) or exactly the places an edit changed. Runs inside the
transaction :class:`evaldesk.datafile.store.Store` opens."""

from __future__ import annotations

import json

from evaldesk.model.form import LIST_BY_KEY
from evaldesk.model.places import (
    CellPlace,
    Changes,
    DraftPlace,
    ItemPlace,
    TemplatePlace,
    ValuePlace,
)
from evaldesk.model.report import Report, Value
from evaldesk.datafile.sqlite_setup import text  # SQLAlchemy's, loaded by the first write
from evaldesk.datafile.tagged import encode


def _now() -> str:
    import datetime as _dt

    return _dt.datetime.now().isoformat(timespec="seconds")


def write_all(c, report: Report) -> None:
    for key, value in report.fields.items():
        put_field(c, report.id, key, value)
    write_units(c, report)
    for list_key in report.lists:
        write_list(c, report, list_key)
    put_draft(c, report.id, report.template_draft)


def persist(c, report: Report, changes: Changes) -> None:
    rid = report.id
    if changes.units:  # units are few: their rows are rewritten (names, order, removed ones' cells)
        write_units(c, report)
    for list_key in dict.fromkeys(place.list for place in changes.of(ItemPlace)):
        write_list(c, report, list_key)
    for place in changes.of(ValuePlace):
        value = report.fields.get(place.key)
        if value is None:
            c.execute(text("DELETE FROM field WHERE report_id = :id AND key = :key"), {"id": rid, "key": place.key})
        else:
            put_field(c, rid, place.key, value)
    units = {unit.id: unit for unit in report.units}
    for place in changes.of(CellPlace):
        if place.unit not in units:
            continue  # a cell of a unit the same edit removed: its rows went with the unit's
        value = units[place.unit].cells.get(place.cell)
        if value is None:
            c.execute(text("DELETE FROM cell WHERE report_id = :id AND unit_id = :u AND key = :key"),
                      {"id": rid, "u": place.unit, "key": place.cell})
        else:
            c.execute(text("INSERT INTO cell (report_id, unit_id, key, value) VALUES (:id, :u, :key, :v) "
                           "ON CONFLICT DO UPDATE SET value = excluded.value"),
                      {"id": rid, "u": place.unit, "key": place.cell, "v": encode(value)})
    if TemplatePlace() in changes:
        c.execute(text("UPDATE report SET template_id = :tid, template_json = :tjson WHERE id = :id"),
                  {"tid": report.template.id, "tjson": report.template.to_json(), "id": rid})
    if DraftPlace() in changes:
        put_draft(c, rid, report.template_draft)
    c.execute(text("UPDATE report SET updated_at = :now, year = :year WHERE id = :id"),
              {"now": _now(), "year": report.year, "id": rid})

def put_draft(c, rid: int, draft: dict | None) -> None:
    if draft is None:
        c.execute(text("DELETE FROM template_draft WHERE report_id = :id"), {"id": rid})
    else:  # edit functions write numbers as JSON numbers or exact text; str() only guards a stray Decimal
        c.execute(text("INSERT INTO template_draft (report_id, data) VALUES (:id, :d) "
                       "ON CONFLICT DO UPDATE SET data = excluded.data"),
                  {"id": rid, "d": json.dumps(draft, ensure_ascii=False, default=str)})

def put_field(c, rid: int, key: str, value: Value) -> None:
    c.execute(text("INSERT INTO field (report_id, key, value) VALUES (:id, :key, :v) "
                   "ON CONFLICT DO UPDATE SET value = excluded.value"), {"id": rid, "key": key, "v": encode(value)})

def write_units(c, report: Report) -> None:
    """Units are few: rewrite their rows (names, order) and drop the cells of removed ones."""
    keep = [unit.id for unit in report.units]
    existing = {row[0] for row in c.execute(text("SELECT id FROM unit WHERE report_id = :id"), {"id": report.id})}
    for unit_id in existing - set(keep):
        c.execute(text("DELETE FROM unit WHERE report_id = :id AND id = :u"), {"id": report.id, "u": unit_id})
    for position, unit in enumerate(report.units):
        c.execute(text("INSERT INTO unit (report_id, id, position, name) VALUES (:id, :u, :p, :n) "
                       "ON CONFLICT DO UPDATE SET position = excluded.position, name = excluded.name"),
                  {"id": report.id, "u": unit.id, "p": position, "n": unit.name})
        if unit.id not in existing:
            for key, value in unit.cells.items():
                c.execute(text("INSERT INTO cell (report_id, unit_id, key, value) VALUES (:id, :u, :k, :v) "
                               "ON CONFLICT DO UPDATE SET value = excluded.value"),
                          {"id": report.id, "u": unit.id, "k": key, "v": encode(value)})

def write_list(c, report: Report, list_key: str) -> None:
    if list_key not in LIST_BY_KEY:
        return
    c.execute(text("DELETE FROM item WHERE report_id = :id AND list_key = :l"), {"id": report.id, "l": list_key})
    for position, item in enumerate(report.lists[list_key]):
        c.execute(text("INSERT INTO item (report_id, list_key, id, position, data) VALUES (:id, :l, :i, :p, :d)"),
                  {"id": report.id, "l": list_key, "i": item.id, "p": position,
                   "d": json.dumps(item.values, ensure_ascii=False)})
