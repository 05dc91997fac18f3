"""The rule of one 三级指标 in the template editor: its kind and, per kind, the parameters a filler may change.

Each panel shows the rule as the template data holds it and turns what the filler types into a call of an
:mod:`evaldesk.templates.edit` function, handed to the editor (``editor.change(make, label)``), which decides
whether the result becomes the report's sheet or stays a draft.
"""

from __future__ import annotations

import copy
from decimal import Decimal

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from evaldesk.scoring.rules import RULE_KINDS, TemplateError, num, to_decimal
from evaldesk.templates import edit
from evaldesk.ui.combo import SteadyComboBox
from evaldesk.ui.fields import ERROR_LABEL_STYLE
from evaldesk.ui.template_widgets import Column, EditTable, LineEdit, number_text, shown_number

KIND_LABELS = {
    "per_point": "按百分点扣分",
    "bands": "分档计分",
    "checklist": "逐项检查计分",
    "per_case": "按例扣分",
    "balance": "资金结余",
    "hand": "评价组手工评分",
    "shared_hand": "多项共用一个分值（手工评分）",
}
FORMULAS = {"ratio": "{a} ÷ {b} × 100%", "change": "({a} − {b}) ÷ {b} × 100%",
            "abs_change": "|{a} − {b}| ÷ {b} × 100%", "value": "{a}"}
SOURCES = {"input": "在评分表上填写", "field": "取自报告正文", "summary": "取自收支表汇总"}
# What a rule switched to a kind that reads a rate starts with when the old rule had none: a rate the filler types
# on the score sheet. Numbers (thresholds, deductions, bands) are left for the filler: check() asks for them.
TYPED_RATE_LABEL = "{name}（%）"
TYPED_COUNT = {"input": "cases", "label": "不符合要求的情况", "kind": "count"}


def kind_label(kind) -> str:
    return KIND_LABELS.get(kind, str(kind))


def operand_text(operand) -> str:
    if not isinstance(operand, dict):
        return "（未设定）"
    label = operand.get("label") or operand.get("input") or operand.get("ref") or "？"
    source = "input" if "input" in operand else str(operand.get("ref", "")).partition(":")[0]
    return f"{label}（{SOURCES.get(source, source)}）"


def rate_text(rate) -> str:
    """How the rule's rate is made, for reading (the editor does not change where figures come from)."""
    if not isinstance(rate, dict):
        return "（未设定比率）"
    pattern = FORMULAS.get(rate.get("formula"), "？")
    a = operand_text(rate.get("value") if rate.get("formula") == "value" else rate.get("numerator"))
    b = operand_text(rate.get("denominator"))
    return f"{rate.get('label', '比率')} = {pattern.format(a=a, b=b)}"


def rule_for_kind(kind: str, old: dict | None, data: dict, name: str) -> dict:
    """A rule of ``kind`` for an indicator that had ``old``: what still fits is kept (the rate, the count)."""
    old = old if isinstance(old, dict) else {}
    rule: dict = {"kind": kind}
    if kind in ("per_point", "bands"):
        rule["rate"] = copy.deepcopy(old.get("rate")) or {
            "formula": "value", "label": name,
            "value": {"input": "rate", "label": TYPED_RATE_LABEL.format(name=name), "kind": "percent"}}
        if kind == "per_point":
            rule.update(direction="over", rounding="proportional")
        else:
            rule["bands"] = []
    elif kind == "checklist":
        rule["items"] = []
    elif kind == "per_case":
        rule["count"] = copy.deepcopy(old.get("count")) or dict(TYPED_COUNT)
    elif kind == "balance":
        model = old if old.get("kind") == "balance" else _first_rule(data, "balance")
        rule.update(balance=copy.deepcopy(model["balance"]), carryover=copy.deepcopy(model["carryover"]))
    elif kind == "shared_hand":
        rule["rows"] = [name, ""]
    return rule


def _first_rule(data: dict, kind: str) -> dict | None:
    for entry in data.get("indicators", []):
        rule = entry.get("rule") if isinstance(entry, dict) else None
        if isinstance(rule, dict) and rule.get("kind") == kind and "balance" in rule and "carryover" in rule:
            return rule
    return None


def kind_available(kind: str, rule: dict | None, data: dict) -> bool:
    """资金结余 reads two figures of part 二 that only an existing 资金结余 rule names; other kinds always fit."""
    return kind != "balance" or (isinstance(rule, dict) and rule.get("kind") == "balance") \
        or _first_rule(data, "balance") is not None


