"""The indicator table's view and delegate: cells painted from their :class:`~.sheet_table.Cell`, rows as tall as
their wrapped text at the columns' widths (measured once per width, again only for the rows that changed), the
columns fitted to the window's width (never a sideways scroll), spreadsheet keys as in part 二's grids.

Keys: Enter moves down, Tab / Shift+Tab go through the cells the filler types in, row after row; F2, a double click
or typing opens a cell's editor; in an editor Enter stores and moves down, Tab to the next cell, Esc puts back what
the cell held when the editor opened; Delete clears the cell. Ctrl+Z / Ctrl+Y are the window's undo and redo.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication, QKeySequence, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QApplication, QHeaderView, QStyledItemDelegate, QTableView

from evaldesk.ui.fields import GiveUndoToWindow
from evaldesk.ui.sheet_table import (
    PAD, Cell, IndicatorModel, bold_font, cell_height, colour, metrics_of, text_height,
)

HORIZONTAL = int(Qt.AlignmentFlag.AlignHorizontal_Mask.value)
TOP_WRAP = int(Qt.AlignmentFlag.AlignTop.value) | int(Qt.TextFlag.TextWordWrap.value)
MARGIN = 8   # rows measured beyond the view's edges, so a short scroll shows measured rows
TEXT = QColor("#222222")
GREY = QColor("#8a9099")
WHITE = QColor("#ffffff")
SELECTED = QColor("#dbe6f5")
BOX = QColor("#c8ccd2")


def paint_lines(painter, rect: QRect, shown: Cell, font) -> None:
    """The cell's paragraphs one under another in ``rect``, wrapped, centred up and down as a whole."""
    font = bold_font(font) if shown.bold else font
    metrics = metrics_of(font)
    painter.setFont(font)
    inner = rect.adjusted(PAD, PAD, -PAD, -PAD)
    width = inner.width()
    heights = [text_height(metrics, text, width) for text, _colour in shown.lines]
    y = inner.top() + max(0, (inner.height() - sum(heights)) // 2)
    flags = (int(shown.align) & HORIZONTAL) | TOP_WRAP   # (plain ints: a Qt flag operation costs a Python call)
    left = inner.left()
    for (text, name), height in zip(shown.lines, heights):
        painter.setPen(GREY if shown.placeholder else colour(name, TEXT))
        painter.drawText(QRect(left, y, width, height), flags, text)
        y += height


class TableDelegate(QStyledItemDelegate):
    """Paints and measures cells; makes a column's editor while its cell is edited."""

    def __init__(self, view: IndicatorView):
        super().__init__(view)
        self.view = view

    def paint(self, painter, option, index):
        model: IndicatorModel = index.model()
        row, column = index.row(), index.column()
        shown = model.cell(row, column)
        rect = option.rect
        selected = index == self.view.currentIndex() and not model.is_detail(row)   # (one cell is selected)
        painter.save()
        painter.fillRect(rect, SELECTED if selected else colour(shown.background, WHITE))
        leaf = model.leaf_at(row)
        column_def = model.columns[column]
        if column_def.paint is not None and leaf is not None and not model.is_detail(row) \
                and not model.is_total(row) and (row, column) not in model.group_at:
            column_def.paint(painter, rect, model, leaf, option.font)
        else:
            if column_def.edit is not None and model.editable(index):
                # A cell the filler types in looks like a box to type in (as the figures' boxes do).
                painter.setPen(BOX)
                painter.drawRect(rect.adjusted(2, 2, -3, -3))
            paint_lines(painter, rect, shown, option.font)
        if selected and self.view.hasFocus():
            painter.setPen(QPen(QColor("#1f5fa8"), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()

    def sizeHint(self, option, index):  # noqa: N802 - Qt's name
        view = self.view
        return QSize(view.columnWidth(index.column()), view.cell_height(index.row(), index.column()))

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        model: IndicatorModel = index.model()
        if not model.editable(index):
            return None
        editor = model.columns[index.column()].edit(parent, model, model.leaf_at(index.row()))
        editor.delegate = self
        self.view.editor = editor   # the one editor open (an editor exists only while its cell is edited)
        if self.view.typed_into:   # typing over a cell replaces what it held, as in a spreadsheet
            editor.replace_on_typing()
        return editor

    def setEditorData(self, editor, index):  # noqa: N802 - Qt's name
        pass   # an editor reads its value when made, and stores every keystroke itself

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt's name
        editor.finish()

    def destroyEditor(self, editor, index):  # noqa: N802 - Qt's name
        if self.view.editor is editor:
            self.view.editor = None
        super().destroyEditor(editor, index)

    def updateEditorGeometry(self, editor, option, index):  # noqa: N802 - Qt's name
        editor.setGeometry(option.rect)

    def close(self, editor, hint) -> None:
        """Store and close ``editor`` as the view does for Tab or Enter (an editor's own keys call this)."""
        if editor.isAncestorOf(QApplication.focusWidget()):
            # A box inside the editor has the focus: hidden with the editor, it would hand the focus on to the
            # next widget — the view, as a second Tab.
            self.view.setFocus()
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, hint)


class IndicatorView(GiveUndoToWindow, QTableView):
    """The table on screen; rows measured by the delegate, columns fitted to the width."""

    def __init__(self, model: IndicatorModel, parent=None):
        super().__init__(parent)
        self.typed_into = False
        self.editor = None            # the cell editor open now, if any
        self.message_handler = None   # said under the table (a refusal)
        self.setModel(model)
        self.delegate = TableDelegate(self)
        self.setItemDelegate(self.delegate)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(8)   # the widths are fitted here (fit_columns), not by the header
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setHighlightSections(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)   # its width is always taken
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setTabKeyNavigation(True)
        self.setWordWrap(True)
        self.setGridStyle(Qt.PenStyle.SolidLine)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Highlight, SELECTED)
        palette.setColor(QPalette.ColorRole.HighlightedText, TEXT)
        self.setPalette(palette)
        self.widths: tuple[int, ...] = ()
        self.exact: set[int] = set()   # rows measured at the present widths
        self._short = self._short_plan = None
        self._measuring = False
        self.verticalScrollBar().valueChanged.connect(lambda _value: self.measure_in_view())
        model.modelReset.connect(self.rebuild)
        model.heights_stale.connect(self.measure)
        model.refused.connect(lambda typed, why: self.say(f"“{typed}”未被接受：{why}（该格已标红，未保存；改正后即保存）"))
        self.rebuild()

    def say(self, text: str) -> None:
        if self.message_handler:
            self.message_handler(text)

    # ---- shape and sizes
    def rebuild(self) -> None:
        model: IndicatorModel = self.model()
        self.exact.clear()
        self._short = None
        self.clearSpans()
        for row, column, rows, columns in model.spans():
            self.setSpan(row, column, rows, columns)
        self.widths = ()
        self.fit_columns()

    def fit_columns(self) -> None:
        """Columns as wide as their widest one-line text; the width left shared among the wrapping ones."""
        model: IndicatorModel = self.model()
        width = self.viewport().width() - 1   # (a last pixel over would count as a sideways scroll)
        if width <= 0:
            return
        metrics = QFontMetrics(bold_font(self.font()))
        least = []
        for column in model.columns:
            texts = column.fit(model) if callable(column.fit) else column.fit
            lines = [line for text in (*texts, column.heading) for line in text.split("\n")]
            least.append(max((metrics.horizontalAdvance(line) for line in lines), default=0) + 2 * PAD + 4)
        em = metrics.horizontalAdvance("中")
        shares = sum(c.share for c in model.columns)
        left = width - sum(w for w, c in zip(least, model.columns) if not c.share)
        # The wrapping columns share what is left, each at least as wide as its own texts if there is room, else
        # at least three characters; whatever is still too wide is narrowed in proportion: never a sideways scroll.
        widths = [max(w, left * c.share // shares) if c.share else w for w, c in zip(least, model.columns)]
        if sum(widths) > width:
            widths = [max(3 * em + 2 * PAD, left * c.share // shares) if c.share else w
                      for w, c in zip(least, model.columns)]
        if sum(widths) > width:
            widths = [w * width // sum(widths) for w in widths]
        widths[-1] += max(0, width - sum(widths))
        widths = tuple(widths)
        if widths == self.widths:
            return
        self.widths = widths
        for column, column_width in enumerate(widths):
            self.setColumnWidth(column, column_width)
        self.updateGeometries()   # the sideways range follows the columns now, not at the next layout
        if not self.exact:   # the first widths: every row at a first guess, in one step
            self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 3 + 2 * PAD)
        self.exact.clear()
        self._short = None
        self.measure_in_view()

    def span_width(self, row: int, column: int) -> int:
        return sum(self.widths[column:column + max(1, self.columnSpan(row, column))])

    def cell_height(self, row: int, column: int) -> int:
        model: IndicatorModel = self.model()
        leaf = model.leaf_at(row)
        column_def = model.columns[column]
        if column_def.measure is not None and leaf is not None and not model.is_detail(row) \
                and not model.is_total(row):
            return column_def.measure(model, leaf, self.span_width(row, column), self.font())
        return cell_height(model.cell(row, column), self.font(), self.span_width(row, column))

    def row_need(self, row: int) -> int:
        """The height ``row``'s own cells need (group cells spanning it aside)."""
        model: IndicatorModel = self.model()
        line = self.fontMetrics().lineSpacing() + 2 * PAD
        if model.is_detail(row):
            return max(line, self.cell_height(row, model.detail_from))
        if model.is_total(row):
            return max([line] + [self.cell_height(row, first) for first, _span, _c in model.total(model)])
        need = self.editor_line
        leaf = model.leaf_at(row)
        start = min(leaf.level - 1, model.name_column) if leaf is not None else model.name_column
        for column, column_def in enumerate(model.columns):
            shown_here = column >= model.name_column if column != model.name_column else start == column
            if column == start or (shown_here and (column_def.wraps or column_def.measure)):
                need = max(need, self.cell_height(row, column))
        return need

    @property
    def editor_line(self) -> int:
        return self.fontMetrics().height() + 2 * PAD + 6

    def measure(self, rows) -> None:
        """``rows``' text changed: measured again now if they are in view, else when they come into view."""
        self.exact.difference_update(rows)
        self.measure_in_view()

    def measure_in_view(self) -> None:
        """Give the rows in view (and a few beyond its edges) the height their text needs at the present widths,
        keeping the row the filler works in where it is on screen. A row is measured once per width (and again
        when its text changes); rows never shown are not measured at all — until then they stand at the height
        of a row of three lines (or their height at the last width), so opening a sheet of 2,000 三级指标 measures
        a screenful, not the sheet."""
        if not self.widths or self._measuring:
            return
        self._measuring = True
        try:
            count = self.model().rowCount()
            for _round in range(4):   # measuring changes which rows are in view: again until none is left
                top = self.rowAt(0)
                bottom = self.rowAt(self.viewport().height() - 1)
                top = 0 if top < 0 else top
                bottom = count - 1 if bottom < 0 else bottom
                rows = [row for row in range(max(0, top - MARGIN), min(count, bottom + MARGIN + 1))
                        if row not in self.exact]
                if not rows:
                    break
                self._set_heights(rows)
        finally:
            self._measuring = False

    def _set_heights(self, rows: list[int]) -> None:
        model: IndicatorModel = self.model()
        header = self.verticalHeader()
        anchor = self._anchor()
        resized = False
        for row in rows:
            self.exact.add(row)
            height = self.row_need(row)
            if header.sectionSize(row) != height:
                header.resizeSection(row, height)
                resized = True
        first, last = min(rows), max(rows)
        for group, rows_of, level in self._short_groups():   # a group's name, 分值 and 小计 must fit its rows
            if rows_of[-1] < first or rows_of[0] > last:
                continue
            need = cell_height(model.group_cell(model, group), self.font(), self.widths[level - 1])
            have = sum(header.sectionSize(row) for row in rows_of)
            if need > have:
                header.resizeSection(rows_of[-1], header.sectionSize(rows_of[-1]) + need - have)
                resized = True
        if resized:
            self.updateGeometries()   # the scroll range follows now: the anchor below is kept within it
        if anchor is not None:
            row, y = anchor
            moved = self.rowViewportPosition(row) - y
            if moved:
                self.verticalScrollBar().setValue(self.verticalScrollBar().value() + moved)

    def _short_groups(self) -> list:
        """The groups over so few rows that their cell (name, 分值, 小计) may need more than the rows take — the
        others have room whatever their rows' heights (worked out once per width)."""
        model: IndicatorModel = self.model()
        if self._short is None or self._short_plan is not model.plan:   # (an adjusted template: a new plan)
            self._short_plan = model.plan
            least = self.fontMetrics().lineSpacing() + 2 * PAD
            self._short = []
            for group, level, start, end in model.plan.groups:
                rows_of = range(start * model.step, end * model.step)
                if rows_of and (rows_of[0], level - 1) in model.group_at and len(rows_of) * least < cell_height(
                        model.group_cell(model, group), self.font(), self.widths[level - 1]) + 3 * least:
                    self._short.append((group, rows_of, level))
        return self._short

    def _anchor(self) -> tuple[int, int] | None:
        """The row the filler works in (else the top row in view) and where it stands in the view now."""
        if not self.isVisible():
            return None
        current = self.currentIndex()
        height = self.viewport().height()
        row = current.row() if current.isValid() else -1
        if row < 0 or not 0 <= self.rowViewportPosition(row) < height:
            row = self.rowAt(0)
        return None if row < 0 else (row, self.rowViewportPosition(row))

    def resizeEvent(self, event):  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_columns()
        else:
            self.measure_in_view()

    def changeEvent(self, event):  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:   # 字号: widths and heights measured again
            self.widths = ()
            self.fit_columns()

    # ---- where the filler is
    def show_cell(self, index: QModelIndex, *, edit: bool = False) -> None:
        if not index.isValid():
            return
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.measure_in_view()
        self.setFocus()
        if edit and self.model().editable(index):
            self.edit(index)

    def first_in_view(self) -> tuple[int, int] | None:
        row = self.rowAt(0)
        return None if row < 0 else (row, self.rowViewportPosition(row))

    # ---- keys
    def edit(self, index, trigger=None, event=None):
        if trigger is None:
            return super().edit(index)
        self.typed_into = trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
        try:
            return super().edit(index, trigger, event)
        finally:
            self.typed_into = False

    def keyPressEvent(self, event):  # noqa: N802 - Qt's name
        model: IndicatorModel = self.model()
        current = self.currentIndex()
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_cell(current)
            return
        if not editing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.setCurrentIndex(self.moveCursor(QAbstractItemView.CursorAction.MoveDown, event.modifiers()))
            return
        if event.matches(QKeySequence.StandardKey.Copy) and current.isValid():
            QGuiApplication.clipboard().setText(model.cell(current.row(), current.column()).text)
            return
        super().keyPressEvent(event)

    def clear_cell(self, index: QModelIndex) -> None:
        model: IndicatorModel = self.model()
        if not model.editable(index):
            return
        column = model.columns[index.column()]
        if column.clear is not None:
            column.clear(model, model.leaf_at(index.row()))

    def closeEditor(self, editor, hint):  # noqa: N802 - Qt's name
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache:
            editor.revert()
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:   # Enter stores and moves down
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.setCurrentIndex(self.moveCursor(QAbstractItemView.CursorAction.MoveDown, Qt.KeyboardModifier.NoModifier))
            return
        super().closeEditor(editor, hint)

    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt's name
        model: IndicatorModel = self.model()
        current = self.currentIndex()
        Action = QAbstractItemView.CursorAction
        if action in (Action.MoveNext, Action.MovePrevious):
            return self._tab_target(1 if action == Action.MoveNext else -1)
        if action in (Action.MoveDown, Action.MoveUp) and current.isValid():
            step = model.step if action == Action.MoveDown else -model.step
            row = (current.row() // model.step) * model.step + step
            if 0 <= row < len(model.plan.leaves) * model.step:
                return model.index(row, self._column_in(row, current.column()))
            return current
        index = super().moveCursor(action, modifiers)
        if index.isValid() and model.is_detail(index.row()):
            return model.index(index.row() - 1, index.column())
        return index

    def _column_in(self, row: int, column: int) -> int:
        """``column`` on ``row``, or the cell spanning it there (a name spanning the tree's columns)."""
        model: IndicatorModel = self.model()
        leaf = model.leaf_at(row)
        if leaf is not None and column <= model.name_column:
            return max(column, min(leaf.level - 1, model.name_column))
        return column

    def _tab_target(self, step: int) -> QModelIndex:
        """The next (previous) cell the filler types in, row after row in the table's order."""
        model: IndicatorModel = self.model()
        current = self.currentIndex()
        editable = [column for column, c in enumerate(model.columns) if c.edit is not None]
        if not editable:
            return current
        count = len(model.plan.leaves)
        number = current.row() // model.step if current.isValid() else (-1 if step > 0 else count)
        column = current.column() if current.isValid() else -1
        while 0 <= number < count or number in (-1, count):
            later = [c for c in editable if (c > column if step > 0 else c < column)]
            for candidate in (later if step > 0 else reversed(later)):
                index = model.index(number * model.step, candidate)
                if 0 <= number < count and model.editable(index):
                    return index
            number += step
            column = -1 if step > 0 else len(model.columns)
            if not 0 <= number < count:
                break
        return current

    def currentChanged(self, current, previous):  # noqa: N802 - Qt's name
        super().currentChanged(current, previous)
        model: IndicatorModel = self.model()
        tip = model.data(current, Qt.ItemDataRole.ToolTipRole) if current.isValid() else None
        if tip and current.isValid() and model.cell(current.row(), current.column()).background == "#fdecea":
            self.say(tip)
