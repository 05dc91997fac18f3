"""The report's lists (tasks, goals, quantitative indicator rows, evaluators) as editable tables with
添加 / 删除 / 上移 / 下移. Every change is an edit: stored at once, undoable. A row copied from a Word or Excel
table (cells separated by tabs) pastes across the cells, as in part 二's grids, adding rows as needed."""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QStyledItemDelegate,
    QTableView, QVBoxLayout, QWidget,
)

from evaldesk.model.edits import Batch, InsertItem, MoveItem, RemoveItem, SetItemValue
from evaldesk.model.form import LIST_BY_KEY, QUANT_KINDS
from evaldesk.model.places import ItemPlace
from evaldesk.model.report import Item, new_id
from evaldesk.model.validate import Rejected, parse_item_value
from evaldesk.ui.combo import SteadyComboBox
from evaldesk.ui.document import ReportDocument
from evaldesk.ui.fields import ERROR_LABEL_STYLE, GiveUndoToWindow


NOTE_STYLE = "color: #1f618d;"


class ListModel(QAbstractTableModel):
    told = Signal(str, bool)  # a word for the filler under the table (text, whether it is a refusal)

    def __init__(self, document: ReportDocument, list_key: str, parent=None):
        super().__init__(parent)
        self.document = document
        self.spec = LIST_BY_KEY[list_key]
        self.list_key = list_key
        self.columns = list(self.spec.fields)
        document.changed.connect(self._on_changed)

    @property
    def items(self) -> list[Item]:
        return self.document.report.lists[self.list_key]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section][1]
        if "name" in dict(self.columns) and self.list_key != "evaluators":
            return str(section + 1)  # the rows carry their own names (指标1 …)
        return f"{self.spec.item_label}{section + 1}"

    def flags(self, index):
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return self.items[index.row()].values.get(self.columns[index.column()][0], "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        item = self.items[index.row()]
        name = self.columns[index.column()][0]
        if (item.values.get(name) or "") == (value or ""):
            return False
        lines = [line for line in (value or "").splitlines() if line.strip()]
        if self.spec.numbered and len(lines) > 1:
            return self._split(index.row(), name, lines)
        label = f"修改{self.spec.item_label}{index.row() + 1}的{self.columns[index.column()][1]}"
        self.message = self.document.try_apply(SetItemValue(self.list_key, item.id, name, value, label),
                                               merge=False)
        return self.message is None

    def _split(self, row: int, name: str, lines: list[str]) -> bool:
        """Several lines pasted into one entry of a numbered list (任务3：…/任务4：…) become one entry each, in
        one undo step, and the filler is told so."""
        label = f"粘贴为{len(lines)}条{self.spec.item_label}"
        item = self.items[row]
        edits = [SetItemValue(self.list_key, item.id, name, lines[0], label)]
        edits += [InsertItem(self.list_key, row + i, Item(new_id(), {name: line}), label)
                  for i, line in enumerate(lines[1:], 1)]
        self.message = self.document.try_apply(Batch(edits, label), merge=False)
        if self.message:
            self.told.emit(self.message, True)
            return False
        self.told.emit(f"粘贴的 {len(lines)} 行已分为{self.spec.item_label}{row + 1}～{self.spec.item_label}"
                       f"{row + len(lines)}，每行一条（可用“撤销”合回原样）", False)
        return True

    def paste(self, top: int, left: int, text: str) -> list[str]:
        """Paste a tab-separated block (rows of a Word or Excel table) with its first cell at (top, left): rows
        past the end are added; the good cells are stored as one undo step. Returns the refused cells' messages."""
        label = "粘贴"
        edits, problems, extra = [], [], 0
        for r, cells in enumerate(table_rows(text)):
            row = top + r
            values = {}
            for c, raw in enumerate(cells):
                if left + c >= len(self.columns):
                    extra += bool(raw.strip())
                    continue
                name, title = self.columns[left + c]
                try:
                    parse_item_value(self.list_key, name, raw)
                except Rejected as err:
                    problems.append(f"第{row + 1}行{title}：{err}")
                    continue
                values[name] = raw
            if row < len(self.items):
                item = self.items[row]
                edits += [SetItemValue(self.list_key, item.id, name, value, label) for name, value in values.items()
                          if (item.values.get(name) or "") != value]
            else:
                edits.append(InsertItem(self.list_key, row, Item(new_id(), {k: v for k, v in values.items()
                                                                               if v.strip()}), label))
        if extra:
            problems.append(f"有 {extra} 格超出了表的栏数，未粘贴")
        if edits:
            message = self.document.try_apply(Batch(edits, label), merge=False)
            if message:
                problems.insert(0, message)
        return problems

    def _on_changed(self, changes) -> None:
        mine = [place for place in changes.of(ItemPlace) if place.list == self.list_key]
        if not mine:
            return
        if any(place.whole_list for place in mine):  # rows added, removed or moved
            self.beginResetModel()
            self.endResetModel()
            return
        ids = [item.id for item in self.items]
        for place in mine:  # a value changed: repaint that row and keep the selection
            if place.item in ids:
                row = ids.index(place.item)
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))


