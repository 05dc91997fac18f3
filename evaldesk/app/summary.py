"""The bureau desk: a folder of departments' files → one summary, without importing anything into a data file.

Every .xlsx / .json file in the folder and its subfolders is read with the very reader ``evaldesk import`` uses
(:func:`evaldesk.app.importing.read_report_file`), re-scored (``score_report``) and re-audited (``audit_report``)
from its data, and reduced to a small :class:`FileScore`. A file that cannot be read becomes an
:class:`Unreadable` with the reader's Chinese reason; nothing stops the run but the caller's cancel.

The files are read by worker processes (both cores of the bureau's PC), at most a few files ahead of the results
taken, so memory stays flat however many files there are: each worker holds one report at a time and sends back a
record of a few kilobytes. Workers are *spawned*, never forked: the window runs this from a thread of a Qt process,
and a spawned worker imports only this module's plain-Python imports (no Qt). See ``docs/summary.md``.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from decimal import Decimal
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Callable, Iterator

from evaldesk.app.summary_expected import Expected, compare_with_expected
from evaldesk.app.summary_groups import arrange
from evaldesk.app.summary_kinds import not_a_report
from evaldesk.app.summary_reasons import plain_reason
from evaldesk.exchange.summary_data import (
    FINGERPRINT_CHANGED, FINGERPRINT_NONE, FINGERPRINT_OK, NOT_A_REPORT, SHOWN_CHANGED, SHOWN_NONE, SHOWN_OK,
    FileScore, Leaf, SheetShape, Summary, Unreadable,
)

# Fewer files than this are read in this process: starting workers costs more than it saves.
POOL_THRESHOLD = 12
AHEAD_PER_WORKER = 4      # files handed to each worker before its results are taken: keeps memory flat
POLL_SECONDS = 0.2        # how often a waiting run looks at the cancel flag
SHOWN_LISTED = 8          # cells changed on the visible sheets named per file
ERRORS_LISTED = 3         # the audit's 错误 quoted per file

Progress = Callable[[int, int, str], None]   # (files done, files in all, the file just read)


class SummaryCancelled(Exception):
    """The caller cancelled the run; nothing was written."""


class NotAFolder(ValueError):
    """The folder to summarise does not exist or is a file; the text says so in Chinese."""


def report_files(folder: Path, skip: Path | None = None) -> list[Path]:
    """Every file under ``folder``, in a stable order (all of them are accounted for: the ones that are no
    report are named with what they are). Only ``skip`` — the summary being written into the same folder — is
    left out; hidden folders (.git and the like) are not looked into."""
    folder = Path(folder)
    if not folder.is_dir():
        raise NotAFolder(f"找不到文件夹“{folder}”" if not folder.exists() else f"“{folder}”不是文件夹")
    skip = skip.resolve() if skip else None
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if skip is None or path.resolve() != skip:
                found.append(path)
    return found


def summarise(folder: Path | str, *, year: int | None = None, progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None, workers: int | None = None,
              skip: Path | None = None, expected: Expected | None = None, region: str = "",
              bureau: str = "") -> Summary:
    """Read every file under ``folder`` and arrange the summary (``year``: the year to rank; by default the year
    most files are for; ``expected``: the departments the bureau expects). SummaryCancelled when ``cancelled()``
    turns true; NotAFolder."""
    folder = Path(folder)
    paths = report_files(folder, skip)
    cancelled = cancelled or (lambda: False)
    if workers is None:
        workers = 1 if len(paths) < POOL_THRESHOLD else max(1, min(os.cpu_count() or 1, 8))
    scored: list[FileScore] = []
    unreadable: list[Unreadable] = []
    shapes: dict[str, SheetShape] = {}
    for done, result in enumerate(_results(paths, folder, workers, cancelled), 1):
        if isinstance(result, Unreadable):
            unreadable.append(result)
        else:
            # One copy of each score sheet is enough: the rows keep only its digest (memory stays flat).
            shapes.setdefault(result.digest, result.shape)
            result.shape = None
            scored.append(result)
        if progress:
            progress(done, len(paths), result.path)
    summary = arrange(str(folder), scored, unreadable, shapes, year, files_seen=len(paths))
    summary.region = region.strip() or (summary.shape.region if summary.shape else "")
    summary.bureau = bureau.strip() or (summary.shape.bureau if summary.shape else "")
    if expected is not None:
        compare_with_expected(summary, expected)
    return summary


def _results(paths: list[Path], folder: Path, workers: int, cancelled) -> Iterator[FileScore | Unreadable]:
    if workers <= 1:
        for path in paths:
            if cancelled():
                raise SummaryCancelled()
            yield read_one(str(path), str(folder))
        return
    import multiprocessing

    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        queue = iter(paths)
        pending = set()
        while True:
            while len(pending) < workers * AHEAD_PER_WORKER:
                path = next(queue, None)
                if path is None:
                    break
                pending.add(pool.submit(read_one, str(path), str(folder)))
            if not pending:
                return
            done, pending = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
            if cancelled():
                raise SummaryCancelled()
            for future in done:
                yield future.result()   # read_one never raises
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def read_one(path: str, folder: str) -> FileScore | Unreadable:
    """One file → its record (runs in a worker). Never raises: whatever goes wrong is the file's reason."""
    from evaldesk.exchange.report_json import ExchangeError

    shown = Path(path).relative_to(folder).as_posix() if Path(path).is_relative_to(folder) else path
    try:
        with open(path, "rb") as handle:
            head = handle.read(512)
        stat = os.stat(path)
        what = not_a_report(Path(path), head, stat.st_size)
        if what is not None:
            return Unreadable(shown, what, NOT_A_REPORT)
        read = _read(Path(path))
    except ExchangeError as err:
        return Unreadable(shown, plain_reason(_without_name(str(err), Path(path).name)))
    except OSError as err:
        return Unreadable(shown, f"无法读取：{err.strerror or err}")
    except Exception as err:  # a reader's slip must not stop the other files; the reason says what it was
        return Unreadable(shown, f"无法读取（内部错误 {type(err).__name__}：{err}）")
    try:
        return _score(read, shown, stat.st_mtime_ns)
    except Exception as err:   # what import's try_later_steps refuses: said in its words
        return Unreadable(shown, f"文件中的数据无法评分或审核（{type(err).__name__}），请检查所附评分表是否完整")


