"""How much one report may hold: limits a real report never reaches, refused at entry and at import alike.

Without them a file with 10,000 units, 50,000 说明 or 100,000 tasks was accepted, and then printing took 90 s of
CPU and the workbook did not finish in 5 minutes. A real report: the reference sample has 3 units and 9 tasks, the
heavy proof report (printing/proofs.py) 12 units, 40 tasks and a 20,000-character 综述; SPEC's sheet has 23
scored indicators. Each limit is several times what a department writes; whatever is accepted prints and exports
in bounded time (benchmarks/bench_limits.py prints the figures at the limits).
"""

from __future__ import annotations

from evaldesk.model.form import LIST_BY_KEY

UNIT_COUNT = 100           # units of part 二 (局机关 and 二级机构)
ITEM_COUNT = 100           # entries of one list (tasks, goals, 定量目标 rows, evaluators)
NOTE_COUNT = 5_000         # 说明 beside findings (a 2,000-indicator sheet has about 2,000 findings)
INDICATOR_COUNT = 2_000    # scored indicators (三级) of a template: the window takes a 2,000-indicator sheet
ENTRY_COUNT = 3_000        # indicators of a template in all, with the 一级 and 二级 above them
TEXT_TOTAL = 1_000_000     # characters of text in the whole report: every text at its own limit at once fits


def too_many(what: str, count: int, limit: int) -> str:
    """The refusal, in Chinese, naming the limit."""
    return f"{what}最多 {limit:,} 个，现有 {count:,} 个：超出本程序的上限（实际报告远少于此），请删减后再试"


def full(what: str, limit: int) -> str:
    """The refusal at entry of one more, in Chinese, naming the limit."""
    return f"{what}最多 {limit:,} 个，已达上限，不能再添加（实际报告远少于此）"


def text_size(report) -> int:
    """The characters of text the report holds: its fields, unit names and list entries."""
    size = sum(len(value) for value in report.fields.values() if isinstance(value, str))
    size += sum(len(unit.name) for unit in report.units)
    return size + sum(len(value) for items in report.lists.values() for item in items
                      for value in item.values.values() if isinstance(value, str))


def text_refusal(size: int) -> str:
    return (f"报告的文字总量最多 {TEXT_TOTAL:,} 个字符，现为 {size:,} 个：超出本程序的上限，"
            f"请精简较长的文字后再试")


def refusal(report) -> str | None:
    """Why ``report`` holds more than a report may (units, list entries, 说明, text), or None."""
    if len(report.units) > UNIT_COUNT:
        return too_many("收支表的机构", len(report.units), UNIT_COUNT)
    for key, items in report.lists.items():
        if len(items) > ITEM_COUNT:
            return too_many(f"“{LIST_BY_KEY[key].label}”的条目", len(items), ITEM_COUNT)
    notes = sum(1 for key in report.fields if key.startswith("note."))
    if notes > NOTE_COUNT:
        return too_many("审核结果的说明", notes, NOTE_COUNT)
    size = text_size(report)
    return text_refusal(size) if size > TEXT_TOTAL else None


def document_refusal(doc: dict) -> str | None:
    """The same counts in a report's document (model/document.py's form, as a JSON file or a workbook holds it),
    before anything in it is read: 100,000 tasks would take minutes to parse only to be refused."""
    units, lists, notes = doc.get("units"), doc.get("lists"), doc.get("notes")
    if isinstance(units, list) and len(units) > UNIT_COUNT:
        return too_many("收支表的机构", len(units), UNIT_COUNT)
    for key, items in (lists.items() if isinstance(lists, dict) else ()):
        if key in LIST_BY_KEY and isinstance(items, list) and len(items) > ITEM_COUNT:
            return too_many(f"“{LIST_BY_KEY[key].label}”的条目", len(items), ITEM_COUNT)
    if isinstance(notes, dict) and len(notes) > NOTE_COUNT:
        return too_many("审核结果的说明", len(notes), NOTE_COUNT)
    return None
