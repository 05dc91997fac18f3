"""评分表编辑器: the filler adjusts the score sheet of the open report, in a window beside the main one (issue 7).

Every change makes new template data with an :mod:`evaldesk.templates.edit` function and goes through the
document, so it is stored at once and undone with Ctrl+Z like any other edit:

* data that checks becomes the report's sheet (``SetTemplate``, dropping any draft): the sheet tab and the
  scores follow at once;
* data that does not check is kept as the report's draft (``SetTemplateDraft``): the report keeps scoring with
  its last valid sheet while this window shows the draft and every problem, in place and as a list.

The first change to a shared sheet (a built-in or imported one) gives it its own id and name, so "the template in
use" never names two different sheets.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from shiboken6 import isValid
from PySide6.QtWidgets import (
    QAbstractItemView, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QScrollArea, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from evaldesk.model.edits import Batch, SetTemplate, SetTemplateDraft
from evaldesk.scoring.report_text import score_text
from evaldesk.scoring.rules import TemplateError, num, to_decimal
from evaldesk.templates import edit
from evaldesk.ui import dialogs
from evaldesk.ui.document import ReportDocument
from evaldesk.ui.fields import ERROR_LABEL_STYLE
from evaldesk.ui.template_rules import RuleEditor, kind_label
from evaldesk.ui.template_widgets import Column, EditTable, LineEdit, TextEdit, number_text

LEVELS = {1: "一级指标", 2: "二级指标", 3: "三级指标"}
ADJUSTED_ID = "{id}-adjusted"
ADJUSTED_NAME = "{name}（本单位调整）"
PROBLEM_BRUSH = QBrush(QColor("#fdecea"))
PROBLEM_TEXT = QBrush(QColor("#c0392b"))
NOTE_STYLE = "color: #555;"
OK_STYLE = "QLabel { background: #eaf5ec; border: 1px solid #b7dcc0; padding: 6px; }"
DRAFT_STYLE = "QLabel { background: #fdecea; border: 1px solid #e6b0aa; padding: 6px; color: #922b21; }"


# ---------------------------------------------------------------- reading template data


class Tree:
    """The indicator tree of template data (a draft may be unsound, so nothing here assumes it checks)."""

    def __init__(self, data: dict):
        entries = [e for e in data.get("indicators", []) if isinstance(e, dict) and isinstance(e.get("id"), str)]
        self.by_id = {entry["id"]: entry for entry in entries}
        self.children: dict[str | None, list[str]] = {}
        for entry in entries:
            parent = entry.get("parent") if entry.get("parent") in self.by_id else None
            self.children.setdefault(parent, []).append(entry["id"])

    def parent(self, indicator_id: str) -> str | None:
        parent = self.by_id[indicator_id].get("parent")
        return parent if parent in self.by_id else None

    def level(self, indicator_id: str) -> int:
        level, current, seen = 1, indicator_id, set()
        while (current := self.parent(current)) is not None and current not in seen:
            seen.add(current)
            level += 1
        return level

    def is_leaf(self, indicator_id: str) -> bool:
        return "rule" in self.by_id[indicator_id]

    def siblings(self, indicator_id: str) -> list[str]:
        return self.children.get(self.parent(indicator_id), [])

    def root_of(self, indicator_id: str) -> str:
        while (parent := self.parent(indicator_id)) is not None:
            indicator_id = parent
        return indicator_id

    def weight_sum(self, ids: list[str]) -> Decimal | None:
        try:
            return sum((to_decimal(self.by_id[i].get("weight"), "", "") for i in ids), Decimal(0))
        except TemplateError:
            return None


def locate(tree: Tree, problems: list[str]) -> dict[str, list[str]]:
    """Which indicator each problem is about: one naming an id "（id）" goes there; otherwise every indicator whose
    name it quotes as 指标“name”. Problems about the sheet as a whole (grades, total, cover) are in none."""
    found: dict[str, list[str]] = {}
    for problem in problems:
        ids = [i for i in tree.by_id if f"（{i}）" in problem]
        if not ids:
            ids = [i for i, entry in tree.by_id.items()
                   if entry.get("name") and f"指标“{entry['name']}”" in problem]
        for indicator_id in ids:
            found.setdefault(indicator_id, []).append(problem)
    return found


# ---------------------------------------------------------------- the selected indicator


class IndicatorPanel(QWidget):
    """Name, 分值, 评分标准 and rule of one indicator; what is wrong with it, in red, at the top."""

    def __init__(self, editor: "TemplateEditor", indicator_id: str, leaf: bool):
        super().__init__()
        self.editor = editor
        self.indicator_id = indicator_id
        self.leaf = leaf
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.path = QLabel()
        self.path.setStyleSheet(NOTE_STYLE)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(ERROR_LABEL_STYLE)
        ident = indicator_id
        self.name = LineEdit(lambda text: editor.change(lambda d: edit.rename_indicator(d, ident, text), "修改指标名称"))
        self.weight = LineEdit(lambda text: editor.change(
            lambda d: edit.set_weight(d, ident, number_text(text)), "修改分值"), "如 5")
        self.weight.setMaximumWidth(120)
        self.children_sum = QLabel()
        weight_row = QHBoxLayout()
        weight_row.addWidget(self.weight)
        weight_row.addWidget(self.children_sum, 1)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow("名称：", self.name)
        form.addRow("分值：", weight_row)
        self.standard = None
        self.rule = None
        if leaf:
            self.standard = TextEdit(lambda text: editor.change(lambda d: edit.set_standard(d, ident, text),
                                                                "修改评分标准"))
            self.standard.setMinimumHeight(self.standard.fontMetrics().lineSpacing() * 4 + 12)
            self.standard.setMaximumHeight(self.standard.fontMetrics().lineSpacing() * 6 + 12)
            form.addRow("评分标准：", self.standard)
            hint = QLabel("评分标准是印在评分表上的文字；按什么计分由下面的评分方式决定。")
            hint.setStyleSheet(NOTE_STYLE)
            form.addRow("", hint)
        self.entered = QLabel()
        self.entered.setWordWrap(True)
        self.entered.setStyleSheet(NOTE_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.path)
        layout.addWidget(self.problems)
        layout.addLayout(form)
        if leaf:
            rule_box = QGroupBox("评分方式与参数")
            rule_layout = QVBoxLayout(rule_box)
            self.rule = RuleEditor(editor, indicator_id)
            rule_layout.addWidget(self.rule)
            layout.addWidget(rule_box)
        layout.addWidget(self.entered)
        layout.addStretch(1)

    def refresh(self, data: dict, tree: Tree, problems: list[str]) -> None:
        entry = tree.by_id[self.indicator_id]
        level = tree.level(self.indicator_id)
        self.heading.setText(f"{LEVELS.get(level, f'{level}级指标')}　{entry.get('name') or '（未命名）'}")
        names, current = [], tree.parent(self.indicator_id)
        while current is not None:
            names.insert(0, str(tree.by_id[current].get("name", "")))
            current = tree.parent(current)
        self.path.setText(f"{' › '.join(names) + ' › ' if names else ''}{entry.get('name', '')}"
                          f"　　（编号 {self.indicator_id}，本报告的评分数据按编号保存，改名不影响已填数据）")
        self.problems.setText("\n".join(f"⚠ {p}" for p in problems))
        self.problems.setVisible(bool(problems))
        self.name.show_value(str(entry.get("name", "")), missing=not str(entry.get("name", "")).strip())
        self.weight.show_value("" if entry.get("weight") is None else str(entry.get("weight")),
                               missing=entry.get("weight") is None)
        kids = tree.children.get(self.indicator_id, [])
        if kids:
            total = tree.weight_sum(kids)
            weight = tree.weight_sum([self.indicator_id])
            adds_up = total is not None and total == weight
            self.children_sum.setText(f"下级 {len(kids)} 项，分值合计 {num(total) if total is not None else '？'}"
                                      + ("" if adds_up else f"（应等于 {num(weight) if weight is not None else '分值'}）"))
            self.children_sum.setStyleSheet("" if adds_up else ERROR_LABEL_STYLE)
        else:
            self.children_sum.setText("")
        if self.standard is not None:
            self.standard.show_value(str(entry.get("standard", "")))
        if self.rule is not None:
            self.rule.refresh(entry, data)
        entered = edit.entered_keys(self.editor.document.report, data, self.indicator_id)
        self.entered.setText(f"本报告已为此指标填写 {len(entered)} 项评分数据。" if entered else "")


# ---------------------------------------------------------------- the window


class TemplateEditor(QWidget):
    def __init__(self, window, document: ReportDocument):
        super().__init__(window, Qt.WindowType.Window)
        self.window_ = window
        self.document: ReportDocument | None = None
        self.selected: str | None = None
        self.panel: IndicatorPanel | None = None
        self.problems: list[str] = []
        self.resize(1280, 860)

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

        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["指标", "分值", "评分方式"])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.currentItemChanged.connect(self._tree_selected)
        self.whole = QLabel()
        self.add_leaf_button = QPushButton("添加三级指标")
        self.add_group_button = QPushButton("添加二级指标")
        self.add_root_button = QPushButton("添加一级指标")
        self.remove_button = QPushButton("删除")
        self.up_button = QPushButton("上移")
        self.down_button = QPushButton("下移")
        self.add_leaf_button.clicked.connect(self.add_leaf)
        self.add_group_button.clicked.connect(self.add_group)
        self.add_root_button.clicked.connect(self.add_root)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        buttons = QGridLayout()
        for column, button in enumerate((self.add_leaf_button, self.add_group_button, self.add_root_button)):
            buttons.addWidget(button, 0, column)
        for column, button in enumerate((self.up_button, self.down_button, self.remove_button)):
            buttons.addWidget(button, 1, column)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.whole)
        left_layout.addLayout(buttons)

        self.detail = QScrollArea()
        self.detail.setWidgetResizable(True)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([500, 760])

        self.grades = EditTable(
            [Column("label", "等次"), Column("min", "下限（分）", "number", 100), Column("inclusive", "含下限", "flag", 80, default=True)],
            add_text="添加等次", remove_text="删除所选等次", row_label="", on_set=self._set_grade,
            on_add=lambda index: self.change(lambda d: edit.add_grade(d, "新等次", self._grade_floor(d, index), index),
                                             "添加评价等次"),
            on_remove=lambda row: self.change(lambda d: edit.remove_grade(d, row), "删除评价等次"))
        grades_box = QGroupBox("评价等次（从高到低；总分达到下限即属该等次）")
        QVBoxLayout(grades_box).addWidget(self.grades)
        self.problem_list = QListWidget()
        self.problem_list.setWordWrap(True)
        self.problem_list.itemClicked.connect(self._problem_clicked)
        self.problem_box = QGroupBox("检查结果")
        QVBoxLayout(self.problem_box).addWidget(self.problem_list)
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
        layout.addWidget(upright, 1)
        self.bind(document)

    # ---------------------------------------------------------------- the report this edits

    def bind(self, document: ReportDocument) -> None:
        """Edit ``document``'s sheet (a new report opened in the window brings the editor along)."""
        if document is self.document:
            return
        self.document = document
        self.selected = None
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
        current = getattr(self.window_, "document", None) if isValid(self.window_) else None
        if current is not None and isValid(current) and self.isVisible():
            self.document = None
            self.bind(current)
        else:
            self.document = None
            self.close()

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
        from evaldesk.templates.library import entries

        if new.get("id") != current.get("id"):
            return new
        shared = {entry.template.id for entry in entries(self.document.store)}
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

    def refresh(self) -> None:
        if self.document is None:
            return
        data = self.data()
        draft = self.document.report.template_draft is not None
        self.problems = edit.check(data) if draft else []
        tree = Tree(data)
        by_indicator = locate(tree, self.problems)
        self.template_name.show_value(str(data.get("name", "")))
        self.template_id.show_value(str(data.get("id", "")))
        self._fill_tree(tree, by_indicator)
        roots = tree.children.get(None, [])
        whole = tree.weight_sum(roots)
        try:
            total = to_decimal(data.get("total", 100), "", "")
        except TemplateError:
            total = None
        adds_up = whole is not None and whole == total
        self.whole.setText(f"一级指标分值合计 {num(whole) if whole is not None else '？'}　　总分 "
                           f"{num(total) if total is not None else '？'}")
        self.whole.setStyleSheet("" if adds_up else ERROR_LABEL_STYLE)
        if self.selected not in tree.by_id:
            self.selected = roots[0] if roots else None
        self._show_selected(data, tree, by_indicator)
        self.grades.fill(data.get("grades") if isinstance(data.get("grades"), list) else [])
        self.problem_list.clear()
        for problem in self.problems:
            item = QListWidgetItem(f"⚠ {problem}")
            item.setForeground(PROBLEM_TEXT)
            located = [i for i, found in by_indicator.items() if problem in found]
            item.setData(Qt.ItemDataRole.UserRole, located[0] if located else None)
            self.problem_list.addItem(item)
        if not self.problems:
            self.problem_list.addItem("评分表完整：各级分值相加一致，总分为 100，每项评分规则齐全。")
        self.problem_box.setTitle(f"检查结果（{len(self.problems)} 个问题）" if self.problems else "检查结果")
        self._show_status()
        self._show_undo()
        self._update_buttons(tree)

    def _fill_tree(self, tree: Tree, by_indicator: dict) -> None:
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            self.items: dict[str, QTreeWidgetItem] = {}

            def add(parent_item, indicator_id: str) -> None:
                entry = tree.by_id[indicator_id]
                rule = entry.get("rule") if isinstance(entry.get("rule"), dict) else None
                item = QTreeWidgetItem([str(entry.get("name") or "（未命名）"), str(entry.get("weight", "")),
                                        kind_label(rule.get("kind")) if rule else ""])
                item.setData(0, Qt.ItemDataRole.UserRole, indicator_id)
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not tree.is_leaf(indicator_id):
                    font = QFont(item.font(0))
                    font.setBold(True)
                    item.setFont(0, font)
                found = by_indicator.get(indicator_id)
                if found:
                    for column in range(3):
                        item.setBackground(column, PROBLEM_BRUSH)
                        item.setForeground(column, PROBLEM_TEXT)
                    item.setToolTip(0, "\n".join(found))
                    item.setText(0, f"⚠ {item.text(0)}")
                if parent_item is None:
                    self.tree.addTopLevelItem(item)
                else:
                    parent_item.addChild(item)
                self.items[indicator_id] = item
                for child in tree.children.get(indicator_id, []):
                    add(item, child)

            for root in tree.children.get(None, []):
                add(None, root)
            self.tree.expandAll()
            if self.selected in self.items:
                self.tree.setCurrentItem(self.items[self.selected])
                self.tree.scrollToItem(self.items[self.selected])
        finally:
            self.tree.blockSignals(False)

    def _show_selected(self, data: dict, tree: Tree, by_indicator: dict) -> None:
        if self.selected is None:
            self.detail.takeWidget()
            self.panel = None
            return
        leaf = tree.is_leaf(self.selected)
        if self.panel is None or self.panel.indicator_id != self.selected or self.panel.leaf != leaf:
            self.panel = IndicatorPanel(self, self.selected, leaf)
            self.detail.setWidget(self.panel)
        self.panel.refresh(data, tree, by_indicator.get(self.selected, []))

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

    def _update_buttons(self, tree: Tree) -> None:
        selected = self.selected
        has = selected is not None
        self.remove_button.setEnabled(has)
        siblings = tree.siblings(selected) if has else []
        self.up_button.setEnabled(has and siblings.index(selected) > 0)
        self.down_button.setEnabled(has and siblings.index(selected) < len(siblings) - 1)
        self.add_leaf_button.setEnabled(has and self._leaf_parent(tree) is not None)
        self.add_group_button.setEnabled(has)

    def _tree_selected(self, item, _previous=None) -> None:
        if item is None:
            return
        self.selected = item.data(0, Qt.ItemDataRole.UserRole)
        data = self.data()
        tree = Tree(data)
        self._show_selected(data, tree, locate(tree, self.problems))
        self._update_buttons(tree)

    def select(self, indicator_id: str) -> None:
        item = getattr(self, "items", {}).get(indicator_id)
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)

    def _problem_clicked(self, item: QListWidgetItem) -> None:
        indicator_id = item.data(Qt.ItemDataRole.UserRole)
        if indicator_id:
            self.select(indicator_id)

    # ---------------------------------------------------------------- the tree: add, remove, move

    def _leaf_parent(self, tree: Tree) -> str | None:
        """Where a new 三级指标 goes: beside the selected one, or under the selected group of 三级指标."""
        if self.selected is None:
            return None
        if tree.is_leaf(self.selected):
            return tree.parent(self.selected)
        kids = tree.children.get(self.selected, [])
        return self.selected if all(tree.is_leaf(kid) for kid in kids) else None

    def _add(self, make_tree: Callable[[dict], tuple[dict, str]], label: str) -> None:
        made: list[str] = []

        def make(data):
            new, new_id = make_tree(data)
            made.append(new_id)
            return new

        if self.change(make, label):
            self.select(made[0])
            if self.panel is not None:
                self.panel.name.setFocus()
                self.panel.name.selectAll()

    @staticmethod
    def _new_leaf(data: dict, parent: str | None, index: int | None) -> tuple[dict, str]:
        """A 三级指标 worth 0 and scored by hand: the sheet still adds up, so the step applies at once; the filler
        then names it, gives it 分值 (taking them from a sibling) and a rule."""
        new_id = edit.new_indicator_id(data)
        return edit.add_indicator(data, new_id, "新三级指标", 0, parent=parent, rule={"kind": "hand"},
                                  index=index), new_id

    def _new_group(self, data: dict, parent: str | None, index: int | None, levels: int) -> tuple[dict, str]:
        """A group with one new 三级指标 under it (a group without any would not check)."""
        new_id = edit.new_indicator_id(data)
        data = edit.add_indicator(data, new_id, "新二级指标" if parent else "新一级指标", 0, parent=parent, index=index)
        if levels > 1:
            data, _ = self._new_group(data, new_id, None, levels - 1)
        else:
            data, _ = self._new_leaf(data, new_id, None)
        return data, new_id

    def add_leaf(self) -> None:
        data = self.data()
        tree = Tree(data)
        parent = self._leaf_parent(tree)
        if parent is None:
            return
        index = tree.children.get(parent, []).index(self.selected) + 1 if tree.is_leaf(self.selected) else None
        self._add(lambda d: self._new_leaf(d, parent, index), "添加三级指标")

    def add_group(self) -> None:
        tree = Tree(self.data())
        if self.selected is None:
            return
        root = tree.root_of(self.selected)
        if self.selected == root:
            index = None
        else:
            branch = self.selected
            while tree.parent(branch) != root:
                branch = tree.parent(branch)
            index = tree.children[root].index(branch) + 1
        self._add(lambda d: self._new_group(d, root, index, 1), "添加二级指标")

    def add_root(self) -> None:
        tree = Tree(self.data())
        roots = tree.children.get(None, [])
        index = roots.index(tree.root_of(self.selected)) + 1 if self.selected else None
        self._add(lambda d: self._new_group(d, None, index, 2), "添加一级指标")

    def remove_selected(self) -> None:
        if self.selected is None:
            return
        data = self.data()
        tree = Tree(data)
        gone = self.selected
        name = tree.by_id[gone].get("name") or gone
        entered = edit.entered_keys(self.document.report, data, gone)
        below = "及其下级指标" if tree.children.get(gone) else ""
        if entered and not dialogs.ask(
                self, "删除指标",
                f"“{name}”{below}已填有 {len(entered)} 项评分数据（得分、扣分原因或计算所需数据）。\n"
                "删除后这些数据不再计入评分，但仍保存在数据文件中；撤销（Ctrl+Z）即可连同数据一起恢复。\n\n确定删除？"):
            return
        siblings = tree.siblings(gone)
        position = siblings.index(gone)
        after = (siblings[position + 1] if position + 1 < len(siblings) else siblings[position - 1]) \
            if len(siblings) > 1 else tree.parent(gone)
        if self.change(lambda d: edit.remove_indicator(d, gone), f"删除指标“{name}”"):
            if after:
                self.select(after)

    def move_selected(self, step: int) -> None:
        if self.selected is None:
            return
        moving = self.selected
        siblings = Tree(self.data()).siblings(moving)
        index = siblings.index(moving) + step
        if 0 <= index < len(siblings):
            self.change(lambda d: edit.move_indicator(d, moving, index), "移动指标")
            self.select(moving)

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


def open_editor(window) -> TemplateEditor | None:
    """评分表 → 编辑评分表…: show the editor for the open report (one editor per window)."""
    if getattr(window, "document", None) is None:
        return None
    editor = window.findChild(TemplateEditor)
    if editor is None:
        editor = TemplateEditor(window, window.document)
    else:
        editor.bind(window.document)
        editor.refresh()
    editor.show()
    editor.raise_()
    editor.activateWindow()
    editor.tree.setFocus()
    return editor
