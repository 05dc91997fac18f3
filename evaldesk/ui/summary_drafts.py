"""生成草稿 on the 综述 tab: the draft (evaldesk.drafts) beside the filler's text, one box per section, each with
插入 or 替换 — one undoable edit of the 综述 through the document, so 撤销 takes it back; nothing is written until
the filler presses one. A box says when the filler's own section quotes figures that have since changed, and when
the draft itself was made before the figures changed (then 重新生成草稿).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget,
)

from evaldesk.audit.context import AuditContext
from evaldesk.audit.quotations import disagreements
from evaldesk.drafts.sections import (
    find_sections, insert_section, replace_section, replaced_words, stale_sections,
)
from evaldesk.drafts.summary import Draft, DraftSection, draft_summary
from evaldesk.model.edits import SetField
from evaldesk.ui import dialogs
from evaldesk.ui.document import ReportDocument

KEY = "summary.text"
WARN_STYLE = "color: #a33;"
NOTE_STYLE = "color: #555;"


class SectionBox(QGroupBox):
    """One drafted section: its text (read-only, selectable), what it still lacks, and 插入 / 替换."""

    def __init__(self, panel: "DraftPanel", section: DraftSection):
        super().__init__(section.heading)
        self.panel, self.section = panel, section
        self.preview = QPlainTextEdit(section.body)
        self.preview.setReadOnly(True)
        lines = min(12, max(3, len(section.body) // 28 + section.body.count("\n") + 1))
        self.preview.setFixedHeight(self.preview.fontMetrics().lineSpacing() * lines + 12)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.insert = QPushButton("插入到原文")
        self.replace = QPushButton("替换原文此部分")
        self.insert.clicked.connect(lambda: panel.take(section.id, replace=False))
        self.replace.clicked.connect(lambda: panel.take(section.id, replace=True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.insert)
        buttons.addWidget(self.replace)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def show_state(self, present: bool, own_stale: list[str], draft_stale: list[str]) -> None:
        self.insert.setEnabled(not present)    # a second copy of a section would number it twice
        self.replace.setEnabled(present)
        notes, warn = [], False
        if draft_stale:
            notes.append("草稿生成后数字已变（" + "；".join(draft_stale) + "），请点“重新生成草稿”")
            warn = True
        if own_stale:
            notes.append("原文此部分引用的数字与现在的不符：" + "；".join(own_stale) + "。可用草稿替换")
            warn = True
        if self.section.gaps:
            notes.append("尚缺：" + "、".join(self.section.gaps) + "（草稿中以【待填】标出）")
        if not present:
            notes.append("原文中还没有这一部分")
        self.status.setText("\n".join(notes))
        self.status.setStyleSheet(WARN_STYLE if warn else NOTE_STYLE)
        self.status.setVisible(bool(notes))


def beside_text(document: ReportDocument, editor: QWidget) -> tuple[QWidget, "DraftPanel"]:
    """The 综述's editor with 生成草稿 above it and the draft panel (shown once asked for) to its right."""
    panel = DraftPanel(document)
    panel.hide()
    button = QPushButton("生成草稿")
    button.setToolTip("按本报告的数字起草综述各部分，显示在原文右侧；不会改动原文")

    def show_draft() -> None:
        panel.generate()
        if not panel.isVisible():
            panel.show()
            half = max(1, splitter.width() // 2)
            splitter.setSizes([half, half])   # the filler's text and the draft share the width evenly
        button.setText("重新生成草稿")
        # The page is built again for a new 字号: the draft the filler opened stays open there (kept with the
        # report's document, which outlives the page).
        document.summary_draft_open = True

    button.clicked.connect(show_draft)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(editor)
    splitter.addWidget(panel)
    splitter.setChildrenCollapsible(False)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 1)
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
    layout.addWidget(splitter, 1)
    holder.generate_button = button
    if getattr(document, "summary_draft_open", False):
        show_draft()
    return holder, panel


class DraftPanel(QWidget):
    """The drafted sections, made when the filler asks (生成草稿 / 重新生成草稿) and kept as they were made."""

    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(parent)
        self.document = document
        self.draft: Draft | None = None
        self.boxes: dict[str, SectionBox] = {}
        intro = QLabel("以下由本报告第一、二部分和评分表的数字起草，数字与报表一致。请逐部分查看，"
                       "点“插入”或“替换”后仍可撤销（Ctrl+Z）；工作成效等需要本单位撰写的内容请在原文中补充。")
        intro.setWordWrap(True)
        intro.setStyleSheet(NOTE_STYLE)
        self.inner = QWidget()
        self.sections = QVBoxLayout(self.inner)
        self.sections.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        # Bound method, not a lambda: Qt drops it when the page is rebuilt (a new 字号); a lambda would not. Every
        # edit, undo and redo emits ``changed`` after rescoring, so this one signal sees every figure change.
        document.changed.connect(self._document_changed)

    def _document_changed(self, _what) -> None:
        self.refresh()

    def generate(self) -> None:
        session = self.document.session
        if session.audit_stale:  # just opened, or a long report between keystrokes: the draft leaves out what
            self.document.run_audit()  # the reviewer disputes, so it needs the findings of the report as it is
        self.draft = draft_summary(self.document.report, session.sheet, session.findings)
        for box in self.boxes.values():
            box.deleteLater()
        self.boxes = {s.id: SectionBox(self, s) for s in self.draft.sections}
        while self.sections.count():
            self.sections.takeAt(0)
        for box in self.boxes.values():
            self.sections.addWidget(box)
        self.sections.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        if self.draft is None:
            return
        report, sheet = self.document.report, self.document.sheet
        text = report.text(KEY)
        present = find_sections(text, self.draft)
        own = stale_sections(report, sheet, self.draft)
        ctx = AuditContext(report, sheet)
        for section_id, box in self.boxes.items():
            box.show_state(section_id in present, own.get(section_id, []), disagreements(ctx, box.section.text))

    def take(self, section_id: str, *, replace: bool) -> bool:
        """Put the draft's section into the 综述 as one undoable edit. A draft whose figures have since changed
        is not put in without the filler's yes."""
        if self.draft is None:
            return False
        ctx = AuditContext(self.document.report, self.document.sheet)
        if disagreements(ctx, self.draft.section(section_id).text) and not dialogs.ask(
                self, "草稿已过时", "这份草稿生成后，报表中的数字已有改动，草稿中的数字与现在的不符。\n"
                                 "仍要使用这份草稿吗？（建议先点“重新生成草稿”）"):
            return False
        text = self.document.report.text(KEY)
        if replace and not self._replace_agreed(text, section_id):
            return False
        edit = replace_section if replace else insert_section
        done = self.document.apply(SetField(KEY, edit(text, self.draft, section_id)), merge=False)
        self.document.break_merge()
        return done

    def _replace_agreed(self, text: str, section_id: str) -> bool:
        """替换 takes out the filler's sentences that state part 二's figures (the draft restates them; the rest of
        the filler's words stay, in place of the draft's 【…】 prompts): name them and ask first."""
        taken = replaced_words(text, self.draft, section_id)
        if not taken:
            return True
        shown = "\n".join(f"· {sentence if len(sentence) <= 80 else sentence[:78] + '…'}" for sentence in taken)
        heading = self.draft.section(section_id).heading
        return dialogs.ask(self, "替换原文此部分", f"原文“{heading}”中的以下文字将由草稿的数字段落代替：\n{shown}\n\n"
                                             f"这一部分的其他文字保留（放在草稿提示的位置）。替换后仍可撤销（Ctrl+Z）。"
                                             f"\n要替换吗？")
