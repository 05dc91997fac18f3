"""The score sheet's later rows built, and its cells held, a little at a time on the event loop.

Each turn of the loop gets at most ``SLICE_SECONDS`` of this work (at least one row or cell), so a click, a
keystroke or a scroll waits no longer than that, whatever the sheet's size. The chunk on screen comes first: the
filler who scrolls far down before the sheet is built sees its rows next. A chunk above the screen that takes
more (or less) room than it kept moves the view by as much, so the rows the filler reads stay where they are.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

from evaldesk.ui.sheet_chunks import Chunk

SLICE_SECONDS = 0.02


class SheetSlices(QObject):
    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.chunks: list[Chunk] = []
        self.holding = False       # cells are held: rows built from now on are held too, once laid out
        self._holds: list = []     # rows (IndicatorRow) and labels to hold
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)
        self._shift = 0            # how far the chunks above the screen moved the rows on it
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setSingleShot(True)
        self._scroll_timer.setInterval(0)
        self._scroll_timer.timeout.connect(self._keep_view)

    def start(self, chunks: list[Chunk]) -> None:
        self.chunks = chunks
        for chunk in chunks[1:]:
            chunk.widget.installEventFilter(self)
        self._kick()

    def stop(self) -> None:
        self._timer.stop()
        self.release()
        self.chunks = []

    @property
    def busy(self) -> bool:
        return bool(self._holds) or any(not chunk.done for chunk in self.chunks)

    def to_hold(self, item) -> None:
        """``item`` (a row or a label) was just built: held once laid out, if the sheet's cells are held."""
        if self.holding:
            self._holds.append(item)
            self._kick()

    def hold_all(self, items: list) -> None:
        self.holding = True
        self._holds = list(items)
        self._kick()

    def release(self) -> None:
        self.holding = False
        self._holds.clear()

    def laid_out(self, chunk: Chunk) -> None:
        """Lay out now what was built (a row is about to be shown and focused)."""
        for _ in range(3):   # the chunk, then the sheet around it, then the scroll area's range
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _kick(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _slice(self) -> None:
        started = time.perf_counter()
        page = self.page
        if self._holds and not page.isVisible():
            self._holds.clear()   # held when the sheet is shown again (SheetPage.showEvent)
        if self._holds:
            page.widget().layout().activate()   # the sizes on screen are final before they are held
        while True:
            if self._holds:
                item = self._holds.pop(0)
                item.hold_cells() if hasattr(item, "hold_cells") else page.hold.hold(item)
            else:
                chunk = self._next_chunk()
                if chunk is None:
                    return
                page.build_next(chunk)
            if time.perf_counter() - started > SLICE_SECONDS:
                break
        if self.busy:
            self._timer.start()

    def _next_chunk(self) -> Chunk | None:
        """The first chunk still to build that is on screen, else the first one still to build."""
        waiting = [chunk for chunk in self.chunks if not chunk.done]
        if not waiting:
            return None
        if self.page.isVisible():
            top = self.page.verticalScrollBar().value()
            bottom = top + self.page.viewport().height()
            for chunk in waiting:
                where = chunk.widget.geometry()
                if where.bottom() >= top and where.top() <= bottom:
                    return chunk
        return waiting[0]

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and self.page.isVisible():
            old = event.oldSize().height()
            grown = event.size().height() - old
            if grown and old >= 0 and watched.y() + old <= self.page.verticalScrollBar().value() + self._shift:
                self._shift += grown
                self._scroll_timer.start()   # once the scroll bar knows the sheet's new height
        return False

    def _keep_view(self) -> None:
        bar = self.page.verticalScrollBar()
        bar.setValue(bar.value() + self._shift)
        self._shift = 0
