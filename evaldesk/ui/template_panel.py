"""The selected indicator in the 评分表编辑器: name, 分值 (with its children's sum), 评分标准 and rule, and what is
wrong with it, in red, at the top.

Apart from the editor window (:mod:`.template_editor`) because it is one job: show one entry of the template data
and turn what the filler types into edits, handed to ``editor.change``, which decides draft or sheet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from evaldesk.scoring.rules import num
from evaldesk.scoring.template_tree import Tree
from evaldesk.templates import edit
from evaldesk.ui.fields import ERROR_LABEL_STYLE
from evaldesk.ui.template_rules import RuleEditor
from evaldesk.ui.template_widgets import NOTE_STYLE, LineEdit, TextEdit, number_text

if TYPE_CHECKING:
    from evaldesk.ui.template_editing import SheetEditing

LEVELS = {1: "一级指标", 2: "二级指标", 3: "三级指标"}


class IndicatorPanel(QWidget):
    """Name, 分值, 评分标准 and rule of one indicator; what is wrong with it, in red, at the top."""

    def __init__(self, editor: SheetEditing, indicator_id: str, leaf: bool):
        super().__init__()
        self.editor = editor
        self.indicator_id = indicator_id
        self.leaf = leaf
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.path = QLabel()
        self.path.setWordWrap(True)  # the panel takes the narrower side of the editor: never a sideways scrollbar
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
            hint.setWordWrap(True)
            hint.setStyleSheet(NOTE_STYLE)
            form.addRow("", hint)
            self.standard_points = QLabel()
            self.standard_points.setWordWrap(True)
            self.standard_points.setStyleSheet(ERROR_LABEL_STYLE)
            self.standard_points.hide()
            form.addRow("", self.standard_points)
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
        """Show the indicator as ``data`` has it, and ``problems``: the words of the problems tagged with it."""
        entry = tree.by_id[self.indicator_id]
        level = tree.level(self.indicator_id)
        self.heading.setText(f"{LEVELS.get(level, f'{level}级指标')}　{entry.get('name') or '（未命名）'}")
        names = [str(tree.by_id[above].get("name", "")) for above in tree.path(self.indicator_id)[:-1]]
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
            over = edit.points_over_weight(entry)
            self.standard_points.setText(f"评分标准写有“{'”“'.join(over)}”，多于分值 {entry.get('weight')} 分："
                                         "请按新的分值修改评分标准的文字。" if over else "")
            self.standard_points.setVisible(bool(over))
        if self.rule is not None:
            self.rule.refresh(entry, data)
        entered = edit.entered_keys(self.editor.document.report, data, self.indicator_id)
        self.entered.setText(f"本报告已为此指标填写 {len(entered)} 项评分数据。" if entered else "")
