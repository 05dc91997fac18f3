"""The score sheet in chunks of rows, so that opening a big sheet waits as long as opening a small one.

Qt lays a grid out whole: a sheet of 2,000 三级指标 in one QGridLayout took some 24 s to build, and every row added
to it laid all of it out again. The sheet is cut into chunks of ``CHUNK_LEAVES`` 三级指标, each a grid of its own in
the sheet's column of chunks: the first chunk is built when the tab opens (the reference sheet is one chunk), the
others a few rows at a time on the event loop (``SheetPage``). A chunk not begun yet keeps the room it is expected
to take, so the scroll bar has its range from the start. The chunks' columns are as wide as the first chunk's
(:class:`LeadingGrid`), so the sheet reads as one table. The chunks stand one under another in a
:class:`ChunkColumn`, which places them itself: a chunk that grows moves the ones below it, and no other chunk is
laid out again (a box layout would squeeze them all while the sheet catches up with its new height). A group (一级/二级) that runs on into another chunk is
named there again, marked （续）; its 分值 and 小计 stay in its first cell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QSize, QTimer
from PySide6.QtWidgets import QGridLayout, QScrollArea, QWidget

FIRST_LEAVES = 30   # built when the tab opens: a screenful and more; the reference sheet (23) stays one grid
CHUNK_LEAVES = 10   # the others: a row added to a chunk lays out the chunk again, so they are short
STRETCH = {4: 2, 8: 3}   # 评分所需数据 and 扣分原因 take the width the other columns leave
QWIDGETSIZE_MAX = (1 << 24) - 1


@dataclass
class SheetPlan:
    """The sheet's rows in order: its 三级指标 (by id) and, for each group, the run of them it spans."""
    leaves: list[str]
    groups: list[tuple[str, int, int, int]]   # (group id, level, first leaf index, index past its last leaf)


def sheet_plan(template) -> SheetPlan:
    leaves: list[str] = []
    groups: list[tuple[str, int, int, int]] = []

    def walk(indicator) -> None:
        if indicator.is_leaf:
            leaves.append(indicator.id)
            return
        start = len(leaves)
        for child in indicator.children:
            walk(child)
        groups.append((indicator.id, indicator.level, start, len(leaves)))

    for root in template.roots:
        walk(root)
    return SheetPlan(leaves, groups)


class LeadingGrid(QGridLayout):
    """The first chunk's grid: each time it is laid out, the widths of its columns go to the other chunks."""

    def __init__(self, parent: QWidget, on_columns: Callable[[tuple[int, ...]], None]):
        super().__init__(parent)
        self.on_columns = on_columns

    def setGeometry(self, rect):  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self.on_columns(tuple(self.cellRect(0, column).width() for column in range(self.columnCount())))


@dataclass(eq=False)
class Chunk:
    """A run of the sheet's 三级指标 in a grid of its own. ``top``: the grid row of its first 三级指标 (the first
    chunk has the headings above)."""
    number: int
    first: int                 # index of its first 三级指标 in the plan
    last: int                  # index past its last
    widget: QWidget
    grid: QGridLayout
    top: int = 0
    next: int = 0              # the next 三级指标 to build
    started: bool = False
    widths: tuple = field(default=())   # the column widths it was given (followers)
    # Its cells spanning several rows (一级/二级, 总分): held only once all their rows are there, else at the height
    # of the rows built so far.
    spans: list = field(default_factory=list)

    def __post_init__(self):
        self.next = self.first

    @property
    def done(self) -> bool:
        return self.next >= self.last

    def grid_row(self, index: int) -> int:
        return self.top + 2 * (index - self.first)

    def end_row(self) -> int:
        """The grid row below its last 三级指标 (the 总分 row in the last chunk)."""
        return self.grid_row(self.last)

    def hold_room(self, height: int) -> None:
        """Not built yet: keep ``height`` pixels, so the scroll bar's range and the chunks below stay put."""
        self.widget.setFixedHeight(max(1, height))

    def begin(self, height: int) -> None:
        """Rows are coming: at least ``height`` until they are all there, the rows at the top (an empty last grid
        row takes the rest)."""
        self.started = True
        self.widget.setMaximumHeight(QWIDGETSIZE_MAX)
        self.widget.setMinimumHeight(height)
        self.grid.setRowStretch(self.end_row() + 1, 1)

    def finish(self) -> None:
        self.widget.setMinimumHeight(0)
        self.grid.setRowStretch(self.end_row() + 1, 0)

    def follow(self, widths: tuple[int, ...]) -> None:
        """Take the first chunk's column widths (``()``: its own again, while the sheet's width changes)."""
        if widths == self.widths:
            return
        self.widths = widths
        for column in range(self.grid.columnCount()):
            self.grid.setColumnMinimumWidth(column, widths[column] if column < len(widths) else 0)
        # A cell that needs more than the first chunk's column would widen the sheet, and the first chunk with
        # it, again and again: such a chunk keeps its own widths (slightly out of line, never cut off).
        if widths and self.grid.minimumSize().width() > sum(widths) + 1:
            self.follow(())


