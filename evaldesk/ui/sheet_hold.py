"""Sizes held while the score sheet is on screen, so that a keystroke costs the same on a sheet of 20 indicators
as on one of 2,000.

The sheet is one grid: a label whose text changes asks its parent's layout for a new size, and Qt then lays out
every cell of the grid again (hundreds of milliseconds on a large sheet). Qt stops that request at a widget whose
minimum and maximum sizes are equal (``QWidget::updateGeometry``), so a cell that a keystroke repaints is given a
fixed size — the size it has on screen — before its text changes: the grid is not disturbed, and the rows below do
not move under the filler's cursor either. A text that no longer fits lets its cell go (one relayout, rare); every
cell is let go when the sheet is shown anew or its width changes, and takes its natural size again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QWidget


class _Held:
    """A widget that, while held, tells its layout the size it holds instead of measuring its text again: the one
    layout that holding the whole sheet costs then reads thousands of sizes instead of laying out their texts."""

    held: QSize | None = None

    def sizeHint(self):  # noqa: N802 - Qt's name
        return self.held if self.held is not None else super().sizeHint()

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        return self.held if self.held is not None else super().minimumSizeHint()

    def hasHeightForWidth(self):  # noqa: N802 - Qt's name
        return self.held is None and super().hasHeightForWidth()


class HeldLabel(_Held, QLabel):
    pass


class HeldWidget(_Held, QWidget):
    pass


class SizeHold:
    """The cells of one sheet whose size is held, each with the sizes to give back when it is let go."""

    def __init__(self):
        self._held: dict[QWidget, tuple[QSize, QSize, Callable[[], None] | None]] = {}
        self._changed: set[QWidget] = set()   # held cells whose content changed since they were held

    def hold(self, widget: QWidget, on_release: Callable[[], None] | None = None) -> None:
        """Fix ``widget`` at the size it has now (only once it is on screen: before that it has no size yet).
        ``on_release`` runs when it is let go (e.g. a row puts back the findings it shortened)."""
        if widget in self._held or not widget.isVisible() or not widget.testAttribute(Qt.WidgetAttribute.WA_Resized):
            return   # (not laid out yet: a row built a moment ago has no size of its own to hold)
        self._held[widget] = (widget.minimumSize(), widget.maximumSize(), on_release)
        if isinstance(widget, _Held):
            widget.held = widget.size()
        widget.setFixedSize(widget.size())

    def is_held(self, widget: QWidget) -> bool:
        return widget in self._held

    def changed(self, widget: QWidget) -> None:
        """``widget``'s content changed while it was held: it is let go when the sheet is shown again."""
        if widget in self._held:
            self._changed.add(widget)

    def release_changed(self) -> None:
        """Let go the cells whose content changed (the sheet is shown again: they take the room they need)."""
        for widget in list(self._changed):
            self.release(widget)

    def release(self, widget: QWidget) -> None:
        self._changed.discard(widget)
        minimum, maximum, on_release = self._held.pop(widget, (None, None, None))
        if minimum is None:
            return
        if isinstance(widget, _Held):
            widget.held = None
        widget.setMinimumSize(minimum)
        widget.setMaximumSize(maximum)
        if on_release is not None:
            on_release()

    def release_all(self) -> None:
        for widget in list(self._held):
            self.release(widget)

    def drop(self, widget: QWidget) -> None:
        """``widget`` leaves the sheet: it is no longer held."""
        self._held.pop(widget, None)
        self._changed.discard(widget)

    def forget(self) -> None:
        """The sheet was rebuilt: its old cells are gone."""
        self._held.clear()
        self._changed.clear()

    def set_text(self, label: QLabel, text: str) -> None:
        """Hold ``label`` and show ``text`` in it; if the text needs more room than the label holds, let it go so
        the sheet makes room (a figure or a subtotal is never cut off)."""
        if label.text() == text:
            return
        self.hold(label)
        label.setText(text)
        self.changed(label)
        if self.is_held(label) and label.heightForWidth(label.width()) > label.height():
            self.release(label)
