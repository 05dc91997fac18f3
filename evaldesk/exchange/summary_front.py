"""The summary workbook's first sheet, 汇总说明: one A4 page the head of the bureau reads and signs.

Region and year in the title, 编制单位 and date; how many files came in and what became of each of them; the
average, median, highest and lowest 总分; the departments per 等次; the departments whose files need a look
(错误 in the audit, figures changed on the sheets, data changed after export); who has not sent a file (when
the bureau gave its list); and the lines to sign.
"""

from __future__ import annotations

import statistics
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

from openpyxl.worksheet.worksheet import Worksheet

from evaldesk.exchange.summary_data import (
    DATA_CHANGED, DUPLICATE, OTHER_TEMPLATE, OTHER_YEAR, SHOWN_CHANGED, Summary, check_reasons,
)
from evaldesk.exchange.summary_layout import FLAG, HEADER_FILL
from evaldesk.exchange.workbook_cells import BOLD, CENTER, TITLE, Cells, fit_row, merge, page_setup, set_widths

WIDTHS = [16, 22, 16, 16, 16, 16]          # six columns across a portrait A4 page
SPAN = sum(WIDTHS)
LISTED = 25                                 # departments named in one list before “等 N 个”


def write_front_sheet(ws: Worksheet, cells: Cells, summary: Summary, title: str, made: str) -> None:
    ws.title = "汇总说明"
    set_widths(ws, WIDTHS)
    line = _Lines(ws, cells)
    line.title(title)
    line.plain(f"编制单位：{summary.bureau or '＿＿＿＿＿＿＿＿'}　　编制日期：{made[:10]}", center=True)
    line.gap()
    line.heading("一、收到的文件")
    for text in _counts(summary):
        line.plain(text)
    line.gap()
    line.heading("二、总分与等次")
    totals = [row.total for _rank, row in summary.ranked if row.total is not None]
    if totals:
        line.table(["平均分", "中位数", "最高分", "最低分", "已评完的部门", "未评完的部门"],
                   [_two(statistics.mean(totals)), _two(statistics.median(totals)), _two(max(totals)),
                    _two(min(totals)), len(totals), len(summary.ranked) - len(totals)])
    grades = list(summary.shape.grades) if summary.shape else []
    counted = Counter(row.grade or "待定" for _rank, row in summary.ranked)
    if counted.get("待定"):
        grades.append("待定")
    if grades:
        shares = [f"{counted.get(grade, 0)} 个（{_share(counted.get(grade, 0), len(summary.ranked))}）" for grade in grades]
        line.table([f"评为“{grade}”" for grade in grades][:6], shares[:6])
    line.gap()
    line.heading("三、需要核对的部门")
    flagged = _flagged(summary)
    if flagged:
        for name, why in flagged[:LISTED]:
            line.plain(f"{name}：{why}", flag=True)
        if len(flagged) > LISTED:
            line.plain(f"另有 {len(flagged) - LISTED} 个，见“问题文件”表")
    else:
        line.plain("没有：各部门文件的数据与导出时一致，表上内容与数据一致，审核没有错误。")
    if summary.expected is not None:
        line.gap()
        line.heading(f"四、应报部门（名单：{summary.expected_source}，共 {len(summary.expected)} 个）")
        line.plain(f"未报送（{len(summary.missing)} 个）：" + (_names(summary.missing) or "无"),
                   flag=bool(summary.missing))
        if summary.received:
            line.plain(f"已报送但未列入排名（{len(summary.received)} 个）：" + _names(list(summary.received)))
        if summary.unexpected:
            line.plain(f"不在应报名单上、已列入排名（{len(summary.unexpected)} 个）："
                       + _names([row.department or row.path for row in summary.unexpected]))
    line.gap()
    line.plain("排名见“汇总”表，各指标得分见“指标明细”表，未列入排名和需要核对的文件见“问题文件”表。"
               "总分均由本程序按各文件的数据重新计算，不采用文件自报的分数。")
    line.gap()
    line.plain("经办人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　负责人：＿＿＿＿＿＿　　（盖章）　　　年　　月　　日")
    page_setup(ws, None, title)
    ws.page_setup.fitToHeight = 1    # one page to sign


