"""The SQLite schema, its version (``PRAGMA user_version``) and the steps that upgrade an older file.

Each ``upgrade_to_N`` runs inside the one transaction that :func:`migrate` opens, so a failed upgrade leaves the
file exactly as it was (the engine is set up so that DDL and the pragma are transactional; see store.py).
"""

from __future__ import annotations

import datetime as _dt
import json
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from evaldesk.datafile import digest
from evaldesk.datafile.sqlite_setup import reads_within, text  # text(): SQLAlchemy's, loaded by the first upgrade

if TYPE_CHECKING:
    from sqlalchemy import Connection

SCHEMA_VERSION = 4

# The first schema, as version 1 files have it. Kept verbatim: tests build a version 1 file from it.
SCHEMA_V1 = (
    """CREATE TABLE report (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        template_id TEXT NOT NULL,
        template_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL)""",
    """CREATE TABLE field (
        report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (report_id, key))""",
    """CREATE TABLE unit (
        report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (report_id, id))""",
    """CREATE TABLE cell (
        report_id INTEGER NOT NULL,
        unit_id TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (report_id, unit_id, key),
        FOREIGN KEY (report_id, unit_id) REFERENCES unit(report_id, id) ON DELETE CASCADE)""",
    """CREATE TABLE item (
        report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
        list_key TEXT NOT NULL,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (report_id, list_key, id))""",
)


def upgrade_to_2(connection: Connection) -> None:
    """Version 2 remembers where the filler was (open report, tab) and keeps templates the filler imported."""
    connection.execute(text("CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"))
    connection.execute(text(
        "CREATE TABLE template (id TEXT PRIMARY KEY, name TEXT NOT NULL, template_json TEXT NOT NULL, "
        "added_at TEXT NOT NULL)"))


# Version 3: what belongs to one report beside its data, in tables that go when the report goes (ON DELETE CASCADE)
# instead of app_state keys that had to be cleaned up by hand.
SCHEMA_V3 = (
    # The score sheet being adjusted (Report.template_draft): template JSON that does not check yet.
    """CREATE TABLE template_draft (
        report_id INTEGER PRIMARY KEY REFERENCES report(id) ON DELETE CASCADE,
        data TEXT NOT NULL)""",
    # A report made from last year's (templates/newyear.py): the year it came from …
    """CREATE TABLE carried (
        report_id INTEGER PRIMARY KEY REFERENCES report(id) ON DELETE CASCADE,
        source_year INTEGER)""",
    # … and one row per carried value, as it was when carried (tagged text, as in field and cell). unit_id is ''
    # for a field, else the unit whose cell was carried; no key to unit: an undone unit removal brings its mark back.
    """CREATE TABLE carried_value (
        report_id INTEGER NOT NULL REFERENCES carried(report_id) ON DELETE CASCADE,
        unit_id TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (report_id, unit_id, key))""",
)

_TAGS = {"t:": str, "d:": Decimal, "i:": int, "b:": str, "D:": _dt.date.fromisoformat}


def _readable_value(raw) -> bool:
    """Whether ``raw`` is a value in the store's tagged text (tagged.decode would read it)."""
    if not isinstance(raw, str) or raw[:2] not in _TAGS:
        return False
    try:
        _TAGS[raw[:2]](raw[2:])
    except (ValueError, InvalidOperation):
        return False
    return True


def _report_id(key: str, prefix: str, reports: set[int]) -> int | None:
    """The report an old ``<prefix><id>`` app_state key belonged to, or None if it is gone or the key is garbled."""
    suffix = key[len(prefix):]
    return int(suffix) if suffix.isdigit() and int(suffix) in reports else None


