"""The 评分表 as an indicator table (sheet_table.py): its columns, the line under each 三级指标 (评分标准, how the
score came about, the reviewer's findings), its 总分 row — and what follows the report: a rescore repaints the rows
whose result changed (an unchanged result keeps its object: scoring/incremental.py), the subtotals whose group
changed and the total; a part 一 field or a part 二 cell repaints the rows that quote it; an audit the rows whose
findings changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from evaldesk.model.edits import Batch, SetField
from evaldesk.model.places import CellPlace, SheetPlace, UnitPlace, UnitsPlace, ValuePlace
from evaldesk.model.report import sheet_key
from evaldesk.model.values import decimal_text, format_amount
from evaldesk.scoring.engine import SheetResult, State
from evaldesk.scoring.report_text import score_text
from evaldesk.scoring.rules import num
from evaldesk.ui import reason_offer, sheet_inputs
from evaldesk.ui.document import ReportDocument
from evaldesk.ui.fields import display
from evaldesk.ui.sheet_editors import LineCellEditor, TextCellEditor
from evaldesk.ui.sheet_table import (
    ERROR_BACKGROUND, GROUP_BACKGROUND, LEFT, RIGHT, TOTAL_BACKGROUND, Cell, Column, IndicatorModel, cell, plan_of,
)

STATE_COLOURS = {
    State.COMPUTED: "#1e7b34",
    State.HAND: "#1f5fa8",
    State.OVERRIDDEN: "#b35c00",
    State.NEEDS_HAND: "#c0392b",
    State.MISSING: "#c0392b",
}
HAND_TIP = "不同意计算得分时在此改分（须在扣分原因中写明理由）；不填则用计算得分"
DETAIL_TIP = "单击收起或展开这一行的说明"
NONE: list = []   # the findings of a row without any (shared, never changed)


def entries(indicator) -> tuple[list, list, bool]:
    """What a 三级指标's row asks for and quotes: the figures typed on the sheet (InputSpec), the figures taken
    from the report (Operand), whether it is scored by hand by design. (The one place that reads the template's
    rule for the sheet.)"""
    rule = indicator.rule
    return indicator.inputs(), [op for op in rule.operands() if op.input is None], rule.hand_only


class ScoreSheetModel(IndicatorModel):
    def __init__(self, document: ReportDocument, *, standards_shown: bool = True, notes_shown: bool = True,
                 parent=None):
        self.results: SheetResult = document.sheet
        self.standards_shown = standards_shown
        self.notes_shown = notes_shown
        self.folded: set[str] = set()       # rows whose notes the filler folded (or unfolded, notes hidden)
        self.findings_shown = None
        self.by_leaf: dict[str, list] = {}
        self._drafts: dict[str, tuple[object, str | None]] = {}
        self._entries: dict[str, tuple] = {}
        super().__init__(document, score_sheet_columns(), group_cell=group_cell, detail=detail_cell,
                         detail_from=2, total=total_cells, parent=parent)
        self.built_for = document.report.template
        self._readers = None   # worked out when a part 一 field or a part 二 cell first changes
        self.show_findings(document.findings)
        document.rescored.connect(self.update_scores)
        document.audited.connect(self.show_findings)
        document.changed.connect(self._figures_changed)

    # ---- what the columns read
    def entries(self, leaf) -> tuple:
        found = self._entries.get(leaf.id)
        if found is None or found[0] is not leaf:
            found = self._entries[leaf.id] = (leaf, entries(leaf))
        return found[1]

    def result(self, leaf):
        return self.results.indicators.get(leaf.id)

    def draft(self, leaf) -> str | None:
        """The 扣分原因 draft of the row (worked out once per result)."""
        result = self.result(leaf)
        kept = self._drafts.get(leaf.id)
        if kept is None or kept[0] is not result:
            kept = self._drafts[leaf.id] = (result, reason_offer.draft_for(result, self.results.template.id))
        return kept[1]

    def refs_text(self, leaf) -> str:
        """取自报告：the figures the rule reads from part 一 and the 汇总 row, as they stand now."""
        quoted = self.entries(leaf)[1]
        if not quoted:
            return ""
        report, summary, parts = self.document.report, self.document.summary, []
        for op in quoted:
            if op.source == "field":
                value = report.get(op.key)
                parts.append(f"{op.label} {'（未填）' if value is None else decimal_text(value)}")
            else:
                value = summary.get(op.key)
                parts.append(f"{op.label} {'（空，按 0 计）' if value is None else format_amount(value)}")
        return "取自报告：" + "，".join(parts)

    def findings_of(self, leaf_id: str) -> list:
        return self.by_leaf.get(leaf_id, NONE)

    def notes_open(self, leaf_id: str) -> bool:
        return self.notes_shown != (leaf_id in self.folded)

    # ---- following the report
    def retemplate(self) -> None:
        """The report's sheet changed: the same tree (ids, parents, order) keeps the rows, with their new words and
        分值; another tree is a new table."""
        template = self.document.report.template

        def shape(t):
            return [(i.id, i.parent, i.is_leaf) for i in t.indicators]

        same = shape(template) == shape(self.built_for)
        self.built_for = template
        self.results = self.document.sheet
        self._drafts.clear()
        if same:
            self.set_plan(plan_of(template))
            self.rows_changed(range(self.rowCount()))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        else:
            self.folded.clear()
            self.reset(plan_of(template))
        self._readers = None
        self.findings_shown = None
        self.show_findings(self.document.findings)

    @property
    def readers(self) -> dict[str, list[str]]:
        """A part 一 key → the rows that quote it (the rows that quote the 汇总 row under "summary:")."""
        if self._readers is None:
            readers: dict[str, list[str]] = {}
            for leaf in self.plan.leaves:
                for op in self.entries(leaf)[1]:
                    found = readers.setdefault(op.key if op.source == "field" else "summary:", [])
                    if leaf.id not in found:
                        found.append(leaf.id)
            self._readers = readers
        return self._readers

    @property
    def summary_readers(self) -> list[str]:
        return self.readers.get("summary:", [])

    def update_scores(self, sheet: SheetResult) -> None:
        """Repaint the rows whose result changed, the subtotals whose group changed, the total."""
        if self.document.report.template is not self.built_for:
            return self.retemplate()
        last, self.results = self.results, sheet
        before = last.indicators
        changed = [leaf_id for leaf_id, result in sheet.indicators.items() if before.get(leaf_id) is not result]
        rows = [row + extra for leaf_id in changed if (row := self.row_of.get(leaf_id)) is not None
                for extra in (0, 1)]
        for (row, column), group in self.group_at.items():
            if sheet.groups.get(group.id) is not last.groups.get(group.id):
                self.cell_changed(row, column)
        if (sheet.total, sheet.grade, sheet.complete) != (last.total, last.grade, last.complete):
            rows.append(self.rowCount() - 1)
        self.rows_changed(rows)

    def _figures_changed(self, changes) -> None:
        """An entry typed on the sheet repaints its row; a part 一 field or a part 二 cell the rows quoting it."""
        ids = []
        for place in changes.of(ValuePlace):
            if isinstance(place, SheetPlace):
                if place.indicator in self.row_of:
                    ids.append(place.indicator)
                    if self.errors.get(place.key):
                        self.mark(place.key, place, None)
            else:
                ids += self.readers.get(place.key, ())
        if changes.any(CellPlace, UnitPlace, UnitsPlace):
            ids += self.summary_readers
        self.rows_changed(self.row_of[i] for i in dict.fromkeys(ids) if i in self.row_of)

    def show_findings(self, findings) -> None:
        """Each row's findings under it; only the rows whose findings changed are repainted.

        An audit after a keystroke gives back most findings as the same objects (audit/memo.py), so the findings
        that came or went are told by identity; only the rows they name are worked out again."""
        last, self.findings_shown = self.findings_shown, findings
        if last is None:
            self.by_leaf = {}
            for finding in findings:
                for leaf_id in self._rows_named(finding):
                    found = self.by_leaf.setdefault(leaf_id, [])
                    if finding not in found:
                        found.append(finding)
            return self.rows_changed([self.row_of[i] + 1 for i in self.by_leaf]) if self._cells else None
        kept = set(map(id, last)) & set(map(id, findings))
        came = [finding for finding in findings if id(finding) not in kept]
        went = [finding for finding in last if id(finding) not in kept]
        touched = {leaf_id for finding in came + went for leaf_id in self._rows_named(finding)}
        if not touched:
            return
        position = {id(finding): number for number, finding in enumerate(findings)}
        rows = []
        for leaf_id in touched:
            shown = self.by_leaf.get(leaf_id, NONE)
            found = [finding for finding in shown if id(finding) in kept]
            found += [finding for finding in came if leaf_id in self._rows_named(finding)]
            found.sort(key=lambda finding: position[id(finding)])
            if found != shown:
                if found:
                    self.by_leaf[leaf_id] = found
                else:
                    self.by_leaf.pop(leaf_id, None)
                rows.append(self.row_of[leaf_id] + 1)
        self.rows_changed(rows)

    def _rows_named(self, finding) -> list[str]:
        """The 三级指标 on this sheet whose rows show ``finding`` (where it is, and the places it names)."""
        named = []
        for place in (finding.where, *finding.related):
            if isinstance(place, SheetPlace) and place.indicator in self.row_of and place.indicator not in named:
                named.append(place.indicator)
        return named

    # ---- what the filler changes in the view
    def show_standards(self, shown: bool) -> None:
        self.standards_shown = shown
        self.rows_changed(range(1, len(self.plan.leaves) * 2, 2))

    def show_notes(self, shown: bool) -> None:
        self.notes_shown = shown
        self.folded.clear()
        self.rows_changed(range(1, len(self.plan.leaves) * 2, 2))

    def fold(self, leaf_id: str) -> None:
        """Fold (or unfold) the notes under one row."""
        self.folded ^= {leaf_id}
        self.rows_changed([self.row_of[leaf_id] + 1])


# ---------------------------------------------------------------- the columns


def name_cell(model, leaf) -> Cell:
    tip = f"评分标准：\n{leaf.standard}" if leaf.standard else ""
    return Cell(tuple((name, None) for name in leaf.rows), align=LEFT, tip=tip)


def weight_cell(model, leaf) -> Cell:
    return cell(num(leaf.weight))


def score_cell(model, leaf) -> Cell:
    result = model.result(leaf)
    return cell((score_text(result.score) if result else "") or "—", bold=True)


def state_cell(model, leaf) -> Cell:
    result = model.result(leaf)
    return cell(result.state.label, STATE_COLOURS[result.state]) if result else Cell()


def hand_cell(model, leaf) -> Cell:
    key = sheet_key(leaf.id, "hand")
    error = model.error_of(key)
    if error:
        return cell(error[0], "#c0392b", align=RIGHT, background=ERROR_BACKGROUND, tip=error[1])
    value = display(model.document.report.get(key))
    hand_only = model.entries(leaf)[2]
    tip = "由评价组手工评分" if hand_only else HAND_TIP
    if not value:
        return cell("手工评分" if hand_only else "可不填", align=RIGHT, placeholder=True, tip=tip)
    return cell(value, align=RIGHT, tip=tip)


def reason_cell(model, leaf) -> Cell:
    key = sheet_key(leaf.id, "reason")
    error = model.error_of(key)
    if error:
        return cell(error[0], "#c0392b", align=LEFT, background=ERROR_BACKGROUND, tip=error[1])
    text = model.document.report.text(key)
    if text:
        return cell(text, align=LEFT)
    draft = model.draft(leaf)
    if draft:
        return cell(reason_offer.PLACEHOLDER + reason_offer.OFFERED, align=LEFT, placeholder=True,
                    tip=f"草稿：{draft}")
    return cell(reason_offer.PLACEHOLDER, align=LEFT, placeholder=True)


def detail_cell(model, leaf) -> Cell:
    """Under the row: the standard (显示评分标准), how the score came about, the findings — or, folded, one line
    saying what is there."""
    from evaldesk.ui.audit_panel import SEVERITY_COLOURS

    findings = model.findings_of(leaf.id)
    if not model.notes_open(leaf.id):
        worst = findings[0] if findings else None
        said = f"，审核意见 {len(findings)} 条" if findings else ""
        return cell(f"▸ 说明已收起{said}（单击展开）", SEVERITY_COLOURS[worst.severity] if worst else "#8a9099",
                    align=LEFT, background="#fafbfc", tip=DETAIL_TIP)
    lines = []
    if model.standards_shown and leaf.standard:
        lines.append((f"评分标准：{leaf.standard}", "#5a6270"))
    result = model.result(leaf)
    if result is not None:
        explanation = result.explanation
        if result.state is State.OVERRIDDEN:
            explanation += f"（计算得分 {score_text(result.computed)}，采用手工分 {score_text(result.hand)}）"
        if explanation:
            lines.append((explanation, "#333333"))
    for finding in findings:
        note = f"（说明：{finding.note}）" if finding.note else ""
        lines.append((f"【{finding.severity.label}】{finding.message}{note}", SEVERITY_COLOURS[finding.severity]))
    if not findings:
        # A line is kept for findings, empty or not: one that appears while the filler types takes it instead of
        # pushing the rows below down.
        lines.append(("\u3000", None))
    return Cell(tuple(lines), align=LEFT, background="#fafbfc", tip=DETAIL_TIP)


def group_cell(model, group) -> Cell:
    result = model.results.groups.get(group.id)
    subtotal = f"小计 {num(result.score)}" if result is not None else ""
    return Cell(((group.name, None), (f"（{num(group.weight)}分）", None), (subtotal, None)), bold=True,
                background=GROUP_BACKGROUND)


def total_cells(model) -> list[tuple[int, int, Cell]]:
    sheet = model.results
    return [(0, 3, cell("总　分", bold=True, background=TOTAL_BACKGROUND)),
            (3, 1, cell(num(sheet.template.total), bold=True, background=TOTAL_BACKGROUND)),
            (4, 5, cell(f"自评得分 {sheet.total_text()}　　评价等次 {sheet.grade or '待定'}", bold=True,
                        background=TOTAL_BACKGROUND))]


def group_fit(level: int):
    def fit(model) -> list[str]:
        texts = ["一级\n指标" if level == 1 else "二级\n指标"]
        for group, group_level, _first, _last in model.plan.groups:
            if group_level == level:
                weight = num(group.weight)
                texts += [f"（{weight}分）", f"{weight}.00"]
        return texts
    return fit


def hand_editor(parent, model, leaf):
    return LineCellEditor(parent, model, sheet_key(leaf.id, "hand"))


def reason_editor(parent, model, leaf):
    key = sheet_key(leaf.id, "reason")

    def menu(editor, at):
        shown = editor.createStandardContextMenu()
        reason_offer.add_to_menu(shown, model.draft(leaf),
                                 lambda: reason_offer.fill(editor, model.document, key, model.draft(leaf)))
        shown.exec(at)
        shown.deleteLater()

    return TextCellEditor(parent, model, key, menu)


def clear_key(part: str):
    def clear(model, leaf) -> None:
        key = sheet_key(leaf.id, part)
        model.mark(key, SheetPlace(leaf.id, part), None)
        if model.document.report.get(key) not in (None, ""):
            model.document.try_apply(SetField(key, None, "清除"), merge=False)
        model.rows_changed([model.row_of[leaf.id]])
    return clear


def clear_inputs(model, leaf) -> None:
    edits = [SetField(sheet_key(leaf.id, "input", spec.name), None) for spec in model.entries(leaf)[0]
             if model.document.report.get(sheet_key(leaf.id, "input", spec.name)) is not None]
    if edits:
        model.document.try_apply(Batch(edits, "清除"), merge=False)


def score_sheet_columns() -> list[Column]:
    from evaldesk.ui.sheet_inputs import InputsEditor

    return [
        Column("一级\n指标", level=1, fit=group_fit(1)),
        Column("二级\n指标", level=2, fit=group_fit(2)),
        Column("三级指标", name_cell, fit=("财政供养人员",), share=2, wraps=True),
        Column("分值", weight_cell, fit=("分值", "00.0")),
        Column("评分所需数据", sheet_inputs.text, share=4, fit=("取自报告：",), measure=sheet_inputs.measure,
               paint=sheet_inputs.paint, edit=InputsEditor, editable=sheet_inputs.editable, clear=clear_inputs),
        Column("自评\n得分", score_cell, fit=("00.00",)),
        Column("状态", state_cell, fit=("已改分",), wraps=True),
        Column("手工评分\n或改分", hand_cell, fit=("手工评分",), edit=hand_editor, clear=clear_key("hand")),
        Column("扣分原因和\n其他说明", reason_cell, share=3, fit=("扣分原因和",), wraps=True, edit=reason_editor,
               clear=clear_key("reason")),
    ]

