"""The bureau's summary workbook: 汇总 (one row per department, ranked), 指标明细, 等次分布 (with charts) and
问题文件. Written like the bureau workbook: figures as numbers, every text as text (never a formula), atomically.
Format: ``docs/summary.md``.
"""

from __future__ import annotations

import io
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from evaldesk.exchange.summary_data import (
    CLAIM_DIFFERS, DUPLICATE, FINGERPRINT_CHANGED, OTHER_TEMPLATE, OTHER_YEAR, TO_CHECK, FileScore, Summary,
)
from evaldesk.exchange.summary_detail import write_detail_sheet, write_grades_sheet
from evaldesk.exchange.summary_layout import FLAG, header, heading, landscape
from evaldesk.exchange.workbook_cells import CENTER, Cells, fit_row, set_widths
from evaldesk.files import write_atomic

SUMMARY_SHEET, DETAIL_SHEET, GRADES_SHEET, PROBLEMS_SHEET = "汇总", "指标明细", "等次分布", "问题文件"
HEADER_ROW = 3                                       # rows 1–2: title and where the files came from


def write_summary_workbook(summary: Summary, path: Path) -> None:
    """Build the workbook and write it to ``path`` atomically (WriteFailed leaves an old file untouched)."""
    write_atomic(Path(path), summary_workbook_bytes(summary))


def summary_workbook_bytes(summary: Summary) -> bytes:
    workbook = Workbook()
    cells = Cells()
    made = datetime.now().strftime("%Y-%m-%d %H:%M")
    write_summary_sheet(workbook.active, cells, summary, made)
    write_detail_sheet(workbook.create_sheet(DETAIL_SHEET), cells, summary, title(summary))
    write_grades_sheet(workbook.create_sheet(GRADES_SHEET), cells, summary, title(summary))
    write_problems_sheet(workbook.create_sheet(PROBLEMS_SHEET), cells, summary, title(summary))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def title(summary: Summary) -> str:
    year = f"{summary.year}年度" if summary.year else ""
    return f"{year}部门整体支出绩效自评汇总表"


def write_summary_sheet(ws: Worksheet, cells: Cells, summary: Summary, made: str) -> None:
    ws.title = SUMMARY_SHEET
    roots = summary.shape.roots if summary.shape else ()
    names = (["排名", "年度", "部门名称", "预算编码", "评分表"] + [f"{name}\n（{_num(weight)}分）" for _id, name, weight in roots]
             + ["总分", "等次", "错误", "警告", "提示", "数据指纹", "文件所载总分", "总分核对", "文件", "备注"])
    widths = [6, 6, 28, 12, 34] + [9] * len(roots) + [8, 7, 6, 6, 6, 13, 10, 9, 30, 30]
    heading(ws, cells, title(summary), _subtitle(summary, made), len(names))
    header(ws, cells, HEADER_ROW, names)
    ws.row_dimensions[HEADER_ROW].height = 32
    for offset, (rank, row) in enumerate(summary.ranked, 1):
        line = HEADER_ROW + offset
        at = _Row(ws, cells, line, widths)
        at.number(rank)
        at.number(row.year)
        at.text(row.department or "（未填部门名称）")
        at.text(row.budget_code)
        at.text(summary.shape.template_name if summary.shape else "")
        for root_id, _name, _weight in roots:
            at.number(row.roots.get(root_id), "0.00")
        at.number(row.total, "0.00")
        at.text(row.grade or "待定", align=CENTER)
        at.number(row.errors)
        at.number(row.warnings)
        at.number(row.infos)
        at.text(row.fingerprint_status, flag=row.fingerprint_status == FINGERPRINT_CHANGED)
        claimed = _decimal(row.claimed_total)   # a figure, unless the file states something else
        if claimed is not None:
            at.number(claimed, "0.00")
        else:
            at.text(row.claimed_total)
        at.text(row.claim, flag=row.claim == CLAIM_DIFFERS)
        at.text(row.path)
        at.text(_remarks(row))
    last = HEADER_ROW + max(1, len(summary.ranked))
    if not summary.ranked:
        cells.text(ws, HEADER_ROW + 1, 1, "没有可汇总的报告（见“问题文件”）")
    set_widths(ws, widths)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=4)   # the header and the department stay in view
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(names))}{last}"
    landscape(ws, f"{HEADER_ROW}:{HEADER_ROW}", f"{title(summary)}　生成于 {made}")


