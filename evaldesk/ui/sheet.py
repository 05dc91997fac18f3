"""附件：评分表 — the template's tree with merged-looking groups; beside each 三级指标 the figures its rule needs,
the score, its state and explanation, the hand score / override and 扣分原因. Subtotals, total and grade follow
every keystroke."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from evaldesk.model.edits import SetField
from evaldesk.model.form import Kind
from evaldesk.model.layout import cover_text
from evaldesk.model.places import Place, SheetPlace, parse_key
from evaldesk.model.report import sheet_key
from evaldesk.model.totals import summary_row
from evaldesk.model.values import decimal_text, format_amount
from evaldesk.scoring.engine import SheetResult, State
from evaldesk.scoring.report_text import score_text
from evaldesk.scoring.rules import num
from evaldesk.ui.combo import SteadyComboBox
from evaldesk.ui.document import ReportDocument
from evaldesk.ui.fields import LineField, TextField
from evaldesk.ui.file_actions import load_settings, save_settings
from evaldesk.ui.reason_offer import ReasonOffer
from evaldesk.ui.template_banner import DraftBanner

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" (not exported by PySide6)
STATE_COLOURS = {
    State.COMPUTED: "#1e7b34",
    State.HAND: "#1f5fa8",
    State.OVERRIDDEN: "#b35c00",
    State.NEEDS_HAND: "#c0392b",
    State.MISSING: "#c0392b",
}
WORD_JOINER = "\u2060"
CELL_STYLE = "QLabel { border: 1px solid #c8ccd2; padding: 4px; background: %s; }"
# Headings break only where a line ends here (一级 / 指标), never inside a word, so the narrow columns stay narrow.
COLUMNS = ("一级\n指标", "二级\n指标", "三级指标", "分值", "评分所需数据", "自评\n得分", "状态", "手工评分\n或改分",
           "扣分原因和\n其他说明")


def _fit_lines(label: QLabel, *lines: str) -> None:
    """Make ``label`` at least as wide as its longest line, so short headings (分值, 状态) and names never break
    in the middle of a word, in any 字号."""
    metrics = label.fontMetrics()
    label.setMinimumWidth(max(metrics.horizontalAdvance(line) for line in lines) + 16)


def _cell(text: str, *, bold: bool = False, background: str = "#ffffff", align=Qt.AlignmentFlag.AlignCenter,
          wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    label.setStyleSheet(CELL_STYLE % background)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class ChecklistAnswer(SteadyComboBox):
    """未判断 / 符合 / 不符合 for one requirement of a checklist."""

    CHOICES = (("未判断", None), ("符合", True), ("不符合", False))

    def __init__(self, document: ReportDocument, key: str, parent=None):
        super().__init__(parent)
        self.document = document
        self.key = key
        self.place = parse_key(key)  # read once: every edit asks whether it changed this answer
        self.addItems([text for text, _ in self.CHOICES])
        self.refresh()
        self.activated.connect(self._chosen)
        document.changed.connect(self._changed)  # bound: dropped with the box when the sheet is rebuilt

    def _changed(self, changes) -> None:
        if self.place in changes:
            self.refresh()

    def refresh(self) -> None:
        value = self.document.report.get(self.key)
        self.setCurrentIndex([v for _, v in self.CHOICES].index(value) if value in (True, False) else 0)

    def _chosen(self, index: int) -> None:
        self.document.try_apply(SetField(self.key, self.CHOICES[index][1], "勾选"), merge=False)


class IndicatorRow:
    """The widgets of one 三级指标 (several display rows for a shared cell)."""

    def __init__(self, page: "SheetPage", indicator):
        self.indicator = indicator
        document = page.document
        self.name = _cell("\n".join(indicator.rows), align=Qt.AlignmentFlag.AlignLeft)
        self.name.setToolTip(f"评分标准：\n{indicator.standard}" if indicator.standard else "")
        self.standard = QLabel(f"评分标准：{indicator.standard}" if indicator.standard else "")
        self.standard.setWordWrap(True)
        self.standard.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.standard.setStyleSheet("color: #5a6270; padding: 4px 6px 0 6px;")
        self.name.setMinimumWidth(self.name.fontMetrics().horizontalAdvance("财政供养人员") + 16)
        self.weight = _cell(num(indicator.weight))
        self.inputs = QFrame()
        self.inputs.setStyleSheet("QFrame { border: 1px solid #c8ccd2; background: #ffffff; }"
                                  "QLabel { border: none; }")
        inputs_layout = QVBoxLayout(self.inputs)
        inputs_layout.setContentsMargins(4, 4, 4, 4)
        inputs_layout.setSpacing(3)
        self.editors: dict[str, QWidget] = {}
        self.refs = QLabel()
        self.refs.setWordWrap(True)
        self.refs.setStyleSheet("color: #555;")
        ref_operands = [op for op in indicator.rule.operands() if op.input is None]
        self.ref_operands = ref_operands
        if ref_operands:
            inputs_layout.addWidget(self.refs)
        for spec in indicator.inputs():
            key = sheet_key(indicator.id, "input", spec.name)
            if spec.kind == Kind.BOOL.value:
                row = QHBoxLayout()
                text = QLabel(f"{spec.name}. {spec.label}")
                text.setWordWrap(True)
                answer = ChecklistAnswer(document, key)
                row.addWidget(text, 1)
                row.addWidget(answer)
                inputs_layout.addLayout(row)
                self.editors[key] = answer
            else:
                unit = {"money": "（万元）", "percent": "（%）", "count": "（个）"}.get(spec.kind, "")
                row = QHBoxLayout()
                # The unit stays whole on its line: "（万\n元）" reads as nonsense. Qt breaks Chinese between any two
                # characters and ignores <nobr>; a word joiner (U+2060, drawn as nothing) between them holds.
                label = QLabel(spec.label + (WORD_JOINER.join(unit) if unit not in spec.label else ""))
                label.setWordWrap(True)
                row.addWidget(label, 1)
                field = LineField(document, key)
                field.editor.setAlignment(Qt.AlignmentFlag.AlignRight)
                field.setMaximumWidth(130)
                row.addWidget(field)
                inputs_layout.addLayout(row)
                self.editors[key] = field
        if not ref_operands and not indicator.inputs():
            inputs_layout.addWidget(QLabel("由评价组手工评分" if indicator.rule.hand_only else ""))
        # Narrow enough for 特大 on a 1280-pixel screen beside the 审核 panel; longer labels wrap.
        self.inputs.setMinimumWidth(self.inputs.fontMetrics().horizontalAdvance("取自报告：实有") + 40)
        self.score = _cell("", bold=True)
        self.score.setMinimumWidth(64)
        self.state = _cell("")
        _fit_lines(self.state, "状态", *(state.label for state in State))
        # Short words, so the column is as narrow as its heading (手工评分/或改分) in every 字号.
        self.hand = LineField(document, sheet_key(indicator.id, "hand"),
                              "手工评分" if indicator.rule.hand_only else "可不填")
        self.hand.setToolTip("由评价组手工评分" if indicator.rule.hand_only else
                             "不同意计算得分时在此改分（须在扣分原因中写明理由）；不填则用计算得分")
        self.hand.editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.hand.setMinimumWidth(self.hand.fontMetrics().horizontalAdvance("手工评分") + 12)
        self.hand.setMaximumWidth(max(120, self.hand.minimumWidth()))
        self.reason = TextField(document, sheet_key(indicator.id, "reason"), "扣分原因和其他说明", min_lines=2)
        self.reason.editor.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.reason.editor.setFixedHeight(self.reason.editor.fontMetrics().lineSpacing() * 3 + 12)
        self.reason.setMinimumWidth(self.reason.fontMetrics().horizontalAdvance("扣分原因和") + 24)
        self.reason_offer = ReasonOffer(self.reason)   # the rule's 扣分原因 draft, on the filler's request
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setStyleSheet("color: #333; padding: 2px 6px 8px 6px;")
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("padding: 0 6px;")
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        # One line is always kept for findings, empty or not: a finding that appears while the filler types takes
        # that line instead of pushing the rows below down.
        self.problems.setMinimumHeight(self.problems.fontMetrics().lineSpacing())
        self.findings_text = ""
        self.held = False
        # Under the row: the standard, how the score came about, the findings. Its height is held while the sheet
        # is on screen (hold_height), so rows below never jump under the filler's cursor.
        self.detail = QWidget()
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.setSpacing(0)
        detail_layout.addWidget(self.standard)
        detail_layout.addWidget(self.explanation)
        detail_layout.addWidget(self.problems)
        self.detail.setStyleSheet("background: #fafbfc;")

    def hold_height(self) -> None:
        """Keep the space the row takes now, neither less nor more, while the filler works on the sheet: text that
        shrinks leaves a blank and text that grows waits for room (see :meth:`show_findings`), so the rows below
        never move under the cursor. The sheet lets go when it is shown anew or its width changes."""
        if self.detail.isVisible() and not self.held:
            self.held = True
            self.detail.setFixedHeight(self.detail.height())

    def release_height(self) -> None:
        self.held = False
        self.detail.setMinimumHeight(0)
        self.detail.setMaximumHeight(QWIDGETSIZE_MAX)
        self.problems.setText(self.findings_text)
        self.problems.setToolTip("")

    def update(self, sheet: SheetResult, report, summary) -> None:
        self.hold_height()
        result = sheet.indicators[self.indicator.id]
        self.score.setText(score_text(result.score) or "—")
        colour = STATE_COLOURS[result.state]
        self.state.setText(result.state.label)
        self.state.setStyleSheet(CELL_STYLE % "#ffffff" + f"QLabel {{ color: {colour}; }}")
        shown = result.explanation
        if result.state is State.OVERRIDDEN:
            shown += f"（计算得分 {score_text(result.computed)}，采用手工分 {score_text(result.hand)}）"
        self.explanation.setText(shown)
        self.reason_offer.show(result, sheet.template.id)
        if self.ref_operands:
            parts = []
            for op in self.ref_operands:
                if op.source == "field":
                    value = report.get(op.key)
                    parts.append(f"{op.label} {'（未填）' if value is None else decimal_text(value)}")
                else:
                    value = summary.get(op.key)
                    parts.append(f"{op.label} {'（空，按 0 计）' if value is None else format_amount(value)}")
            self.refs.setText("取自报告：" + "，".join(parts))


    def show_findings(self, findings) -> None:
        """The reviewer's findings about this indicator, in place (the same words as the 审核 panel)."""
        from evaldesk.ui.audit_panel import SEVERITY_COLOURS

        self.hold_height()
        lines = [f'<span style="color:{SEVERITY_COLOURS[f.severity]}">【{f.severity.label}】'
                 f'{escape(f.message)}{escape(f"（说明：{f.note}）") if f.note else ""}</span>' for f in findings]
        self.findings_text = "<br>".join(lines)
        self.problems.setText(self.findings_text)
        self.problems.setToolTip("")
        if self.held and lines and self.detail.layout().totalHeightForWidth(self.detail.width()) > self.detail.height():
            # No room in the held space: the first finding on the reserved line, the whole list in its tooltip and
            # the 审核 panel; the row takes the room it needs when the sheet is shown again.
            first = findings[0]
            more = f"（另有 {len(findings) - 1} 条，见“审核”）" if len(findings) > 1 else ""
            metrics = self.problems.fontMetrics()
            room = max(self.problems.width() - 12 - metrics.horizontalAdvance(more), metrics.horizontalAdvance("【警告】…"))
            line = metrics.elidedText(f"【{first.severity.label}】{first.message}", Qt.TextElideMode.ElideRight, room)
            self.problems.setText(f'<span style="color:{SEVERITY_COLOURS[first.severity]}">{escape(line)}</span>'
                                  f"{escape(more)}")
            self.problems.setToolTip(self.findings_text)


