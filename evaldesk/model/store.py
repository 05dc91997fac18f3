"""The SQLite file that holds a filler's reports. Every edit is written at once, in its own transaction.

Figures are stored as exact decimal text, never as SQLite REAL, in the tagged text of :mod:`evaldesk.model.tagged`.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError

from evaldesk.model.carried import Carried
from evaldesk.model.edits import Edit
from evaldesk.model.form import LIST_BY_KEY
from evaldesk.model.places import CellPlace, Changes, DraftPlace, ItemPlace, TemplatePlace, ValuePlace
from evaldesk.model.report import Item, Report, Unit, Value
from evaldesk.model.schema import SCHEMA_VERSION, migrate
from evaldesk.model.tagged import decode, encode

# Where files live and the store's error are light to import (no SQLAlchemy): the window shows itself first.
from evaldesk.model.paths import DB_NAME, StoreError, data_folder, default_db_path  # noqa: E402,F401


@dataclass(frozen=True)
class ReportInfo:
    id: int
    year: int
    department: str
    budget_code: str
    template_name: str
    updated_at: str

    def title(self) -> str:
        return f"{self.year}年度 {self.department or '（未填部门名称）'}"


def _now() -> str:
    return _dt.datetime.now().isoformat(timespec="seconds")


def _engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", poolclass=None)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin: otherwise DDL and pragmas
        # commit on their own and a failed migration would stay half-applied (GUIDE.md, pitfalls).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA busy_timeout = 2000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        if connection.get_isolation_level() != "AUTOCOMMIT":
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _explain(err: Exception, path: Path) -> StoreError:
    message = str(getattr(err, "orig", err)).lower()
    if "file is not a database" in message or "malformed" in message or "not a database" in message:
        return StoreError(f"“{path}”不是 evaldesk 数据文件（或已损坏），未作任何修改。请选择其他文件，"
                          "或用“文件 → 新建”另建一个数据文件。")
    if "locked" in message or "busy" in message:
        return StoreError(f"“{path}”正被另一个程序使用（可能已在另一个 evaldesk 窗口中打开）。"
                          "请关闭那个程序后再试。")
    if "readonly" in message or "read-only" in message or "unable to open" in message or "permission" in message:
        return StoreError(f"无法写入“{path}”：文件或所在文件夹是只读的。请把文件复制到可写的文件夹"
                          "（如“文档”）后再打开。")
    return StoreError(f"无法使用数据文件“{path}”：{getattr(err, 'orig', err)}")


class Store:
    """One open data file. Not thread-safe; the window owns one."""

    def __init__(self, path: Path | str, *, create: bool = True):
        self.path = Path(path)
        if not self.path.exists():
            if not create:
                raise StoreError(f"数据文件“{self.path}”不存在")
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise StoreError(f"无法创建文件夹“{self.path.parent}”：{err.strerror}") from None
        elif self.path.is_dir():
            raise StoreError(f"“{self.path}”是一个文件夹，不是数据文件")
        else:
            self._check_header()
        self.engine = _engine(self.path)
        try:
            with self.engine.connect() as connection:
                version = connection.exec_driver_sql("PRAGMA user_version").scalar()
            # Another program's SQLite file must not gain our tables: version 0 is only created in an empty file.
            self._check_ours(version)
            if version > SCHEMA_VERSION:
                raise StoreError(f"“{self.path}”由更新版本的 evaldesk 建立（数据版本 {version}，本程序支持到 "
                                 f"{SCHEMA_VERSION}）。请升级 evaldesk 后再打开；文件未作任何修改。")
            if version < SCHEMA_VERSION:
                with self.engine.begin() as connection:
                    migrate(connection, version)
        except StoreError:
            self.engine.dispose()
            raise
        except (DatabaseError, OperationalError, sqlite3.Error) as err:
            self.engine.dispose()
            raise _explain(err, self.path) from None
        self.connection = self.engine.connect()

    def _check_header(self) -> None:
        try:
            with open(self.path, "rb") as handle:
                header = handle.read(16)
        except OSError as err:
            raise StoreError(f"无法读取“{self.path}”：{err.strerror}") from None
        if header and header != b"SQLite format 3\x00":
            raise StoreError(f"“{self.path}”不是 evaldesk 数据文件，未作任何修改。请选择扩展名为 .sqlite 的"
                             "evaldesk 数据文件。")

    def _check_ours(self, version: int) -> None:
        with self.engine.connect() as connection:
            tables = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
        # An unversioned file is ours only while empty; a versioned one must have our report table.
        foreign = bool(tables) if version == 0 else "report" not in tables
        if foreign:
            raise StoreError(f"“{self.path}”是其他程序的 SQLite 文件，不是 evaldesk 数据文件，未作任何修改。")

    def close(self) -> None:
        self.connection.close()
        self.engine.dispose()

    # ---------------------------------------------------------------- transactions

    def _write(self, work) -> None:
        try:
            with self.connection.begin():
                work(self.connection)
        except (DatabaseError, OperationalError, sqlite3.Error) as err:
            raise _explain(err, self.path) from None

    # ---------------------------------------------------------------- reports

    def list_reports(self) -> list[ReportInfo]:
        rows = self.connection.execute(text(
            "SELECT r.id, r.year, r.template_json, r.updated_at, "
            "(SELECT value FROM field f WHERE f.report_id = r.id AND f.key = 'cover.department'), "
            "(SELECT value FROM field f WHERE f.report_id = r.id AND f.key = 'cover.budget_code') "
            "FROM report r ORDER BY r.year DESC, r.id")).all()
        self.connection.commit()
        infos = []
        for rid, year, template_json, updated, department, code in rows:
            name = json.loads(template_json).get("name", "")
            infos.append(ReportInfo(rid, year, decode(department) if department else "",
                                    decode(code) if code else "", name, updated))
        return infos

    def load(self, report_id: int) -> Report:
        from evaldesk.scoring.template import Template  # the store keeps templates as data; scoring reads them

        c = self.connection
        row = c.execute(text("SELECT year, template_json FROM report WHERE id = :id"), {"id": report_id}).first()
        if row is None:
            c.commit()
            raise StoreError(f"数据文件中没有编号为 {report_id} 的报告")
        from decimal import Decimal as _D

        report = Report(year=row[0], template=Template(json.loads(row[1], parse_float=_D)), id=report_id)
        for key, value in c.execute(text("SELECT key, value FROM field WHERE report_id = :id"), {"id": report_id}):
            report.fields[key] = decode(value)
        units = {}
        for unit_id, name in c.execute(text("SELECT id, name FROM unit WHERE report_id = :id ORDER BY position"),
                                       {"id": report_id}):
            units[unit_id] = Unit(unit_id, name)
            report.units.append(units[unit_id])
        for unit_id, key, value in c.execute(text("SELECT unit_id, key, value FROM cell WHERE report_id = :id"),
                                             {"id": report_id}):
            units[unit_id].cells[key] = decode(value)
        for list_key, item_id, data in c.execute(text(
                "SELECT list_key, id, data FROM item WHERE report_id = :id ORDER BY list_key, position"),
                {"id": report_id}):
            if list_key in report.lists:
                report.lists[list_key].append(Item(item_id, json.loads(data)))
        c.commit()
        report.template_draft = self._load_draft(report_id)
        return report

    def _load_draft(self, report_id: int) -> dict | None:
        """The score sheet being adjusted (see Report.template_draft). One that cannot be read is dropped: it is an
        unfinished edit, and the report's own valid template is untouched."""
        raw = self.connection.execute(text("SELECT data FROM template_draft WHERE report_id = :id"),
                                      {"id": report_id}).scalar()
        self.connection.commit()
        if raw is None:
            return None
        try:
            draft = json.loads(raw)
        except ValueError:
            return None
        return draft if isinstance(draft, dict) else None

    def add(self, report: Report) -> int:
        """Store a whole report as a new one; sets and returns ``report.id``."""

        def work(c):
            now = _now()
            result = c.execute(text(
                "INSERT INTO report (year, template_id, template_json, created_at, updated_at) "
                "VALUES (:year, :tid, :tjson, :now, :now)"),
                {"year": report.year, "tid": report.template.id, "tjson": report.template.to_json(), "now": now})
            report.id = result.lastrowid
            self._write_all(c, report)

        self._write(work)
        return report.id

    def replace(self, report_id: int, report: Report) -> None:
        """Put ``report``'s content in place of report ``report_id`` (an import that replaces)."""

        def work(c):
            c.execute(text("DELETE FROM field WHERE report_id = :id"), {"id": report_id})
            c.execute(text("DELETE FROM unit WHERE report_id = :id"), {"id": report_id})
            c.execute(text("DELETE FROM item WHERE report_id = :id"), {"id": report_id})
            # The replaced report's draft and carried marks are not this one's (the report row stays: no cascade).
            c.execute(text("DELETE FROM template_draft WHERE report_id = :id"), {"id": report_id})
            c.execute(text("DELETE FROM carried WHERE report_id = :id"), {"id": report_id})
            c.execute(text("UPDATE report SET year = :year, template_id = :tid, template_json = :tjson, "
                           "updated_at = :now WHERE id = :id"),
                      {"year": report.year, "tid": report.template.id, "tjson": report.template.to_json(),
                       "now": _now(), "id": report_id})
            report.id = report_id
            self._write_all(c, report)

        self._write(work)

    def _write_all(self, c, report: Report) -> None:
        for key, value in report.fields.items():
            self._put_field(c, report.id, key, value)
        self._write_units(c, report)
        for list_key in report.lists:
            self._write_list(c, report, list_key)
        self._put_draft(c, report.id, report.template_draft)

    def delete(self, report_id: int) -> None:
        """Delete a report; its rows, draft and carried marks go with it (ON DELETE CASCADE), so a later report that
        gets the same id finds none of them."""
        self._write(lambda c: c.execute(text("DELETE FROM report WHERE id = :id"), {"id": report_id}))

    # ---------------------------------------------------------------- edits

    def apply(self, report: Report, edit: Edit) -> Edit:
        """Apply ``edit`` to ``report`` and write what it touched, in one transaction. Returns the inverse.

        If the value is refused nothing changes; if the file cannot be written the change is undone in memory
        too and StoreError says why."""
        inverse = edit.apply(report)
        try:
            self._write(lambda c: self._persist(c, report, edit.changes()))
        except BaseException:  # whatever stopped the write, memory must not keep what the file did not get
            inverse.apply(report)
            raise
        return inverse

    def _persist(self, c, report: Report, changes: Changes) -> None:
        rid = report.id
        if changes.units:  # units are few: their rows are rewritten (names, order, removed ones' cells)
            self._write_units(c, report)
        for list_key in dict.fromkeys(place.list for place in changes.of(ItemPlace)):
            self._write_list(c, report, list_key)
        for place in changes.of(ValuePlace):
            value = report.fields.get(place.key)
            if value is None:
                c.execute(text("DELETE FROM field WHERE report_id = :id AND key = :key"), {"id": rid, "key": place.key})
            else:
                self._put_field(c, rid, place.key, value)
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
            self._put_draft(c, rid, report.template_draft)
        c.execute(text("UPDATE report SET updated_at = :now, year = :year WHERE id = :id"),
                  {"now": _now(), "year": report.year, "id": rid})

    @staticmethod
    def _put_draft(c, rid: int, draft: dict | None) -> None:
        if draft is None:
            c.execute(text("DELETE FROM template_draft WHERE report_id = :id"), {"id": rid})
        else:  # edit functions write numbers as JSON numbers or exact text; str() only guards a stray Decimal
            c.execute(text("INSERT INTO template_draft (report_id, data) VALUES (:id, :d) "
                           "ON CONFLICT DO UPDATE SET data = excluded.data"),
                      {"id": rid, "d": json.dumps(draft, ensure_ascii=False, default=str)})

    @staticmethod
    def _put_field(c, rid: int, key: str, value: Value) -> None:
        c.execute(text("INSERT INTO field (report_id, key, value) VALUES (:id, :key, :v) "
                       "ON CONFLICT DO UPDATE SET value = excluded.value"), {"id": rid, "key": key, "v": encode(value)})

    @staticmethod
    def _write_units(c, report: Report) -> None:
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

    @staticmethod
    def _write_list(c, report: Report, list_key: str) -> None:
        if list_key not in LIST_BY_KEY:
            return
        c.execute(text("DELETE FROM item WHERE report_id = :id AND list_key = :l"), {"id": report.id, "l": list_key})
        for position, item in enumerate(report.lists[list_key]):
            c.execute(text("INSERT INTO item (report_id, list_key, id, position, data) VALUES (:id, :l, :i, :p, :d)"),
                      {"id": report.id, "l": list_key, "i": item.id, "p": position,
                       "d": json.dumps(item.values, ensure_ascii=False)})

    # ---------------------------------------------------------------- what a new year's report carried

    def carried(self, report_id: int) -> Carried:
        """What was carried into report ``report_id`` from last year's (empty if it was not made that way)."""
        c = self.connection
        year = c.execute(text("SELECT source_year FROM carried WHERE report_id = :id"), {"id": report_id}).scalar()
        rows = c.execute(text("SELECT unit_id, key, value FROM carried_value WHERE report_id = :id"),
                         {"id": report_id}).all()
        c.commit()  # before decoding: a value that cannot be read must not leave the file locked
        carried = Carried(source_year=year)
        for unit_id, key, value in rows:
            try:
                decoded = decode(value)
            except StoreError:
                continue  # a mark is only a hint on screen (as an unreadable draft, it is dropped, not fatal)
            if unit_id:
                carried.cells[(unit_id, key)] = decoded
            else:  # '' marks a field of the report (schema.py)
                carried.fields[key] = decoded
        return carried

    def set_carried(self, report_id: int, carried: Carried) -> None:
        """Record what was carried into report ``report_id``, in place of any earlier record."""

        def work(c):
            c.execute(text("DELETE FROM carried WHERE report_id = :id"), {"id": report_id})  # and its values
            c.execute(text("INSERT INTO carried (report_id, source_year) VALUES (:id, :year)"),
                      {"id": report_id, "year": carried.source_year})
            marks = [("", key, value) for key, value in carried.fields.items()]
            marks += [(unit_id, key, value) for (unit_id, key), value in carried.cells.items()]
            for unit_id, key, value in marks:
                c.execute(text("INSERT INTO carried_value (report_id, unit_id, key, value) VALUES (:id, :u, :k, :v)"),
                          {"id": report_id, "u": unit_id, "k": key, "v": encode(value)})

        self._write(work)

    # ---------------------------------------------------------------- small state the window keeps per file

    def get_state(self, key: str, default: str | None = None) -> str | None:
        """File-wide state (the open report, the tab). What belongs to one report has its own table (schema v3)."""
        row = self.connection.execute(text("SELECT value FROM app_state WHERE key = :k"), {"k": key}).first()
        self.connection.commit()
        return row[0] if row else default

    def set_state(self, key: str, value: str) -> None:
        self._write(lambda c: c.execute(text(
            "INSERT INTO app_state (key, value) VALUES (:k, :v) ON CONFLICT DO UPDATE SET value = excluded.value"),
            {"k": key, "v": value}))

    # ---------------------------------------------------------------- templates the filler added

    def saved_templates(self) -> list[str]:
        rows = self.connection.execute(text("SELECT template_json FROM template ORDER BY added_at")).all()
        self.connection.commit()
        return [row[0] for row in rows]

    def save_template(self, template) -> None:
        self._write(lambda c: c.execute(text(
            "INSERT INTO template (id, name, template_json, added_at) VALUES (:id, :n, :j, :now) "
            "ON CONFLICT DO UPDATE SET name = excluded.name, template_json = excluded.template_json"),
            {"id": template.id, "n": template.name, "j": template.to_json(), "now": _now()}))

    # ---------------------------------------------------------------- 另存为

    def copy_to(self, target: Path) -> None:
        """A consistent copy of the whole file (VACUUM INTO), for 另存为 and backups."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise StoreError("不能另存为正在使用的同一个文件")
        temp = target.with_name(f".{target.name}.tmp")
        try:
            if temp.exists():
                temp.unlink()
            raw = self.engine.raw_connection()
            try:
                raw.driver_connection.execute("VACUUM INTO ?", (str(temp),))
            finally:
                raw.close()
            os.replace(temp, target)
        except (OSError, sqlite3.Error) as err:
            try:
                temp.unlink()
            except OSError:
                pass
            raise StoreError(f"无法另存为“{target}”：{getattr(err, 'strerror', None) or err}") from None


def open_store(path: Path | str | None = None) -> Store:
    return Store(Path(path) if path else default_db_path())
