"""Work that can wait until the filler sees the window: run once a widget has been painted.

Opening a report paints its first tab before the audit runs (the audit, its panel and its imports are a third of
the wait before the paint). A zero-length timer is not enough: under X the first paint waits for the server's
expose event, which arrives after the timer has fired; so the work waits for the widget's own paint event, and
runs on the next turn of the event loop, after the frame has gone to the screen. A widget that is not on screen
(a hidden window, tests) runs it at once; a shown one that is never painted (minimised as it opened) runs it
after FALLBACK_MS.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 250


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None]):
        super().__init__(widget)  # goes with the widget: a page closed before its paint runs nothing
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self.deleteLater()
            then()


def after_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Call ``then`` once ``widget`` has been painted (at once if it is not shown)."""
    if not widget.isVisible():
        then()
        return
    _AfterPaint(widget, then)
