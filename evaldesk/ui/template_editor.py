"""评分表编辑器: the filler adjusts the score sheet of the open report, in a window beside the main one (issue 7).

Every change makes new template data with an :mod:`evaldesk.templates.edit` function and goes through the
document, so it is stored at once and undone with Ctrl+Z like any other edit:

* data that checks becomes the report's sheet (``SetTemplate``, dropping any draft): the sheet tab and the
  scores follow at once;
* data that does not check is kept as the report's draft (``SetTemplateDraft``): the report keeps scoring with
  its last valid sheet while this window shows the draft and every problem, in place and as a list.

The first change to a shared sheet (a built-in or imported one) gives it its own id and name, so "the template in
use" never names two different sheets.

The problems come from :func:`evaldesk.templates.edit.problems` (the checks loading makes), each tagged with the
indicator it is about: that tag, not the wording, puts it in the tree, the panel and the list.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QSize, Qt
from shiboken6 import isValid
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget

from evaldesk.app import score_sheets
from evaldesk.model.edits import Batch, SetTemplate, SetTemplateDraft
from evaldesk.scoring.report_text import score_text
from evaldesk.scoring.rules import TemplateError
from evaldesk.scoring.template_check import Problem
from evaldesk.scoring.template_tree import Tree
from evaldesk.templates import edit
from evaldesk.ui.document import ReportDocument
from evaldesk.ui.fields import ERROR_LABEL_STYLE
from evaldesk.ui.screen import fit_to_screen
from evaldesk.ui.template_cover import CoverSection
from evaldesk.ui.template_outline import Outline
from evaldesk.ui.template_panel import IndicatorPanel
from evaldesk.ui.template_problems import ProblemList, by_indicator
from evaldesk.ui.template_widgets import Column, EditTable, LineEdit

ADJUSTED_ID = "{id}-adjusted"
ADJUSTED_NAME = "{name}（本单位调整）"
OK_STYLE = "QLabel { background: #eaf5ec; border: 1px solid #b7dcc0; padding: 6px; }"
DRAFT_STYLE = "QLabel { background: #fdecea; border: 1px solid #e6b0aa; padding: 6px; color: #922b21; }"


class TemplateEditor(QWidget):
    """The window: the sheet's identity, the tree (:mod:`.template_outline`), the selected indicator
    (:mod:`.template_panel`), the grades and the problems (:mod:`.template_problems`); and :meth:`change`, the one
    way any of them changes the sheet."""

    def __init__(self, parent: QWidget, document: ReportDocument, current: Callable[[], ReportDocument | None]):
        """Beside ``parent`` (the main window), editing ``document``'s sheet; ``current()`` is the report the window
        shows now (a report opened there brings the editor along)."""
        super().__init__(parent, Qt.WindowType.Window)
        self._current = current
        self.document: ReportDocument | None = None
        self.selected: str | None = None
        self.panel: IndicatorPanel | None = None
        self.found: list[Problem] = []  # the draft's problems, each tagged with its indicator ([] for a sound sheet)
        fit_to_screen(self, QSize(1280, 860))

        self.template_name = LineEdit(lambda text: self.change(lambda d: edit.set_identity(d, name=text), "修改评分表名称"))
        self.template_id = LineEdit(lambda text: self.change(lambda d: edit.set_identity(d, template_id=text),
                                                             "修改评分表编号"))
        self.template_id.setMaximumWidth(280)
        self.undo_button = QPushButton("撤销")
        self.redo_button = QPushButton("重做")
        self.undo_button.setToolTip("Ctrl+Z；与主窗口的撤销相同")
        self.redo_button.setToolTip("Ctrl+Y")
        self.undo_button.clicked.connect(lambda: self.document and self.document.undo())
        self.redo_button.clicked.connect(lambda: self.document and self.document.redo())
        identity = QHBoxLayout()
        identity.addWidget(QLabel("评分表名称："))
        identity.addWidget(self.template_name, 3)
        identity.addWidget(QLabel("编号："))
        identity.addWidget(self.template_id, 1)
        identity.addSpacing(12)
        identity.addWidget(self.undo_button)
        identity.addWidget(self.redo_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(ERROR_LABEL_STYLE)
        self.refusal.hide()

        self.outline = Outline(self)
        outline = self.outline  # its parts, by the names the editor has always had
        self.tree = outline.tree
        self.add_leaf_button, self.add_group_button, self.add_root_button = \
            outline.add_leaf_button, outline.add_group_button, outline.add_root_button
        self.remove_button, self.up_button, self.down_button = \
            outline.remove_button, outline.up_button, outline.down_button

        self.detail = QScrollArea()
        self.detail.setWidgetResizable(True)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.outline)
        splitter.addWidget(self.detail)
        # The tree gets the larger share: at 特大 on a 1366-pixel screen a smaller one cut names to "财政…".
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 540])

        self.grades = EditTable(
            [Column("label", "等次"), Column("min", "下限（分）", "number", 100), Column("inclusive", "含下限", "flag", 80, default=True)],
            add_text="添加等次", remove_text="删除所选等次", row_label="", on_set=self._set_grade,
            on_add=lambda index: self.change(lambda d: edit.add_grade(d, "新等次", self._grade_floor(d, index), index),
                                             "添加评价等次"),
            on_remove=lambda row: self.change(lambda d: edit.remove_grade(d, row), "删除评价等次"))
        grades_box = QGroupBox("评价等次（从高到低；总分达到下限即属该等次）")
        QVBoxLayout(grades_box).addWidget(self.grades)
        self.problem_box = ProblemList(self.select)
        self.problem_list = self.problem_box.list
        bottom = QWidget()
        bottom_layout = QHBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(grades_box, 2)
        bottom_layout.addWidget(self.problem_box, 3)
        upright = QSplitter(Qt.Orientation.Vertical)
        upright.addWidget(splitter)
        upright.addWidget(bottom)
        upright.setStretchFactor(0, 1)
        upright.setSizes([640, 230])

        layout = QVBoxLayout(self)
        layout.addLayout(identity)
        layout.addWidget(self.status)
        layout.addWidget(self.refusal)
        self.cover = CoverSection(self)
        layout.addWidget(self.cover)
        layout.addWidget(upright, 1)
        self.bind(document)

    # ---------------------------------------------------------------- the report this edits

    def bind(self, document: ReportDocument) -> None:
        """Edit ``document``'s sheet (a new report opened in the window brings the editor along)."""
        if document is self.document:
            return
        self.document = document
        self.selected = None
        self.cover.bind(document)
        document.changed.connect(self._document_changed)
        document.rescored.connect(self._rescored)
        document.history_moved.connect(self._undo_moved)
        watch = QObject(document)  # destroyed with the document, whose own signals are blocked by then
        watch.destroyed.connect(self._document_gone)
        self.refresh()

    def _rescored(self, _sheet) -> None:
        if isValid(self.status):  # the program may be tearing the window down around a last signal
            self._show_status()

    def _undo_moved(self, _index) -> None:
        if isValid(self.redo_button):
            self._show_undo()

    def _document_gone(self, *_args) -> None:
        self.document = None
        if not isValid(self):
            return
        current = self._current()
        if current is not None and isValid(current) and self.isVisible():
            self.document = None
            self.bind(current)
        else:
            self.document = None
            self.close()

    def keyPressEvent(self, event):  # noqa: N802 - Qt's name
        """Esc closes the editor, as it closes a dialog (every change is already stored)."""
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event):  # noqa: N802 - Qt's name
        if self.panel is not None and self.panel.standard is not None and isValid(self.panel.standard):
            self.panel.standard.finish()  # a 评分标准 typed a moment ago is not lost
        super().closeEvent(event)

    def data(self) -> dict:
        """What the editor shows: the draft being adjusted, else the sheet the report scores with."""
        report = self.document.report
        return report.template_draft if report.template_draft is not None else report.template.data

    # ---------------------------------------------------------------- making a change

    def change(self, make: Callable[[dict], dict], label: str) -> bool:
        """Apply ``make`` to the shown data: a sound result becomes the report's sheet, an unsound one its draft.
        What cannot be written at all (a number that is not one) is refused here, nothing changed."""
        if self.document is None:
            return False
        current = self.data()
        try:
            new = make(current)
        except TemplateError as err:
            self.refuse(str(err))
            return False
        if new == current:
            self.refuse(None)
            return False
        new = self._own_identity(current, new)
        report = self.document.report
        template, _problems = edit.validated(new)
        if template is None:
            step = SetTemplateDraft(new, label)
        elif report.template_draft is None:
            step = SetTemplate(template, label)
        else:
            step = Batch([SetTemplateDraft(None, label), SetTemplate(template, label)], label)
        self.refuse(None)
        return self.document.apply(step, merge=False)

    def _own_identity(self, current: dict, new: dict) -> dict:
        """The first change to a shared sheet gives it its own id (and name, unless the filler just typed one)."""
        if new.get("id") != current.get("id"):
            return new
        shared = {entry.template.id for entry in score_sheets.choices(self.document.store)}
        if current.get("id") not in shared:
            return new
        name = new.get("name") if new.get("name") != current.get("name") else \
            ADJUSTED_NAME.format(name=current.get("name", ""))
        return edit.set_identity(new, ADJUSTED_ID.format(id=current.get("id")), name)

    def refuse(self, message: str | None) -> None:
        self.refusal.setText(f"未修改：{message}" if message else "")
        self.refusal.setVisible(bool(message))
        if message:
            self.refresh()  # put the stored value back in the box that was refused

    # ---------------------------------------------------------------- showing

    def _document_changed(self, changes) -> None:
        if changes.score_sheet and isValid(self.tree):
            self.refresh()

    @property
    def problems(self) -> list[str]:
        """The words of the draft's problems, as the list shows them."""
        return [problem.message for problem in self.found]

    @property
    def items(self) -> dict:
        """indicator id → its item in the tree."""
        return self.outline.items

    def refresh(self) -> None:
        if self.document is None:
            return
        data = self.data()
        draft = self.document.report.template_draft is not None
        self.found = edit.problems(data) if draft else []
        tree = Tree(data)
        self.template_name.show_value(str(data.get("name", "")))
        self.template_id.show_value(str(data.get("id", "")))
        self.cover.refresh(data)
        self.outline.fill(data, tree, by_indicator(self.found))
        if self.selected not in tree.nodes:
            self.selected = tree.roots[0] if tree.roots else None
        self._show_selected(data, tree)
        self.grades.fill(data.get("grades") if isinstance(data.get("grades"), list) else [])
        self.problem_box.fill(self.found)
        self._show_status()
        self._show_undo()
        self.outline.update_buttons(tree)

    def _show_selected(self, data: dict, tree: Tree) -> None:
        if self.selected is None:
            self.detail.takeWidget()
            self.panel = None
            return
        leaf = tree.is_leaf(self.selected)
        if self.panel is None or self.panel.indicator_id != self.selected or self.panel.leaf != leaf:
            self.panel = IndicatorPanel(self, self.selected, leaf)
            self.detail.setWidget(self.panel)
        self.panel.refresh(data, tree, by_indicator(self.found).get(self.selected, []))

    def _show_status(self) -> None:
        if self.document is None:
            return
        report, sheet = self.document.report, self.document.sheet
        scored = f"总分 {score_text(sheet.total)}，等次 {sheet.grade or '待定'}"
        title = f"编辑评分表 — {report.year}年度 {report.department or '（未填部门名称）'}"
        if report.template_draft is not None:
            self.setWindowTitle(title + "（调整中，尚未通过检查）")
            self.status.setStyleSheet(DRAFT_STYLE)
            self.status.setText(f"调整中的评分表尚未通过检查：{len(self.problems)} 个问题（左侧标红处和下方“检查结果”）。"
                                f"本报告仍按上次有效的评分表“{report.template.name}”评分：{scored}。"
                                "改正后立即生效；也可撤销（Ctrl+Z）。")
        else:
            self.setWindowTitle(title)
            self.status.setStyleSheet(OK_STYLE)
            self.status.setText(f"本报告按此评分表评分：{scored}。每一处修改立即生效并保存，可撤销（Ctrl+Z）。")

    def _show_undo(self) -> None:
        stack = self.document.history if self.document is not None and isValid(self.document) else None
        self.undo_button.setEnabled(bool(stack and stack.can_undo()))
        self.redo_button.setEnabled(bool(stack and stack.can_redo()))

    def show_selection(self) -> None:
        """The filler picked another indicator in the tree: show it."""
        data = self.data()
        tree = Tree(data)
        self._show_selected(data, tree)
        self.outline.update_buttons(tree)

    def select(self, indicator_id: str) -> None:
        self.outline.select(indicator_id)

    # ---------------------------------------------------------------- grades

    def _set_grade(self, row: int, key: str, value) -> None:
        if key == "min" and value is None:
            self.refuse("评价等次的下限不能为空")
            return
        arguments = {"label": {"label": value}, "min": {"minimum": value}, "inclusive": {"inclusive": value}}[key]
        self.change(lambda d: edit.set_grade(d, row, **arguments), "修改评价等次")

    @staticmethod
    def _grade_floor(data: dict, index: int):
        """A new grade starts with the lower edge of the one above it: check() then asks the filler for its own."""
        grades = data.get("grades") if isinstance(data.get("grades"), list) else []
        above = grades[index - 1] if 0 < index <= len(grades) else (grades[0] if grades else None)
        return above.get("min", 0) if isinstance(above, dict) else 0
