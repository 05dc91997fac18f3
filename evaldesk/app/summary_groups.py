"""Arranging the files read into the summary: which year and score sheet are ranked, which files are the same
report, which is newer, the ranks.

"The same report" is importing's one rule (:func:`evaldesk.app.importing.same_department`): same year and the
same 预算编码 when both have one, else the same non-empty 部门名称; identical data (the same fingerprint) always
is. Of several files of one report the newest is ranked — by 报告日期, then by the file's modification time —
and the others are set aside as duplicates, each naming the file kept and why it counts as newer.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from evaldesk.app.importing import same_department
from evaldesk.exchange.summary_data import (
    DATA_CHANGED, DUPLICATE, FINGERPRINT_CHANGED, OTHER_TEMPLATE, OTHER_YEAR, FileScore, SetAside, SheetShape,
    Summary, Unreadable, shown_text,
)


def arrange(folder: str, scored: list[FileScore], unreadable: list[Unreadable], shapes: dict[str, SheetShape],
            year: int | None, *, files_seen: int) -> Summary:
    scored = sorted(scored, key=lambda row: row.path)
    if year is None and scored:
        # The year most files are for (the later one on a tie): the year the bureau is collecting.
        year = max(Counter(row.year for row in scored).items(), key=lambda item: (item[1], item[0]))[0]
    set_aside = [SetAside(OTHER_YEAR, row, f"{row.year}年度的报告（本次汇总 {year} 年度）")
                 for row in scored if row.year != year]
    this_year = [row for row in scored if row.year == year]
    # Never ranked on data changed after export: the program cannot tell what the department sent.
    for row in this_year:
        if row.fingerprint_status == FINGERPRINT_CHANGED:
            set_aside.append(SetAside(DATA_CHANGED, row, _changed_reason(row)))
    this_year = [row for row in this_year if row.fingerprint_status != FINGERPRINT_CHANGED]
    scoring = _usual_scoring(this_year, shapes)
    shape = _usual_shape(this_year, shapes, scoring)
    for row in this_year:
        if shapes[row.digest].scoring != scoring:
            set_aside.append(SetAside(OTHER_TEMPLATE, row, other_sheet_reason(shapes[row.digest], shape)))
    kept, duplicates = _without_duplicates([row for row in this_year if shapes[row.digest].scoring == scoring])
    set_aside += duplicates
    return Summary(folder, year, shape, _ranked(kept), set_aside,
                   sorted(unreadable, key=lambda bad: bad.path), files_seen, shapes=shapes)


def _changed_reason(row: FileScore) -> str:
    reason = ("数据在导出后被改动（数据指纹与导出时不符），改动后的数据不可信，未列入排名；请向部门核实，"
              "或请部门重新导出报送")
    if row.shown_changes:
        reason += "。" + shown_text(row).replace("按数据应为", "按改动后的数据为")
    return reason


def _usual_scoring(rows: list[FileScore], shapes: dict[str, SheetShape]) -> str | None:
    """What most files score with (sheets worded differently but scoring alike count as one)."""
    if not rows:
        return None
    counted = Counter(shapes[row.digest].scoring for row in rows)
    return max(counted.items(), key=lambda item: (item[1], item[0]))[0]


def _usual_shape(rows, shapes, scoring) -> SheetShape | None:
    """The most common version of the usual score sheet: its indicators head the 指标明细 columns."""
    counted = Counter(row.digest for row in rows if shapes[row.digest].scoring == scoring)
    if not counted:
        return None
    return shapes[max(counted.items(), key=lambda item: (item[1], item[0]))[0]]


def other_sheet_reason(other: SheetShape, usual: SheetShape) -> str:
    """Why a file's score sheet is not comparable with the usual one, naming what differs."""
    return (f"评分表“{other.template_name}”与本次汇总所用的“{usual.template_name}”评分内容不同"
            f"（{sheet_difference(other, usual)}），分数不可比，未列入排名")


def sheet_difference(other: SheetShape, usual: SheetShape, limit: int = 3) -> str:
    mine = {leaf.id: leaf for leaf in other.leaves}
    theirs = {leaf.id: leaf for leaf in usual.leaves}
    said = []
    missing = [leaf.path[-1] for leaf in usual.leaves if leaf.id not in mine]
    extra = [leaf.path[-1] for leaf in other.leaves if leaf.id not in theirs]
    if missing:
        said.append(f"缺少指标{_names(missing)}")
    if extra:
        said.append(f"多出指标{_names(extra)}")
    for leaf in other.leaves:
        same = theirs.get(leaf.id)
        if same is None:
            continue
        if same.weight != leaf.weight:
            said.append(f"指标“{leaf.path[-1]}”分值为 {_num(leaf.weight)} 分（汇总所用评分表为 {_num(same.weight)} 分）")
        elif same.rule != leaf.rule:
            said.append(f"指标“{leaf.path[-1]}”的评分规则不同")
    if not said and other.grade_bands != usual.grade_bands:
        bands = "、".join(f"{label}≥{_num(low)}" for label, low in other.grade_bands)
        said.append(f"等次划分不同（{bands}）")
    if not said:
        said.append("总分或其他评分设置不同")
    return "；".join(said[:limit]) + (f"；另有 {len(said) - limit} 处不同" if len(said) > limit else "")


