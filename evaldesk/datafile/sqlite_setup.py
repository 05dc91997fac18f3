"""The store's one SQLite connection: opened with the standard ``sqlite3`` module, read directly (:class:`Reads`),
and written through SQLAlchemy, whose engine is made over that same connection at the first write (:func:`writer`).

Why two doors to one connection: importing SQLAlchemy costs 0.13–0.2 s on a quiet machine (up to 0.7 s under load)
and reading needs none of it, so opening a file, listing and loading reports, and every command that only reads
(print, export, score, audit) never import it. Writes and schema changes go through SQLAlchemy as before; being the
same connection, they see the same transactions, ``PRAGMA data_version`` and registered checksum function.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from evaldesk.datafile import digest

# What SQLite raises on a read; a write may also raise SQLAlchemy's wrapping of it (write_errors).
DB_ERRORS = (sqlite3.Error,)
# What a damaged row raises while it is decoded (a bad decimal, date, JSON or template; a wrong type).
ROW_ERRORS = (ValueError, TypeError, KeyError, AttributeError, ArithmeticError, LookupError, RecursionError)


def _uri(path: Path) -> str:
    # SQLite reads %HH in a URI: a folder named with ? # or % must not cut the path short.
    escaped = str(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return f"file:{escaped}?mode=ro"


def connect(path: Path, read_only: bool) -> sqlite3.Connection:
    """The store's connection. A read-only open asks SQLite itself for read-only (mode=ro): it can neither write
    nor make a journal."""
    connection = sqlite3.connect(_uri(path), uri=True) if read_only else sqlite3.connect(path)
    # Transactions begin where the store says (Reads, the "begin" event), not where the sqlite3 module guesses:
    # otherwise DDL and pragmas commit on their own and a failed migration would stay half-applied (GUIDE.md).
    connection.isolation_level = None
    try:
        digest.register(connection)  # the triggers that keep each report's checksum call it
        connection.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA busy_timeout = 2000")
    except BaseException:
        connection.close()
        raise
    return connection


def memory_copy(connection: sqlite3.Connection) -> sqlite3.Connection:
    """A copy of the file ``connection`` reads, in memory, set up as :func:`connect` sets up a file's: an older file
    is upgraded there for a read-only open, so reading it changes nothing on disk."""
    memory = sqlite3.connect(":memory:")
    memory.isolation_level = None
    try:
        connection.backup(memory)
        digest.register(memory)
        memory.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        memory.close()
        raise
    return memory


class Reads:
    """Reading on the store's connection. Like SQLAlchemy's Connection, the first statement begins a transaction
    (deferred: even an empty write transaction lets SQLite tidy page 1 of a damaged file) and it lasts until
    :meth:`commit`, so the rows of one report are read from one consistent state of the file. Rows are plain
    tuples; parameters are named (``:id``) with a dict, the same SQL text the writes give SQLAlchemy."""

    def __init__(self, connection: sqlite3.Connection):
        self.raw = connection

    def execute(self, sql: str, params: dict | None = None) -> sqlite3.Cursor:
        if self.raw.in_transaction:
            return self.raw.execute(sql, params or {})
        self.raw.execute("BEGIN")
        try:
            return self.raw.execute(sql, params or {})
        except sqlite3.Error:
            # A read that failed (a busy or damaged file) leaves no transaction of its own open: the next write's
            # BEGIN IMMEDIATE would fail inside it, and an ordinary busy file read as an unreadable one.
            self.raw.rollback()
            raise

    def first(self, sql: str, params: dict | None = None) -> tuple | None:
        return self.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: dict | None = None):
        row = self.first(sql, params)
        return row[0] if row else None

    def all(self, sql: str, params: dict | None = None) -> list[tuple]:
        return self.execute(sql, params).fetchall()

    def in_transaction(self) -> bool:
        return self.raw.in_transaction

    def commit(self) -> None:
        self.raw.commit()

    def rollback(self) -> None:
        self.raw.rollback()


def reads_within(sqlalchemy_connection) -> Reads:
    """Reads inside a SQLAlchemy transaction (a schema upgrade that computes checksums): the same sqlite3
    connection, already in its transaction, so nothing begins or commits apart from it."""
    return Reads(sqlalchemy_connection.connection.driver_connection)


def writer(connection: sqlite3.Connection):
    """A SQLAlchemy Connection over the store's own sqlite3 connection (imports SQLAlchemy: the first write pays
    for it). Its transactions begin IMMEDIATE when the store marks them writing, deferred otherwise."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    engine = create_engine("sqlite://", creator=lambda: connection, poolclass=StaticPool)

    @event.listens_for(engine, "begin")
    def _begin(sqlalchemy_connection):
        # Writes take the write lock at once (IMMEDIATE: no deadlock halfway); anything else stays deferred,
        # because even an empty write transaction lets SQLite tidy page 1 of a damaged file.
        if sqlalchemy_connection.get_isolation_level() != "AUTOCOMMIT":
            sqlalchemy_connection.exec_driver_sql(
                "BEGIN IMMEDIATE" if sqlalchemy_connection.info.get("writing") else "BEGIN")

    return engine.connect()


def text(statement: str):
    """SQLAlchemy's ``text()`` for the write modules (store_rows, schema), imported when a write runs: they can be
    imported by the store without loading SQLAlchemy, and a statement costs a dictionary look-up more."""
    from sqlalchemy import text as sqlalchemy_text

    return sqlalchemy_text(statement)


def write_errors() -> tuple[type[BaseException], ...]:
    """What a write through SQLAlchemy may raise from SQLite (wrapped, with the original as ``.orig``)."""
    from sqlalchemy.exc import DatabaseError

    return (DatabaseError, sqlite3.Error)
