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
import os
from decimal import Decimal
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Callable, Iterator

from evaldesk.app.importing import SUFFIXES, NotAReportFile, read_report_file
from evaldesk.app.summary_groups import arrange
from evaldesk.exchange.summary_data import (
    FINGERPRINT_CHANGED, FINGERPRINT_NONE, FINGERPRINT_OK, FileScore, Leaf, SheetShape, Summary, Unreadable,
)

# Fewer files than this are read in this process: starting workers costs more than it saves.
POOL_THRESHOLD = 12
AHEAD_PER_WORKER = 4      # files handed to each worker before its results are taken: keeps memory flat
POLL_SECONDS = 0.2        # how often a waiting run looks at the cancel flag

Progress = Callable[[int, int, str], None]   # (files done, files in all, the file just read)


class SummaryCancelled(Exception):
    """The caller cancelled the run; nothing was written."""


class NotAFolder(ValueError):
    """The folder to summarise does not exist or is a file; the text says so in Chinese."""


def report_files(folder: Path, skip: Path | None = None) -> list[Path]:
    """The report files under ``folder``, in a stable order. Office's lock files (``~$…``) and hidden files are
    not reports; ``skip`` (the summary being written into the same folder) is not one either."""
    folder = Path(folder)
    if not folder.is_dir():
        raise NotAFolder(f"找不到文件夹“{folder}”" if not folder.exists() else f"“{folder}”不是文件夹")
    skip = skip.resolve() if skip else None
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if (path.suffix.lower() in SUFFIXES and not name.startswith(("~$", "."))
                    and (skip is None or path.resolve() != skip)):
                found.append(path)
    return found


def summarise(folder: Path | str, *, year: int | None = None, progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None, workers: int | None = None,
              skip: Path | None = None) -> Summary:
    """Read every report file under ``folder`` and arrange the summary (``year``: the year to rank; by default
    the year most files are for). SummaryCancelled when ``cancelled()`` turns true; NotAFolder."""
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
    return arrange(str(folder), scored, unreadable, shapes, year, files_seen=len(paths))


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
        read = read_report_file(path)
        modified = os.stat(path).st_mtime_ns
    except (NotAReportFile, ExchangeError) as err:
        return Unreadable(shown, _without_name(str(err), Path(path).name))
    except OSError as err:
        return Unreadable(shown, f"无法读取：{err.strerror or err}")
    except Exception as err:  # a reader's slip must not stop the other files; the reason says what it was
        return Unreadable(shown, f"无法读取（内部错误 {type(err).__name__}：{err}）")
    try:
        return _score(read, shown, modified)
    except Exception as err:
        return Unreadable(shown, f"读取成功，但无法评分（内部错误 {type(err).__name__}：{err}）")


def _without_name(reason: str, name: str) -> str:
    """The reader's message names the file; the summary's row already does."""
    for quoted in (f"文件“{name}”", f"工作簿“{name}”"):
        reason = reason.replace(quoted, "文件")
    return reason


def _score(read, shown: str, modified: int) -> FileScore:
    from evaldesk.audit.engine import audit_report, counts
    from evaldesk.audit.findings import Severity
    from evaldesk.model.document import fingerprint
    from evaldesk.model.values import decimal_text
    from evaldesk.scoring.engine import score_report

    report = read.report
    sheet = score_report(report)
    found = counts(audit_report(report, sheet))
    shape = sheet_shape(report.template)
    if read.changed_after_export:
        status = FINGERPRINT_CHANGED
    elif read.fingerprint:
        status = FINGERPRINT_OK
    else:
        status = FINGERPRINT_NONE
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
        shape=shape, digest=shape.digest)


def _plain_total(text: str, decimal_text) -> str:
    """The stated 总分 as exact text ('92.50' → '92.5'); anything else kept as written, to be flagged."""
    from decimal import InvalidOperation

    try:
        return decimal_text(Decimal(text.strip())) if text.strip() else ""
    except InvalidOperation:
        return text.strip()


def sheet_shape(template) -> SheetShape:
    leaves = []
    for leaf in template.leaves:
        names, node = [], leaf
        while node is not None:
            names.insert(0, node.name)
            node = template.by_id.get(node.parent) if node.parent else None
        leaves.append(Leaf(leaf.id, tuple(names), leaf.weight))
    return SheetShape(
        template.id, template.name, tuple((root.id, root.name, root.weight) for root in template.roots),
        tuple(leaves), tuple(band.label for band in template.grades),
        hashlib.sha256(template.to_json().encode("utf-8")).hexdigest()[:16])
