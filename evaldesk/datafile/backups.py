"""Automatic backups of the data file: a dated, consistent copy (VACUUM INTO) in a 备份 folder beside the file,
made when the file is opened for writing, after every stretch of editing (STRETCH) and when a file written in this
session closes — so the newest copy holds the last session's work — kept by a rotation (ROTATION); and the
filler's own commands: back up to a chosen file, restore a backup (the file as it is now is backed up first).

A backup is itself a data file: it is listed by opening it read-only, and restored only if it opens cleanly.
"""

from __future__ import annotations

import datetime as _dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from evaldesk.datafile.copy_names import FOLDER, STAMP, folder_of, free_name, kept_copy_path
from evaldesk.datafile.file_errors import os_reason, place
from evaldesk.datafile.errors import StoreError

if TYPE_CHECKING:
    from evaldesk.datafile.store import ReportInfo, Store

KEEP = 10
"""The newest ten copies are kept whatever their age (a morning's sessions, a script's imports)."""
KEEP_DAYS = 30
KEEP_MONTHS = 12
"""Beyond them, the newest copy of each of the last 30 days and of each of the last 12 months: a script importing
thirty files in a minute still leaves yesterday's and last month's state."""
STRETCH = _dt.timedelta(minutes=10)
"""While editing: a copy when the newest one is this old and the file changed since."""


@dataclass(frozen=True)
class Backup:
    """One dated copy in the 备份 folder, with the reports it holds."""

    path: Path
    made: _dt.datetime
    reports: tuple[ReportInfo, ...] | None  # None: the copy cannot be opened (damaged)

    def describe(self) -> str:
        when = self.made.strftime("%Y-%m-%d %H:%M")
        if self.reports is None:
            return f"{when}（无法读取，不能用于恢复）"
        titles = "；".join(info.title() for info in self.reports) or "没有报告"
        return f"{when}　{len(self.reports)} 份报告：{titles}"


def _backups_of(data_file: Path) -> list[tuple[_dt.datetime, Path]]:
    """This file's backups, newest first, by the time in their names (``<stem>-YYYYmmdd-HHMMSS[-N].sqlite``: the
    N-th copy of one second)."""
    folder = folder_of(data_file)
    prefix = f"{Path(data_file).stem}-"
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        if entry.suffix != ".sqlite" or not entry.name.startswith(prefix):
            continue
        stamp, rest = entry.stem[len(prefix):][:15], entry.stem[len(prefix) + 15:]
        try:
            made = _stamp_time(stamp)
        except ValueError:
            continue
        if rest and not (rest[0] == "-" and rest[1:].isascii() and rest[1:].isdigit()):
            continue
        found.append((made, int(rest[1:]) if rest else 1, entry))
    return [(made, entry) for made, _n, entry in sorted(found, reverse=True)]


def _stamp_time(stamp: str) -> _dt.datetime:
    """The time in a backup's name, as ``STAMP`` wrote it; ValueError for any other text. Read by hand: the first
    strptime of a process costs about 2 ms (its module and patterns), paid by every window's start."""
    digits = stamp[:8] + stamp[9:]
    if len(stamp) != 15 or stamp[8] != "-" or not (digits.isascii() and digits.isdigit()):
        raise ValueError(f"not a backup time: {stamp!r}")
    return _dt.datetime(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]),
                        int(stamp[9:11]), int(stamp[11:13]), int(stamp[13:15]))


def _copied_at(data_file: Path) -> float:
    """When the newest backup was written (its file's own time, 0 if there is none). Not the second in its name:
    the copy made before the first write and that write usually fall in the same second, and then the file
    differs from its newest copy."""
    for _made, path in _backups_of(data_file)[:1]:
        try:
            return os.stat(path).st_mtime
        except OSError:
            pass  # gone since it was listed: as if there were none
    return 0.0


def make_backup(store: Store, now: _dt.datetime | None = None) -> Path:
    """A dated copy of the whole file in its 备份 folder (a second copy in the same second gets its own name);
    copies beyond the rotation (KEEP, KEEP_DAYS, KEEP_MONTHS) are removed."""
    now = now or _dt.datetime.now()
    folder = folder_of(store.path)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as err:
        raise StoreError(f"无法建立备份文件夹“{place(folder)}”：{os_reason(err)}。") from None
    target = free_name(folder, f"{store.path.stem}-{now.strftime(STAMP)}")
    store.copy_to(target)
    for old in beyond_rotation(_backups_of(store.path), now):
        try:
            old.unlink()
        except OSError:
            pass  # an old backup that cannot be removed is only clutter
    return target


def beyond_rotation(found: list[tuple[_dt.datetime, Path]], now: _dt.datetime) -> list[Path]:
    """The copies (newest first, as _backups_of lists them) the rotation no longer keeps: not among the newest
    KEEP, nor the newest of a day within KEEP_DAYS or of a month within KEEP_MONTHS."""
    kept, days, months = set(), set(), set()
    for index, (made, path) in enumerate(found):
        day, month = made.date(), (made.year, made.month)
        months_ago = (now.year - made.year) * 12 + now.month - made.month
        if index < KEEP:
            kept.add(path)
        elif day not in days and (now.date() - day).days < KEEP_DAYS:
            kept.add(path)
        elif month not in months and months_ago < KEEP_MONTHS:
            kept.add(path)
        days.add(day)
        months.add(month)
    return [path for _made, path in found if path not in kept]


