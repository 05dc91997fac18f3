"""An indicator table on Qt's model/view: the template's tree as rows — one per 三级指标, 一级/二级 cells spanning
their rows, optionally a line under each 三级指标 for its notes, a 总分 row — and the columns a form declares.

The 评分表 (sheet_columns.py) is one set of columns over it; the national 项目支出 table is meant to be another
(年度指标值, 实际完成值, 分值, 得分, 偏差原因): a :class:`Column` says its heading, what it shows for a row, how wide
it is, whether it wraps and how it is edited. Nothing here knows a column by name.

The 项目支出 table, for instance, would be declared as::

    [Column("一级指标", level=1, fit=...), Column("二级指标", level=2, fit=...),
     Column("三级指标", name_cell, share=2, wraps=True),
     Column("年度指标值", target_cell, share=2, wraps=True, edit=text_editor("target"), clear=clear_key("target")),
     Column("实际完成值", actual_cell, share=2, wraps=True, edit=text_editor("actual"), clear=clear_key("actual")),
     Column("分值", weight_cell, fit=("分值",)), Column("得分", score_cell, fit=("00.00",)),
     Column("偏差原因分析及改进措施", reason_cell, share=3, wraps=True, edit=reason_editor, clear=...)]

with ``detail=None`` (no line under the rows) and its own ``group_cell`` and ``total``.

There is no widget per cell: the delegate paints each cell's :class:`Cell` (wrapped paragraphs, each in its
colour) and measures it for the row's height; an editor exists only while a cell is being edited. Row heights are
measured once per column width and kept; a change measures only the rows it touched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics

from evaldesk.ui.document import ReportDocument

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
PAD = 4   # pixels inside a cell on each side
ERROR_BACKGROUND = "#fdecea"
NO_FLAGS = Qt.ItemFlag.NoItemFlags
SHOWN = Qt.ItemFlag.ItemIsEnabled   # (worked out once: the view asks for a cell's flags at every turn)
SELECTABLE = SHOWN | Qt.ItemFlag.ItemIsSelectable
EDITABLE = SELECTABLE | Qt.ItemFlag.ItemIsEditable
GROUP_BACKGROUND = "#f4f6f8"
TOTAL_BACKGROUND = "#eef1f5"


@dataclass(frozen=True)
class Cell:
    """What one cell shows: paragraphs, each ``(text, colour or None)``, wrapped at the cell's width."""
    lines: tuple[tuple[str, str | None], ...] = ()
    align: Qt.AlignmentFlag = CENTER
    bold: bool = False
    background: str | None = None
    tip: str = ""
    placeholder: bool = False   # grey words standing in for an empty value

    @property
    def text(self) -> str:
        return "\n".join(text for text, _colour in self.lines)


def cell(text: str, colour: str | None = None, **kw) -> Cell:
    return Cell(((text, colour),) if text else (), **kw)


@dataclass(frozen=True)
class Column:
    """One column of an indicator table.

    ``show(model, leaf)`` gives the cell of a 三级指标's row; ``fit`` the texts the column must hold on one line
    each (its width then is the widest of them) or ``share`` its part of the width left over; ``wraps`` whether
    its cells may take several lines (measured for the row's height); ``edit(parent, model, leaf)`` makes the
    editor of a cell (None: read-only); ``clear(model, leaf)`` the edit Delete makes; ``level`` marks a group
    column (the 一级/二级 names, spanning their rows)."""
    heading: str
    show: Callable | None = None
    fit: tuple[str, ...] = ()
    share: int = 0
    wraps: bool = False
    edit: Callable | None = None
    clear: Callable | None = None
    editable: Callable | None = None   # (model, leaf) → whether this row's cell takes typing (default: edit given)
    level: int = 0
    measure: Callable | None = None    # (model, leaf, width, font) → height, for a cell the delegate paints itself
    paint: Callable | None = None      # (painter, rect, model, leaf, font) for such a cell


@dataclass
class Plan:
    """The table's rows: its 三级指标 in order and, per group, the run of them it spans."""
    leaves: list = field(default_factory=list)
    groups: list[tuple[object, int, int, int]] = field(default_factory=list)   # (group, level, first, past last)


