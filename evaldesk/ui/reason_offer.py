"""The 扣分原因 draft offered in a score-sheet row: for an indicator that lost points by its rule, its empty reason
cell says a draft is there, and the cell's right-click menu (on the sheet, or in the cell while it is edited) has
填入扣分原因草稿 — one undoable edit, made only when the filler picks it. A reason already typed is replaced only
after the filler says yes."""

from __future__ import annotations

from evaldesk.drafts.reasons import reason_draft
from evaldesk.model.edits import SetField
from evaldesk.ui import dialogs

PLACEHOLDER = "扣分原因和其他说明"
OFFERED = "（已有草稿：右键 → 填入扣分原因草稿）"
ACTION = "填入扣分原因草稿"


def draft_for(result, template_id: str) -> str | None:
    return reason_draft(result, template_id) if result is not None else None


def add_to_menu(menu, draft: str | None, fill) -> None:
    """Put 填入扣分原因草稿 at the top of a right-click ``menu`` (if there is a draft); ``fill`` writes it."""
    if not draft:
        return
    first = menu.actions()[0] if menu.actions() else None
    action = menu.addAction(f"{ACTION}：{draft}")
    if first is not None:
        menu.insertAction(first, action)
        menu.insertSeparator(first)
    action.triggered.connect(fill)


def fill(parent, document, key: str, draft: str | None) -> bool:
    """Write the draft into the reason (asking first if the filler has written a reason of their own)."""
    if not draft:
        return False
    typed = document.report.text(key).strip()
    if typed == draft:
        return False
    if typed and not dialogs.ask(parent, "替换扣分原因", f"此项已填写扣分原因：\n“{typed}”\n\n"
                                 f"要改为草稿“{draft}”吗？（可撤销）"):
        return False
    done = document.apply(SetField(key, draft), merge=False)
    document.break_merge()
    return done
