"""The open report as the window sees it: its store, its undo stack, and its live scores and findings.

Every change goes through :meth:`ReportDocument.apply`: the edit is validated, applied and written to the data
file at once; the inverse goes on the undo stack; scores and the audit are recomputed (microseconds to a few
milliseconds) and views are told exactly what changed, so each repaints only its own part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from evaldesk.audit.engine import audit_report
from evaldesk.model.edits import Edit, SetCell, SetField, SetItemValue
from evaldesk.model.places import Place
from evaldesk.model.report import Report
from evaldesk.model.paths import StoreError
from evaldesk.model.values import Rejected
from evaldesk.scoring.engine import SheetResult, score_report

if TYPE_CHECKING:
    from evaldesk.model.store import Store


def _typing_key(edit: Edit) -> Place | None:
    """Edits that may merge with the next one on the same field: consecutive keystrokes undo together."""
    if isinstance(edit, (SetField, SetCell, SetItemValue)):
        return edit.changes().places[0]
    return None


def _same_value(edit: Edit, inverse: Edit) -> bool:
    """Both set the same place to the same value, so the step changes nothing."""
    return (type(edit) is type(inverse) and isinstance(edit, (SetField, SetCell, SetItemValue))
            and _typing_key(edit) == _typing_key(inverse) and edit.value == inverse.value)


class _EditCommand(QUndoCommand):
    MERGE_ID = 1

    def __init__(self, document: "ReportDocument", edit: Edit, inverse: Edit, merge: bool):
        super().__init__(edit.label)
        self.document = document
        self.edit = edit
        self.inverse = inverse
        self.merge_key = _typing_key(edit) if merge else None
        self._first = True

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self.MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, _EditCommand) or other.merge_key != self.merge_key or self.merge_key is None:
            return False
        self.edit = other.edit  # redo goes to the latest value; undo still goes back to before the first keystroke
        if _same_value(self.edit, self.inverse):
            self.setObsolete(True)  # typed and taken back (a refused text restored): no step left to undo
        return True

    def redo(self) -> None:
        if self._first:  # the edit was already applied when the command was built
            self._first = False
            return
        self.document._run(self.edit)

    def undo(self) -> None:
        self.document._run(self.inverse)


class ReportDocument(QObject):
    """One report open in the window."""

    changed = Signal(object)      # the Changes of the edit just applied (see evaldesk.model.places)
    refusals_changed = Signal(int)  # how many places on screen hold text that was not accepted
    rescored = Signal(object)     # SheetResult
    audited = Signal(list)        # list[Finding]
    failed = Signal(str)          # the data file could not be written: a message for the filler

    def __init__(self, store: Store, report: Report, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.report = report
        self.undo_stack = QUndoStack(self)
        self.refusals: dict[Place, str] = {}  # a place on screen → why its text was refused
        from evaldesk.templates.newyear import carried_marks

        self.carried = carried_marks(store, report.id)  # what came from last year's report
        self.sheet: SheetResult = score_report(report)
        self._audit_timer = QTimer(self)
        self._audit_timer.setSingleShot(True)
        self._audit_timer.timeout.connect(self.run_audit)
        self.findings = audit_report(report, self.sheet)

    def carried_from(self, key: str, unit_id: str | None = None) -> str | None:
        """A note for a value still as carried from last year's report, else None."""
        carried = (self.carried.cell_is_carried(self.report, unit_id, key) if unit_id
                   else self.carried.field_is_carried(self.report, key))
        if not carried:
            return None
        return f"由 {self.carried.source_year or self.report.year - 1} 年度报告带入，可修改"

    def note_refusal(self, place: Place, message: str | None) -> None:
        """An editor shows (or no longer shows) a refused text at ``place``; the window counts them."""
        before = len(self.refusals)
        if message:
            self.refusals[place] = message
        else:
            self.refusals.pop(place, None)
        if len(self.refusals) != before:
            self.refusals_changed.emit(len(self.refusals))

    # ---- changing the report

    def apply(self, edit: Edit, *, merge: bool = True) -> bool:
        """Validate, apply, store and record ``edit``. A refused value raises Rejected (nothing changed);
        a file that cannot be written emits ``failed`` and returns False (nothing changed)."""
        try:
            inverse = self.store.apply(self.report, edit)
        except StoreError as err:
            self.failed.emit(str(err))
            return False
        self.undo_stack.push(_EditCommand(self, edit, inverse, merge))
        self._after(edit)
        return True

    def try_apply(self, edit: Edit, *, merge: bool = True) -> str | None:
        """Like :meth:`apply` but returns the refusal message instead of raising (None when stored)."""
        try:
            self.apply(edit, merge=merge)
        except Rejected as err:
            return str(err)
        return None

    def break_merge(self) -> None:
        """The next keystroke starts a new undo step (called when a field loses focus)."""
        command = self.undo_stack.command(self.undo_stack.index() - 1) if self.undo_stack.index() else None
        if isinstance(command, _EditCommand):
            command.merge_key = None

    def _run(self, edit: Edit) -> None:
        try:
            self.store.apply(self.report, edit)
        except (StoreError, Rejected) as err:
            self.failed.emit(str(err))
            return
        self._after(edit)

    def _after(self, edit: Edit) -> None:
        self.recompute()
        self.changed.emit(edit.changes())

    # The audit reads every text: about 1 ms on an ordinary report, but 13 ms once the texts run to 100,000
    # characters. Past AUDIT_AT_ONCE_UP_TO characters it runs when typing pauses instead of on every keystroke.
    # (Counted in characters, not timed, so the behaviour is the same on a busy machine and in tests.)
    AUDIT_AT_ONCE_UP_TO = 30_000
    AUDIT_PAUSE_MS = 150

    def recompute(self) -> None:
        self.sheet = score_report(self.report)
        self.rescored.emit(self.sheet)
        if self.text_length() <= self.AUDIT_AT_ONCE_UP_TO:
            self.run_audit()
        else:
            self._audit_timer.start(self.AUDIT_PAUSE_MS)

    def text_length(self) -> int:
        texts = [value for value in self.report.fields.values() if isinstance(value, str)]
        texts += [text for items in self.report.lists.values() for item in items for text in item.values.values()]
        return sum(len(text) for text in texts)

    def run_audit(self) -> None:
        self._audit_timer.stop()
        self.findings = audit_report(self.report, self.sheet)
        self.audited.emit(self.findings)