def _names(names: list[str]) -> str:
    return "、".join(f"“{name}”" for name in names[:4]) + (f"等 {len(names)} 项" if len(names) > 4 else "")


def _num(value) -> str:
    from evaldesk.scoring.rules import num

    return num(value)


def _newness(row: FileScore) -> tuple:
    """Which of two files of one report is kept: a clean one over one with 错误 (a later file with 错误 never
    displaces a clean one), then the later 报告日期, then data vouched for by its fingerprint, then the later
    export time, then the later file time."""
    return (row.errors == 0, row.report_date, row.verified, row.exported_at, row.modified_ns)


def _without_duplicates(rows: list[FileScore]) -> tuple[list[FileScore], list[SetAside]]:
    """Newest first, each file either kept or set aside as a duplicate of a kept one. Files with the very same
    data count once first: the copy kept is one whose fingerprint vouches for it, a workbook (its visible sheets
    checked too) over a JSON, then the later export."""
    aside = []
    copies: dict[str, list[FileScore]] = {}
    for row in sorted(rows, key=lambda row: row.path):
        copies.setdefault(row.fingerprint, []).append(row)
    distinct = []
    for group in copies.values():
        best = max(group, key=_copy_preference)   # the first by name among equals
        distinct.append(best)
        aside += [SetAside(DUPLICATE, row, _why_older(row, best)) for row in group if row is not best]
    kept: list[FileScore] = []
    by_code: dict[str, list[FileScore]] = {}
    by_name: dict[str, list[FileScore]] = {}
    # Newest first; between files equally new, the first by name is kept.
    for row in sorted(sorted(distinct, key=lambda row: row.path), key=_newness, reverse=True):
        candidates = by_code.get(row.budget_code, []) + by_name.get(row.department, [])
        same = next((other for other in candidates if same_department(
            other.budget_code, other.department, row.budget_code, row.department)), None)
        if same is not None:
            aside.append(SetAside(DUPLICATE, row, _why_older(row, same)))
            continue
        kept.append(row)
        if row.budget_code:
            by_code.setdefault(row.budget_code, []).append(row)
        if row.department:
            by_name.setdefault(row.department, []).append(row)
    return kept, aside


def _copy_preference(row: FileScore) -> tuple:
    return (row.verified, not row.path.lower().endswith(".json"), row.exported_at, row.modified_ns)


def _why_older(row: FileScore, newer: FileScore) -> str:
    if row.fingerprint == newer.fingerprint:
        why = ("，采用有数据指纹可核验的那份" if newer.verified and not row.verified
               else "，采用工作簿（表上内容也已核对）" if row.path.lower().endswith(".json")
               and not newer.path.lower().endswith(".json") else "")
        return f"与“{newer.path}”数据完全相同（数据指纹 {row.fingerprint} 一致），只计一次{why}"
    if row.errors and not newer.errors:
        later = "（本文件的报告日期更晚）" if row.report_date > newer.report_date else ""
        return (f"同一部门同一年度的另一份报告，本文件审核有 {row.errors} 个错误{later}；汇总采用没有错误的"
                f"“{newer.path}”，请与部门核实哪一份是正式报送的")
    if newer.report_date != row.report_date:
        why = f"报告日期 {newer.report_date} 晚于本文件的 {row.report_date or '（未填）'}"
    elif newer.verified != row.verified:
        why = "报告日期相同，采用有数据指纹可核验的那份"
    elif newer.exported_at != row.exported_at and newer.exported_at:
        why = f"报告日期相同，导出时间 {_iso(newer.exported_at)} 晚于本文件的 {_iso(row.exported_at) or '（未记录）'}"
    elif newer.modified_ns != row.modified_ns:
        why = (f"报告日期相同，文件修改时间 {_when(newer.modified_ns)} 晚于本文件的 {_when(row.modified_ns)}")
    else:
        why = "报告日期与修改时间都相同，按文件名取后者"
    return f"同一部门同一年度的另一份报告，数据不同；汇总采用较新的“{newer.path}”（{why}），请与部门核实"


def _iso(text: str) -> str:
    return text.replace("T", " ")[:16]


def _when(ns: int) -> str:
    return datetime.fromtimestamp(ns // 1_000_000_000).strftime("%Y-%m-%d %H:%M")


def _ranked(rows: list[FileScore]) -> list[tuple[int | None, FileScore]]:
    """Best 总分 first, equal totals sharing a rank (1, 2, 2, 4); files still being scored last, unranked."""
    complete = sorted((row for row in rows if row.total is not None),
                      key=lambda row: (-row.total, row.budget_code, row.department, row.path))
    ranked: list[tuple[int | None, FileScore]] = []
    for position, row in enumerate(complete, 1):
        rank = ranked[-1][0] if ranked and ranked[-1][1].total == row.total else position
        ranked.append((rank, row))
    unscored = sorted((row for row in rows if row.total is None), key=lambda row: (row.department, row.path))
    return ranked + [(None, row) for row in unscored]