def _old_carried_rows(raw: str) -> tuple[int | None, list[tuple[str, str, str]]] | None:
    """A version 2 ``carried.<id>`` value — ``{"source_year": 2021, "fields": {key: tagged}, "cells": [[unit, key,
    tagged], …]}`` — as (source year, [(unit id or '', key, tagged value)]); None if any of it cannot be read."""
    try:
        data = json.loads(raw)
        year = data.get("source_year")
        fields = [("", key, value) for key, value in data.get("fields", {}).items()]
        cells = [(unit, key, value) for unit, key, value in data.get("cells", [])]
    except (ValueError, TypeError, AttributeError):
        return None
    readable = ((year is None or type(year) is int)
                and all(isinstance(unit, str) and unit for unit, _, _ in cells)
                and all(isinstance(key, str) and _readable_value(value) for _, key, value in fields + cells))
    return (year, fields + cells) if readable else None


def upgrade_to_3(connection: Connection) -> None:
    """Version 3 moves each report's draft score sheet and its carried marks out of app_state (``template_draft.<id>``,
    ``carried.<id>``) into tables keyed to the report, so deleting a report takes them along.

    Rows for a report that no longer exists are dropped, and so are rows that cannot be read: an unreadable draft is
    an unfinished edit the report never showed, and carried marks are only a display hint. The old format is read
    here, frozen, not through today's code."""
    for statement in SCHEMA_V3:
        connection.execute(text(statement))
    reports = {row[0] for row in connection.execute(text("SELECT id FROM report"))}

    drafts = connection.execute(text("SELECT key, value FROM app_state WHERE key GLOB 'template_draft.*'")).all()
    for key, value in drafts:
        report_id = _report_id(key, "template_draft.", reports)
        try:
            readable = isinstance(json.loads(value), dict)
        except (ValueError, TypeError):
            readable = False
        if report_id is not None and readable:
            connection.execute(text("INSERT INTO template_draft (report_id, data) VALUES (:id, :data)"),
                               {"id": report_id, "data": value})

    marks = connection.execute(text("SELECT key, value FROM app_state WHERE key GLOB 'carried.*'")).all()
    for key, value in marks:
        report_id = _report_id(key, "carried.", reports)
        rows = _old_carried_rows(value)
        if report_id is None or rows is None:
            continue
        source_year, values = rows
        connection.execute(text("INSERT INTO carried (report_id, source_year) VALUES (:id, :year)"),
                           {"id": report_id, "year": source_year})
        for unit_id, mark_key, mark_value in values:
            connection.execute(text("INSERT INTO carried_value (report_id, unit_id, key, value) "
                                    "VALUES (:id, :u, :k, :v) ON CONFLICT DO UPDATE SET value = excluded.value"),
                               {"id": report_id, "u": unit_id, "k": mark_key, "v": mark_value})

    connection.execute(text("DELETE FROM app_state WHERE key GLOB 'template_draft.*' OR key GLOB 'carried.*'"))


def upgrade_to_4(connection: Connection) -> None:
    """Version 4 keeps a checksum per report (digest.py), kept true by triggers in the same transaction as every
    write, so a bit flip that leaves readable values is noticed when the report is read. Existing reports get the
    digest of their rows as they are now (a file is checked by quick_check before it is upgraded)."""
    connection.execute(text(
        "CREATE TABLE report_digest (report_id INTEGER PRIMARY KEY REFERENCES report(id) ON DELETE CASCADE, "
        "digest TEXT NOT NULL)"))
    for report_id in [row[0] for row in connection.execute(text("SELECT id FROM report"))]:
        connection.execute(text("INSERT INTO report_digest (report_id, digest) VALUES (:id, :d)"),
                           {"id": report_id, "d": digest.computed(reads_within(connection), report_id)})
    for statement in digest.triggers():
        connection.execute(text(statement))


UPGRADES = {2: upgrade_to_2, 3: upgrade_to_3, 4: upgrade_to_4}


def create_v1(connection: Connection) -> None:
    for statement in SCHEMA_V1:
        connection.execute(text(statement))
    connection.execute(text("PRAGMA user_version = 1"))


def migrate(connection: Connection, current: int) -> None:
    """Bring a file at version ``current`` (0 = empty) to SCHEMA_VERSION. Caller holds the transaction."""
    if current == 0:
        create_v1(connection)
        current = 1
    for version in range(current + 1, SCHEMA_VERSION + 1):
        UPGRADES[version](connection)
        connection.execute(text(f"PRAGMA user_version = {version}"))