class RulePanel(QWidget):
    """The parameters of one kind. ``refresh(rule, weight)`` shows the stored rule without committing anything."""

    def __init__(self, editor, indicator_id: str):
        super().__init__()
        self.editor = editor
        self.indicator_id = indicator_id
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)

    def set_params(self, label: str, **params) -> None:
        self.editor.change(lambda data: edit.set_rule_params(data, self.indicator_id, **params), label)

    def number_line(self, key: str, label: str, placeholder: str = "") -> LineEdit:
        line = LineEdit(lambda text: self.set_params(f"修改{label}", **{key: number_text(text)}), placeholder)
        line.setMaximumWidth(160)
        self.form.addRow(f"{label}：", line)
        return line

    def choice(self, key: str, label: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = SteadyComboBox()
        for value, text in choices:
            combo.addItem(text, value)
        combo.activated.connect(lambda index: self.set_params(f"修改{label}", **{key: combo.itemData(index)}))
        self.form.addRow(f"{label}：", combo)
        return combo

    def rate_row(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet("color: #444;")
        label.setToolTip("比率的取数方式随评分表模板文件给定，此处只读")
        self.form.addRow("比率：", label)
        return label

    def refresh(self, rule: dict, weight) -> None:
        raise NotImplementedError


def _decimal(value) -> Decimal | None:
    try:
        return to_decimal(value, "", "")
    except TemplateError:
        return None


def _show_choice(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


class PerPointPanel(RulePanel):
    def __init__(self, editor, indicator_id):
        super().__init__(editor, indicator_id)
        self.rate = self.rate_row()
        self.direction = self.choice("direction", "方向", [("over", "超过阈值扣分"), ("under", "低于阈值扣分")])
        self.threshold = self.number_line("threshold", "阈值（%）", "如 100")
        self.per_point = self.number_line("per_point", "每个百分点扣分", "如 0.5")
        self.rounding = self.choice("rounding", "百分点计法",
                                    [("proportional", "按比例"), ("floor", "取整向下"), ("ceil", "取整向上")])

    def refresh(self, rule, weight):
        self.rate.setText(rate_text(rule.get("rate")))
        _show_choice(self.direction, rule.get("direction"))
        self.threshold.show_value(shown_number(rule.get("threshold")), missing=rule.get("threshold") is None)
        self.per_point.show_value(shown_number(rule.get("per_point")), missing=rule.get("per_point") is None)
        _show_choice(self.rounding, rule.get("rounding", "proportional"))


class BandsPanel(RulePanel):
    def __init__(self, editor, indicator_id):
        super().__init__(editor, indicator_id)
        self.rate = self.rate_row()
        ident = indicator_id
        self.table = EditTable(
            [Column("lower", "下限（%）", "number"), Column("lower_inclusive", "含下限", "flag", 70),
             Column("upper", "上限（%）", "number"), Column("upper_inclusive", "含上限", "flag", 70),
             Column("score", "得分", "number", 80)],
            add_text="添加一档", remove_text="删除所选档", row_label="第", row_suffix="档",
            on_set=lambda row, key, value: editor.change(
                lambda data: edit.set_band(data, ident, row, **{key: value}), "修改档位"),
            on_add=lambda index: editor.change(lambda data: edit.add_band(data, ident, index), "添加档位"),
            on_remove=lambda row: editor.change(lambda data: edit.remove_band(data, ident, row), "删除档位"))
        self.form.addRow(self.table)
        hint = QLabel("上限或下限留空表示不设该边界；“含”表示边界值属于此档。")
        hint.setStyleSheet("color: #666;")
        hint.setWordWrap(True)
        self.form.addRow(hint)

    def refresh(self, rule, weight):
        self.rate.setText(rate_text(rule.get("rate")))
        bands = rule.get("bands") if isinstance(rule.get("bands"), list) else []
        self.table.fill(bands)
        top = _decimal(weight)
        for row, band in enumerate(bands):
            score = _decimal(band.get("score")) if isinstance(band, dict) else None
            if top is not None and score is not None and not 0 <= score <= top:
                self.table.mark(row, "score", f"得分应在 0～{num(top)} 之间")


class ChecklistPanel(RulePanel):
    def __init__(self, editor, indicator_id):
        super().__init__(editor, indicator_id)
        ident = indicator_id
        self.table = EditTable(
            [Column("text", "检查内容"), Column("points", "分数", "number", 80)],
            add_text="添加检查项", remove_text="删除所选项", row_label="第", row_suffix="项",
            on_set=lambda row, key, value: editor.change(
                lambda data: edit.set_checklist_item(data, ident, row, **{key: "" if value is None else value}),
                "修改检查项"),
            on_add=lambda index: editor.change(
                lambda data: edit.add_checklist_item(data, ident, "（请填写检查内容）", 0, index), "添加检查项"),
            on_remove=lambda row: editor.change(lambda data: edit.remove_checklist_item(data, ident, row),
                                                "删除检查项"))
        self.form.addRow(self.table)
        self.sum = QLabel()
        self.form.addRow(self.sum)

    def refresh(self, rule, weight):
        items = rule.get("items") if isinstance(rule.get("items"), list) else []
        self.table.fill(items)
        points = [_decimal(item.get("points")) if isinstance(item, dict) else None for item in items]
        whole, top = (None if None in points else sum(points, Decimal(0))), _decimal(weight)
        adds_up = whole is not None and whole == top
        self.sum.setText(f"每项符合即得该项分数。各项合计 {num(whole) if whole is not None else '？'} 分"
                         + ("，等于分值" if adds_up else f"，应等于分值 {num(top) if top is not None else ''}"))
        self.sum.setStyleSheet("color: #666;" if adds_up else ERROR_LABEL_STYLE)


class PerCasePanel(RulePanel):
    def __init__(self, editor, indicator_id):
        super().__init__(editor, indicator_id)
        self.count = QLabel()
        self.count.setStyleSheet("color: #444;")
        self.count.setWordWrap(True)
        self.form.addRow("计数：", self.count)
        self.per_case = self.number_line("per_case", "每例扣分", "如 1")

    def refresh(self, rule, weight):
        self.count.setText(operand_text(rule.get("count")))
        self.per_case.show_value(shown_number(rule.get("per_case")), missing=rule.get("per_case") is None)


class BalancePanel(RulePanel):
    def __init__(self, editor, indicator_id):
        super().__init__(editor, indicator_id)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.figures.setStyleSheet("color: #444;")
        self.form.addRow("取数：", self.figures)
        self.lines = {key: self.number_line(key, label) for key, label in
                      (("none", "无结余得分"), ("within", "有结余、不超过上年结转得分"), ("over", "结余超过上年结转得分"))}

    def refresh(self, rule, weight):
        self.figures.setText(f"{operand_text(rule.get('balance'))}；{operand_text(rule.get('carryover'))}")
        for key, line in self.lines.items():
            line.show_value(shown_number(rule.get(key)), missing=rule.get(key) is None)


class HandPanel(RulePanel):
    def __init__(self, editor, indicator_id):
        super().__init__(editor, indicator_id)
        note = QLabel("此项没有计算规则，由评价组在评分表上手工评分（0～分值）。")
        note.setStyleSheet("color: #444;")
        note.setWordWrap(True)  # the editor's narrower side at 特大: never a sideways scrollbar
        self.form.addRow(note)

    def refresh(self, rule, weight):
        pass


class SharedHandPanel(RulePanel):
    def __init__(self, editor, indicator_id):
        super().__init__(editor, indicator_id)
        self.rows = LineEdit(lambda text: self.set_params(
            "修改共用分值的指标", rows=[part.strip() for part in text.replace("，", "、").split("、")]),
            "如 经济效益、社会效益、生态效益")
        self.form.addRow("共用一格的指标：", self.rows)
        note = QLabel("用“、”分隔，至少两项；它们共用一个分值和一个自评得分，由评价组手工评分。")
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        self.form.addRow(note)

    def refresh(self, rule, weight):
        rows = rule.get("rows") if isinstance(rule.get("rows"), list) else []
        self.rows.show_value("、".join(str(row) for row in rows), missing=len([r for r in rows if r]) < 2)


PANELS = {"per_point": PerPointPanel, "bands": BandsPanel, "checklist": ChecklistPanel, "per_case": PerCasePanel,
          "balance": BalancePanel, "hand": HandPanel, "shared_hand": SharedHandPanel}


class RuleEditor(QWidget):
    """评分方式 (a combo of the kinds) and the kind's panel, for one 三级指标."""

    def __init__(self, editor, indicator_id: str):
        super().__init__()
        self.editor = editor
        self.indicator_id = indicator_id
        self.kind = SteadyComboBox()
        for kind in RULE_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.activated.connect(self._kind_chosen)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("评分方式：", self.kind)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addLayout(form)
        self.panel: RulePanel | None = None

    def refresh(self, entry: dict, data: dict) -> None:
        rule = entry.get("rule") if isinstance(entry.get("rule"), dict) else {}
        kind = rule.get("kind")
        _show_choice(self.kind, kind)
        model = self.kind.model()
        for index in range(self.kind.count()):
            model.item(index).setEnabled(kind_available(self.kind.itemData(index), rule, data))
        if self.panel is None or not isinstance(self.panel, PANELS.get(kind, type(None))):
            if self.panel is not None:
                self.panel.setParent(None)
                self.panel.deleteLater()
            self.panel = PANELS[kind](self.editor, self.indicator_id) if kind in PANELS else None
            if self.panel is not None:
                self.layout_.addWidget(self.panel)
        if self.panel is not None:
            self.panel.refresh(rule, entry.get("weight"))

    def _kind_chosen(self, index: int) -> None:
        kind = self.kind.itemData(index)

        def make(data):
            entry = next(e for e in data["indicators"] if e.get("id") == self.indicator_id)
            if entry.get("rule", {}).get("kind") == kind:
                return data
            return edit.set_rule(data, self.indicator_id, rule_for_kind(kind, entry.get("rule"), data,
                                                                        str(entry.get("name", ""))))

        self.editor.change(make, "更换评分方式")