@dataclass
class _Read:
    """A file read, and what it says about itself."""

    report: object
    status: str                 # FINGERPRINT_*
    claimed_total: str = ""
    exported_at: str = ""
    shown_changes: list = field(default_factory=list)
    shown_checked: bool = False
    generator: str = ""


def _read(path: Path) -> _Read:
    """Read a report file as ``evaldesk import`` does (the same readers and checks; import's trial scoring and
    audit is the scoring below), and for a workbook what its visible sheets show."""
    from evaldesk.exchange.report_json import read_json_export

    if path.suffix.lower() == ".json":
        got = read_json_export(path)
        status = (FINGERPRINT_CHANGED if got.changed_after_export
                  else FINGERPRINT_OK if got.stored_fingerprint else FINGERPRINT_NONE)
        read = _Read(got.report, status, exported_at=got.exported_at)
    else:
        read = _workbook(path)
    return read


def _workbook(path: Path) -> _Read:
    from evaldesk import __version__
    from evaldesk.exchange.workbook import read_workbook, shown_from_data
    from evaldesk.exchange.workbook_shown import differences, shown_digest

    book = read_workbook(path, shown=True)
    status = (FINGERPRINT_CHANGED if book.changed_after_export
              else FINGERPRINT_OK if book.stored_fingerprint else FINGERPRINT_NONE)
    read = _Read(book.report, status, book.claimed_total, book.exported_at)
    read.generator = book.generator if book.generator and book.generator != f"evaldesk {__version__}" else ""
    # What the sheets show is vouched for by the digest written at export; only when it no longer agrees (or
    # the file has none) are the sheets written again from the data and compared cell by cell — and when the
    # data was changed, to say what the sheets still show.
    if status == FINGERPRINT_CHANGED or not (book.stored_shown and shown_digest(book.shown) == book.stored_shown):
        read.shown_changes = differences(book.shown, shown_from_data(book.report))
    read.shown_checked = True
    return read


