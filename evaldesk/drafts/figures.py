"""The named figures and texts a draft may quote, read from the report, its part 二 and its score sheet.

Every value is text as the form prints it (amounts with :func:`format_amount`, scores with :func:`score_text`),
or None when the report leaves it blank — the wording then shows a gap, never a 0. ``LABELS`` names each value
the way a gap says what is missing, and is the vocabulary a wording file may use.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from evaldesk.audit.quotations import rules as quotation_rules
from evaldesk.drafts.disputes import Guard
from evaldesk.drafts.plain import plain_finding
from evaldesk.drafts.quant import quant_values
from evaldesk.drafts.wording import Wording, fill
from evaldesk.model.form import GRID_BY_KEY, LIST_BY_KEY, cell_key
from evaldesk.model.layout import cover_text
from evaldesk.model.report import Report
from evaldesk.model.totals import Row, summary_row
from evaldesk.model.values import format_amount
from evaldesk.scoring.engine import IndicatorResult, SheetResult, State
from evaldesk.scoring.report_text import score_text

CENT = Decimal("0.01")

# Part 二's cells a draft quotes: placeholder name → the 汇总 row's cell.
CELLS = {
    "income_total": "income.total", "expense_total": "expense.total", "expense_basic": "expense.basic",
    "expense_personnel": "expense.personnel", "expense_public": "expense.public",
    "expense_project": "expense.project", "balance_total": "expense.balance_total",
    "sangong_total": "sangong.total", "assets_total": "assets.total", "assets_in_use": "assets.in_use",
}
INCOME_SOURCES = ("carryover", "general", "fund", "special", "other")
SANGONG_ITEMS = ("reception", "car_run", "car_buy", "abroad")


def _cell_label(key: str) -> str:
    grid, _, column = key.partition(".")
    return GRID_BY_KEY[grid].column(column).label


LABELS = {
    "department": "部门（单位）名称", "region": "地区", "year": "年度", "duties": "职能职责概述",
    "achievements": "总体运行情况及取得的成绩",
    "staff_quota": "人员编制", "staff_actual": "实有人数", "tasks": "年度主要工作内容",
    **{name: _cell_label(key) for name, key in CELLS.items()},
    "income_sources": "收入来源", "sangong_items": "三公经费明细", "sangong_last_year": "上年三公经费合计",
    "sangong_change": "三公经费比上年增减", "total_score": "综合得分（评分表尚未评完）",
    "grade": "评价等次（评分表尚未评完）", "root_scores": "各一级指标得分", "deduction_summary": "扣分情况",
    "quant_count": "定量目标个数", "quant_groups": "定量目标分类", "quant_progress": "定量目标完成情况",
    "survey": "满意度调查结果", "problem_list": "存在的问题", "problem_count": "扣分指标个数",
    "open_warnings": "审核警告",
    **{f"omitted_{section}": "略去的内容" for section in ("overview", "spending", "performance", "problems")},
}

def amount(value: Decimal | None) -> str | None:
    return None if value is None else format_amount(value)


def _clean(text: str) -> str:
    """A typed text as a clause: trimmed, its own closing full stop left to the wording."""
    return text.strip().rstrip("。；;.").strip()


def listed(wording: Wording, key: str, entries: list[dict]) -> str | None:
    """Entries joined as the wording's item ``key`` says; None (a gap, or an optional sentence dropped) when none."""
    item = wording.item(key)
    texts = [fill(item["text"], entry, wording.gap, LABELS) for entry in entries]
    return item["join"].join(texts) or None


def lost(result: IndicatorResult) -> Decimal:
    return result.indicator.weight - (result.score or Decimal(0))


def quoted_name(result: IndicatorResult) -> str:
    """The indicator's name for use inside the wording's “…”: its own double quotes become single ones
    (“‘三公经费’变动率”, not ““三公经费”变动率”), as nested quotation marks are written."""
    return "、".join(result.indicator.rows).replace("“", "‘").replace("”", "’")


def deducted_by_rule(result: IndicatorResult) -> bool:
    """The indicator lost points by its rule alone (not by a hand score, whose reason only a person can give)."""
    return result.state is State.COMPUTED and result.deducted


def why(result: IndicatorResult, wording: Wording) -> str | None:
    """Why an indicator lost points: the rule's finding in plain words, or the filler's own reason for a hand
    score."""
    if deducted_by_rule(result):
        return plain_finding(result, wording)
    return _clean(result.reason) or None


def _sangong_change(wording: Wording, now: Decimal | None, last: Decimal | None) -> str | None:
    if now is None or last is None:
        return None
    if now == last:
        return wording.item("sangong_same")["text"]
    key = "sangong_up" if now > last else "sangong_down"
    change = abs(now - last)
    rate = "" if last == 0 else f"{(change / last * 100).quantize(CENT, rounding=ROUND_HALF_UP)}%"
    text = wording.item(key)["text"]
    if not rate:  # a rise from nothing has no percentage: keep the amount, drop the rate's clause
        text = re.sub(r"[，,][^，,{]*\{rate\}", "", text)
    return fill(text, {"amount": format_amount(change), "rate": rate}, wording.gap, LABELS)