def plan_of(template) -> Plan:
    plan = Plan()

    def walk(indicator) -> None:
        if indicator.is_leaf:
            plan.leaves.append(indicator)
            return
        start = len(plan.leaves)
        for child in indicator.children:
            walk(child)
        plan.groups.append((indicator, indicator.level, start, len(plan.leaves)))

    for root in template.roots:
        walk(root)
    return plan


class IndicatorModel(QAbstractTableModel):
    """Rows: for each 三级指标 its row and (``detail`` given) the line under it; then the total row."""

    refused = Signal(str, str)   # what was typed and why it was not accepted (said under the table)
    heights_stale = Signal(list)  # rows whose wrapped text may have changed: the view measures them again

    def __init__(self, document: ReportDocument, columns: list[Column], *, group_cell: Callable,
                 detail: Callable | None = None, detail_from: int = 0, total: Callable | None = None, parent=None):
        super().__init__(parent)
        self.document = document
        self.columns = columns
        self.group_cell = group_cell      # (model, group) → Cell
        self.detail = detail              # (model, leaf) → Cell, or None: no line under the rows
        self.detail_from = detail_from    # the column the line under a row starts at
        self.total = total                # (model) → [(first column, span, Cell)]
        self.step = 2 if detail else 1
        self.read_only = False
        self.errors: dict[str, tuple[str, str]] = {}   # report key → (refused text, why), shown in its cell
        self.name_column = next(i for i, c in enumerate(columns) if not c.level)
        self.set_plan(plan_of(document.report.template))

    # ---- shape
    def set_plan(self, plan: Plan) -> None:
        self.plan = plan
        self._cells: dict[tuple[int, int], Cell] = {}
        self.row_of = {leaf.id: number * self.step for number, leaf in enumerate(plan.leaves)}
        self.group_at: dict[tuple[int, int], object] = {}   # (row, column) of a group's cell → the group
        for group, level, first, last in plan.groups:
            if first < last and level - 1 < self.name_column:
                self.group_at[(first * self.step, level - 1)] = group

    def reset(self, plan: Plan) -> None:
        self.beginResetModel()
        self.set_plan(plan)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.plan.leaves) * self.step + (1 if self.total else 0)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.columns)

    def leaf_at(self, row: int):
        """The 三级指标 whose row (or line under it) ``row`` is; None for the total row."""
        number = row // self.step
        return self.plan.leaves[number] if 0 <= number < len(self.plan.leaves) else None

    def is_detail(self, row: int) -> bool:
        return self.step == 2 and row % 2 == 1 and row < len(self.plan.leaves) * 2

    def is_total(self, row: int) -> bool:
        return self.total is not None and row == self.rowCount() - 1

    def spans(self) -> list[tuple[int, int, int, int]]:
        """(row, column, rows, columns) of every merged cell."""
        found = []
        for group, level, first, last in self.plan.groups:
            if first < last and level - 1 < self.name_column:
                found.append((first * self.step, level - 1, (last - first) * self.step, 1))
        for number, leaf in enumerate(self.plan.leaves):
            row = number * self.step
            start = min(leaf.level - 1, self.name_column)   # a leaf higher up the tree spans to the names
            if start < self.name_column:
                found.append((row, start, 1, self.name_column - start + 1))
            if self.detail:
                found.append((row + 1, self.detail_from, 1, len(self.columns) - self.detail_from))
        if self.total:
            for first, span, _cell in self.total(self):
                if span > 1:
                    found.append((self.rowCount() - 1, first, 1, span))
        return found

    # ---- content
    def cell(self, row: int, column: int) -> Cell:
        """What the cell at (row, column) shows (an empty Cell where nothing is: under a span); kept until its row
        changes (a repaint reads it again without working it out again)."""
        shown = self._cells.get((row, column))
        if shown is None:
            shown = self._cells[(row, column)] = self._cell(row, column)
        return shown

    def _cell(self, row: int, column: int) -> Cell:
        if self.is_total(row):
            for first, _span, shown in self.total(self):
                if first == column:
                    return shown
            return Cell(background=TOTAL_BACKGROUND)
        group = self.group_at.get((row, column))
        if group is not None:
            return self.group_cell(self, group)
        leaf = self.leaf_at(row)
        if leaf is None:
            return Cell()
        if self.is_detail(row):
            return self.detail(self, leaf) if column == self.detail_from else Cell()
        if column < self.name_column and column == min(leaf.level - 1, self.name_column):
            column = self.name_column   # a leaf higher up the tree: its name spans to the names' column
        column_def = self.columns[column]
        if column_def.level or column_def.show is None:
            return Cell()
        return column_def.show(self, leaf)

    def editable(self, index: QModelIndex) -> bool:
        if self.read_only or not index.isValid() or self.is_detail(index.row()) or self.is_total(index.row()):
            return False
        column = self.columns[index.column()]
        leaf = self.leaf_at(index.row())
        if leaf is None or column.edit is None:
            return False
        return column.editable(self, leaf) if column.editable else True

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return NO_FLAGS
        row = index.row()
        if self.is_detail(row) or self.is_total(row) or (row, index.column()) in self.group_at:
            return SHOWN
        return EDITABLE if self.editable(index) else SELECTABLE

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            shown = self.cell(index.row(), index.column())
            return "" if shown.placeholder else shown.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell(index.row(), index.column()).tip or None
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt's name
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].heading
        return None

    def index_of(self, leaf_id: str, column: int, detail: bool = False) -> QModelIndex:
        row = self.row_of.get(leaf_id)
        return QModelIndex() if row is None else self.index(row + (1 if detail else 0), column)

    def rows_changed(self, rows, *, measure: bool = True) -> None:
        """Repaint ``rows`` whole (and measure them again if their wrapped text may have changed)."""
        rows = sorted(set(rows))
        last = self.columnCount() - 1
        for row in rows:
            for column in range(last + 1):
                self._cells.pop((row, column), None)
        if len(rows) > 50:   # (one signal for many rows: the view repaints what it shows of them)
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], last))
        else:
            for row in rows:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        if measure and rows:
            self.heights_stale.emit(rows)

    # ---- refused text
    def cell_changed(self, row: int, column: int) -> None:
        """Repaint one cell (a group's subtotal)."""
        self._cells.pop((row, column), None)
        self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def mark(self, key: str, place, typed: str | None, message: str | None = None) -> None:
        """Show (or clear) a refused text in its cell; the window counts what is still refused."""
        shown = self.errors.get(key)
        if message:
            self.errors[key] = (typed or "", message)
        else:
            self.errors.pop(key, None)
        self.document.note_refusal(place, message)
        row = self.row_of.get(getattr(place, "indicator", None))
        if row is not None and self.errors.get(key) != shown:
            self.rows_changed([row])

    def error_of(self, key: str) -> tuple[str, str] | None:
        return self.errors.get(key)


