"""Editors bound to one key of the report: what the filler types is stored at once, a refusal is shown in place.

Undo/redo keys are handed to the window's actions (the editors' own undo is off), so Ctrl+Z undoes across
fields and tabs, and consecutive keystrokes in one field undo together (see document.py).
"""

from __future__ import annotations

import datetime as _dt

import shiboken6
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from evaldesk.model.edits import SetField
from evaldesk.model.places import parse_key
from evaldesk.model.values import decimal_text, format_date_cn
from evaldesk.ui.document import ReportDocument

ERROR_STYLE = "border: 1px solid #c0392b; background: #fdecea;"
ERROR_LABEL_STYLE = "color: #c0392b;"
CARRIED_STYLE = "background: #eaf3fd;"  # a value carried from last year's report, still unchanged


def is_undo_key(event) -> bool:
    return (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
            or (event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier))


class GiveUndoToWindow:
    """Mixin: let the window's 撤销/重做 actions have Ctrl+Z / Ctrl+Y even while this editor has focus."""

    def event(self, event):  # noqa: D401
        if event.type() == QEvent.Type.ShortcutOverride and is_undo_key(event):
            event.ignore()
            return False
        return super().event(event)


_UNSET = object()


def display(value) -> str:
    """A stored value as the editor shows it."""
    if value is None:
        return ""
    if isinstance(value, _dt.date):
        return format_date_cn(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if hasattr(value, "as_tuple"):
        return decimal_text(value)
    return str(value)


class FieldEditor(QWidget):
    """An editor for a field key, with a line under it that says why a value was refused."""

    def __init__(self, document: ReportDocument, key: str, editor: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.key = key
        self.place = parse_key(key)
        self.editor = editor
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_LABEL_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)
        self.setFocusProxy(editor)
        self._typing = False
        self._before = _UNSET  # what the field held when this round of typing began
        document.watch(self.place, self._on_changed)

    # subclasses: text() / set_text()
    def text(self) -> str:
        raise NotImplementedError

    def set_text(self, text: str) -> None:
        raise NotImplementedError

    def stored_text(self) -> str:
        return display(self.document.report.get(self.key))

    def refresh(self) -> None:
        self.end_typing()
        self.show_error(None)
        if self.text() != self.stored_text():
            self.set_text(self.stored_text())

    def commit(self) -> None:
        """Store what is typed; show the refusal in place if the field cannot take it.

        Typing stores on every keystroke, so a refused text must not leave behind what its first keystrokes
        made ("12" of "12.5", "10" of "105"): the field then goes back to what it held before this round of
        typing, and the refused text stays on screen, marked, until the filler mends it."""
        if self._before is _UNSET:
            self._before = self.document.report.get(self.key)
        label = f"修改{self.place.phrase(self.document.report)}"
        self._typing = True
        try:
            message = self.document.try_apply(SetField(self.key, self.text(), label))
            if message is not None and self.document.report.get(self.key) != self._before:
                self.document.try_apply(SetField(self.key, self._before, label, checked=False))
        finally:
            self._typing = False
        self.show_error(message)

    def end_typing(self) -> None:
        """The round of typing is over (focus left, or the value changed from elsewhere)."""
        self._before = _UNSET

    def show_error(self, message: str | None) -> None:
        # Called on every keystroke: each call below is made only when it changes something, because a style
        # or a visibility set again still asks the whole page for a new layout (costly on a large score sheet).
        self.error.setText(message or "")
        if self.error.isHidden() == bool(message):
            self.error.setVisible(bool(message))
        if shiboken6.isValid(self.document):
            self.document.note_refusal(self.place, message)
        if message:
            style, tip = ERROR_STYLE, message
        else:
            tip = self.document.carried_from(self.key) or ""
            style = CARRIED_STYLE if tip else ""
        if self.editor.styleSheet() != style:
            self.editor.setStyleSheet(style)
        self.editor.setToolTip(tip)

    def has_error(self) -> bool:
        return bool(self.error.text())

    def _on_changed(self, changes) -> None:
        if not self._typing:
            self.refresh()


class _LineEdit(GiveUndoToWindow, QLineEdit):
    pass


class _PlainTextEdit(GiveUndoToWindow, QPlainTextEdit):
    preferred_height: int | None = None  # set: the height it asks for, instead of Qt's 192 pixels

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        return hint if self.preferred_height is None else QSize(hint.width(), self.preferred_height)


class LineField(FieldEditor):
    def __init__(self, document: ReportDocument, key: str, placeholder: str = "", parent=None):
        editor = _LineEdit()
        editor.setPlaceholderText(placeholder)
        super().__init__(document, key, editor, parent)
        editor.setText(self.stored_text())
        self.show_error(None)
        editor.textEdited.connect(lambda _text: self.commit())
        editor.editingFinished.connect(self._finished)

    def text(self) -> str:
        return self.editor.text()

    def set_text(self, text: str) -> None:
        self.editor.setText(text)

    def _finished(self) -> None:
        if not shiboken6.isValid(self.document):  # the report is closing
            return
        self.end_typing()
        self.document.break_merge()
        if not self.has_error() and self.text() != self.stored_text():
            self.set_text(self.stored_text())  # show the stored form (e.g. a date as 2022年7月15日)


class TextField(FieldEditor):
    """``sized_to_lines``: the box asks for its ``min_lines`` and no more. A page scrolls its body at the height
    it prefers as soon as something on it wraps its words (a message under a list, shown after a paste): boxes
    asking for Qt's 192 pixels then grew all at once (职能职责概述 68 → 191 px) and pushed the rest off the screen."""

    def __init__(self, document: ReportDocument, key: str, placeholder: str = "", parent=None, min_lines: int = 4,
                 *, sized_to_lines: bool = False):
        editor = _PlainTextEdit()
        editor.setUndoRedoEnabled(False)
        editor.setPlaceholderText(placeholder)
        editor.setTabChangesFocus(True)
        editor.setMinimumHeight(editor.fontMetrics().lineSpacing() * min_lines + 12)
        if sized_to_lines:
            editor.preferred_height = editor.minimumHeight()
        super().__init__(document, key, editor, parent)
        editor.setPlainText(self.stored_text())
        self.show_error(None)
        editor.textChanged.connect(self._changed)
        editor.installEventFilter(self)

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        self._setting = True
        try:
            self.editor.setPlainText(text)
        finally:
            self._setting = False

    def _changed(self) -> None:
        if not getattr(self, "_setting", False):
            self.commit()

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        # A closing report deletes its document before its editors lose focus: leave it alone then.
        if watched is self.editor and event.type() == QEvent.Type.FocusOut and shiboken6.isValid(self.document):
            self.end_typing()
            self.document.break_merge()
        return False