def _counts(summary: Summary) -> list[str]:
    aside = Counter(entry.kind for entry in summary.set_aside)
    kinds = [f"{kind} {aside[kind]} 个" for kind in (DUPLICATE, OTHER_YEAR, OTHER_TEMPLATE, DATA_CHANGED) if aside[kind]]
    broken, others = len(summary.broken), len(summary.not_reports)
    texts = [f"文件夹中共 {summary.files_seen} 个文件：列入排名 {len(summary.ranked)} 个部门；"
             f"未列入排名 {len(summary.set_aside)} 个" + (f"（{'，'.join(kinds)}）" if kinds else "")
             + f"；无法读取 {broken} 个；不是报送文件 {others} 个（如旧版 .xls、压缩包、Word、PDF、图片）。"]
    if summary.files_seen != len(summary.ranked) + len(summary.set_aside) + broken + others:   # never: said if so
        texts.append("注意：文件数与各类之和不符，请与程序提供方联系。")
    return texts


def _flagged(summary: Summary) -> list[tuple[str, str]]:
    out = []
    for _rank, row in summary.ranked:
        whats = []
        if row.errors:
            whats.append(f"审核有 {row.errors} 个错误")
        if row.shown_status == SHOWN_CHANGED:
            whats.append(f"表上有 {row.shown_change_count} 处内容与数据不符（已按数据计分）")
        if whats and check_reasons(row):
            out.append((row.department or row.path, "，".join(whats)))
    for entry in summary.set_aside:
        if entry.kind == DATA_CHANGED:
            out.append((entry.file.department or entry.file.path, "数据在导出后被改动，未列入排名"))
    return out


def _names(names: list[str]) -> str:
    shown = "、".join(names[:LISTED * 2])
    return shown + (f" 等 {len(names)} 个" if len(names) > LISTED * 2 else "")


def _two(value) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _share(part: int, whole: int) -> str:
    if not whole:
        return "0%"
    return f"{(Decimal(part) * 100 / whole).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


class _Lines:
    """Writes the page top to bottom, each text across the six columns with a row tall enough for it."""

    def __init__(self, ws: Worksheet, cells: Cells):
        self.ws, self.cells, self.row = ws, cells, 0

    def title(self, text: str) -> None:
        self.row += 1
        self.cells.text(self.ws, self.row, 1, text, font=TITLE, align=CENTER, border=False)
        merge(self.ws, self.row, 1, self.row, len(WIDTHS), border=False)
        fit_row(self.ws, self.row, text, SPAN, font=TITLE, minimum=30)

    def heading(self, text: str) -> None:
        self.plain(text, font=BOLD)

    def plain(self, text: str, *, font=None, center: bool = False, flag: bool = False) -> None:
        self.row += 1
        kwargs = {"font": font} if font is not None else {}
        if center:
            kwargs["align"] = CENTER
        cell = self.cells.text(self.ws, self.row, 1, text, border=False, **kwargs)
        if flag:
            cell.fill = FLAG
        merge(self.ws, self.row, 1, self.row, len(WIDTHS), border=False)
        fit_row(self.ws, self.row, text, SPAN, minimum=20)

    def gap(self) -> None:
        self.row += 1
        self.ws.row_dimensions[self.row].height = 8

    def table(self, names: list[str], values: list) -> None:
        self.row += 1
        for column, name in enumerate(names, 1):
            self.cells.text(self.ws, self.row, column, name, font=BOLD, align=CENTER).fill = HEADER_FILL
        self.row += 1
        for column, value in enumerate(values, 1):
            if isinstance(value, (int, Decimal)):
                self.cells.number(self.ws, self.row, column, value, number_format="0.00" if isinstance(value, Decimal) else "0")
            else:
                self.cells.text(self.ws, self.row, column, value, align=CENTER)
        self.ws.row_dimensions[self.row].height = 20
