"""The editors of an indicator table's cells, made only while a cell is edited (TableDelegate.createEditor).

Each stores what is typed at every keystroke (the score follows the typing), through :meth:`Typing.type`: a text
the report refuses is left on screen, marked, with its message in the tooltip and under the table; what the report
held before this round of typing is put back, so "12" of a refused "12x" is not left stored. Esc puts back what the
cell held when its editor opened. Enter stores and moves down, Tab to the next cell (the delegate's keys), Ctrl+Z /
Ctrl+Y go to the window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QLineEdit, QPlainTextEdit

from evaldesk.model.edits import SetField
from evaldesk.model.places import parse_key
from evaldesk.ui.fields import ERROR_STYLE, GiveUndoToWindow, display
from evaldesk.ui.sheet_table import IndicatorModel

_UNSET = object()


class Typing:
    """One report key typed into: the value before the round of typing, and what was refused."""

    def __init__(self, model: IndicatorModel, key: str):
        self.model = model
        self.key = key
        self.place = parse_key(key)
        self.at_open = model.document.report.get(key)   # Esc puts this back
        self.before = _UNSET
        self.busy = False   # storing a keystroke (the editor's own change: not shown back to it)

    def shown(self) -> str:
        """What the cell shows when its editor opens: a refused text still marked, else the stored value."""
        error = self.model.error_of(self.key)
        return error[0] if error else display(self.model.document.report.get(self.key))

    def type(self, text, *, merge: bool = True) -> str | None:
        """Store ``text`` (None / "" clears); the refusal's message, if any. Keystrokes in one cell merge into one
        undo step; a choice (``merge`` false) is a step of its own."""
        document = self.model.document
        report = document.report
        if self.before is _UNSET:
            self.before = report.get(self.key)
        label = f"修改{self.place.phrase(report)}"
        self.busy = True
        try:
            message = document.try_apply(SetField(self.key, text, label), merge=merge)
            if message is not None and report.get(self.key) != self.before:
                document.try_apply(SetField(self.key, self.before, label, checked=False))
        finally:
            self.busy = False
        self.model.mark(self.key, self.place, "" if text is None else str(text), message)
        return message

    def finish(self) -> None:
        """The round of typing is over: the next keystroke starts a new undo step; a refusal is said."""
        self.before = _UNSET
        self.model.document.break_merge()
        error = self.model.error_of(self.key)
        if error:
            self.model.refused.emit(*error)

    def revert(self) -> None:
        document = self.model.document
        if document.report.get(self.key) != self.at_open:
            document.try_apply(SetField(self.key, self.at_open, "撤回输入", checked=False), merge=False)
        self.model.mark(self.key, self.place, None)
        document.break_merge()


class CellEditor(GiveUndoToWindow):
    """Mixin: what the view asks of an editor (finish, revert, replace_on_typing), the window's undo keys, and the
    stored value shown again when it changes from elsewhere (undo, redo) while the editor is open."""

    delegate = None
    typing: Typing

    def follow(self) -> None:
        self.typing.model.document.watch(self.typing.place, self._stored_changed)

    def _stored_changed(self, _changes) -> None:
        if not self.typing.busy:
            self.typing.before = _UNSET
            self.show_stored()

    def show_stored(self) -> None:
        pass

    def finish(self) -> None:
        self.typing.finish()

    def revert(self) -> None:
        self.typing.revert()

    def replace_on_typing(self) -> None:
        pass

    def show_refusal(self, message: str | None) -> None:
        style = ERROR_STYLE if message else ""
        if self.styleSheet() != style:
            self.setStyleSheet(style)
        if self.toolTip() != (message or ""):
            self.setToolTip(message or "")

    def close_with(self, hint) -> None:
        if self.delegate is not None:
            self.delegate.close(self, hint)


class LineCellEditor(CellEditor, QLineEdit):
    """A one-line cell: a figure, a hand score."""

    def __init__(self, parent, model: IndicatorModel, key: str, align=Qt.AlignmentFlag.AlignRight):
        super().__init__(parent)
        self.typing = Typing(model, key)
        self.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        self.setText(self.typing.shown())
        self.show_refusal(model.error_of(key) and model.error_of(key)[1])
        self.textEdited.connect(lambda text: self.show_refusal(self.typing.type(text)))
        self.follow()

    def show_stored(self) -> None:
        self.setText(self.typing.shown())
        self.show_refusal(None)

    def replace_on_typing(self) -> None:
        self.selectAll()


class TextCellEditor(CellEditor, QPlainTextEdit):
    """A text cell (扣分原因): wraps as it is painted; Enter stores and moves down, Alt+Enter or Shift+Enter starts
    a new line."""

    def __init__(self, parent, model: IndicatorModel, key: str, menu=None):
        super().__init__(parent)
        self.typing = Typing(model, key)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.document().setDocumentMargin(3)
        self.setPlainText(self.typing.shown())
        self.moveCursor(self.textCursor().MoveOperation.End)
        self.setToolTip("Enter：保存并到下一行；Alt+Enter：换行")
        self.textChanged.connect(lambda: self.show_refusal(self.typing.type(self.toPlainText())))
        self.follow()
        if menu is not None:   # extra entries on the right-click menu (the 扣分原因 draft)
            self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.customContextMenuRequested.connect(lambda at: menu(self, self.mapToGlobal(at)))

    def show_stored(self) -> None:
        blocked = self.blockSignals(True)
        self.setPlainText(self.typing.shown())
        self.blockSignals(blocked)
        self.show_refusal(None)

    def replace_on_typing(self) -> None:
        self.selectAll()

    def keyPressEvent(self, event):  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier):
                self.insertPlainText("\n")
            else:
                self.close_with(QAbstractItemDelegate.EndEditHint.SubmitModelCache)
            return
        super().keyPressEvent(event)