def newest_backup_time(data_file: Path) -> _dt.datetime | None:
    found = _backups_of(data_file)
    return found[0][0] if found else None


def back_up_on_open(store: Store) -> Path | None:
    """On opening: a backup unless the newest one already holds the file as it is (not changed since), or the
    file holds no report yet. A backup that cannot be made never stops the filler from working."""
    try:
        if not store.list_reports():
            return None
    except StoreError:
        return None
    return _copy_if_changed(store, None)


def back_up_while_editing(store: Store, now: _dt.datetime | None = None) -> Path | None:
    """While editing: a copy if the newest is a stretch (STRETCH) old and the file changed since it (called after
    edits; cheap when nothing is due)."""
    now = now or _dt.datetime.now()
    newest = newest_backup_time(store.path)
    if newest is not None and now - newest < STRETCH:
        return None
    return _copy_if_changed(store, now)


def back_up_at_close(store: Store) -> Path | None:
    """When a file written in this session closes: a copy holding the session's work, unless the newest holds it."""
    return _copy_if_changed(store, None)


def _copy_if_changed(store: Store, now: _dt.datetime | None) -> Path | None:
    try:
        changed = os.stat(store.path).st_mtime
    except OSError:
        return None
    if _copied_at(store.path) >= changed:
        return None
    try:
        return make_backup(store, now)
    except StoreError:
        return None


def list_backups(data_file: Path) -> list[Backup]:
    """The backups of ``data_file``, newest first, each with the reports it holds (read-only, no lock)."""
    from evaldesk.datafile.store import Store

    listed = []
    for made, path in _backups_of(data_file):
        try:
            copy = Store(path, create=False, read_only=True)
        except StoreError:
            listed.append(Backup(path, made, None))
            continue
        try:
            listed.append(Backup(path, made, tuple(copy.list_reports())))
        except StoreError:
            listed.append(Backup(path, made, None))
        finally:
            copy.close()
    return listed


def newest_good_backup(data_file: Path) -> Backup | None:
    return newest_backup_without(data_file, set())


def newest_backup_without(data_file: Path, damaged: set[int]) -> Backup | None:
    """The newest backup in which none of the ``damaged`` reports is damaged too (missing from it is fine): a copy
    made after the damage (the daily one, while the filler edited the file's other reports) lists its reports like
    a good one, and restoring it would bring the damage back."""
    from evaldesk.datafile.store import Store

    for made, path in _backups_of(data_file):
        try:
            copy = Store(path, create=False, read_only=True)
        except StoreError:
            continue
        try:
            reports = tuple(copy.list_reports())
            for info in reports:
                if info.id in damaged:
                    copy.load(info.id)  # DamagedReport (a StoreError) if it is damaged here too
            return Backup(path, made, reports)
        except StoreError:
            continue
        finally:
            copy.close()
    return None


def newest_good_line(data_file: Path) -> str:
    """Where the newest good backup of a damaged file is, in one sentence (for the command's one line)."""
    good = newest_good_backup(data_file)
    if good is None:
        return "备份文件夹中没有可用的备份。"
    return f"最近一份完好的备份：{good.path}（{good.describe()}）；可在窗口中“文件 → 从备份恢复…”。"


def restore(backup: Path, data_file: Path) -> Path | None:
    """Put ``backup`` in place of ``data_file`` (which nobody may have open). The file as it was is first kept
    in the 备份 folder as ``<stem>-恢复前-<time>.sqlite`` (returned), even a damaged one: nothing is lost. Refused
    (FileLocked) while another window or command writes the file."""
    from evaldesk.datafile.lock import DataFileLock
    from evaldesk.datafile.store import Store

    backup, data_file = Path(backup), Path(data_file)
    check = Store(backup, create=False, read_only=True)  # refuses a damaged backup before anything changes
    check.close()
    with DataFileLock(data_file, "evaldesk 恢复备份"):  # FileLocked while anyone else writes the file
        return _replace_with(backup, data_file)


def _replace_with(backup: Path, data_file: Path) -> Path | None:
    kept = None
    if data_file.exists():
        try:
            kept = kept_copy_path(data_file, "恢复前")
            shutil.copy2(data_file, kept)
        except OSError as err:
            raise StoreError(f"恢复前未能保留现有文件（{os_reason(err)}），未作任何修改。") from None
    temp = data_file.with_name(f".{data_file.name}.restore.tmp")
    try:
        shutil.copyfile(backup, temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, data_file)
    except OSError as err:
        try:
            temp.unlink()
        except OSError:
            pass
        raise StoreError(f"未能从备份恢复“{place(data_file)}”：{os_reason(err)}。文件未作修改。") from None
    return kept