class SheetPage(QScrollArea):
    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(parent)
        self.document = document
        self.setWidgetResizable(True)
        self.rows: dict[str, IndicatorRow] = {}
        self.group_labels: dict[str, QLabel] = {}
        self.standards_shown = load_settings().get("sheet_standards", True) is not False
        self.build()
        document.rescored.connect(self.update_scores)
        document.audited.connect(self.show_findings)

    def build(self) -> None:
        template = self.document.report.template
        self.built_for = template  # a renamed or re-weighted sheet keeps its leaf ids: rebuild on identity
        body = QWidget()
        outer = QVBoxLayout(body)
        title = QLabel(f"{cover_text(self.document.report, 'sheet_attachment')}　{template.cover['sheet_title']}")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        outer.addWidget(title)
        line = QHBoxLayout()
        line.addWidget(QLabel(f"评分表模板：{template.name}"), 1)
        self.standards_box = QCheckBox("显示评分标准")
        self.standards_box.setToolTip("在每个三级指标下显示它的评分标准；不勾选时只在指标名称的提示中显示")
        self.standards_box.setChecked(self.standards_shown)
        self.standards_box.toggled.connect(self.show_standards)
        line.addWidget(self.standards_box)
        outer.addLayout(line)
        outer.addWidget(DraftBanner(self.document))  # shown while an adjusted sheet does not check yet
        grid = QGridLayout()
        grid.setSpacing(0)
        for column, text in enumerate(COLUMNS):
            heading = _cell(text, bold=True, background="#eef1f5")
            _fit_lines(heading, *text.split("\n"))
            grid.addWidget(heading, 0, column)
        self.rows.clear()
        self.group_labels.clear()
        row = 1

        def place(indicator) -> int:
            """Lay out ``indicator`` from ``row``; return the number of grid rows it took."""
            nonlocal row
            if indicator.is_leaf:
                widgets = IndicatorRow(self, indicator)
                self.rows[indicator.id] = widgets
                first = row
                # A 三级 sits in column 2; a leaf higher up the tree (a sheet without 二级) spans to column 2.
                column = min(indicator.level - 1, 2)
                grid.addWidget(widgets.name, first, column, 1, 3 - column)
                grid.addWidget(widgets.weight, first, 3)
                grid.addWidget(widgets.inputs, first, 4)
                grid.addWidget(widgets.score, first, 5)
                grid.addWidget(widgets.state, first, 6)
                grid.addWidget(widgets.hand, first, 7)
                grid.addWidget(widgets.reason, first, 8)
                widgets.standard.setVisible(self.standards_shown)
                grid.addWidget(widgets.detail, first + 1, 2, 1, 7)
                row += 2
                return 2
            start = row
            taken = sum(place(child) for child in indicator.children)
            label = _cell("", bold=True, background="#f4f6f8")
            # The name wraps between its characters if it must (预算\n配置), 小计 before its figure; figures do not.
            _fit_lines(label, f"（{num(indicator.weight)}分）", f"{num(indicator.weight)}.00")
            self.group_labels[indicator.id] = label
            grid.addWidget(label, start, indicator.level - 1, taken, 1)
            return taken

        for root in template.roots:
            place(root)
        self.total_label = _cell("", bold=True, background="#eef1f5")
        grid.addWidget(_cell("总　分", bold=True, background="#eef1f5"), row, 0, 1, 3)
        grid.addWidget(_cell(num(template.total), bold=True, background="#eef1f5"), row, 3)
        grid.addWidget(self.total_label, row, 4, 1, 5)
        grid.setColumnStretch(4, 2)
        grid.setColumnStretch(8, 3)
        outer.addLayout(grid)
        footnote = QLabel(template.cover["sheet_footnote"])
        footnote.setWordWrap(True)
        footnote.setStyleSheet("color: #555;")
        outer.addWidget(footnote)
        outer.addStretch(1)
        body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setWidget(body)
        self.update_scores(self.document.sheet)
        self.show_findings(self.document.findings)

    def show_standards(self, shown: bool) -> None:
        """显示评分标准: the standards under the indicators, or not (remembered for the next time)."""
        self.standards_shown = shown
        self.release_heights()
        for widgets in self.rows.values():
            widgets.standard.setVisible(shown)
        settings = load_settings()
        settings["sheet_standards"] = shown
        save_settings(settings)

    def release_heights(self) -> None:
        """Let every row take its natural height again (when the sheet is shown anew or its width changes)."""
        for widgets in self.rows.values():
            widgets.release_height()

    def showEvent(self, event):  # noqa: N802 - Qt's name
        self.release_heights()
        super().showEvent(event)

    def resizeEvent(self, event):  # noqa: N802 - Qt's name
        if event.size().width() != event.oldSize().width():
            self.release_heights()
        super().resizeEvent(event)

    def update_scores(self, sheet: SheetResult) -> None:
        report = self.document.report
        if self.built_for is not report.template or set(self.rows) != {i.id for i in sheet.template.leaves}:
            self.build()
            return
        summary = summary_row(report)
        for widgets in self.rows.values():
            widgets.update(sheet, report, summary)
        for indicator_id, label in self.group_labels.items():
            group = sheet.groups[indicator_id]
            label.setText(f"{group.indicator.name}\n（{num(group.indicator.weight)}分）\n小计 {num(group.score)}")
        self.total_label.setText(f"自评得分 {sheet.total_text()}　　评价等次 {sheet.grade or '待定'}")

    def show_findings(self, findings) -> None:
        by_indicator: dict[str, list] = {indicator_id: [] for indicator_id in self.rows}
        for finding in findings:
            for place in (finding.where, *finding.related):
                if isinstance(place, SheetPlace) and place.indicator in by_indicator:
                    if finding not in by_indicator[place.indicator]:
                        by_indicator[place.indicator].append(finding)
        for indicator_id, widgets in self.rows.items():
            widgets.show_findings(by_indicator[indicator_id])

    def focus(self, place: Place) -> bool:
        """Take the filler to a score-sheet entry."""
        widgets = self.rows.get(place.indicator) if isinstance(place, SheetPlace) else None
        if widgets is None:
            return False
        target = {"hand": widgets.hand, "reason": widgets.reason}.get(place.part) or widgets.editors.get(place.key) \
            or widgets.reason
        self.ensureWidgetVisible(target, 50, 120)
        target.setFocus()
        return True
