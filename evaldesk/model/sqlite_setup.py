"""The SQLAlchemy engine as the store wants it (transactions SQLAlchemy controls, deferred reads, IMMEDIATE writes,
foreign keys, a read-only mode) and the store's errors for what SQLite raises."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError

from evaldesk.model import digest
from evaldesk.model.file_errors import explain
from evaldesk.model.paths import CannotWrite, DamagedFile, StoreError


def make_engine(path: Path, read_only: bool) -> Engine:
    # A read-only open asks SQLite itself for read-only (mode=ro): it can neither write nor make a journal.
    url = f"sqlite:///file:{path}?mode=ro&uri=true" if read_only else f"sqlite:///{path}"
    engine = create_engine(url, poolclass=None)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin: otherwise DDL and pragmas
        # commit on their own and a failed migration would stay half-applied (GUIDE.md, pitfalls).
        dbapi_connection.isolation_level = None
        digest.register(dbapi_connection)  # the triggers that keep each report's checksum call it
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA busy_timeout = 2000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        # Writes take the write lock at once (IMMEDIATE: no deadlock halfway); reads stay deferred, because even an
        # empty write transaction lets SQLite tidy page 1 of a damaged file — and a damaged file is never written.
        if connection.get_isolation_level() != "AUTOCOMMIT":
            connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.info.get("writing") else "BEGIN")

    return engine


DB_ERRORS = (DatabaseError, OperationalError, sqlite3.Error)
# What a damaged row raises while it is decoded (a bad decimal, date, JSON or template; a wrong type).
ROW_ERRORS = (ValueError, TypeError, KeyError, AttributeError, ArithmeticError, LookupError, RecursionError)


def explain_error(err: Exception, path: Path) -> StoreError:
    """The store's error for a database error: CannotWrite, DamagedFile or StoreError, in Chinese."""
    kind, message = explain(err, path)
    return {"write": CannotWrite, "damaged": DamagedFile}.get(kind, StoreError)(message)
