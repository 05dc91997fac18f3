"""A checksum per report, so that a bit flip that still leaves readable values is noticed, not exported.

Each row of a report (its ``report`` row's year and template, its fields, units, cells, list items and draft score
sheet) has a 128-bit hash of its table and column values; the report's digest is their sum modulo 2**128. A sum
can be kept up to date incrementally: SQLite triggers (schema version 4) subtract a row's old hash and add its
new one in the same transaction as every write, through the ``evaldesk_digest`` function every connection of the
store registers. A program that writes the file without that function fails loudly ("no such function") rather
than leaving a digest that no longer matches.

Reading a report recomputes the sum from the rows read and compares (:func:`computed`); a mismatch is damage.
What the digest leaves out, and why: ``created_at``/``updated_at`` (bookkeeping, never exported) and the carried
marks (a display hint; an unreadable one is dropped).
"""

from __future__ import annotations

try:
    # hashlib.blake2b *is* this built-in (hashlib never takes OpenSSL's blake2); importing hashlib also loads
    # OpenSSL's _hashlib, about 2 ms of every window's open, for nothing the digest uses.
    from _blake2 import blake2b
except ImportError:  # a Python built without it
    from hashlib import blake2b

FUNCTION = "evaldesk_digest"
_MODULUS = 1 << 128
EMPTY = "0" * 32

# table → the columns that make one of its rows, in the order the triggers and the reader hash them.
ROWS = {
    "report": ("year", "template_id", "template_json"),
    "field": ("key", "value"),
    "unit": ("id", "position", "name"),
    "cell": ("unit_id", "key", "value"),
    "item": ("list_key", "id", "position", "data"),
    "template_draft": ("data",),
}


def row_hash(table: str, values: tuple) -> int:
    # repr keeps types apart (5 and '5' differ); surrogatepass: a lone surrogate is data too, never an error.
    data = repr((table, *values)).encode("utf-8", "surrogatepass")
    return int.from_bytes(blake2b(data, digest_size=16).digest(), "big")


def shift(digest: str | None, sign: int, table: str, *values) -> str:
    """``digest`` with one row's hash added (sign 1) or taken away (sign -1). The SQL function of the triggers."""
    try:
        current = int(digest, 16) if isinstance(digest, str) else 0
    except ValueError:
        current = 0  # a garbled digest stays garbled: the reader's sum will not match it
    return format((current + sign * row_hash(table, values)) % _MODULUS, "032x")


def register(dbapi_connection) -> None:
    """Make the triggers' function known on a sqlite3 connection (every connection that may write needs it)."""
    dbapi_connection.create_function(FUNCTION, -1, shift, deterministic=True)
    # INSERT OR REPLACE deletes the row it replaces: only with recursive triggers does that deletion reach the sum.
    dbapi_connection.execute("PRAGMA recursive_triggers = ON")


def _key(table: str) -> str:
    return "id" if table == "report" else "report_id"


def _args(table: str, row: str) -> str:
    return ", ".join([f"'{table}'"] + [f"{row}.{column}" for column in ROWS[table]])


def triggers() -> list[str]:
    """The statements that keep ``report_digest`` true to the rows (schema version 4)."""
    statements = []
    for table, columns in ROWS.items():
        key = _key(table)
        if table == "report":
            insert = (f"INSERT INTO report_digest (report_id, digest) "
                      f"VALUES (NEW.id, {FUNCTION}('{EMPTY}', 1, {_args(table, 'NEW')}))")
        else:
            insert = (f"UPDATE report_digest SET digest = {FUNCTION}(digest, 1, {_args(table, 'NEW')}) "
                      f"WHERE report_id = NEW.{key}")
        delete = (f"UPDATE report_digest SET digest = {FUNCTION}(digest, -1, {_args(table, 'OLD')}) "
                  f"WHERE report_id = OLD.{key}")
        update = (f"UPDATE report_digest SET digest = {FUNCTION}({FUNCTION}(digest, -1, {_args(table, 'OLD')}), "
                  f"1, {_args(table, 'NEW')}) WHERE report_id = NEW.{key}")
        statements += [
            f"CREATE TRIGGER digest_{table}_insert AFTER INSERT ON {table} BEGIN {insert}; END",
            f"CREATE TRIGGER digest_{table}_delete AFTER DELETE ON {table} BEGIN {delete}; END",
            # WHEN: each edit sets the report row's year again; its large template need not be hashed twice.
            f"CREATE TRIGGER digest_{table}_update AFTER UPDATE OF {', '.join(columns)} ON {table} "
            f"WHEN {' OR '.join(f'OLD.{column} IS NOT NEW.{column}' for column in columns)} "
            f"BEGIN {update}; END",
        ]
    return statements


def computed(c, report_id: int) -> str:
    """The digest of report ``report_id`` as its rows are now, read through ``c`` (sqlite_setup.Reads, inside the
    caller's transaction)."""
    total = 0
    for table, columns in ROWS.items():
        for row in c.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE {_key(table)} = :id", {"id": report_id}):
            total += row_hash(table, tuple(row))
    return format(total % _MODULUS, "032x")


def stored(c, report_id: int) -> str | None:
    return c.scalar("SELECT digest FROM report_digest WHERE report_id = :id", {"id": report_id})


def matches(c, report_id: int) -> bool:
    return stored(c, report_id) == computed(c, report_id)
