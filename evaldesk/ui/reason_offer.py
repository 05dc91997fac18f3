"""The 扣分原因 draft offered in a score-sheet row's reason box: for an indicator that lost points by its rule the
box's placeholder says a draft is there, and its right-click menu has 填入扣分原因草稿 — one undoable edit, made
only when the filler picks it. A reason already typed is replaced only after the filler says yes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evaldesk.drafts.reasons import reason_draft
from evaldesk.model.edits import SetField
from evaldesk.scoring.engine import IndicatorResult
from evaldesk.ui import dialogs
from evaldesk.ui.fields import TextField

PLACEHOLDER = "扣分原因和其他说明"
OFFERED = "扣分原因和其他说明（已有草稿：右键 → 填入扣分原因草稿）"
ACTION = "填入扣分原因草稿"


class ReasonOffer:
    def __init__(self, field: TextField):
        self.field = field
        self.draft: str | None = None
        field.editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        field.editor.customContextMenuRequested.connect(self._menu)

    def show(self, result: IndicatorResult, template_id: str) -> None:
        self.draft = reason_draft(result, template_id)
        self.field.editor.setPlaceholderText(OFFERED if self.draft else PLACEHOLDER)

    def _menu(self, position) -> None:
        menu = self.field.editor.createStandardContextMenu()
        if self.draft:
            menu.insertSeparator(menu.actions()[0] if menu.actions() else None)
            action = menu.addAction(f"{ACTION}：{self.draft}")
            menu.insertAction(menu.actions()[0], action)
            action.triggered.connect(self.fill)
        menu.exec(self.field.editor.mapToGlobal(position))
        menu.deleteLater()

    def fill(self) -> bool:
        """Write the draft into the reason box (asking first if the filler has written a reason of their own)."""
        if not self.draft:
            return False
        document, key = self.field.document, self.field.key
        typed = document.report.text(key).strip()
        if typed == self.draft:
            return False
        if typed and not dialogs.ask(self.field, "替换扣分原因", f"此项已填写扣分原因：\n“{typed}”\n\n"
                                     f"要改为草稿“{self.draft}”吗？（可撤销）"):
            return False
        done = document.apply(SetField(key, self.draft), merge=False)
        document.break_merge()
        return done
