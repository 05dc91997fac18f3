"""Small editors the template editor is built from: a line that commits when the filler is done with it, and an
editable table (bands, checklist items, grades) with 添加 / 删除 buttons.

They hold no template logic: they report what the filler typed and the editor turns it into an edit.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLineEdit, QPlainTextEdit, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from evaldesk.model.values import normalize_text
from evaldesk.ui.fields import ERROR_STYLE, GiveUndoToWindow

NUMBER_SUFFIXES = ("%", "分")
PROBLEM_BRUSH = QBrush(QColor("#fdecea"))  # what is wrong, wherever the template editor shows it
PROBLEM_TEXT = QBrush(QColor("#c0392b"))
NOTE_STYLE = "color: #555;"


def number_text(text: str) -> str | None:
    """What the filler typed as a number, for the edit functions: full-width digits folded, a trailing % or 分
    dropped; None when blank. The edit functions refuse what is still not a number, with a message."""
    text = normalize_text(text)
    for suffix in NUMBER_SUFFIXES:
        text = text.removesuffix(suffix)
    return text or None


def shown_number(value) -> str:
    return "" if value is None else str(value)


class LineEdit(GiveUndoToWindow, QLineEdit):
    """A line that calls ``commit(text)`` when editing is finished (Enter or leaving it), only if it changed."""

    def __init__(self, commit: Callable[[str], None], placeholder: str = "", parent=None):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self._commit = commit
        self._stored = ""
        self.editingFinished.connect(self._finished)

    def show_value(self, text: str, *, missing: bool = False) -> None:
        """Show the stored value (unless the filler is in the middle of typing it); mark a required blank."""
        self._stored = text
        if not self.hasFocus() or not self.isModified():
            self.setText(text)
            self.setModified(False)
        self.setStyleSheet(ERROR_STYLE if missing else "")

    def _finished(self) -> None:
        if self.text() != self._stored:
            self.setModified(False)
            self._commit(self.text())


class TextEdit(GiveUndoToWindow, QPlainTextEdit):
    """Several lines (评分标准) that commit a moment after the filler stops typing, or on leaving the box."""

    PAUSE_MS = 800

    def __init__(self, commit: Callable[[str], None], parent=None):
        super().__init__(parent)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self._commit = commit
        self._stored = ""
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(self.PAUSE_MS)
        self.pause.timeout.connect(self.finish)
        self.textChanged.connect(self._typed)
        self._setting = False

    def show_value(self, text: str) -> None:
        self._stored = text
        if self.toPlainText() != text and not self.pause.isActive():
            self._setting = True
            try:
                self.setPlainText(text)
            finally:
                self._setting = False

    def _typed(self) -> None:
        if not self._setting:
            self.pause.start()

    def finish(self) -> None:
        self.pause.stop()
        if self.toPlainText() != self._stored:
            self._commit(self.toPlainText())

    def focusOutEvent(self, event):  # noqa: N802 - Qt's name
        self.finish()
        super().focusOutEvent(event)


class Column:
    """One column of an EditTable: ``kind`` is "text", "number" (typed, blank allowed) or "flag" (a tick)."""

    def __init__(self, key: str, header: str, kind: str = "text", width: int | None = None, default=None):
        self.key, self.header, self.kind, self.width, self.default = key, header, kind, width, default


class EditTable(QWidget):
    """Rows of a list in the template (bands, checklist items, grades). The owner supplies what happens:
    ``on_set(row, key, value)``, ``on_add(index)`` (insert at index), ``on_remove(row)``."""

    def __init__(self, columns: list[Column], *, add_text: str, remove_text: str, row_label: str,
                 on_set, on_add, on_remove, row_suffix: str = "", parent=None):
        super().__init__(parent)
        self.columns = columns
        self.row_label, self.row_suffix = row_label, row_suffix
        self.on_set, self.on_add, self.on_remove = on_set, on_add, on_remove
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels([column.header for column in columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        for index, column in enumerate(columns):
            if column.width:
                header.setSectionResizeMode(index, QHeaderView.ResizeMode.Fixed)
                self.table.setColumnWidth(index, column.width)
            else:
                header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._changed)
        self.add_button = QPushButton(add_text)
        self.remove_button = QPushButton(remove_text)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._filling = False

    def fill(self, rows: list[dict]) -> None:
        """Show ``rows`` (the template's own dicts); the selection stays where it was."""
        selected = self.current_row()
        self._filling = True
        try:
            self.table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                self.table.setVerticalHeaderItem(r, QTableWidgetItem(f"{self.row_label}{r + 1}{self.row_suffix}"))
                for c, column in enumerate(self.columns):
                    value = row.get(column.key, column.default) if isinstance(row, dict) else None
                    item = QTableWidgetItem()
                    if column.kind == "flag":
                        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                                      | Qt.ItemFlag.ItemIsSelectable)
                        item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
                        item.setText("含" if value else "不含")
                    else:
                        item.setText(shown_number(value) if column.kind == "number" else str(value or ""))
                        if column.kind == "number":
                            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                            if value is None and column.key in ("lower", "upper"):
                                item.setToolTip("空：不设此边界")
                    self.table.setItem(r, c, item)
            if 0 <= selected < len(rows):
                self.table.selectRow(selected)
        finally:
            self._filling = False
        self.table.resizeRowsToContents()
        rows_height = sum(self.table.rowHeight(r) for r in range(len(rows)))
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows_height + 4)
        self.remove_button.setEnabled(bool(rows))

    def mark(self, row: int, key: str, message: str) -> None:
        """Show that a cell is wrong (e.g. a band worth more than the indicator), without changing it."""
        column = [c.key for c in self.columns].index(key)
        item = self.table.item(row, column)
        if item is not None:
            self.table.blockSignals(True)
            try:
                item.setBackground(PROBLEM_BRUSH)
                item.setForeground(PROBLEM_TEXT)
                item.setToolTip(message)
            finally:
                self.table.blockSignals(False)

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else self.table.currentRow()

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        column = self.columns[item.column()]
        if column.kind == "flag":
            value = item.checkState() == Qt.CheckState.Checked
        elif column.kind == "number":
            value = number_text(item.text())
        else:
            value = item.text()
        self.on_set(item.row(), column.key, value)

    def _add(self) -> None:
        row = self.current_row()
        self.on_add(row + 1 if row >= 0 else self.table.rowCount())

    def _remove(self) -> None:
        row = self.current_row()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.on_remove(row)

