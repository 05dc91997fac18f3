"""A choice box that leaves the mouse wheel to the page: on a scrolling page (the score sheet's checklists, a
list's 指标类型, the template editor) a wheel turned to scroll must not change an answer silently as it passes
over a box. The choice changes by a click on the box or by the arrow keys once it has the focus. The same holds for
a number box (the welcome page's 年度)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSpinBox


class SteadyComboBox(QComboBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel does not take the focus either

    def wheelEvent(self, event):  # noqa: N802 - Qt's name
        event.ignore()  # unhandled, the wheel goes on to the scrolling page around the box


class SteadySpinBox(QSpinBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event):  # noqa: N802 - Qt's name
        event.ignore()
