"""The 定量目标 summarised for the 综述: how many targets, how many reported done, the ones not yet done — not every
row copied (the copy's 14 rows would be half of the draft; part 三 lists them all already).

A row counts as done when its 完成情况 is filled and says nothing of being unfinished (the words are the wording's
``quant_unfinished``: 尚未, 未完成, 正在…): a reading of the filler's own words, which the filler confirms.
"""

from __future__ import annotations

from evaldesk.drafts.disputes import Guard
from evaldesk.drafts.wording import Wording, fill
from evaldesk.model.form import QUANT_GROUPS
from evaldesk.model.report import Report
from evaldesk.model.values import decimal_text

SECTION = "performance"


def _clean(text: str) -> str:
    return text.strip().rstrip("。；;.").strip()


def _rows(report: Report) -> list[dict]:
    return [item.values for item in report.items("quant")
            if any(item.values.get(k, "").strip() for k in ("name", "target", "actual"))]


def _unfinished(wording: Wording, row: dict, guard: Guard) -> str | None:
    """The row as a clause when it is not reported done, else None."""
    actual = _clean(row.get("actual", ""))
    if actual and not any(word in actual for word in wording.items["quant_unfinished"]):
        return None
    named = _clean(row.get("kind", "")) + _clean(row.get("name", ""))
    target = _clean(row.get("target", "")) or named
    if not (guard.keep(target, SECTION, f"定量目标“{named}”") and guard.keep(actual, SECTION, f"定量目标“{named}”")):
        target, actual = named, "disputed"
    key = "quant_unreported" if not actual else "quant_bare" if actual == "disputed" else "quant_unfinished_row"
    return fill(wording.item(key)["text"], {"target": target, "actual": actual or None}, wording.gap,
                {"actual": "完成情况"})


def quant_values(report: Report, wording: Wording, guard: Guard, survey,
                 judged_short: list[str] = ()) -> dict[str, str | None]:
    """``quant_count``, ``quant_groups``, ``quant_progress`` and ``survey`` (None when there is nothing to say).
    ``judged_short``: the indicators the evaluation group scored below their 分值 by hand — the rows may all read
    done, but the sheet says the work fell short there, so the draft does not say 各项目标均已完成 beside them."""
    rows = _rows(report)
    groups = [{"group": group, "count": str(n)} for group in QUANT_GROUPS
              if (n := sum(1 for r in rows if r.get("group", "").strip() == group))]
    unfinished = [clause for clause in (_unfinished(wording, r, guard) for r in rows) if clause]
    if not unfinished and judged_short:
        progress = fill(wording.item("quant_done_but_deducted")["text"], {"names": "".join(judged_short)},
                        wording.gap, {})
    elif not unfinished:
        progress = wording.item("quant_all_done")["text"]
    else:
        joined = wording.item("quant_unfinished_row")["join"].join(unfinished)
        progress = fill(wording.item("quant_some_done")["text"],
                        {"done": str(len(rows) - len(unfinished)), "unfinished": joined}, wording.gap, {})
    group_item = wording.item("quant_group")
    return {
        "quant_count": str(len(rows)) if rows else None,
        "quant_groups": group_item["join"].join(fill(group_item["text"], g, wording.gap, {}) for g in groups) or None,
        "quant_progress": progress if rows else None,
        "survey": None if survey is None else decimal_text(survey),
    }
