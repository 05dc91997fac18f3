"""Part 二's grids as spreadsheets: header rows merged like the paper, the computed 汇总 row, a row per unit.

Enter moves down, Tab moves right, a block copied from Excel/WPS pastes across cells (the good cells are stored,
a bad one is marked and says why), Delete clears, 合计 cells and the 汇总 row are computed, read-only and look it.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QHeaderView, QTableView

from evaldesk.model.edits import Batch, RenameUnit, SetCell
from evaldesk.model.form import SUMMARY_ROW_LABEL, Grid, cell_key
from evaldesk.model.layout import grid_header_cells
from evaldesk.model.places import CellPlace, UnitPlace, UnitsPlace
from evaldesk.model.validate import parse_cell
from evaldesk.model.values import Rejected, format_amount
from evaldesk.ui.document import ReportDocument
from evaldesk.ui.fields import GiveUndoToWindow

HEADER_BG = QBrush(QColor("#eef1f5"))
COMPUTED_BG = QBrush(QColor("#f5f5f0"))
ERROR_BG = QBrush(QColor("#fdecea"))
COMPUTED_FG = QBrush(QColor("#555555"))
CARRIED_BG = QBrush(QColor("#eaf3fd"))  # carried from last year's report, still unchanged


class GridModel(QAbstractTableModel):
    refused = Signal(str, str)  # a typed cell was not accepted: what was typed and why (said under the grid)

    def __init__(self, document: ReportDocument, grid: Grid, parent=None):
        super().__init__(parent)
        self.document = document
        self.grid = grid
        self.header_cells = grid_header_cells(grid)  # as on paper: 其中： under 基本支出 takes a third row
        self.HEADER_ROWS = max(r + rs for r, _c, rs, _cs, _text in self.header_cells)
        self.headers = {(r, c): text for r, c, _rs, _cs, text in self.header_cells}
        self.errors: dict[tuple[str, str], tuple[str, str]] = {}  # (unit id, cell key) → (typed text, why)
        self._recount()
        document.changed.connect(self._on_changed)

    # ---- shape
    def _recount(self) -> None:
        # The session's, computed once per change for everything that shows them.
        self.rows = self.document.unit_rows
        self.summary = self.document.summary

    @property
    def units(self):
        return self.document.report.units

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.HEADER_ROWS + 1 + len(self.units)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 1 + len(self.grid.columns)

    def unit_at(self, row: int):
        index = row - self.HEADER_ROWS - 1
        return self.units[index] if 0 <= index < len(self.units) else None

    def row_of(self, unit_id: str) -> int:
        for i, unit in enumerate(self.units):
            if unit.id == unit_id:
                return self.HEADER_ROWS + 1 + i
        return -1

    def column_key(self, column: int) -> str | None:
        return cell_key(self.grid.key, self.grid.columns[column - 1].key) if column >= 1 else None

    def is_editable(self, index: QModelIndex) -> bool:
        unit = self.unit_at(index.row())
        if unit is None:
            return False
        return index.column() == 0 or not self.grid.columns[index.column() - 1].computed

    # ---- content
    def flags(self, index: QModelIndex):
        if index.row() < self.HEADER_ROWS:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        row, column = index.row(), index.column()
        if row < self.HEADER_ROWS:
            return self._header_data(row, column, role)
        unit = self.unit_at(row)
        key = self.column_key(column)
        error = self.errors.get((unit.id, key)) if unit and key else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return SUMMARY_ROW_LABEL if unit is None else f"{row - self.HEADER_ROWS}、{unit.name}" \
                    if role == Qt.ItemDataRole.DisplayRole else unit.name
            if error:
                return error[0]
            source = self.summary if unit is None else self.rows[unit.id]
            value = source.get(key)
            if role == Qt.ItemDataRole.EditRole:
                return "" if value is None else format(value, "f")
            return format_amount(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == 0:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if error:
                return ERROR_BG
            if not self.is_editable(index):
                return COMPUTED_BG
            if unit and key and self.document.carried_from(key, unit.id):
                return CARRIED_BG
        if role == Qt.ItemDataRole.ForegroundRole and not self.is_editable(index) and column:
            return COMPUTED_FG
        if role == Qt.ItemDataRole.FontRole and unit is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if error:
                return error[1]
            if unit and key and self.document.carried_from(key, unit.id):
                return self.document.carried_from(key, unit.id)
            if unit is None:
                return "各机构之和，自动计算"
            if column and self.grid.columns[column - 1].computed:
                parts = "＋".join(self.grid.column(k).label for k in self.grid.columns[column - 1].sum_of)
                return f"{self.grid.columns[column - 1].label} = {parts}，自动计算"
        return None

    def _header_data(self, row: int, column: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers.get((row, column), "")
        if role == Qt.ItemDataRole.BackgroundRole:
            return HEADER_BG
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not self.is_editable(index):
            return False
        unit = self.unit_at(index.row())
        if index.column() == 0:
            message = self.document.try_apply(RenameUnit(unit.id, str(value)), merge=False)
            return message is None
        key = self.column_key(index.column())
        label = f"修改{unit.name}的{self.grid.columns[index.column() - 1].label}"
        message = self.document.try_apply(SetCell(unit.id, key, str(value), label), merge=False)
        if message:
            self.mark(unit.id, key, str(value), message)
            self.dataChanged.emit(index, index)
            self.refused.emit(str(value), message)
            return False
        return True

    def mark(self, unit_id: str, key: str, typed: str | None, message: str | None = None) -> None:
        """Show (or clear) a refused text in a cell; the window counts what is still refused."""
        if message:
            self.errors[(unit_id, key)] = (typed, message)
        else:
            self.errors.pop((unit_id, key), None)
        self.document.note_refusal(CellPlace(unit_id, key), message)

    def paste(self, top: int, left: int, text: str) -> list[str]:
        """Paste a tab-separated block at (top, left): the good cells are stored as one undo step, the bad
        ones are marked. Returns the messages of the bad cells."""
        rows = text.rstrip("\r\n").split("\n")
        edits, problems, marked = [], [], []
        beyond = sum(1 for r in range(len(rows)) if self.unit_at(top + r) is None)
        if beyond:
            problems.append(f"另有 {beyond} 行超出了表中的机构行数，未粘贴（可先“添加二级机构”再粘贴）")
        for r, line in enumerate(rows):
            unit = self.unit_at(top + r)
            if unit is None:
                continue
            for c, raw in enumerate(line.rstrip("\r").split("\t")):
                column = left + c
                if column >= self.columnCount() or not self.is_editable(self.index(top + r, column)):
                    continue
                if column == 0:
                    if raw.strip():
                        edits.append(RenameUnit(unit.id, raw))
                    continue
                key = self.column_key(column)
                try:
                    parse_cell(key, raw, unit.name)
                except Rejected as err:
                    problems.append(str(err))
                    marked.append(((unit.id, key), (raw, str(err))))
                    continue
                edits.append(SetCell(unit.id, key, raw))
        if edits:
            self.document.try_apply(Batch(edits, "粘贴"), merge=False)
        for (unit_id, key), (typed, message) in marked:
            self.mark(unit_id, key, typed, message)
        if marked:
            self.layoutChanged.emit()
        return problems

    def error_at(self, index: QModelIndex) -> tuple[str, str] | None:
        """(typed text, why it was refused) of a cell marked red, else None."""
        unit = self.unit_at(index.row())
        key = self.column_key(index.column())
        return self.errors.get((unit.id, key)) if unit and key else None

    def clear(self, indexes: list[QModelIndex]) -> None:
        edits = []
        for index in indexes:
            unit = self.unit_at(index.row())
            if unit is not None and index.column() > 0 and self.is_editable(index):
                key = self.column_key(index.column())
                self.mark(unit.id, key, None)
                if key in unit.cells:
                    edits.append(SetCell(unit.id, key, None))
        if edits:
            self.document.try_apply(Batch(edits, "清除"), merge=False)
        self.layoutChanged.emit()

    def copy_text(self, indexes: list[QModelIndex]) -> str:
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        return "\n".join("\t".join(str(self.data(self.index(r, c), Qt.ItemDataRole.EditRole) or "")
                                   for c in columns) for r in rows)

    # ---- following the report
    def _on_changed(self, changes) -> None:
        if not changes.any(CellPlace, UnitPlace, UnitsPlace):
            return
        for place in changes.of(CellPlace):
            self.mark(place.unit, place.cell, None)
        if changes.units:
            self.beginResetModel()
            self._recount()
            self.endResetModel()
        else:
            self._recount()
            self.dataChanged.emit(self.index(self.HEADER_ROWS, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))


def refused_text(typed: str, why: str) -> str:
    return f"“{typed}”未被接受：{why}（该格已标红，未保存；改正后即保存）"


class GridView(GiveUndoToWindow, QTableView):
    """A QTableView that behaves like the filler's spreadsheet."""

    def __init__(self, model: GridModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.message_handler = None  # called with a message for the filler (the page shows it under the grid)
        model.refused.connect(self._refused)
        # Only the grid being worked in shows a strong selection; the others keep a pale mark of where they were.
        palette = self.palette()
        palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight, QColor("#e3e8ef"))
        palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.HighlightedText, QColor("#222222"))
        self.setPalette(palette)
        model.modelReset.connect(self._layout)
        self._layout()

    def _layout(self) -> None:
        model: GridModel = self.model()
        self.clearSpans()
        for row, column, row_span, column_span, _text in model.header_cells:
            if row_span > 1 or column_span > 1:
                self.setSpan(row, column, row_span, column_span)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        bold = QFont(self.font())
        bold.setBold(True)
        self.setColumnWidth(0, QFontMetrics(bold).horizontalAdvance(SUMMARY_ROW_LABEL) + 24)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Rows as tall as their text: a header row as its longest wrapped label at the columns' present widths
        (纳入专户管理的非税收入拨款 takes three lines in a larger 字号), then the grid as tall as its rows."""
        model: GridModel = self.model()
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        line = self.fontMetrics().lineSpacing()
        header_heights = [int(line * 1.6)] * model.HEADER_ROWS
        for row, column, row_span, column_span, text in model.header_cells:
            width = sum(self.columnWidth(c) for c in range(column, column + column_span)) - 10
            needed = metrics.boundingRect(0, 0, max(width, 20), 10000, Qt.TextFlag.TextWordWrap, text).height() + 12
            per_row = -(-needed // row_span)
            for r in range(row, row + row_span):
                header_heights[r] = max(header_heights[r], per_row)
        for row in range(model.rowCount()):
            self.setRowHeight(row, header_heights[row] if row < model.HEADER_ROWS else int(line * 1.9))
        total = sum(self.rowHeight(r) for r in range(model.rowCount())) + 4
        self.setFixedHeight(total + (self.horizontalScrollBar().sizeHint().height()
                                     if self.horizontalScrollBar().isVisible() else 0))

    def resizeEvent(self, event):  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_rows()

    def select_cell(self, unit_id: str | None, key: str) -> None:
        model: GridModel = self.model()
        row = model.HEADER_ROWS if unit_id is None else model.row_of(unit_id)
        column = 1 + [c.key for c in model.grid.columns].index(key.split(".", 1)[1])
        self.setCurrentIndex(model.index(row, column))
        self.setFocus()

    def closeEditor(self, editor, hint):  # noqa: N802 - Qt's name
        # Enter commits and moves down, as in Excel/WPS.
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._move(1, 0)
            return
        super().closeEditor(editor, hint)

    def _move(self, down: int, right: int) -> None:
        current = self.currentIndex()
        model = self.model()
        row = min(max(current.row() + down, model.HEADER_ROWS + 1), model.rowCount() - 1)
        column = min(max(current.column() + right, 0), model.columnCount() - 1)
        self.setCurrentIndex(model.index(row, column))

    def _tab_target(self, step: int) -> QModelIndex:
        """Tab / Shift+Tab go through the amounts a filler types, row after row: past the computed 合计 cells and
        never into a unit's name (typing there would rename the unit)."""
        model: GridModel = self.model()
        cells = [model.index(row, column) for row in range(model.HEADER_ROWS + 1, model.rowCount())
                 for column in range(1, model.columnCount()) if model.is_editable(model.index(row, column))]
        if not cells:
            return self.currentIndex()
        current = self.currentIndex()
        here = (current.row(), current.column() if current.column() > 0 else (0.5 if step > 0 else model.columnCount()))
        order = [(index.row(), index.column()) for index in cells]
        if step > 0:
            after = [i for i, cell in enumerate(order) if cell > here]
            return cells[after[0]] if after else current  # the last cell keeps the cursor
        before = [i for i, cell in enumerate(order) if cell < here]
        return cells[before[-1]] if before else current

    def _refused(self, typed: str, why: str) -> None:
        self.say(refused_text(typed, why))

    def say(self, text: str) -> None:
        if self.message_handler:
            self.message_handler(text)

    def currentChanged(self, current, previous):  # noqa: N802 - Qt's name
        """On a red cell the message under the grid says why it was refused (no need to hover)."""
        super().currentChanged(current, previous)
        error = self.model().error_at(current) if current.isValid() else None
        if error:
            self.say(refused_text(error[0], error[1]))

    def keyPressEvent(self, event):  # noqa: N802 - Qt's name
        model: GridModel = self.model()
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_clipboard()
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            QGuiApplication.clipboard().setText(model.copy_text(self.selectedIndexes()))
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            model.clear(self.selectedIndexes() or [self.currentIndex()])
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            self._move(1, 0)
            return
        super().keyPressEvent(event)

    def paste_clipboard(self, text: str | None = None) -> list[str]:
        model: GridModel = self.model()
        text = QGuiApplication.clipboard().text() if text is None else text
        current = self.currentIndex()
        if not current.isValid() or not text:
            return []
        marked_before = len(model.errors)
        problems = model.paste(current.row(), current.column(), text)
        if problems:
            marked = len(model.errors) > marked_before
            self.say("粘贴未全部完成：" + "；".join(problems[:3]) + (f" 等 {len(problems)} 处" if len(problems) > 3 else "")
                     + ("。标红的单元格未粘贴，改正后重新输入即可。" if marked else "。"))
        return problems

    def moveCursor(self, action, modifiers):  # noqa: N802 - keep the cursor out of the header rows
        if action in (self.CursorAction.MoveNext, self.CursorAction.MovePrevious):
            return self._tab_target(1 if action == self.CursorAction.MoveNext else -1)
        index = super().moveCursor(action, modifiers)
        model: GridModel = self.model()
        if index.isValid() and index.row() < model.HEADER_ROWS:
            return model.index(model.HEADER_ROWS, index.column())
        return index


__all__ = ["GridModel", "GridView", "QItemSelectionModel"]