def _without_name(reason: str, name: str) -> str:
    """The reader's message names the file; the summary's row already does."""
    for quoted in (f"文件“{name}”", f"工作簿“{name}”"):
        reason = reason.replace(quoted, "文件")
    return reason


def _score(read: _Read, shown: str, modified: int) -> FileScore:
    from evaldesk.audit.engine import audit_report, counts
    from evaldesk.audit.findings import Severity
    from evaldesk.model.document import fingerprint
    from evaldesk.model.values import decimal_text
    from evaldesk.scoring.engine import score_report

    report = read.report
    sheet = score_report(report)
    findings = audit_report(report, sheet)
    found = counts(findings)
    errors = tuple(finding.message for finding in findings if finding.severity == Severity.ERROR)
    shape = sheet_shape(report.template)
    status = read.status
    report_date = report.fields.get("cover.report_date")
    return FileScore(
        path=shown, modified_ns=modified, year=report.year, department=report.department.strip(),
        budget_code=report.text("cover.budget_code").strip(),
        report_date=report_date.isoformat() if hasattr(report_date, "isoformat") else "",
        fingerprint=fingerprint(report), fingerprint_status=status,
        claimed_total=_plain_total(read.claimed_total, decimal_text),
        roots={root_id: sheet.result(root_id).score or Decimal(0) for root_id, _name, _weight in shape.roots},
        total=sheet.final_total, partial_total=sheet.total, pending=len(sheet.pending), grade=sheet.grade or "",
        errors=found[Severity.ERROR], warnings=found[Severity.WARNING], infos=found[Severity.INFO],
        leaves={leaf.id: sheet.indicators[leaf.id].score for leaf in shape.leaves},
        shape=shape, digest=shape.digest, exported_at=read.exported_at,
        shown_status=(SHOWN_CHANGED if read.shown_changes else SHOWN_OK) if read.shown_checked else SHOWN_NONE,
        shown_changes=tuple(read.shown_changes[:SHOWN_LISTED]), shown_change_count=len(read.shown_changes),
        other_version=read.generator if read.shown_changes else "", error_texts=errors[:ERRORS_LISTED])


def _plain_total(text: str, decimal_text) -> str:
    """The stated 总分 as exact text ('92.50' → '92.5'); anything else kept as written, to be flagged."""
    from decimal import InvalidOperation

    try:
        return decimal_text(Decimal(text.strip())) if text.strip() else ""
    except InvalidOperation:
        return text.strip()


def sheet_shape(template) -> SheetShape:
    data = json.loads(template.to_json())
    scored = {entry["id"]: _without_wording(entry) for entry in data.get("indicators", [])}
    leaves = []
    for leaf in template.leaves:
        names, node = [], leaf
        while node is not None:
            names.insert(0, node.name)
            node = template.by_id.get(node.parent) if node.parent else None
        leaves.append(Leaf(leaf.id, tuple(names), leaf.weight, _digest(scored.get(leaf.id))))
    # What the sheet scores: its indicators without their wording, the total and the grade bands.
    scoring = _digest({"indicators": list(scored.values()), "total": data.get("total"), "grades": data.get("grades")})
    return SheetShape(
        template.id, template.name, tuple((root.id, root.name, root.weight) for root in template.roots),
        tuple(leaves), tuple(band.label for band in template.grades),
        hashlib.sha256(template.to_json().encode("utf-8")).hexdigest()[:16], scoring,
        tuple((band.label, band.minimum) for band in template.grades),
        template.cover.get("region", "").strip(), _bureau(template.cover.get("bureau", "")))


def _bureau(line: str) -> str:
    """岳阳市云溪财政局（制） → 岳阳市云溪财政局."""
    line = line.strip()
    for mark in ("（制）", "(制)"):
        line = line.removesuffix(mark).strip()
    return line


# Keys that word an indicator (its name, its standard, a figure's label), not how it is scored.
_WORDING = {"name", "standard", "label", "help", "hint", "note", "text", "title", "description", "source"}


def _without_wording(node):
    if isinstance(node, dict):
        return {key: _without_wording(value) for key, value in sorted(node.items()) if key not in _WORDING}
    if isinstance(node, list):
        return [_without_wording(value) for value in node]
    return node


def _digest(data) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()[:16]
