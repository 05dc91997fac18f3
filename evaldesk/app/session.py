"""One report open for filling: the edit → store → rescore → audit pipeline, without Qt.

Every change goes through :meth:`ReportSession.apply`: the edit parses its value (a refused value raises
:class:`~evaldesk.model.values.Rejected` and nothing changes), applies itself and is written to the data file at
once (a file that cannot be written raises :class:`~evaldesk.datafile.errors.StoreError`, and memory is put back, so
nothing changes either); its inverse goes on the :class:`~evaldesk.app.history.History`; the score sheet is
recomputed (well under a millisecond) and so is the audit, unless the texts are so long that the caller should
run it when typing pauses (:attr:`ReportSession.audit_stale`). A session built with ``audit=False`` has no
findings until :meth:`ReportSession.run_audit`, so a window can paint the report first and audit after; the
audit's modules (its checks, their regular expressions) are imported by the first audit, not with this module.
The window wraps a session in a QObject that turns each result into signals (``evaldesk.ui.document``); tests and
scripts drive a session directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from evaldesk.app.history import History, Step
from evaldesk.model.edits import Edit
from evaldesk.model.places import CellPlace, Changes, Place, UnitPlace, UnitsPlace
from evaldesk.model.report import Report
from evaldesk.model.totals import Row, summary_row, unit_rows
from evaldesk.scoring.engine import SheetResult, score_report
from evaldesk.scoring.incremental import rescore

if TYPE_CHECKING:
    from evaldesk.audit.findings import Finding
    from evaldesk.datafile.store import Store


@dataclass(frozen=True)
class Moved:
    """What an undo or redo did: the step's label, the places it wrote, and the place to show the filler."""

    label: str
    changes: Changes
    shown: Place | None


class ReportSession:
    """One open report: its store, the report, the undo history, the live score sheet and findings, and the marks
    of what was carried from last year's report."""

    # The audit reads every text: about 1 ms on an ordinary report, but 13 ms once the texts run to 100,000
    # characters. Past AUDIT_AT_ONCE_UP_TO characters the caller runs it when typing pauses (audit_stale).
    # (Counted in characters, not timed, so the behaviour is the same on a busy machine and in tests.)
    AUDIT_AT_ONCE_UP_TO = 30_000

    def __init__(self, store: Store, report: Report, *, audit: bool = True):
        """``audit=False``: no findings yet and ``audit_stale`` until :meth:`run_audit` (the window's first paint
        does not wait for the audit)."""
        self.store = store
        self.report = report
        self.history = History()
        self.carried = store.carried(report.id)  # what came from last year's report (empty if nothing was)
        self._count_part_two()
        self.sheet: SheetResult = score_report(report, summary=self.summary)
        self.audit_memo = None  # made by the first audit: each audit reuses the last one's unchanged work
        self.findings: list[Finding] = []
        self.audit_stale = True  # the findings lag behind the report until run_audit()
        if audit:
            self.run_audit()
        self._next_backup_check = 0.0  # monotonic time of the next look at the 备份 folder (the first edit looks)

    @classmethod
    def open(cls, store: Store, report_id: int) -> "ReportSession":
        """The stored report ``report_id``; StoreError if the file has none."""
        return cls(store, store.load(report_id))

    # ---- changing the report

    def apply(self, edit: Edit, merge: bool = True) -> Changes:
        """Validate, apply, store and record ``edit``; returns the places it changed. Rejected or StoreError pass
        up with nothing changed. With ``merge`` a keystroke in the place of the last step joins that step."""
        inverse = self.store.apply(self.report, edit)
        self.history.record(edit, inverse, merge)
        changes = edit.changes()
        self.recompute(changes)
        self._back_up_when_due()
        return changes

    BACKUP_CHECK_EVERY = 60.0
    """Seconds between looks at the 备份 folder while editing (a copy is due after a stretch, backups.STRETCH)."""

    def _back_up_when_due(self) -> None:
        import time

        from evaldesk.datafile.backups import back_up_while_editing

        now = time.monotonic()
        if now < self._next_backup_check:
            return
        self._next_backup_check = now + self.BACKUP_CHECK_EVERY
        back_up_while_editing(self.store)

    def undo(self) -> Moved | None:
        """Undo the last step (None if there is none). If the file cannot be written StoreError passes up and the
        step stays where it was, so the report and the history still agree."""
        step = self.history.to_undo()
        if step is None:
            return None
        self._write(step.inverse)
        self.history.index -= 1
        return self._moved(step, step.inverse)

    def redo(self) -> Moved | None:
        """Redo the next step (None if there is none); failures as for :meth:`undo`."""
        step = self.history.to_redo()
        if step is None:
            return None
        self._write(step.edit)
        self.history.index += 1
        return self._moved(step, step.edit)

    def _write(self, edit: Edit) -> None:
        self.store.apply(self.report, edit)  # undo edits are unchecked: they put back exactly what was stored
        self.recompute(edit.changes())

    @staticmethod
    def _moved(step: Step, applied: Edit) -> Moved:
        return Moved(step.label, applied.changes(), step.edit.changes().first_shown())

    def break_merge(self) -> None:
        """The next keystroke starts a new undo step (called when a field loses the focus)."""
        self.history.break_merge()

    def can_undo(self) -> bool:
        return self.history.can_undo()

    def can_redo(self) -> bool:
        return self.history.can_redo()

    def undo_text(self) -> str:
        return self.history.undo_text()

    def redo_text(self) -> str:
        return self.history.redo_text()

    # ---- scores and findings

    def recompute(self, changes: Changes | None = None) -> None:
        """Score the report again after ``changes`` (None: anything may have changed) — only the indicators they
        can change; audit it too, unless its texts are long (then ``audit_stale`` until :meth:`run_audit`)."""
        if changes is None or changes.any(CellPlace, UnitPlace, UnitsPlace):
            self._count_part_two()
        if changes is None:
            self.sheet = score_report(self.report, summary=self.summary)
        else:
            self.sheet = rescore(self.sheet, self.report, changes, self.summary)
        if self.text_length() <= self.AUDIT_AT_ONCE_UP_TO:
            self.run_audit()
        else:
            self.audit_stale = True

    def _count_part_two(self) -> None:
        """Part 二's computed rows — each unit's 合计 and the 汇总 row — once per change, shared by scoring, the
        audit and every view that shows them (they are never stored: SPEC, computed values)."""
        self.unit_rows: dict[str, Row] = unit_rows(self.report)
        self.summary: Row = summary_row(self.report, self.unit_rows)

    def run_audit(self) -> None:
        from evaldesk.audit.engine import audit_report  # its checks and their regexes: loaded by the first audit
        from evaldesk.audit.memo import AuditMemo

        if self.audit_memo is None:
            self.audit_memo = AuditMemo()
        self.findings = audit_report(self.report, self.sheet, self.unit_rows, self.summary, self.audit_memo)
        self.audit_stale = False

    def text_length(self) -> int:
        texts = [value for value in self.report.fields.values() if isinstance(value, str)]
        texts += [text for items in self.report.lists.values() for item in items for text in item.values.values()]
        return sum(len(text) for text in texts)

    # ---- what came from last year

    def carried_from(self, key: str, unit_id: str | None = None) -> str | None:
        """A note for a value still as carried from last year's report, else None."""
        carried = (self.carried.cell_is_carried(self.report, unit_id, key) if unit_id
                   else self.carried.field_is_carried(self.report, key))
        if not carried:
            return None
        return f"由 {self.carried.source_year or self.report.year - 1} 年度报告带入，可修改"
