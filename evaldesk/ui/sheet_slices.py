"""The score sheet's later rows built, and its cells held, a little at a time on the event loop.

Each turn of the loop gets at most ``SLICE_SECONDS`` of this work (at least one row or cell), so a click, a
keystroke or a scroll waits no longer than that, whatever the sheet's size. The chunk on screen comes first: the
filler who scrolls far down before the sheet is built sees its rows next.

Each slice ends with ``gc.freeze()``: the rows' Python objects live as long as the sheet, and Python's full
collection, which ran every so often while they were made, went through all of them each time — 0.1–0.3 s
at 2,000 rows, growing with the sheet. Frozen, they are left out of it (freezing costs nothing). A freeze keeps
whatever the collector tracks, garbage not yet collected too: the rows of a sheet dropped (built again, another
report, another 字号) would be frozen by the next sheet's slices and never freed. So a sheet dropped thaws
everything (:func:`thaw`), and the next freeze first collects it, once (:func:`freeze`).
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer

from evaldesk.ui.sheet_chunks import Chunk

SLICE_SECONDS = 0.015
_dropped = False   # a sheet was dropped since the last freeze: its rows are garbage that a freeze would keep


def thaw(*_destroyed) -> None:
    """A sheet's rows are dropped: let Python's collector reach them again and collect them on the next turn of
    the event loop (they are garbage once the call that drops them returns) — in the wait for what replaces them
    (another report, another 字号), not in the next tab click — or before the next freeze, whichever comes first."""
    global _dropped
    gc.unfreeze()
    _dropped = True
    if QCoreApplication.instance() is not None:   # (not while the program ends)
        QTimer.singleShot(0, _collect_dropped)


def _collect_dropped() -> None:
    global _dropped
    if _dropped:
        _dropped = False
        gc.collect()


def freeze() -> None:
    """Leave the objects alive now out of Python's full collections; garbage left by a dropped sheet goes first."""
    _collect_dropped()
    gc.freeze()


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

    def start(self, chunks: list[Chunk]) -> None:
        self.chunks = chunks
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

    def laid_out(self) -> None:
        """Lay out now what was built: a row is about to be shown and focused, the view goes there (not back to
        where the last slice left it). Qt shows the widgets put in a shown chunk, then lays out the chunk, the
        sheet around it and the scroll area's range, each on a posted event."""
        for _ in range(3):
            QCoreApplication.sendPostedEvents()
        self.page.column.forget_view()

    def _kick(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _slice(self) -> None:
        started = time.perf_counter()
        page = self.page
        if self._holds and not page.isVisible():
            self._holds.clear()   # held when the sheet is shown again (SheetPage.showEvent)
        if self._holds:
            self._settle()   # the sizes on screen are final before they are held
        waiting, self._holds = self._holds, []   # (not what this slice builds: it is not laid out yet)
        while True:
            if waiting:
                self._hold(waiting.pop())
            else:
                chunk = self._next_chunk()
                if chunk is None:
                    return
                for cell in page.build_next(chunk).cells():
                    cell.ensurePolished()   # its style sheets applied now, in this slice's time, not after it
            if time.perf_counter() - started > SLICE_SECONDS:
                break
        self._holds += waiting
        freeze()
        if self.busy:
            self._timer.start()

    def _settle(self) -> None:
        """Lay out now what the event loop would: the chunks' grids, the column placing each chunk at the height
        its rows need, the grids again at those heights, and the sheet around them. A row laid out by its grid
        before its chunk was given the room it needs is squeezed: held then, it would stay squeezed (its text
        cut, the next row over it)."""
        started = [chunk for chunk in self.chunks if chunk.started]
        for chunk in started:
            chunk.grid.activate()
        self.page.column.place()
        for chunk in started:
            chunk.grid.activate()
        self.page.widget().layout().activate()

    def _hold(self, item) -> None:
        """Hold a row's cells or a label, once it is on screen at its size; until then it waits its turn again."""
        page = self.page
        if hasattr(item, "hold_cells"):
            if page.rows.get(item.indicator.id) is not item:
                return   # built again since (an adjusted template)
            shown = item.score
        else:
            shown = item
        if shown.isVisible() and shown.testAttribute(Qt.WidgetAttribute.WA_Resized):
            item.hold_cells() if shown is not item else page.hold.hold(item)
        else:
            self._holds.append(item)

    def _next_chunk(self) -> Chunk | None:
        """The first chunk still to build that is on screen, else the first one still to build."""
        waiting = [chunk for chunk in self.chunks if not chunk.done]
        if not waiting:
            return None
        return next((chunk for chunk in self.page.column.in_view() if not chunk.done), waiting[0])
