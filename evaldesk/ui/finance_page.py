"""二、收支情况: the four grids of part 二 as spreadsheets (ui/grids.py), the buttons that add, remove and move the
units (rows) they share, and a message line under each grid, where a paste or a refused cell is explained."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from evaldesk.model.form import SECTION_FINANCE
from evaldesk.model.layout import GridBlock, Hint
from evaldesk.model.places import CellPlace, Place, UnitPlace, UnitsPlace
from evaldesk.ui.document import ReportDocument
from evaldesk.ui.fields import ERROR_LABEL_STYLE
from evaldesk.ui.grids import GridModel, GridView
from evaldesk.ui.pages import Page, group_box


class FinancePage(Page):
    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(document, SECTION_FINANCE, parent)
        from PySide6.QtWidgets import QPushButton

        self.views: dict[str, GridView] = {}
        self.messages: dict[str, QLabel] = {}  # under each grid
        self.message = QLabel()  # under the unit buttons: 删除所选机构 with no unit chosen
        self.message.setStyleSheet(ERROR_LABEL_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QHBoxLayout()
        for text, slot in (("添加二级机构", self.add_unit), ("删除所选机构", self.remove_unit),
                           ("上移", lambda: self.move_unit(-1)), ("下移", lambda: self.move_unit(1))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.draw_hint(Hint("双击或直接输入即可填写；Enter 下移，Tab 右移；可从 Excel/WPS 复制一块粘贴。"
                            "灰色的合计与汇总行自动计算。机构名称可直接修改。"))
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.message)
        self.build(SECTION_FINANCE)
        self.finish()
        document.changed.connect(self._clear_message)

    def draw_grid(self, block: GridBlock) -> None:
        """The grid with its own message line right under it: a refused cell or a paste is explained beside the
        grid it concerns, not screens away."""
        view = GridView(GridModel(self.document, block.grid))
        message = QLabel()
        message.setStyleSheet(ERROR_LABEL_STYLE)
        message.setWordWrap(True)
        message.hide()
        view.message_handler = lambda text, label=message: self.show_message(text, label)
        self.views[block.key] = view
        self.messages[block.key] = message
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(view)
        column.addWidget(message)
        self.layout_.addWidget(group_box(block.grid.title, box))

    def show_message(self, text: str, label: QLabel | None = None) -> None:
        """Say ``text`` under the grid it concerns (``label``; the page's own line for the unit buttons)."""
        label = label or self.message
        label.setText(text)
        label.setVisible(bool(text))
        if text:
            self.ensureWidgetVisible(label, 20, 20)

    def _clear_message(self, changes) -> None:
        """A grid's message stays until the next change in part 二 (a red cell says why again when selected)."""
        if changes.any(CellPlace, UnitPlace, UnitsPlace):
            for label in (self.message, *self.messages.values()):
                label.clear()
                label.hide()

    def _current_unit(self):
        for view in self.views.values():
            if view.hasFocus() or view.isAncestorOf(self.focusWidget() or view):
                unit = view.model().unit_at(view.currentIndex().row())
                if unit:
                    return unit
        view = next(iter(self.views.values()))
        return view.model().unit_at(view.currentIndex().row())

    def add_unit(self) -> None:
        from evaldesk.model.edits import InsertUnit
        from evaldesk.model.report import Unit, new_id

        units = self.document.report.units
        name = f"二级机构{len(units)}"
        self.document.apply(InsertUnit(len(units), Unit(new_id(), name)), merge=False)

    def remove_unit(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from evaldesk.model.edits import RemoveUnit

        unit = self._current_unit()
        if unit is None:
            self.show_message("请先在表中选中要删除的机构所在的行。")
            return
        if unit.cells:
            answer = QMessageBox.question(self, "删除机构", f"“{unit.name}”已填有金额，确定删除？（可用“撤销”恢复）")
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.document.apply(RemoveUnit(unit.id), merge=False)

    def move_unit(self, step: int) -> None:
        from evaldesk.model.edits import MoveUnit

        unit = self._current_unit()
        if unit is None:
            return
        index = self.document.report.units.index(unit)
        if 0 <= index + step < len(self.document.report.units):
            self.document.apply(MoveUnit(unit.id, index + step), merge=False)

    def focus(self, place: Place) -> bool:
        if not isinstance(place, CellPlace):
            return False
        view = self.views.get(place.grid)
        if view is None:
            return False
        self.ensureWidgetVisible(view, 50, 50)
        view.select_cell(place.unit, place.cell)
        return True


