"""The indicator tree of the 评分表编辑器: every indicator with its 分值 and rule kind (those with a problem in red),
the line that says whether the 一级 add up to the total, and the buttons that add, remove and move indicators.

Apart from the editor window (:mod:`.template_editor`) because it is one job: the shape of the sheet. The tree is
read with :class:`evaldesk.scoring.template_tree.Tree` (the walk loading and checking use too); each change is an
:mod:`evaldesk.templates.edit` function handed to ``editor.change``, which decides draft or sheet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QGridLayout, QHeaderView, QLabel, QPushButton, QStyledItemDelegate, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from evaldesk.scoring.rules import TemplateError, num, to_decimal
from evaldesk.scoring.template_tree import Tree
from evaldesk.templates import edit
from evaldesk.ui import dialogs
from evaldesk.ui.fields import ERROR_LABEL_STYLE
from evaldesk.ui.template_rules import kind_label
from evaldesk.ui.template_widgets import PROBLEM_BRUSH, PROBLEM_TEXT

if TYPE_CHECKING:
    from evaldesk.ui.template_editing import SheetEditing


class WrappedNames(QStyledItemDelegate):
    """The tree's names wrap onto more lines, whole, rather than being cut to "财政…" (特大 on a 1366-pixel screen):
    a row is as tall as its name needs in the width its column leaves it."""

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self.tree = tree
        tree.setWordWrap(True)
        tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        tree.setUniformRowHeights(False)
        tree.setItemDelegateForColumn(0, self)
        tree.header().sectionResized.connect(self._resized)

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint(option, index)
        depth, above = 1, index.parent()
        while above.isValid():
            depth, above = depth + 1, above.parent()
        self.initStyleOption(option, index)
        width = self.tree.columnWidth(0) - self.tree.indentation() * depth - 8
        needed = option.fontMetrics.boundingRect(0, 0, max(width, 40), 100000, Qt.TextFlag.TextWordWrap, option.text)
        return QSize(hint.width(), max(hint.height(), needed.height() + 6))

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if column == 0:
            self.tree.doItemsLayout()  # the rows' heights follow the name column's new width


class Outline(QWidget):
    def __init__(self, editor: SheetEditing):
        super().__init__()
        self.editor = editor
        self.items: dict[str, QTreeWidgetItem] = {}
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["指标", "分值", "评分方式"])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.names = WrappedNames(self.tree)
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.whole)
        layout.addLayout(buttons)

    # ---------------------------------------------------------------- showing

    def fill(self, data: dict, tree: Tree, marked: dict[str, list[str]]) -> None:
        """Show ``data``'s tree, the indicators in ``marked`` (id → its problems' words) in red, and the sum line."""
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            self.items = {}
            for node in tree.nodes.values():  # in walk order: a parent's item is made before its children's
                item = self._item(node.entry, tree.is_leaf(node.id), marked.get(node.id))
                item.setData(0, Qt.ItemDataRole.UserRole, node.id)
                if node.parent is None:
                    self.tree.addTopLevelItem(item)
                else:
                    self.items[node.parent].addChild(item)
                self.items[node.id] = item
            self.tree.expandAll()
            if self.editor.selected in self.items:
                self.tree.setCurrentItem(self.items[self.editor.selected])
                self.tree.scrollToItem(self.items[self.editor.selected])
        finally:
            self.tree.blockSignals(False)
        whole = tree.weight_sum(tree.roots)
        try:
            total = to_decimal(data.get("total", 100), "", "")
        except TemplateError:
            total = None
        adds_up = whole is not None and whole == total
        self.whole.setText(f"一级指标分值合计 {num(whole) if whole is not None else '？'}　　总分 "
                           f"{num(total) if total is not None else '？'}")
        self.whole.setStyleSheet("" if adds_up else ERROR_LABEL_STYLE)

    @staticmethod
    def _item(entry: dict, leaf: bool, problems: list[str] | None) -> QTreeWidgetItem:
        rule = entry.get("rule") if isinstance(entry.get("rule"), dict) else None
        item = QTreeWidgetItem([str(entry.get("name") or "（未命名）"), str(entry.get("weight", "")),
                                kind_label(rule.get("kind")) if rule else ""])
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if not leaf:
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)
        if problems:
            for column in range(3):
                item.setBackground(column, PROBLEM_BRUSH)
                item.setForeground(column, PROBLEM_TEXT)
            item.setToolTip(0, "\n".join(problems))
            item.setText(0, f"⚠ {item.text(0)}")
        return item

    def update_buttons(self, tree: Tree) -> None:
        selected = self.editor.selected
        has = selected is not None
        self.remove_button.setEnabled(has)
        siblings = tree.siblings(selected) if has else []
        self.up_button.setEnabled(has and siblings.index(selected) > 0)
        self.down_button.setEnabled(has and siblings.index(selected) < len(siblings) - 1)
        self.add_leaf_button.setEnabled(has and self._leaf_parent(tree) is not None)
        self.add_group_button.setEnabled(has)

    def select(self, indicator_id: str) -> None:
        item = self.items.get(indicator_id)
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)

    def _tree_selected(self, item, _previous=None) -> None:
        if item is not None:
            self.editor.selected = item.data(0, Qt.ItemDataRole.UserRole)
            self.editor.show_selection()

    # ---------------------------------------------------------------- add, remove, move

    def _leaf_parent(self, tree: Tree) -> str | None:
        """Where a new 三级指标 goes: beside the selected one, or under the selected group of 三级指标."""
        selected = self.editor.selected
        if selected is None:
            return None
        if tree.is_leaf(selected):
            return tree.parent(selected)
        kids = tree.children.get(selected, [])
        return selected if all(tree.is_leaf(kid) for kid in kids) else None

    def _add(self, make_tree: Callable[[dict], tuple[dict, str]], label: str) -> None:
        made: list[str] = []

        def make(data):
            new, new_id = make_tree(data)
            made.append(new_id)
            return new

        if self.editor.change(make, label):
            self.select(made[0])
            if self.editor.panel is not None:
                self.editor.panel.name.setFocus()
                self.editor.panel.name.selectAll()

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
        tree = Tree(self.editor.data())
        parent = self._leaf_parent(tree)
        if parent is None:
            return
        selected = self.editor.selected
        index = tree.children.get(parent, []).index(selected) + 1 if tree.is_leaf(selected) else None
        self._add(lambda d: self._new_leaf(d, parent, index), "添加三级指标")

    def add_group(self) -> None:
        selected = self.editor.selected
        if selected is None:
            return
        tree = Tree(self.editor.data())
        path = tree.path(selected)
        index = tree.children[path[0]].index(path[1]) + 1 if len(path) > 1 else None  # after the selected branch
        self._add(lambda d: self._new_group(d, path[0], index, 1), "添加二级指标")

    def add_root(self) -> None:
        selected = self.editor.selected
        tree = Tree(self.editor.data())
        index = tree.roots.index(tree.root_of(selected)) + 1 if selected else None
        self._add(lambda d: self._new_group(d, None, index, 2), "添加一级指标")

    def remove_selected(self) -> None:
        gone = self.editor.selected
        if gone is None:
            return
        data = self.editor.data()
        tree = Tree(data)
        name = tree.by_id[gone].get("name") or gone
        entered = edit.entered_keys(self.editor.document.report, data, gone)
        below = "及其下级指标" if tree.children.get(gone) else ""
        if entered and not dialogs.ask(
                self.editor, "删除指标",
                f"“{name}”{below}已填有 {len(entered)} 项评分数据（得分、扣分原因或计算所需数据）。\n"
                "删除后这些数据不再计入评分，但仍保存在数据文件中；撤销（Ctrl+Z）即可连同数据一起恢复。\n\n确定删除？"):
            return
        siblings = tree.siblings(gone)
        position = siblings.index(gone)
        after = (siblings[position + 1] if position + 1 < len(siblings) else siblings[position - 1]) \
            if len(siblings) > 1 else tree.parent(gone)
        if self.editor.change(lambda d: edit.remove_indicator(d, gone), f"删除指标“{name}”"):
            if after:
                self.select(after)

    def move_selected(self, step: int) -> None:
        moving = self.editor.selected
        if moving is None:
            return
        siblings = Tree(self.editor.data()).siblings(moving)
        index = siblings.index(moving) + step
        if 0 <= index < len(siblings):
            self.editor.change(lambda d: edit.move_indicator(d, moving, index), "移动指标")
            self.select(moving)