def table_rows(text: str) -> list[list[str]]:
    """The rows of a table copied as text (tab-separated cells; Excel quotes a cell that holds a line break)."""
    text = text.replace("\r\n", "\n").rstrip("\n")
    return [row for row in csv.reader(io.StringIO(text), dialect="excel-tab") if any(cell.strip() for cell in row)]


def is_table(text: str) -> bool:
    """Whether pasted text is a row (or rows) of a table rather than words for one cell."""
    return "\t" in text


class _CellDelegate(QStyledItemDelegate):
    """A cell's editor hands a pasted table row to the table (pasted into the one cell it would be lost)."""

    def __init__(self, view: "_ListView"):
        super().__init__(view)
        self.view = view

    def eventFilter(self, editor, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Paste) \
                and is_table(QGuiApplication.clipboard().text()):
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.RevertModelCache)
            self.view.paste_clipboard()
            return True
        return super().eventFilter(editor, event)


class _ChoiceDelegate(_CellDelegate):
    """A combo box for 评价内容 / 指标类型 (the kinds follow the chosen group)."""

    def __init__(self, model: ListModel, name: str, view: "_ListView"):
        super().__init__(view)
        self.list_model = model
        self.name = name

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = SteadyComboBox(parent)
        choices = list(self.list_model.spec.choices.get(self.name, ()))
        if self.name == "kind":
            group = self.list_model.items[index.row()].values.get("group")
            choices = list(QUANT_KINDS.get(group, choices))
        combo.addItems(choices)
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 2 * combo.view().frameWidth())
        return combo

    def updateEditorGeometry(self, editor, option, index):  # noqa: N802
        """The box as wide as its longest choice, over the next cell if need be: a column as narrow as its
        heading cut 数量指标 to “数量:”."""
        rect = option.rect
        rect.setWidth(max(rect.width(), editor.sizeHint().width()))
        editor.setGeometry(rect)

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentText())


class _ListView(GiveUndoToWindow, QTableView):
    pasted = Signal(int, list)  # a table pasted: its rows, the refused cells' messages (empty: all stored)

    def keyPressEvent(self, event):  # noqa: N802 - Qt's name
        if event.matches(QKeySequence.StandardKey.Paste) and self.state() != self.State.EditingState:
            self.paste_clipboard()
            return
        super().keyPressEvent(event)

    def paste_clipboard(self, text: str | None = None) -> None:
        """A table row (or rows) across the cells from the current one; other text into the current cell (a
        numbered list splits its lines into entries). With no current cell, at the end from the first column."""
        model: ListModel = self.model()
        text = QGuiApplication.clipboard().text() if text is None else text
        if not text.strip():
            return
        current = self.currentIndex()
        row, column = (current.row(), current.column()) if current.isValid() else (model.rowCount(), 0)
        if not is_table(text) and current.isValid():
            model.setData(current, text)
            return
        self.pasted.emit(len(table_rows(text)), model.paste(row, column, text))


