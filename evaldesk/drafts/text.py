"""The drafts as plain text, for ``evaldesk draft``: the 综述's sections, then the 扣分原因 drafts."""

from __future__ import annotations

from evaldesk.drafts.reasons import reason_drafts
from evaldesk.drafts.summary import Draft
from evaldesk.scoring.engine import SheetResult

REASONS = "reasons"
# What ``--section`` accepts: the wording's section ids, and the words a filler would type.
SECTION_NAMES = {"概况": "overview", "支出": "spending", "支出情况": "spending", "绩效": "performance",
                 "绩效情况": "performance", "问题": "problems", "建议": "problems", "扣分原因": REASONS}


def section_id(name: str, draft: Draft) -> str | None:
    """The section ``name`` means (an id, a short Chinese name, or the heading's words), or None."""
    name = name.strip()
    if name in SECTION_NAMES:
        return SECTION_NAMES[name]
    if name == REASONS:
        return REASONS
    for section in draft.sections:
        if name == section.id or (name and name in section.heading):
            return section.id
    return None


def reasons_text(sheet: SheetResult) -> str:
    drafts = reason_drafts(sheet)
    if not drafts:
        return "扣分原因草稿：没有按规则计算而扣分的指标。"
    lines = ["扣分原因草稿（按规则计算而扣分的指标）："]
    lines += [f"{'、'.join(sheet.indicators[i].indicator.rows)}：{text}" for i, text in drafts.items()]
    return "\n".join(lines)


def draft_as_text(draft: Draft, sheet: SheetResult, ids: list[str]) -> str:
    """The sections ``ids`` (all, then the 扣分原因, when empty) in the wording's order."""
    wanted = ids or [s.id for s in draft.sections] + [REASONS]
    parts = [s.text for s in draft.sections if s.id in wanted]
    if REASONS in wanted:
        parts.append(reasons_text(sheet))
    return "\n\n".join(parts)


def gaps_line(draft: Draft, ids: list[str]) -> str:
    gaps = [g for s in draft.sections if not ids or s.id in ids for g in s.gaps]
    return f"草稿中尚有待填的空位：{'、'.join(dict.fromkeys(gaps))}" if gaps else ""