def last_year_sangong(report: Report) -> Decimal | None:
    """Last year's 三公经费合计, where the score sheet asks for it: the input that a new year carries from
    ``summary:sangong.total`` (the template says which; no indicator is named here)."""
    for indicator in report.template.leaves:
        for spec in indicator.inputs():
            if spec.carry == "summary:sangong.total":
                value = report.sheet_input(indicator.id, spec.name)
                if isinstance(value, Decimal):
                    return value
    return None


def _parts(wording: Wording, row: Row, grid: str, columns: tuple[str, ...], item: str) -> str | None:
    entries = [{"label": _cell_label(cell_key(grid, c)), "amount": format_amount(row[cell_key(grid, c)])}
               for c in columns if row.get(cell_key(grid, c)) is not None]
    return listed(wording, item, entries)


def ordinal(wording: Wording, index: int) -> str:
    ordinals = wording.items["ordinals"]
    return ordinals[index] if index < len(ordinals) else ""


def report_values(report: Report, wording: Wording, guard: Guard) -> dict[str, str | None]:
    """Part 一's and part 二's values, by the names the wording uses."""
    row = summary_row(report)
    quota, actual = report.get("basic.staff_quota"), report.get("basic.staff_actual")
    texts = [_clean(LIST_BY_KEY["tasks"].without_number(item.values.get("text", ""))) for item in report.items("tasks")]
    kept = [text for n, text in enumerate(texts, 1) if text and guard.keep(text, "overview", f"第{n}项工作内容")]
    tasks = [{"ordinal": ordinal(wording, i), "text": text} for i, text in enumerate(kept)]
    duties = _clean(report.text("basic.duties"))
    achievements = report.text("basic.achievements").strip()
    values: dict[str, str | None] = {
        "department": report.department.strip() or None, "region": cover_text(report, "region") or None,
        "year": str(report.year),
        "duties": duties if duties and guard.keep(duties, "overview", "职能职责") else None,
        # the filler's own 运行情况及取得的成绩: what the 综述's 绩效情况 asks for, in their words
        "achievements": achievements if achievements and guard.keep(achievements, "performance",
                                                                     "总体运行情况及取得的成绩") else None,
        "staff_quota": None if quota is None else str(quota),
        "staff_actual": None if actual is None else str(actual),
        "tasks": listed(wording, "task", tasks),
        **{name: amount(row.get(key)) for name, key in CELLS.items()},
        "income_sources": _parts(wording, row, "income", INCOME_SOURCES, "income_source"),
        "sangong_items": _parts(wording, row, "sangong", SANGONG_ITEMS, "sangong_item"),
    }
    last = last_year_sangong(report)
    values["sangong_last_year"] = amount(last)
    values["sangong_change"] = _sangong_change(wording, row.get("sangong.total"), last)
    return values


def survey_result(report: Report) -> Decimal | None:
    """The 满意度 survey result typed on the score sheet (where the audit's quotation rules say it is)."""
    spec = quotation_rules()["satisfaction"]
    if spec["indicator"] not in report.template.by_id:
        return None
    value = report.sheet_input(spec["indicator"], spec["input"])
    return value if isinstance(value, Decimal) else None


def deduction_values(sheet: SheetResult, wording: Wording) -> dict[str, str | None]:
    """The sentence that closes the scores: which indicators lost points and how many in all, or that none did
    (said only once every indicator is scored)."""
    deducted = [r for r in sheet.indicators.values() if r.deducted]
    if not deducted:
        summary = wording.item("deductions_none")["text"] if sheet.final_total is not None else None
        return {"deduction_summary": summary}
    names = wording.item("deducted_name")
    values = {"names": names["join"].join(fill(names["text"], {"name": quoted_name(r)}, wording.gap, {})
                                          for r in deducted),
              "count": str(len(deducted)), "lost": score_text(sum((lost(r) for r in deducted), Decimal(0)))}
    return {"deduction_summary": fill(wording.item("deductions_some")["text"], values, wording.gap, LABELS)}


def sheet_values(report: Report, sheet: SheetResult, wording: Wording, guard: Guard) -> dict[str, str | None]:
    """The score sheet's values: 总分 and 等次 once complete, each 一级's score, the deductions, the 定量目标."""
    roots = []
    for root in sheet.template.roots:
        group = sheet.groups.get(root.id)
        if group is None:  # a 一级 that is itself a scored indicator
            result = sheet.indicators[root.id]
            score = result.score
        else:
            score = group.score if group.complete else None
        roots.append({"name": root.name, "score": None if score is None else score_text(score),
                      "weight": score_text(root.weight)})
    return {
        "total_score": score_text(sheet.final_total) or None,
        "grade": sheet.grade,
        "root_scores": listed(wording, "root_score", roots),
        **deduction_values(sheet, wording),
        **quant_values(report, wording, guard, survey_result(report),
                       [f"“{quoted_name(r)}”" for r in sheet.indicators.values()
                        if r.deducted and not deducted_by_rule(r)]),
    }