class ListEditor(QWidget):
    """A titled table of one list with its buttons."""

    def __init__(self, document: ReportDocument, list_key: str, *, stretch: str | None = None,
                 widths: dict[str, int] | None = None, confirm_remove: bool = False, parent=None):
        super().__init__(parent)
        self.document = document
        self.model = ListModel(document, list_key, self)
        self.confirm_remove = confirm_remove
        self.view = _ListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(_CellDelegate(self.view))
        self.view.pasted.connect(self._pasted)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)  # a long 完成情况 wraps whole, never ends in …
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.view.horizontalHeader()
        character = self.view.fontMetrics().horizontalAdvance("中")
        for i, (name, _label) in enumerate(self.model.columns):
            if name in self.model.spec.choices:
                self.view.setItemDelegateForColumn(i, _ChoiceDelegate(self.model, name, self.view))
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
            elif stretch is None or name == stretch:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:
                # Widths in characters of the current 字号, never narrower than the heading (指标名称 at 特大).
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                self.view.setColumnWidth(i, max((widths or {}).get(name, 14) * character + 8,
                                                header.sectionSizeFromContents(i).width()))
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_LABEL_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.model.told.connect(self._tell)

        buttons = QHBoxLayout()
        label = self.model.spec.item_label
        for text, slot in ((f"添加{label}", self.add), ("删除", self.remove), ("上移", lambda: self.move(-1)),
                           ("下移", lambda: self.move(1))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.view.viewport().installEventFilter(self)
        header.sectionResized.connect(lambda *_args: self._fit())
        self.model.modelReset.connect(self._fit)
        self.model.dataChanged.connect(self._fit)
        self._fit()

    def _pasted(self, rows: int, problems: list[str]) -> None:
        if problems:
            self._tell("粘贴未全部完成：" + "；".join(problems[:3]) + (f" 等 {len(problems)} 处" if len(problems) > 3
                                                                      else "") + "。其余单元格已粘贴。", True)
        else:
            self._tell(f"已粘贴 {rows} 行（可用“撤销”取消）", False)

    def _tell(self, text: str, refusal: bool) -> None:
        self.message.setStyleSheet(ERROR_LABEL_STYLE if refusal else NOTE_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _fit(self) -> None:
        """Grow with the list so the page, not the table, scrolls (rows wrap, so refit when the width changes)."""
        self.view.resizeRowsToContents()
        header = self.view.horizontalHeader().sizeHint().height()
        rows = self.view.verticalHeader().length()
        self.view.setFixedHeight(max(header + rows + 2 * self.view.frameWidth() + 2, header + 60))

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize \
                and event.size().width() != event.oldSize().width():
            self._fit()
        return False

    def _commit_open_editor(self) -> None:
        """A cell still being typed in is saved before the buttons change the list (they take no focus)."""
        from PySide6.QtWidgets import QAbstractItemDelegate, QApplication

        editor = QApplication.focusWidget()
        if self.view.state() == QAbstractItemView.State.EditingState and editor is not None \
                and self.view.isAncestorOf(editor):
            self.view.commitData(editor)
            self.view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def add(self) -> None:
        self._commit_open_editor()
        row = self.current_row()
        at = row + 1 if row >= 0 else self.model.rowCount()
        values = {}
        if self.model.list_key == "quant" and at > 0:  # a new row continues the group it follows
            previous = self.model.items[at - 1].values
            values = {k: previous[k] for k in ("group", "kind") if k in previous}
        item = Item(new_id(), values)
        self.document.apply(InsertItem(self.model.list_key, at, item, f"添加{self.model.spec.item_label}"),
                            merge=False)
        # Typing starts in the first column, and Tab goes on to the right (评价内容 → 指标类型 → 名称 → …), as a
        # row is read; a table row pasted there fills the whole row.
        self.select(item.id, self.model.columns[0][0])
        self.view.edit(self.model.index(at, 0))

    def remove(self) -> None:
        self._commit_open_editor()
        row = self.current_row()
        if row < 0:
            return
        item = self.model.items[row]
        if self.confirm_remove and any(item.values.values()):
            answer = QMessageBox.question(self, "删除", f"删除{self.model.spec.item_label}{row + 1}？（可用“撤销”恢复）")
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.document.apply(RemoveItem(self.model.list_key, item.id, f"删除{self.model.spec.item_label}"),
                            merge=False)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))

    def move(self, step: int) -> None:
        self._commit_open_editor()
        row = self.current_row()
        target = row + step
        if row < 0 or not 0 <= target < self.model.rowCount():
            return
        item = self.model.items[row]
        self.document.apply(MoveItem(self.model.list_key, item.id, target), merge=False)
        self.select(item.id)

    def select(self, item_id: str, field: str | None = None) -> None:
        for row, item in enumerate(self.model.items):
            if item.id == item_id:
                column = [n for n, _ in self.model.columns].index(field) if field in dict(self.model.columns) else 0
                self.view.setCurrentIndex(self.model.index(row, column))
                self.view.setFocus()
                return
