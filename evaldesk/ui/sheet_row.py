"""One 三级指标 of the score sheet on screen: its name, 分值, the figures its rule needs, score, state, hand score
and 扣分原因, and under it the standard, the explanation and the reviewer's findings. A row repaints only what its
own result or findings changed, inside cells whose size is held (``sheet_hold``)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from evaldesk.model.edits import SetField
from evaldesk.model.form import Kind
from evaldesk.model.places import parse_key
from evaldesk.model.report import sheet_key
from evaldesk.model.values import decimal_text, format_amount
from evaldesk.scoring.engine import IndicatorResult, State
from evaldesk.scoring.report_text import score_text
from evaldesk.scoring.rules import num
from evaldesk.ui.combo import SteadyComboBox
from evaldesk.ui.document import ReportDocument
from evaldesk.ui.fields import LineField, TextField
from evaldesk.ui.reason_offer import ReasonOffer
from evaldesk.ui.sheet_hold import HeldLabel, HeldWidget, SizeHold

STATE_COLOURS = {
    State.COMPUTED: "#1e7b34",
    State.HAND: "#1f5fa8",
    State.OVERRIDDEN: "#b35c00",
    State.NEEDS_HAND: "#c0392b",
    State.MISSING: "#c0392b",
}
WORD_JOINER = "\u2060"
# Ends an explanation shortened to the room held under its row; the whole text is in its tooltip.
MORE_IN_TOOLTIP = "…（鼠标停在此处可看全文）"
CELL_STYLE = "QLabel { border: 1px solid #c8ccd2; padding: 4px; background: %s; }"
# Headings break only where a line ends here (一级 / 指标), never inside a word, so the narrow columns stay narrow.
COLUMNS = ("一级\n指标", "二级\n指标", "三级指标", "分值", "评分所需数据", "自评\n得分", "状态", "手工评分\n或改分",
           "扣分原因和\n其他说明")


def fit_lines(label: QLabel, *lines: str) -> None:
    """Make ``label`` at least as wide as its longest line, so short headings (分值, 状态) and names never break
    in the middle of a word, in any 字号."""
    metrics = label.fontMetrics()
    label.setMinimumWidth(max(metrics.horizontalAdvance(line) for line in lines) + 16)


def cell(text: str, *, bold: bool = False, background: str = "#ffffff", align=Qt.AlignmentFlag.AlignCenter,
          wrap: bool = True) -> QLabel:
    label = HeldLabel(text)
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
        document.watch(self.place, self._changed)  # dropped with the box when the sheet is rebuilt

    def _changed(self, changes) -> None:
        self.refresh()

    def refresh(self) -> None:
        value = self.document.report.get(self.key)
        self.setCurrentIndex([v for _, v in self.CHOICES].index(value) if value in (True, False) else 0)

    def _chosen(self, index: int) -> None:
        self.document.try_apply(SetField(self.key, self.CHOICES[index][1], "勾选"), merge=False)


class HandField(LineField):
    """The hand score / 改分 box. Held at its size with the row's other cells, so that a refusal whose message
    fits in the room under the box in its cell is said there without laying the whole sheet out again; a longer
    message lets the box go and the sheet makes room (one layout): the filler always reads the whole message."""

    def __init__(self, document: ReportDocument, hold: SizeHold, key: str, placeholder: str):
        self.hold = hold
        super().__init__(document, key, placeholder)

    def show_error(self, message: str | None) -> None:
        super().show_error(message)
        if message and self.hold.is_held(self):
            room = self.height() - self.editor.height() - self.layout().spacing()
            if self.error.heightForWidth(self.width()) > room:
                self.hold.release(self)


class IndicatorRow:
    """The widgets of one 三级指标 (several display rows for a shared cell)."""

    def __init__(self, document: ReportDocument, hold: SizeHold, indicator):
        self.indicator = indicator
        self.hold = hold
        self.name = cell("\n".join(indicator.rows), align=Qt.AlignmentFlag.AlignLeft)
        self.name.setToolTip(f"评分标准：\n{indicator.standard}" if indicator.standard else "")
        self.standard = QLabel(f"评分标准：{indicator.standard}" if indicator.standard else "")
        self.standard.setWordWrap(True)
        self.standard.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.standard.setStyleSheet("color: #5a6270; padding: 4px 6px 0 6px;")
        self.name.setMinimumWidth(self.name.fontMetrics().horizontalAdvance("财政供养人员") + 16)
        self.weight = cell(num(indicator.weight))
        self.inputs = QFrame()
        self.inputs.setStyleSheet("QFrame { border: 1px solid #c8ccd2; background: #ffffff; }"
                                  "QLabel { border: none; }")
        inputs_layout = QVBoxLayout(self.inputs)
        inputs_layout.setContentsMargins(4, 4, 4, 4)
        inputs_layout.setSpacing(3)
        self.editors: dict[str, QWidget] = {}
        self.refs = HeldLabel()
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
        self.score = cell("", bold=True)
        self.score.setMinimumWidth(64)
        self.state = cell("")
        fit_lines(self.state, "状态", *(state.label for state in State))
        # Short words, so the column is as narrow as its heading (手工评分/或改分) in every 字号.
        self.hand = HandField(document, hold, sheet_key(indicator.id, "hand"),
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
        # (A line of rich text can be a pixel taller than the font's line spacing: at 特大 28 against 27.)
        self.problems.setText('<span style="color:#c0392b">【错误】</span>')
        self.problems.setMinimumHeight(max(self.problems.fontMetrics().lineSpacing(), self.problems.heightForWidth(10000)))
        self.problems.setText("")
        self.findings_text = ""
        self.explanation_text = ""
        self.result = None        # the IndicatorResult shown (a row is repainted only when its result changes)
        self.findings = None      # the findings shown under it
        self.refs_text = ""
        # Under the row: the standard, how the score came about, the findings. Its height is held while the sheet
        # is on screen (hold_detail), so rows below never jump under the filler's cursor.
        self.detail = HeldWidget()
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.setSpacing(0)
        detail_layout.addWidget(self.standard)
        detail_layout.addWidget(self.explanation)
        detail_layout.addWidget(self.problems)
        self.detail.setStyleSheet("background: #fafbfc;")

    def show(self, result: IndicatorResult, template_id: str) -> None:
        """Repaint what the row's result says: score, state, explanation, the 扣分原因 draft on offer."""
        self.result = result
        self.hold.set_text(self.score, score_text(result.score) or "—")
        if self.state.text() != result.state.label:
            self.hold.hold(self.state)
            self.state.setText(result.state.label)
            self.state.setStyleSheet(CELL_STYLE % "#ffffff" + f"QLabel {{ color: {STATE_COLOURS[result.state]}; }}")
        shown = result.explanation
        if result.state is State.OVERRIDDEN:
            shown += f"（计算得分 {score_text(result.computed)}，采用手工分 {score_text(result.hand)}）"
        if self.explanation_text != shown:
            self.explanation_text = shown
            self.hold_detail()
            self.hold.changed(self.detail)
            self.fill_detail()
        self.reason_offer.show(result, template_id)

    def show_refs(self, report, summary) -> None:
        """取自报告：the figures the rule reads from part 一 and the 汇总 row, as they stand now."""
        if not self.ref_operands:
            return
        parts = []
        for op in self.ref_operands:
            if op.source == "field":
                value = report.get(op.key)
                parts.append(f"{op.label} {'（未填）' if value is None else decimal_text(value)}")
            else:
                value = summary.get(op.key)
                parts.append(f"{op.label} {'（空，按 0 计）' if value is None else format_amount(value)}")
        text = "取自报告：" + "，".join(parts)
        if text != self.refs.text():
            self.hold.set_text(self.refs, text)

    @staticmethod
    def entries(indicator) -> tuple:
        """What a row's editors and layout are built from: a row built for one indicator shows another with the
        same entries once its words are set again (:meth:`adopt`)."""
        rule = indicator.rule
        return indicator.level, tuple(indicator.inputs()), tuple(rule.operands()), rule.hand_only

    def adopt(self, indicator) -> None:
        """Show ``indicator`` — the same entries, other words or 分值 (an adjusted sheet) — in this row."""
        self.indicator = indicator
        words = (("\n".join(indicator.rows), self.name, self.name),
                 (f"评分标准：{indicator.standard}" if indicator.standard else "", self.standard, self.detail),
                 (num(indicator.weight), self.weight, self.weight))
        for text, label, cell in words:
            if label.text() != text:
                label.setText(text)
                self.hold.release(cell)  # other words may need more room: the cell takes what it needs now
        self.name.setToolTip(f"评分标准：\n{indicator.standard}" if indicator.standard else "")
        self.result = None  # its result is shown again

    def cells(self) -> tuple[QWidget, ...]:
        """The row's cells in the sheet's grid."""
        return self.name, self.weight, self.inputs, self.score, self.state, self.hand, self.reason, self.detail

    def remove(self) -> None:
        """Take the row off the sheet (it was built again for a changed indicator)."""
        for widget in self.cells():
            self.hold.drop(widget)
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()

    def tab_stops(self) -> list[QWidget]:
        """The row's editors in the order Tab visits them: its figures, the hand score, the 扣分原因."""
        figures = [widget for widget in self.inputs.findChildren(QWidget)
                   if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(self.inputs)]
        return [widget for widget in (*figures, self.hand.editor, self.reason.editor) if widget.isEnabled()]

    def hold_cells(self) -> None:
        """Hold the cells a keystroke may repaint (while the sheet is on screen)."""
        for cell in (self.score, self.state, self.hand, *((self.refs,) if self.ref_operands else ())):
            self.hold.hold(cell)
        self.hold_detail()

    def hold_detail(self) -> None:
        """Keep the space under the row as it is while the filler works on the sheet: text that shrinks leaves a
        blank and text that grows waits for room (see :meth:`fill_detail`), so the rows below never move under
        the cursor."""
        self.hold.hold(self.detail, self._detail_released)

    def _detail_released(self) -> None:
        self.fill_detail()

    def show_findings(self, findings: list) -> None:
        """The reviewer's findings about this indicator, in place (the same words as the 审核 panel)."""
        from evaldesk.ui.audit_panel import SEVERITY_COLOURS

        self.findings = findings
        self.hold_detail()
        self.hold.changed(self.detail)
        self.findings_text = "<br>".join(
            f'<span style="color:{SEVERITY_COLOURS[f.severity]}">【{f.severity.label}】'
            f'{escape(f.message)}{escape(f"（说明：{f.note}）") if f.note else ""}</span>' for f in findings)
        self.fill_detail()

    def fill_detail(self) -> None:
        """The explanation and the findings under the row, whole. While the space under the row is held and they
        need more than it, they wait in it shortened — the findings to the line reserved for them, the explanation
        to the lines left — each marked and whole in its tooltip (the findings also in the 审核 panel): a box of
        fixed height squeezes all its lines alike, which cut the standard and the explanation off mid-line with no
        way to read them. If not even that fits, the row is let go and takes the room it needs (one layout of the
        sheet); otherwise it does when the sheet is shown again."""
        self.explanation.setText(self.explanation_text)
        self.explanation.setToolTip("")
        self.problems.setText(self.findings_text)
        self.problems.setToolTip("")
        if not self.hold.is_held(self.detail) or not self._overflows():
            return
        if self.findings:
            self._shorten_findings()
        if self._overflows() and self.explanation_text:
            self.explanation.setToolTip(self.explanation_text)
            width, room = self._room_for(self.explanation)
            # Each try lays out this one label, not the whole space under the row (a fifth of the time: it is a
            # keystroke's wait); the whole is checked once more below.
            kept = self._longest_fitting(self.explanation, self.explanation_text, lambda text: text + MORE_IN_TOOLTIP,
                                         lambda: self.explanation.heightForWidth(width) <= room)
            if not kept:
                self.explanation.setToolTip("")
        if self._overflows():
            self.hold.release(self.detail)  # fills it again, whole

    def _overflows(self) -> bool:
        return self.detail.layout().totalHeightForWidth(self.detail.width()) > self.detail.height()

    def _room_for(self, label: QLabel) -> tuple[int, int]:
        """``label``'s width and the height it may take in the held space under the row, the rest of that space
        taking what it takes now."""
        width = label.width()
        rest = self.detail.layout().totalHeightForWidth(self.detail.width()) - label.heightForWidth(width)
        return width, self.detail.height() - rest

    @staticmethod
    def _longest_fitting(label: QLabel, text: str, shown, fits) -> int:
        """Show in ``label`` the longest beginning of ``text`` (as ``shown`` words it) that ``fits``; return its
        length. Found by halving: a few layouts of one short text."""
        shortest, longest = 0, len(text)
        while shortest < longest:
            middle = (shortest + longest + 1) // 2
            label.setText(shown(text[:middle]))
            if fits():
                shortest = middle
            else:
                longest = middle - 1
        label.setText(shown(text[:shortest]))
        return shortest

    def _shorten_findings(self) -> None:
        """The first finding on the reserved line (and how many more there are), the whole list in the tooltip."""
        from evaldesk.ui.audit_panel import SEVERITY_COLOURS

        first, more = self.findings[0], len(self.findings) - 1
        colour = SEVERITY_COLOURS[first.severity]
        tail = f"（另有 {more} 条，见“审核”）" if more else ""

        def shown(text: str) -> str:
            return f'<span style="color:{colour}">{escape(text)}…</span>{escape(tail)}'

        width = self.detail.width()
        self.problems.setText(shown(""))
        one_line = self.problems.heightForWidth(width)
        self._longest_fitting(self.problems, f"【{first.severity.label}】{first.message}", shown,
                              lambda: self.problems.heightForWidth(width) <= one_line)
        self.problems.setToolTip(self.findings_text)