def new_chunk(number: int, first: int, last: int, leading: Callable | None) -> Chunk:
    widget = QWidget()
    grid = LeadingGrid(widget, leading) if leading is not None else QGridLayout(widget)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setSpacing(0)
    for column, stretch in STRETCH.items():
        grid.setColumnStretch(column, stretch)
    return Chunk(number, first, last, widget, grid, top=1 if number == 0 else 0)


def cut(plan: SheetPlan, leading: Callable) -> list[Chunk]:
    """The sheet's chunks; the first one's grid leads the columns."""
    count = len(plan.leaves)
    starts = [0, *range(FIRST_LEAVES, count, CHUNK_LEAVES)]
    ends = [*starts[1:], count]
    return [new_chunk(number, start, end, leading if number == 0 else None)
            for number, (start, end) in enumerate(zip(starts, ends))]


class ChunkColumn(QWidget):
    """The chunks one under another, each as tall as its rows need at the column's width. While the chunks above
    the view grow or shrink (being built), the view follows the rows the filler reads, so they stay put."""

    def __init__(self, chunks: list[Chunk], page: QScrollArea):
        super().__init__()
        self.chunks = chunks
        self.page = page
        self.height_needed = 0
        for chunk in chunks:
            chunk.widget.setParent(self)
        self._view: tuple[Chunk, int] | None = None   # the chunk to keep in place and where it was in the view
        self._anchor: Chunk | None = None   # the whole chunk kept in place last: kept while it is in the view
        self._tries = 0
        self._follow = QTimer(self)   # once the scroll bar knows the sheet's new height
        self._follow.setSingleShot(True)
        self._follow.timeout.connect(self._keep_view)

    def event(self, event):
        if event.type() == QEvent.Type.LayoutRequest:   # a chunk's rows need another height
            self.place()
        return super().event(event)

    def resizeEvent(self, event):  # noqa: N802 - Qt's name
        if event.size().width() != event.oldSize().width():
            self.place()
        super().resizeEvent(event)

    def sizeHint(self):  # noqa: N802 - Qt's name
        return QSize(self.chunks[0].widget.minimumSizeHint().width(), self.height_needed)

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        return QSize(self.sizeHint().width(), 0)

    # As tall as its chunks at its width (place() works it out when the width changes): the sheet around it then
    # takes its height from the heights of its lines at that width, as it did when the rows were one grid in it.
    def hasHeightForWidth(self):  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width):  # noqa: N802 - Qt's name
        return self.height_needed

    def place(self) -> None:
        """Each chunk at its height (one not begun: the room it keeps), under the one before."""
        view = self._view or self._chunk_in_view()   # read before anything moves
        width, top = self.width(), 0
        for chunk in self.chunks:
            widget = chunk.widget
            widget_height = max(widget.heightForWidth(width), widget.minimumHeight()) if chunk.started \
                else widget.maximumHeight()
            widget.setGeometry(0, top, width, widget_height)
            top += widget_height
        if top != self.height_needed:
            self.height_needed = top
            self.updateGeometry()   # the sheet around it is laid out once, and the scroll bar's range follows
        if view is not None:
            self._view, self._tries = view, 0
            self._keep_view()

    def forget_view(self) -> None:
        """The filler (or a finding) takes the view elsewhere: it is not put back."""
        self._view = self._anchor = None
        self._follow.stop()

    def in_view(self) -> list[Chunk]:
        """The chunks the filler sees now (none while the sheet is not on screen)."""
        if not self.page.isVisible():
            return []
        top = self.page.verticalScrollBar().value() - self.y()
        bottom = top + self.page.viewport().height()
        return [chunk for chunk in self.chunks
                if chunk.widget.geometry().bottom() >= top and chunk.widget.geometry().top() <= bottom]

    def _chunk_in_view(self) -> tuple[Chunk, int] | None:
        """The first chunk in the view (whole ones first: they do not change) and where it is in the view. The one
        kept last stays the one kept while it is in the view: a chunk above it just built is whole but not laid out
        yet (its rows shown a moment later, its height changing twice), and keeping that one in place instead
        would move the rows the filler reads by as much."""
        shown = self.in_view()
        if self._anchor in shown:
            chunk = self._anchor
        else:
            chunk = next((chunk for chunk in shown if chunk.done), shown[0] if shown else None)
        self._anchor = chunk if chunk is not None and chunk.done else None
        return None if chunk is None else (chunk, self.y() + chunk.widget.y() - self.page.verticalScrollBar().value())

    def _keep_view(self) -> None:
        if self._view is None:
            return
        chunk, place = self._view
        bar = self.page.verticalScrollBar()
        wanted = self.y() + chunk.widget.y() - place
        bar.setValue(wanted)
        self._tries += 1
        if bar.value() == wanted or self._tries > 20:
            self._view = None   # done: the next change starts from the view as it is then
        else:
            self._follow.start()   # the scroll bar's range follows the sheet's new height a moment later