_heights: dict[tuple, int] = {}   # (font, width, text) → height: a row painted again is not laid out again


def text_height(metrics: QFontMetrics, text: str, width: int) -> int:
    """The height of ``text`` wrapped at ``width`` (a line fitting whole costs one measure, not a layout)."""
    if not text:
        return 0
    key = (metrics.lineSpacing(), metrics.averageCharWidth(), width, text)
    height = _heights.get(key)
    if height is None:
        if len(_heights) > 50_000:
            _heights.clear()
        if "\n" not in text and metrics.horizontalAdvance(text) <= width:
            height = metrics.lineSpacing()
        else:
            height = metrics.boundingRect(QRect(0, 0, max(width, 1), 1 << 20), int(Qt.TextFlag.TextWordWrap),
                                          text).height()
        _heights[key] = height
    return height


def cell_height(shown: Cell, font: QFont, width: int) -> int:
    """How tall ``shown`` is painted at ``width`` (the cell's paragraphs one under another, padded)."""
    font = bold_font(font) if shown.bold else font
    metrics = metrics_of(font)
    inner = width - 2 * PAD
    return sum(text_height(metrics, text, inner) for text, _colour in shown.lines) + 2 * PAD


_bold_fonts: dict[str, QFont] = {}
_metrics: dict[str, QFontMetrics] = {}


def metrics_of(font: QFont) -> QFontMetrics:
    key = font.key()
    metrics = _metrics.get(key)
    if metrics is None:
        metrics = _metrics[key] = QFontMetrics(font)
    return metrics


def bold_font(font: QFont) -> QFont:
    key = font.key()
    bold = _bold_fonts.get(key)
    if bold is None:
        bold = _bold_fonts[key] = QFont(font)
        bold.setBold(True)
    return bold


def colour(name: str | None, default: QColor) -> QColor:
    return QColor(name) if name else default
