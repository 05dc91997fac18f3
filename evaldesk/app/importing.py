"""Importing a report file (.json, or the bureau workbook .xlsx) and the one rule for "already in the data file".

**The rule** (the window and the command both use :func:`find_same`): a report in the data file is *the same
report* as the imported one when it is for the same year and the same department — the same 预算编码 when both
have one (the bureau's key for a department: it survives a renamed or retyped 部门名称), otherwise the same
部门名称 (a department name left blank names nobody, so it matches nothing). That is how a filler and the bureau
tell reports apart: one department files one report a year. The match also says whether the data is *identical*
(same fingerprint, :func:`evaldesk.model.document.fingerprint`): importing it again would only duplicate it;
identical data of the same year is always the same report, even with no department filled in. If several reports
match, an identical one is named, else the lowest number.

What each caller does with a match: the window asks 替换原报告 / 另存为新报告 / 取消 (saying when the data is
identical); the command imports as a new report unless ``--replace ID`` is given, and prints a note naming the
matching report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from evaldesk.exchange.report_json import ExchangeError
from evaldesk.quoting import quote
from evaldesk.model.report import Report

if TYPE_CHECKING:
    from evaldesk.datafile.store import Store

SUFFIXES = (".json", ".xlsx", ".xlsm")


class NotAReportFile(ValueError):
    """The path is no file evaldesk can import (a folder, missing, another kind of file); the text says so."""


@dataclass
class ReadFile:
    """A report read from a file, not stored yet, with what the reader noticed."""

    report: Report
    notes: list[str] = field(default_factory=list)  # every note, the fingerprint's first (for a dialog)
    fingerprint_note: str = ""  # why the workbook's data cannot be vouched for ('' when it can, and for JSON)
    changed_after_export: bool = False  # the workbook's data was changed after it was exported
    fingerprint: str = ""               # the digest the workbook carries ('' for JSON, or when it carries none)
    claimed_total: str = ""             # 总分 the workbook states (never read back as data; '' for JSON)


@dataclass(frozen=True)
class SameReport:
    """A report in the data file that is the same report as the one being imported (module docstring)."""

    id: int
    title: str          # 2021年度 某部门
    identical: bool     # the very same data (fingerprints agree)


def read_report_file(path: Path | str) -> ReadFile:
    """Read ``path``. NotAReportFile for a path that is no report file; ExchangeError (a Chinese message) for a
    file whose content evaldesk cannot take."""
    from evaldesk.exchange.report_json import read_json

    path = Path(path)
    if path.is_dir():
        raise NotAReportFile(f"“{path}”是一个文件夹；请给出 evaldesk 导出的 .xlsx 或 .json 文件")
    if not path.exists():
        raise NotAReportFile(f"找不到文件“{quote(path, 120)}”")
    if not _regular(path):  # a pipe would hang the reader; a device is no file
        raise NotAReportFile(f"“{quote(path.name)}”不是普通文件（可能是管道或设备），不是 evaldesk 导出的文件")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise NotAReportFile(f"无法导入“{path.name}”：只能导入 evaldesk 导出的 .json 或 .xlsx 文件")
    if path.stat().st_size == 0:
        raise NotAReportFile(f"“{quote(path.name)}”是空文件，不是 evaldesk 导出的文件")
    try:
        if suffix == ".json":
            read = ReadFile(read_json(path))
        else:
            from evaldesk.exchange.workbook import read_workbook

            book = read_workbook(path)
            read = ReadFile(book.report, list(book.notes), book.fingerprint_note, book.changed_after_export,
                            book.stored_fingerprint, book.claimed_total)
    except ExchangeError:
        raise
    except Exception as err:  # noqa: BLE001 - a reader's slip on a strange file is a refusal, not a crash
        raise ExchangeError(f"无法读取“{quote(path.name)}”：文件内容不符合 evaldesk 的格式。文件未导入。") from None
    try_later_steps(read.report)
    return read


def _regular(path: Path) -> bool:
    import stat

    return stat.S_ISREG(path.stat().st_mode)


def try_later_steps(report: Report) -> None:
    """Refuse a report that a later step could not handle: it is scored, audited, titled and written as a
    document before it is accepted (milliseconds), so an accepted file never breaks list, score or audit."""
    from evaldesk.audit.engine import audit_report
    from evaldesk.model.document import fingerprint
    from evaldesk.model.layout import report_title
    from evaldesk.scoring.engine import score_report
    from evaldesk.scoring.report_text import sheet_as_data, sheet_as_text

    try:
        sheet = score_report(report)
        audit_report(report, sheet)
        sheet_as_text(report, sheet)
        sheet_as_data(report, sheet)
        report_title(report)
        fingerprint(report)
    except Exception as err:  # noqa: BLE001 - whatever breaks here would break later, for every report
        raise ExchangeError("文件中的数据无法评分或审核，文件未导入。"
                            "请检查所附评分表是否完整。") from None


def _same_department(info, report: Report) -> bool:
    return same_department(info.budget_code, info.department, report.text("cover.budget_code"), report.department)


def same_department(code: str, name: str, other_code: str, other_name: str) -> bool:
    """The rule's department part: the same 预算编码 when both have one, else the same non-empty 部门名称."""
    code, other_code = (code or "").strip(), (other_code or "").strip()
    if code and other_code:
        return code == other_code
    name = (name or "").strip()
    return bool(name) and (other_name or "").strip() == name


def find_same(store: Store, report: Report) -> SameReport | None:
    """The report in ``store`` that is the same report as ``report`` (the rule above), or None."""
    from evaldesk.model.document import fingerprint

    wanted = fingerprint(report)
    matches = []
    for info in store.list_reports():
        if info.year != report.year:
            continue
        identical = fingerprint(store.load(info.id)) == wanted
        if identical or _same_department(info, report):
            matches.append(SameReport(info.id, info.title(), identical))
    matches.sort(key=lambda match: (not match.identical, match.id))
    return matches[0] if matches else None


def store_imported(store: Store, report: Report, replace: int | None = None) -> int:
    """Store ``report`` as a new report, or in place of report ``replace`` (its content, draft and carried marks
    go; cannot be undone). Returns the stored report's number; StoreError for an unknown ``replace``."""
    if replace is None:
        return store.add(report)
    store.load(replace)  # refuses an unknown id before anything is written
    store.replace(replace, report)
    return replace
