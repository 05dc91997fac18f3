"""Tab and Shift+Tab on the score sheet go through its rows in the sheet's order.

Qt's own order is the order in which the rows' editors joined the window: a sheet built a chunk at a time, the
chunk on screen first (sheet_slices.py), would send the filler from one row to whichever was built next. The
sheet's body asks :func:`tab_from` first; from a row's last editor it goes to the next row in the sheet, built
then if it was not yet.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


class SheetBody(QWidget):
    """The sheet's contents; Tab and Shift+Tab between its rows follow the sheet's order (``tab_from``), not the
    order in which Qt met the rows' editors (a row built late, or first because it was on screen)."""

    def __init__(self, tab_from):
        super().__init__()
        self._tab_from = tab_from

    def focusNextPrevChild(self, next):  # noqa: N802,A002 - Qt's names
        return self._tab_from(next) or super().focusNextPrevChild(next)


def tab_from(page, forward: bool) -> bool:
    """Tab (Shift+Tab) from a row's editor: its next (previous) editor, or the first (last) of the next
    (previous) row in the sheet's order, built now if it was not yet. False: not in a row, or past the last."""
    current = QApplication.focusWidget()
    widget, row = current, None
    while widget is not None and row is None:
        row, widget = page.row_cells.get(widget), widget.parentWidget()
    stops = row.tab_stops() if row is not None else []
    if current not in stops:
        return False
    step = 1 if forward else -1
    at = stops.index(current) + step
    if not 0 <= at < len(stops):
        index = page.places[row.indicator.id][1] + step
        neighbour = page.row(page.plan.leaves[index]) if 0 <= index < len(page.plan.leaves) else None
        stops = neighbour.tab_stops() if neighbour is not None else []
        if not stops:
            return False
        at = 0 if forward else len(stops) - 1
    stops[at].setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
    page.slices.laid_out()
    page.ensureWidgetVisible(stops[at])
    return True
