"""附件：评分表 — the template's tree as a table (sheet_model.py over sheet_table.py / sheet_view.py): beside each
三级指标 the figures its rule needs, the score, its state, the hand score and 扣分原因, under it the standard, how
the score came about and the findings. Subtotals, total and grade follow every keystroke. The whole sheet is there
at once, at any size: its cells are painted, not widgets; an editor exists only while a cell is edited.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QMenu, QVBoxLayout, QWidget

from evaldesk.model.layout import cover_text
from evaldesk.model.places import Place, SheetPlace
from evaldesk.model.report import sheet_key
from evaldesk.ui import reason_offer
from evaldesk.ui.document import ReportDocument
from evaldesk.ui.file_safety import LOCKED, VIEWING
from evaldesk.ui.settings import Settings
from evaldesk.ui.sheet_inputs import ChecklistAnswer, InputsEditor
from evaldesk.ui.sheet_model import ScoreSheetModel
from evaldesk.ui.sheet_view import IndicatorView
from evaldesk.ui.template_banner import DraftBanner

__all__ = ["ChecklistAnswer", "SheetPage"]

PARTS = {"name": 2, "weight": 3, "input": 4, "score": 5, "state": 6, "hand": 7, "reason": 8}   # the columns


class SheetPage(QWidget):
    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(parent)
        self.document = document
        settings = Settings.load()
        self.model = ScoreSheetModel(document, standards_shown=settings.get("sheet_standards", True) is not False,
                                     notes_shown=settings.get("sheet_notes", True) is not False, parent=self)
        outer = QVBoxLayout(self)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        outer.addWidget(self.title)
        line = QHBoxLayout()
        self.template_name = QLabel()
        line.addWidget(self.template_name, 1)
        self.standards_box = self._view_box("显示评分标准", self.model.standards_shown, self.show_standards,
                                            "在每个三级指标下显示它的评分标准；不勾选时只在指标名称的提示中显示")
        self.notes_box = self._view_box("展开说明", self.model.notes_shown, self.show_notes,
                                        "在每个三级指标下显示计分说明和审核意见；单击某行的说明可单独收起或展开")
        line.addWidget(self.standards_box)
        line.addWidget(self.notes_box)
        outer.addLayout(line)
        outer.addWidget(DraftBanner(document))  # shown while an adjusted sheet does not check yet
        self.view = IndicatorView(self.model)
        self.view.message_handler = self.say
        self.view.clicked.connect(self._clicked)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        outer.addWidget(self.view, 1)
        self.message = QLabel()   # a refused text: why (as under part 二's grids)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()
        outer.addWidget(self.message)
        self.footnote = QLabel()
        self.footnote.setWordWrap(True)
        self.footnote.setStyleSheet("color: #555;")
        outer.addWidget(self.footnote)
        self.show_template_words()
        self.model.modelReset.connect(self.show_template_words)
        document.rescored.connect(lambda _sheet: self.show_template_words())
        document.refusals_changed.connect(self._refusals_changed)

    def _view_box(self, text: str, checked: bool, slot, tip: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setToolTip(tip)
        box.setChecked(checked)
        box.toggled.connect(slot)
        box.setProperty(VIEWING, True)   # a read-only window's reader may use it too
        return box

    def show_template_words(self) -> None:
        template = self.document.report.template
        self.title.setText(f"{cover_text(self.document.report, 'sheet_attachment')}　{template.cover['sheet_title']}")
        self.template_name.setText(f"评分表模板：{template.name}")
        self.footnote.setText(template.cover["sheet_footnote"])

    @property
    def built_for(self):
        return self.model.built_for

    # ---- what the filler changes in the view
    def show_standards(self, shown: bool) -> None:
        """显示评分标准: the standards under the indicators, or not (remembered for the next time)."""
        self.model.show_standards(shown)
        self._remember("sheet_standards", shown)

    def show_notes(self, shown: bool) -> None:
        """展开说明: every row's notes open, or each folded to one line (remembered for the next time)."""
        self.model.show_notes(shown)
        self._remember("sheet_notes", shown)

    @staticmethod
    def _remember(name: str, value) -> None:
        settings = Settings.load()
        settings[name] = value
        settings.save(name)

    def _clicked(self, index) -> None:
        if self.model.is_detail(index.row()):
            self.model.fold(self.model.leaf_at(index.row()).id)

    def _menu(self, at) -> None:
        """Right click on a reason cell: 填入扣分原因草稿 (when the rule's deduction has a draft)."""
        index = self.view.indexAt(at)
        leaf = self.model.leaf_at(index.row()) if index.isValid() else None
        if leaf is None or index.column() != PARTS["reason"] or not self.model.editable(index):
            return
        draft = self.model.draft(leaf)
        if not draft:
            return
        menu = QMenu(self)
        reason_offer.add_to_menu(menu, draft, lambda: self.fill_reason_draft(leaf.id))
        menu.exec(self.view.viewport().mapToGlobal(at))
        menu.deleteLater()

    def fill_reason_draft(self, indicator_id: str) -> bool:
        leaf = next(leaf for leaf in self.model.plan.leaves if leaf.id == indicator_id)
        return reason_offer.fill(self, self.document, sheet_key(indicator_id, "reason"), self.model.draft(leaf))

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _refusals_changed(self, count: int) -> None:
        if not self.model.errors and self.message.isVisible():
            self.say("")

    def event(self, event):
        if event.type() == QEvent.Type.DynamicPropertyChange and bytes(event.propertyName()).decode() == LOCKED:
            self.model.read_only = bool(self.property(LOCKED))   # a read-only window: nothing takes typing
            self.view.closePersistentEditor(self.view.currentIndex())
            self.view.viewport().update()
        return super().event(event)

    # ---- what the filler reads (tests and tools read it the same way)
    def cell_index(self, indicator_id: str, part: str):
        return self.model.index_of(indicator_id, PARTS[part])

    def shown(self, indicator_id: str, part: str) -> str:
        """The words in a row's cell (``part``: a key of PARTS), or under it ("notes")."""
        if part == "notes":
            return self.model.cell(self.model.row_of[indicator_id] + 1, self.model.detail_from).text
        return self.model.data(self.cell_index(indicator_id, part)) or ""

    def group_text(self, group_id: str) -> str:
        for (row, column), group in self.model.group_at.items():
            if group.id == group_id:
                return self.model.cell(row, column).text
        return ""

    def total_text(self) -> str:
        return "　".join(shown.text for _first, _span, shown in self.model.total(self.model))

    def edit(self, indicator_id: str, part: str):
        """Open the editor of a row's cell (as F2 does); the editor, or None if the cell takes no typing."""
        index = self.cell_index(indicator_id, part)
        self.view.show_cell(index)
        self.view.edit(index)
        return self.view.editor

    # ---- taking the filler somewhere
    def index_of(self, place: Place):
        """The cell that shows a score-sheet place (its row's name for a place of no cell)."""
        if not isinstance(place, SheetPlace) or place.indicator not in self.model.row_of:
            return None
        return self.model.index_of(place.indicator, PARTS.get(place.part, self.model.name_column))

    def focus(self, place: Place) -> bool:
        """Take the filler to a score-sheet entry: its row in view, its cell current (an input's box open)."""
        index = self.index_of(place)
        if index is None:
            return False
        self.view.show_cell(index, edit=place.part == "input" and self.isVisible())
        if isinstance(self.view.editor, InputsEditor):
            self.view.editor.focus_entry(place.key)
        return True

    def view_place(self) -> tuple[str, int] | None:
        """The first 三级指标 in the view and how far below the view's top it stands (None: none is in view)."""
        first = self.view.first_in_view()
        if first is None:
            return None
        row, below_top = first
        leaf = self.model.leaf_at(row)
        if leaf is None:
            return None
        return leaf.id, self.view.rowViewportPosition(self.model.row_of[leaf.id])

    def show_view_place(self, place: tuple[str, int]) -> None:
        """Scroll so that the 三级指标 of :meth:`view_place` stands where it stood."""
        indicator_id, below_top = place
        row = self.model.row_of.get(indicator_id)
        if row is None:
            return
        bar = self.view.verticalScrollBar()
        for _again in range(3):   # the rows come into view and are measured: put it back where it was
            bar.setValue(bar.value() + self.view.rowViewportPosition(row) - below_top)
            if self.view.rowViewportPosition(row) == below_top:
                break
