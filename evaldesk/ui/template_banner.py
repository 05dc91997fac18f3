"""The line at the top of the 评分表 tab while the report's sheet is being adjusted and does not check yet: the
filler must see that the scores below still come from the last valid sheet."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from evaldesk.templates import edit
from evaldesk.ui.document import ReportDocument

STYLE = "QLabel { background: #fdecea; border: 1px solid #e6b0aa; color: #922b21; padding: 6px; }"


class DraftBanner(QLabel):
    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(parent)
        self.document = document
        self.setWordWrap(True)
        self.setStyleSheet(STYLE)
        document.changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes) -> None:
        if changes.score_sheet:
            self.refresh()

    def refresh(self) -> None:
        report = self.document.report
        draft = report.template_draft
        if draft is not None:
            self.setText(f"⚠ 评分表正在调整，尚未通过检查（{len(edit.check(draft))} 个问题）。下表仍按上次有效的评分表"
                         f"“{report.template.name}”评分。请在“评分表 → 编辑评分表…”中改正，或撤销（Ctrl+Z）。")
        self.setVisible(draft is not None)
