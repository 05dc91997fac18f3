"""The SQLite schema, its version (``PRAGMA user_version``) and the steps that upgrade an older file.

Each ``upgrade_to_N`` runs inside the one transaction that :func:`migrate` opens, so a failed upgrade leaves the
file exactly as it was (the engine is set up so that DDL and the pragma are transactional; see store.py).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

SCHEMA_VERSION = 2

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


UPGRADES = {2: upgrade_to_2}


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
