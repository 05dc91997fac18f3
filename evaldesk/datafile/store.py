"""The SQLite file that holds a filler's reports. Every edit is written at once, in its own transaction.

Figures are stored as exact decimal text, never as SQLite REAL, in the tagged text of :mod:`evaldesk.datafile.tagged`.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from evaldesk.datafile import opening, store_read, store_rows
from evaldesk.model.carried import Carried
from evaldesk.datafile.file_errors import explain, place, store_error
from evaldesk.datafile.lock import DataFileLock, FileLocked, read_holder

# Where files live and the store's error are light to import (no SQLAlchemy): the window shows itself first.
from evaldesk.datafile.errors import (  # noqa: F401 - named from here too
    CannotWrite,
    ChangedElsewhere,
    DamagedFile,
    DamagedReport,
    StoreError,
    UnreadableRow,
)
from evaldesk.paths import DB_NAME, data_folder, default_db_path  # noqa: F401
from evaldesk.model.report import Report
from evaldesk.datafile.schema import SCHEMA_VERSION, migrate
from evaldesk.datafile.sqlite_setup import DB_ERRORS as _DB_ERRORS
from evaldesk.datafile.sqlite_setup import ROW_ERRORS as _ROW_ERRORS
from evaldesk.datafile.sqlite_setup import Reads, connect, memory_copy, text, write_errors, writer
from evaldesk.datafile.store_read import ReportInfo  # noqa: F401 - named from here
from evaldesk.datafile.tagged import encode

if TYPE_CHECKING:
    from evaldesk.model.edits import Edit  # a store that only reads (a command that lists or prints) needs none


class _ReportRowsDamaged(Exception):
    """From _read to load: the rows of the report being read cannot be trusted (``why``)."""

    def __init__(self, why: str):
        super().__init__(why)
        self.why = why


def _now() -> str:
    return _dt.datetime.now().isoformat(timespec="seconds")


class Store:
    """One open data file. Not thread-safe; the window owns one.

    A writable store holds the file's lock (lock.py) until :meth:`close`; ``read_only`` takes no lock and writes
    nothing. A file found damaged (at open, or in a row read later) is never written to again.

    One sqlite3 connection serves both: reads go to it directly (``connection``, sqlite_setup.Reads), writes through
    a SQLAlchemy Connection made over it at the first write (``_writer``), so a store that only reads never imports
    SQLAlchemy."""

    def __init__(self, path: Path | str, *, create: bool = True, make_folder: bool = True, read_only: bool = False,
                 program: str = "evaldesk 窗口"):
        self.path = Path(path)
        self.read_only = read_only
        self.damaged = False
        self.damaged_reports: dict[int, str] = {}  # report id → why its rows cannot be trusted (never written)
        self.lock = None
        exists = opening.check_kind(self.path, make_folder=make_folder and create and not read_only)
        if not exists and (not create or read_only):
            raise StoreError(f"数据文件“{place(self.path)}”不存在。")
        if exists:
            opening.check_header(self.path)
        if exists and read_only and opening.has_journal(self.path):
            self._finish_unfinished_save()
        if not read_only:
            opening.check_writable(self.path, exists)
            self.lock = DataFileLock(self.path, program)
            self.lock.acquire()
        self.connection: Reads | None = None
        self._writer = None  # the SQLAlchemy Connection, made by the first write
        self._before_writing: list = []  # run once before the first write (before_writing)
        self._at_close: list = []  # run at close when this store wrote the filler's data (at_close)
        self.wrote = False
        try:
            self._open(exists)
        except BaseException:
            self._close_connection()
            self._release()
            raise
        self._seen_version = self._data_version()

    def _open(self, exists: bool) -> None:
        try:
            raw = connect(self.path, self.read_only)
            self.connection = Reads(raw)
            version = raw.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if exists:
                opening.quick_check(raw, self.path)
            opening.check_tables(self.path, version, tables, SCHEMA_VERSION)
            if version < SCHEMA_VERSION:
                if self.read_only:  # an older (or empty) file is read through an upgraded copy in memory
                    self.connection = Reads(memory_copy(raw))
                    raw.close()
                elif exists and version > 0:  # the file as it was, kept before the upgrade changes it
                    self._keep_copy(raw, "升级前")
                self._upgrade(version)
        except StoreError:
            raise
        except _DB_ERRORS as err:
            if self.read_only and opening.has_journal(self.path):  # not a read-only file: a save cut short
                holder = read_holder(self.path)
                raise opening.unfinished_save(self.path, holder.describe() if holder else "") from None
            raise store_error(err, self.path) from None
        except UnicodeError:  # sqlite3 could not even decode what the damaged schema says
            raise opening.damaged(self.path) from None

    def _upgrade(self, version: int) -> None:
        """Bring the schema up to date in one transaction, through SQLAlchemy (so its errors are named here)."""
        try:
            connection = self._writing()
            connection.info["writing"] = True
            try:
                with connection.begin():
                    migrate(connection, version)
            finally:
                connection.info["writing"] = False
        except write_errors() as err:
            raise store_error(err, self.path) from None
        except UnicodeError:
            raise opening.damaged(self.path) from None

    def _finish_unfinished_save(self) -> None:
        """A read-only open of a file whose journal is still beside it: when no one holds the lock, a save was cut
        short (a killed writer) — roll it back as any writer's open would, under the lock, so the file reads as
        last saved. Held (a writer's save in progress) or not writable: the file is read as it is."""
        lock = DataFileLock(self.path, "evaldesk 恢复未完成的保存")
        try:
            lock.acquire()
        except StoreError:
            return
        try:
            raw = sqlite3.connect(self.path)
            try:
                raw.execute("PRAGMA busy_timeout = 2000")
                raw.execute("PRAGMA user_version").fetchone()  # SQLite rolls a hot journal back on the first read
            finally:
                raw.close()
        except sqlite3.Error:
            pass  # the read-only open meets it again and says what it is
        finally:
            lock.release()

    def _keep_copy(self, raw, label: str) -> None:
        """A copy of the file in its 备份 folder, named with ``label`` (not one of the dated backups listed for a
        restore); the file is not changed unless the copy is made."""
        from evaldesk.datafile.copy_names import kept_copy_path

        try:
            target = kept_copy_path(self.path, label)
            raw.execute("VACUUM INTO ?", (str(target),))
        except (OSError, sqlite3.Error) as err:
            raise StoreError(f"未能在升级数据格式前保留原文件的副本（{explain(err, self.path)[1]}），"
                             "文件未作修改。") from None

    def _writing(self):
        """The SQLAlchemy Connection for writes, made over the store's sqlite3 connection the first time."""
        if self._writer is None:
            self._writer = writer(self.connection.raw)
        return self._writer

    def before_writing(self, action) -> None:
        """Run ``action`` once before this store first writes — or at :meth:`warm_up` or :meth:`close`, whichever
        comes first; never on a file found damaged, nor on one holding a report found damaged (its copy would be
        offered as the newest good backup, in place of the one that holds the report whole). The backup made on
        opening waits here (app/datafile): showing the report does not need it, only writing does."""
        self._before_writing.append(action)

    def _run_before_writing(self) -> None:
        actions, self._before_writing = self._before_writing, []
        if not self.damaged and not self.damaged_reports:
            for action in actions:
                action()

    def at_close(self, action) -> None:
        """Run ``action`` at :meth:`close` if this store wrote the filler's data (the backup holding the session's
        work, app/datafile); never on a damaged file."""
        self._at_close.append(action)

    def warm_up(self) -> None:
        """Load SQLAlchemy now (the window calls this when idle after the report is painted), so the first
        keystroke does not wait for it; and do what waits for the first write (before_writing). A read-only store
        never writes and does not load it. A database error here is left for the first write, which meets it again
        and says so."""
        if self.read_only or self.damaged or self.connection is None:
            return
        self._run_before_writing()
        try:
            self._writing()
        except write_errors():
            pass

    def _close_connection(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer.engine.dispose()  # StaticPool: closes the sqlite3 connection too
            self._writer = None
        if self.connection is not None:
            self.connection.raw.close()
            self.connection = None

    def _release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _data_version(self) -> int:
        value = self.connection.scalar("PRAGMA data_version")
        self.connection.commit()
        return value

    def changed_elsewhere(self) -> bool:
        """Whether another program committed to the file since this store last looked (then it looks again)."""
        try:
            current = self._data_version()
        except _DB_ERRORS:
            return False
        changed, self._seen_version = current != self._seen_version, current
        return changed

    def close(self) -> None:
        try:
            if self.connection is not None:
                self._run_before_writing()
                actions, self._at_close = self._at_close, []
                if self.wrote and not self.damaged and not self.damaged_reports:
                    for action in actions:
                        action()
        finally:
            self._close_connection()
            self._release()

    # ---------------------------------------------------------------- transactions

    def _write(self, work, *, check_changes: bool = True) -> None:
        if self.read_only:
            raise CannotWrite(f"“{place(self.path)}”是以只读方式打开的，修改未保存。")
        if self.damaged:
            raise opening.damaged(self.path)
        self._run_before_writing()
        try:
            connection = self._writing()
            connection.info["writing"] = True
            with connection.begin():
                # Another program committed since we read: writing now could overwrite its work with our stale
                # copy (a whole list, the units), so nothing is written and the caller reads the report again.
                current = connection.exec_driver_sql("PRAGMA data_version").scalar()
                if check_changes and current != self._seen_version:
                    self._seen_version = current
                    raise ChangedElsewhere(f"数据文件“{place(self.path)}”刚被其他程序修改过，您这一步修改未保存。"
                                           "已重新读取文件，请核对后重新输入。")
                work(connection)
            self.wrote = self.wrote or check_changes  # window state (set_state) is not the filler's data
        except write_errors() as err:
            error = store_error(err, self.path)
            self.damaged = isinstance(error, DamagedFile)
            raise error from None
        finally:
            if self._writer is not None:
                self._writer.info["writing"] = False

    def _read(self, what: str, work, *, report_id: int | None = None):
        """Run ``work`` (reading rows and decoding them); a row that cannot be read marks the file damaged — or,
        reading one report (``report_id``), that report alone (_ReportRowsDamaged)."""
        try:
            return work(self.connection)
        except (UnreadableRow, *_ROW_ERRORS) as err:
            self.connection.rollback()
            why = err.why if isinstance(err, UnreadableRow) else "有数据无法读取"
            if report_id is not None and report_id in self._report_ids():
                raise _ReportRowsDamaged(why) from None
            self.damaged = True
            raise opening.damaged(self.path, what) from None
        except StoreError as err:
            self.connection.rollback()
            self.damaged = self.damaged or isinstance(err, DamagedFile)
            raise
        except _DB_ERRORS as err:
            self.connection.rollback()
            error = store_error(err, self.path)
            self.damaged = isinstance(error, DamagedFile)
            raise error from None
        finally:
            if self.connection.in_transaction():
                self.connection.commit()

    def _report_ids(self) -> set[int]:
        """The reports the file holds (a damaged row of one report is that report's damage, not the file's)."""
        try:
            ids = {row[0] for row in self.connection.execute("SELECT id FROM report")}
            self.connection.commit()
            return ids
        except _DB_ERRORS:
            self.connection.rollback()
            return set()

    # ---------------------------------------------------------------- reports

    def list_reports(self) -> list[ReportInfo]:
        """The reports, each with its ``problem`` if reading it found its rows damaged."""
        infos = self._read("报告目录无法读取", store_read.list_reports)
        return [ReportInfo(**{**info.__dict__, "problem": self.damaged_reports[info.id]})
                if info.id in self.damaged_reports and not info.problem else info for info in infos]

    def load(self, report_id: int) -> Report:
        """Report ``report_id``, its rows checked one by one and against its checksum. A report whose rows cannot
        be trusted raises DamagedReport (and is never written); the file's other reports stay usable."""
        if report_id in self.damaged_reports:
            raise self._damaged_report(report_id)
        try:
            return self._read(f"报告 {report_id} 的数据无法读取", lambda c: self._load(c, report_id),
                              report_id=report_id)
        except _ReportRowsDamaged as err:
            self.damaged_reports[report_id] = err.why
            raise self._damaged_report(report_id) from None

    def _load(self, c, report_id: int) -> Report:
        from evaldesk.model.template import Template  # the report's score sheet, as data

        report = store_read.load(c, report_id, Template)
        report.template_draft = self._load_draft(report_id)
        return report

    def _damaged_report(self, report_id: int) -> DamagedReport:
        return DamagedReport(f"数据文件“{place(self.path)}”中的报告 {report_id} 已损坏（{self.damaged_reports[report_id]}），"
                             "无法打开，为免损失更多，未作任何修改；文件中的其他报告不受影响。"
                             "请从备份恢复（文件 → 从备份恢复…），或把文件交给技术人员。")

    def _writable_report(self, report_id: int | None) -> None:
        if report_id in self.damaged_reports:
            raise self._damaged_report(report_id)

    def _load_draft(self, report_id: int) -> dict | None:
        """The score sheet being adjusted (see Report.template_draft). One that cannot be read is dropped: it is an
        unfinished edit, and the report's own valid template is untouched."""
        raw = self._read("评分表草稿无法读取", lambda c: c.scalar(
            "SELECT data FROM template_draft WHERE report_id = :id", {"id": report_id}))
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
            store_rows.write_all(c, report)

        self._write(work)
        return report.id

    def replace(self, report_id: int, report: Report) -> None:
        """Put ``report``'s content in place of report ``report_id`` (an import that replaces)."""

        self._writable_report(report_id)

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
            store_rows.write_all(c, report)

        self._write(work)

    def delete(self, report_id: int) -> None:
        """Delete a report; its rows, draft and carried marks go with it (ON DELETE CASCADE), so a later report that
        gets the same id finds none of them."""
        self._write(lambda c: c.execute(text("DELETE FROM report WHERE id = :id"), {"id": report_id}))
        self.damaged_reports.pop(report_id, None)  # a damaged report may be deleted (its backups keep it)

    # ---------------------------------------------------------------- edits

    def apply(self, report: Report, edit: Edit) -> Edit:
        """Apply ``edit`` to ``report`` and write what it touched, in one transaction. Returns the inverse.

        If the value is refused nothing changes; if the file cannot be written the change is undone in memory
        too and StoreError says why."""
        self._writable_report(report.id)
        inverse = edit.apply(report)
        try:
            self._write(lambda c: store_rows.persist(c, report, edit.changes()))
        except BaseException:  # whatever stopped the write, memory must not keep what the file did not get
            inverse.apply(report)
            raise
        return inverse

    # ---------------------------------------------------------------- what a new year's report carried

    def carried(self, report_id: int) -> Carried:
        """What was carried into report ``report_id`` from last year's (empty if it was not made that way)."""
        return self._read("上年带入的标记无法读取", lambda c: store_read.carried(c, report_id))

    def set_carried(self, report_id: int, carried: Carried) -> None:
        """Record what was carried into report ``report_id``, in place of any earlier record."""
        self._writable_report(report_id)

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
        row = self._read("窗口状态无法读取", lambda c: c.first(
            "SELECT value FROM app_state WHERE key = :k", {"k": key}))
        return str(row[0]) if row else default

    def set_state(self, key: str, value: str) -> None:
        """Where the window was. A read-only or damaged file does not keep it (it is not the filler's data), and it
        may be written after another program's change: it overwrites no one's work."""
        if self.read_only or self.damaged or self.get_state(key) == value:
            return  # unchanged (reopening the report and tab of last time): no write, and no SQLAlchemy to load
        self._write(lambda c: c.execute(text(
            "INSERT INTO app_state (key, value) VALUES (:k, :v) ON CONFLICT DO UPDATE SET value = excluded.value"),
            {"k": key, "v": value}), check_changes=False)

    # ---------------------------------------------------------------- templates the filler added

    def saved_templates(self) -> list[str]:
        rows = self._read("已导入的评分表无法读取", lambda c: c.all(
            "SELECT template_json FROM template ORDER BY added_at"))
        return [row[0] for row in rows if isinstance(row[0], str)]

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
        holder = read_holder(target)
        if holder is not None:
            raise FileLocked(target, holder)
        temp = target.with_name(f".{target.name}.tmp")
        try:
            if temp.exists():
                temp.unlink()
            self.connection.raw.execute("VACUUM INTO ?", (str(temp),))  # outside any transaction: no SQLAlchemy
            os.replace(temp, target)
        except (OSError, sqlite3.Error) as err:
            try:
                temp.unlink()
            except OSError:
                pass
            raise StoreError(f"无法写出副本：{explain(err, target)[1]}") from None


def open_store(path: Path | str | None = None) -> Store:
    return Store(Path(path) if path else default_db_path())