def _subtitle(summary: Summary, made: str) -> str:
    counted = (f"文件夹：{summary.folder}　共读取 {summary.files_seen} 个文件，汇总 {len(summary.ranked)} 个部门；"
               f"另有 {len(summary.set_aside)} 个文件未列入排名、{len(summary.unreadable)} 个文件无法读取"
               f"（见“{PROBLEMS_SHEET}”）。生成于 {made}，总分按各文件数据重新计算。")
    return counted


def _remarks(row: FileScore) -> str:
    notes = []
    if row.total is None:
        notes.append(f"评分未完成（尚有 {row.pending} 项未评分，已评 {_num(row.partial_total)} 分），未排名")
    if row.errors:
        notes.append(f"审核有 {row.errors} 个错误")
    if row.fingerprint_status == FINGERPRINT_CHANGED:
        notes.append("数据在导出后被改动")
    if row.claim == CLAIM_DIFFERS:
        notes.append("文件所载总分与重新计算的不符")
    return "；".join(notes)


class _Row:
    """Writes one row left to right, so the columns above and the values here cannot drift apart."""

    def __init__(self, ws: Worksheet, cells: Cells, row: int, widths: list[float]):
        self.ws, self.cells, self.row, self.column, self.widths = ws, cells, row, 0, widths

    def text(self, value: str, *, align=None, flag: bool = False) -> None:
        self.column += 1
        kwargs = {"align": align} if align is not None else {}
        cell = self.cells.text(self.ws, self.row, self.column, value, **kwargs)
        if value:
            fit_row(self.ws, self.row, value, self.widths[self.column - 1])  # Excel does not grow wrapped rows
        if flag:
            cell.fill = FLAG

    def number(self, value, number_format: str = "0") -> None:
        self.column += 1
        self.cells.number(self.ws, self.row, self.column, value, number_format=number_format)


def write_problems_sheet(ws: Worksheet, cells: Cells, summary: Summary, sheet_title: str) -> None:
    names = ["类别", "文件", "年度", "部门名称", "预算编码", "说明"]
    widths = [10, 36, 6, 28, 12, 70]
    heading(ws, cells, f"{sheet_title} · 问题文件",
            "无法读取的文件、重复的报告、其他年度或其他评分表的文件（未列入排名），以及需要核对的文件（已列入排名）", len(names))
    header(ws, cells, HEADER_ROW, names)
    line = HEADER_ROW
    groups = [("无法读取", [(bad.path, None, bad.reason) for bad in summary.unreadable])]
    for kind in sorted({aside.kind for aside in summary.set_aside}, key=_KIND_ORDER.index):
        groups.append((kind, [(aside.file.path, aside.file, aside.reason)
                              for aside in summary.set_aside if aside.kind == kind]))
    groups.append((TO_CHECK, [(row.path, row, reason) for row, reason in summary.to_check]))
    for kind, entries in groups:
        for path, row, reason in sorted(entries, key=lambda entry: entry[0]):
            line += 1
            at = _Row(ws, cells, line, widths)
            at.text(kind, align=CENTER)
            at.text(path)
            at.number(row.year if row else None)
            at.text(row.department if row else "")
            at.text(row.budget_code if row else "")
            at.text(reason)
    if line == HEADER_ROW:
        cells.text(ws, HEADER_ROW + 1, 1, "没有问题文件")
        line += 1
    set_widths(ws, widths)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:F{line}"
    landscape(ws, f"{HEADER_ROW}:{HEADER_ROW}", sheet_title)


_KIND_ORDER = [DUPLICATE, OTHER_YEAR, OTHER_TEMPLATE]


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except ArithmeticError:
        return None


def _num(value) -> str:
    from evaldesk.scoring.rules import num

    return num(value)
