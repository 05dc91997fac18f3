"""The data file as the filler uses it: open one (the default lives in the user's data folder), list its
reports, create a report, add the reference sample, delete a report, save the whole file as a copy.

Every failure is a :class:`~evaldesk.datafile.errors.StoreError` whose text says, in Chinese, what happened and what
to do; the window shows it in a dialog, the command prints it as one line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from evaldesk.paths import default_db_path
from evaldesk.model.report import Report
from evaldesk.model.values import Rejected

if TYPE_CHECKING:
    from evaldesk.datafile.store import ReportInfo, Store
    from evaldesk.scoring.template import Template

YEARS = range(1990, 2201)
"""Years a report may be for; anything else is a typing slip."""


def open_data_file(path: Path | str | None = None, *, create: bool = True, read_only: bool = False,
                   program: str = "evaldesk 窗口", backup: bool = True) -> Store:
    """The data file at ``path`` (None: the default one in the user's data folder). ``create=False`` refuses a
    file that does not exist yet (opening a file the filler picked, not making one); folders are made only for the
    default file, so a mistyped path is refused rather than becoming a new, empty file.

    A writable open takes the file's lock (FileLocked says who holds it) and, with ``backup``, leaves a dated copy
    of a file changed since its newest one in the 备份 folder beside it (backups.py) — made before the store's first
    write, or when the window is idle after painting the report, or at close (Store.before_writing), so the report
    is shown without waiting for the copy — and another at close when the session wrote (Store.at_close), so the
    newest copy holds the session's work; ``read_only`` takes no lock and writes nothing."""
    from evaldesk.datafile.store import Store

    target = Path(path) if path else default_db_path()
    is_default = target == default_db_path()
    store = Store(target, create=create, make_folder=is_default, read_only=read_only, program=program)
    if backup and not read_only:
        store.before_writing(lambda: _back_up_on_open(store))
        store.at_close(lambda: _back_up_at_close(store))
    return store


def _back_up_on_open(store: Store) -> None:
    from evaldesk.datafile import backups  # loaded with the copy it makes, after the report is shown

    backups.back_up_on_open(store)


def _back_up_at_close(store: Store) -> None:
    from evaldesk.datafile import backups

    backups.back_up_at_close(store)


def open_for_command(path: Path | str | None, *, write: bool) -> Store:
    """The data file for a command: one that only reads opens an existing file read-only (no lock, so it works
    while a window has the file open); one that writes takes the lock and is refused while a window holds it.
    A damaged file's refusal names its newest good backup."""
    from evaldesk.datafile.backups import newest_good_line
    from evaldesk.datafile.errors import DamagedFile

    target = Path(path) if path else default_db_path()
    try:
        return open_data_file(target, read_only=not write and target.is_file(), program="evaldesk 命令")
    except DamagedFile as err:
        raise DamagedFile(f"{err}{newest_good_line(target)}") from None


def list_reports(store: Store) -> list[ReportInfo]:
    return store.list_reports()


def report_to_open(store: Store, last: int | None = None) -> int | None:
    """The report to show when the file opens: ``last`` (the one open last time, as the window's settings keep
    it), else the first, else None (no report). A file written by an older version kept its last report in the
    file itself: that is used when the settings know none."""
    ids = [info.id for info in store.list_reports()]
    if last is None:
        kept = store.get_state("open_report")
        last = int(kept) if kept and kept.isdigit() else None
    if last in ids:
        return last
    return ids[0] if ids else None


def create_report(store: Store, year: int, department: str = "", template: Template | None = None, *,
                  region: str = "", bureau: str = "") -> Report:
    """Store a new, empty report for ``year`` (default score sheet: the built-in reference one), with the county's
    own 地区 and 财政局名称 on its cover when given (blank: as the sheet's template words them)."""
    from evaldesk.model.report import new_report
    from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID, builtin_template

    if year not in YEARS:
        raise Rejected(f"年度 {year} 不合理")
    report = new_report(year, template or builtin_template(DEFAULT_TEMPLATE_ID), (department or "").strip())
    for key, text in (("cover.region", region), ("cover.bureau", bureau)):
        if text and text.strip():
            report.fields[key] = text.strip()
    store.add(report)
    return report


def latest_wording(store: Store) -> dict[str, str]:
    """地区 and 财政局名称 as the file's most recently changed report has them on its cover (its own, else its
    template's), to offer for a new report: {"region": …, "bureau": …}, empty when the file holds no report."""
    from evaldesk.datafile.errors import DamagedReport
    from evaldesk.model.layout import cover_text, has_wording

    for info in sorted(store.list_reports(), key=lambda info: info.updated_at, reverse=True):
        try:
            report = store.load(info.id)
        except DamagedReport:  # said once where the filler opened it; only a hint here, from the next report
            continue
        return {key: cover_text(report, key) if has_wording(report, key) else "" for key in ("region", "bureau")}
    return {"region": "", "bureau": ""}


def add_sample(store: Store) -> Report:
    """Store a copy of the reference sample (云溪区委编办 2021 年度) as a new report."""
    from evaldesk.exchange.report_json import read_json
    from evaldesk.resources import SAMPLE_REPORT

    report = read_json(SAMPLE_REPORT)
    store.add(report)
    return report


def delete_report(store: Store, report_id: int) -> None:
    """Delete a report with its draft and carried marks (cannot be undone)."""
    store.delete(report_id)


def save_as(store: Store, target: Path | str) -> Path:
    """A consistent copy of the whole file at ``target`` (the caller then opens the copy)."""
    target = Path(target)
    store.copy_to(target)
    return target
