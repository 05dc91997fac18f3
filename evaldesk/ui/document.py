"""The open report as the window sees it: a QObject around a :class:`~evaldesk.app.session.ReportSession` that
turns what the session did into signals, so each view repaints only its own part.

The session does the work (validate, apply, store, record for undo, rescore, audit); this adapter adds what only
a window has: the signals, a timer that audits very long texts when typing pauses, and the places on screen whose
text was refused (they were never stored, so the session does not know them).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from evaldesk.app.session import Moved, ReportSession
from evaldesk.model.edits import Edit
from evaldesk.datafile.errors import ChangedElsewhere, StoreError
from evaldesk.model.places import Changes, Place
from evaldesk.model.values import Rejected

if TYPE_CHECKING:
    from evaldesk.datafile.store import Store


class ReportDocument(QObject):
    """One report open in the window."""

    changed = Signal(object)      # the Changes of the edit just applied (see evaldesk.model.places)
    stale = Signal(str)           # another program changed the file: nothing was written, read the report again
    refusals_changed = Signal(int)  # how many places on screen hold text that was not accepted
    rescored = Signal(object)     # SheetResult
    audited = Signal(list)        # list[Finding]
    failed = Signal(str)          # the data file could not be written: a message for the filler
    history_moved = Signal(int)   # the undo history changed (its index): undo/redo texts and buttons follow

    AUDIT_AT_ONCE_UP_TO = ReportSession.AUDIT_AT_ONCE_UP_TO
    AUDIT_PAUSE_MS = 150

    def __init__(self, store: Store, report, parent: QObject | None = None, *, audit: bool = True):
        """The report open over ``store``; with ``audit`` false it has no findings until :meth:`run_audit` (the
        window runs it once the report is painted: open_report)."""
        super().__init__(parent)
        self.session = ReportSession(store, report, audit=audit)
        self.refusals: dict[Place, str] = {}  # a place on screen → why its text was refused
        # place → the editors showing it: told when their place changes, without every editor of the report
        # being called on every edit (a 2,000-indicator sheet has some 5,000 of them).
        self._watchers: dict[Place, list[tuple[weakref.ref, Callable]]] = {}
        self._audit_timer = QTimer(self)
        self._audit_timer.setSingleShot(True)
        self._audit_timer.timeout.connect(self.run_audit)

    # ---- what the views read

    @property
    def store(self) -> Store:
        return self.session.store

    @property
    def report(self):
        return self.session.report

    @property
    def sheet(self):
        return self.session.sheet

    @property
    def findings(self):
        return self.session.findings

    @property
    def summary(self):
        """The 汇总 row, computed once per change by the session."""
        return self.session.summary

    @property
    def unit_rows(self):
        """Each unit's row of part 二 with its 合计, computed once per change by the session."""
        return self.session.unit_rows

    @property
    def carried(self):
        return self.session.carried

    @property
    def history(self):
        return self.session.history

    def carried_from(self, key: str, unit_id: str | None = None) -> str | None:
        return self.session.carried_from(key, unit_id)

    def text_length(self) -> int:
        return self.session.text_length()

    def watch(self, place: Place, slot: Callable[[Changes], None]) -> None:
        """Call ``slot`` (a method of a QObject) with the Changes of every edit that changes ``place``, for as long
        as its object lives (a rebuilt page drops its editors: they are forgotten then)."""
        self._watchers.setdefault(place, []).append((weakref.ref(slot.__self__), slot.__func__))

    def _tell_watchers(self, changes: Changes) -> None:
        for place in changes:
            watchers = self._watchers.get(place)
            if not watchers:
                continue
            alive = [(ref, func) for ref, func in watchers if ref() is not None and shiboken6.isValid(ref())]
            if alive:
                self._watchers[place] = alive
            else:
                del self._watchers[place]
            for ref, func in alive:
                widget = ref()
                if widget is not None and shiboken6.isValid(widget):  # an earlier slot may have rebuilt a page
                    func(widget, changes)

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
            changes = self.session.apply(edit, merge)
        except ChangedElsewhere as err:  # nothing written: the window reads the file again
            self.stale.emit(str(err))
            return False
        except StoreError as err:
            self.failed.emit(str(err))
            return False
        self.history_moved.emit(self.session.history.index)
        self._tell(changes)
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
        self.session.break_merge()

    def can_undo(self) -> bool:
        return self.session.can_undo()

    def can_redo(self) -> bool:
        return self.session.can_redo()

    def undo(self) -> Moved | None:
        """Undo the last step; what it did (None if nothing, or if the file could not be written: ``failed``)."""
        return self._move(self.session.undo)

    def redo(self) -> Moved | None:
        return self._move(self.session.redo)

    def _move(self, step) -> Moved | None:
        try:
            moved = step()
        except ChangedElsewhere as err:
            self.stale.emit(str(err))
            return None
        except (StoreError, Rejected) as err:
            self.failed.emit(str(err))
            return None
        if moved is not None:
            self._tell(moved.changes)
            self.history_moved.emit(self.session.history.index)
        return moved

    def _tell(self, changes) -> None:
        """The session has rescored (and audited, unless the texts are long): tell the views."""
        self.rescored.emit(self.session.sheet)
        if self.session.audit_stale:
            self._audit_timer.start(self.AUDIT_PAUSE_MS)
        else:
            self._audit_timer.stop()
            self.audited.emit(self.session.findings)
        self.changed.emit(changes)
        self._tell_watchers(changes)

    # The audit reads every text: about 1 ms on an ordinary report, 13 ms once the texts run to 100,000 characters.
    # Past AUDIT_AT_ONCE_UP_TO characters the session leaves its findings stale and this timer catches up when
    # typing pauses, instead of auditing on every keystroke.

    def run_audit(self) -> None:
        self._audit_timer.stop()
        self.session.run_audit()
        self.audited.emit(self.session.findings)
