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
    DUPLICATE, OTHER_TEMPLATE, OTHER_YEAR, FileScore, SetAside, SheetShape, Summary, Unreadable,
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
    template_id = _usual_template(this_year, shapes)
    shape = _usual_shape(this_year, shapes, template_id)
    for row in this_year:
        if shapes[row.digest].template_id != template_id:
            set_aside.append(SetAside(OTHER_TEMPLATE, row, f"评分表为“{shapes[row.digest].template_name}”，"
                                                          f"与多数文件所用的“{shape.template_name}”不同，分数不可比"))
    kept, duplicates = _without_duplicates([row for row in this_year if shapes[row.digest].template_id == template_id])
    set_aside += duplicates
    return Summary(folder, year, shape, _ranked(kept), set_aside,
                   sorted(unreadable, key=lambda bad: bad.path), files_seen)


def _usual_template(rows: list[FileScore], shapes: dict[str, SheetShape]) -> str | None:
    if not rows:
        return None
    counted = Counter(shapes[row.digest].template_id for row in rows)
    return max(counted.items(), key=lambda item: (item[1], item[0]))[0]


def _usual_shape(rows, shapes, template_id) -> SheetShape | None:
    """The most common version of the usual score sheet: its indicators head the 指标明细 columns."""
    counted = Counter(row.digest for row in rows if shapes[row.digest].template_id == template_id)
    if not counted:
        return None
    return shapes[max(counted.items(), key=lambda item: (item[1], item[0]))[0]]


def _newness(row: FileScore) -> tuple:
    return (row.report_date, row.modified_ns)


def _without_duplicates(rows: list[FileScore]) -> tuple[list[FileScore], list[SetAside]]:
    """Newest first, each file either kept or set aside as a duplicate of a kept one."""
    kept: list[FileScore] = []
    by_fingerprint: dict[str, FileScore] = {}
    by_code: dict[str, list[FileScore]] = {}
    by_name: dict[str, list[FileScore]] = {}
    aside = []
    # Newest first; between files equally new (exact copies keep the date), the first by name is kept.
    for row in sorted(sorted(rows, key=lambda row: row.path), key=_newness, reverse=True):
        same = by_fingerprint.get(row.fingerprint)
        if same is None:
            candidates = by_code.get(row.budget_code, []) + by_name.get(row.department, [])
            same = next((other for other in candidates if same_department(
                other.budget_code, other.department, row.budget_code, row.department)), None)
        if same is not None:
            aside.append(SetAside(DUPLICATE, row, _why_older(row, same)))
            continue
        kept.append(row)
        by_fingerprint[row.fingerprint] = row
        if row.budget_code:
            by_code.setdefault(row.budget_code, []).append(row)
        if row.department:
            by_name.setdefault(row.department, []).append(row)
    return kept, aside


def _why_older(row: FileScore, newer: FileScore) -> str:
    if row.fingerprint == newer.fingerprint:
        return f"与“{newer.path}”数据完全相同（数据指纹 {row.fingerprint} 一致），只计一次"
    if newer.report_date != row.report_date:
        why = f"报告日期 {newer.report_date} 晚于本文件的 {row.report_date or '（未填）'}"
    elif newer.modified_ns != row.modified_ns:
        why = (f"报告日期相同，文件修改时间 {_when(newer.modified_ns)} 晚于本文件的 {_when(row.modified_ns)}")
    else:
        why = "报告日期与修改时间都相同，按文件名取后者"
    return f"同一部门同一年度的另一份报告，数据不同；汇总采用较新的“{newer.path}”（{why}），请与部门核实"


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
