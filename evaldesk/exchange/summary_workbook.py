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
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from evaldesk.exchange.summary_data import (
    CLAIM_DIFFERS, DATA_CHANGED, DUPLICATE, FINGERPRINT_NONE, NOT_A_REPORT, OTHER_TEMPLATE, OTHER_YEAR,
    SHOWN_CHANGED, TO_CHECK, UNREADABLE, FileScore, Summary,
)
from evaldesk.exchange.summary_detail import write_detail_sheet, write_grades_sheet
from evaldesk.exchange.summary_front import write_front_sheet
from evaldesk.exchange.summary_layout import FLAG, header, heading, landscape
from evaldesk.exchange.workbook_cells import CENTER, Cells, fit_row, set_widths
from evaldesk.files import write_atomic

SUMMARY_MARK = "evaldesk-summary"
NO_WRAP = Alignment(horizontal="left", vertical="center", wrap_text=False)
SUMMARY_SHEET, DETAIL_SHEET, GRADES_SHEET, PROBLEMS_SHEET = "汇总", "指标明细", "等次分布", "问题文件"
HEADER_ROW = 3                                       # rows 1–2: title and where the files came from


def write_summary_workbook(summary: Summary, path: Path) -> None:
    """Build the workbook and write it to ``path`` atomically (WriteFailed leaves an old file untouched)."""
    write_atomic(Path(path), summary_workbook_bytes(summary))


def summary_workbook_bytes(summary: Summary) -> bytes:
    workbook = Workbook()
    cells = Cells()
    made = datetime.now().strftime("%Y-%m-%d %H:%M")
    write_front_sheet(workbook.active, cells, summary, title(summary), made)
    write_summary_sheet(workbook.create_sheet(SUMMARY_SHEET), cells, summary, made)
    write_detail_sheet(workbook.create_sheet(DETAIL_SHEET), cells, summary, title(summary))
    write_grades_sheet(workbook.create_sheet(GRADES_SHEET), cells, summary, title(summary))
    write_problems_sheet(workbook.create_sheet(PROBLEMS_SHEET), cells, summary, title(summary))
    # Marked as this program's summary: a later summary into the same folder knows it for what it is.
    workbook.properties.category = SUMMARY_MARK
    workbook.properties.title = title(summary)
    workbook.properties.creator = "evaldesk"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def title(summary: Summary) -> str:
    year = f"{summary.year}年度" if summary.year else ""
    return f"{summary.region}{year}部门整体支出绩效自评汇总表"


# The columns a reader needs, printed; then the clerk's details (score sheet, export time, file), not printed.
TRAILING = ["数据指纹", "文件所载总分", "导出时间", "评分表", "文件"]
TRAILING_WIDTHS = [13, 10, 17, 34, 40]


def write_summary_sheet(ws: Worksheet, cells: Cells, summary: Summary, made: str) -> None:
    ws.title = SUMMARY_SHEET
    roots = summary.shape.roots if summary.shape else ()
    usual = summary.shape.template_name if summary.shape else ""
    names = (["排名", "部门名称", "预算编码"] + [f"{name}\n（{_num(weight)}分）" for _id, name, weight in roots]
             + ["总分", "等次", "错误", "警告", "提示", "核对", "备注"])
    department_width = _department_width(summary)
    widths = [6, department_width, 11] + [9] * len(roots) + [8, 7, 6, 6, 6, 12, 30]
    printed = len(names)
    names += TRAILING
    widths += TRAILING_WIDTHS
    heading(ws, cells, title(summary), _subtitle(summary, made), printed)
    header(ws, cells, HEADER_ROW, names)
    ws.row_dimensions[HEADER_ROW].height = 32
    for offset, (rank, row) in enumerate(summary.ranked, 1):
        line = HEADER_ROW + offset
        at = _Row(ws, cells, line, widths)
        at.number(rank)
        at.text(row.department or "（未填部门名称）")
        at.text(row.budget_code)
        for root_id, _name, _weight in roots:
            at.number(row.roots.get(root_id), "0.00")
        at.number(row.total, "0.00")
        at.text(row.grade or "待定", align=CENTER, fill=GRADE_FILLS.get(row.grade))
        at.number(row.errors, flag=bool(row.errors))
        at.number(row.warnings)
        at.number(row.infos)
        check = _check(row)
        at.text(check, align=CENTER, flag=check != "一致")
        at.text(_remarks(row))
        at.text(row.fingerprint_status, fit=False)
        claimed = _decimal(row.claimed_total)   # a figure, unless the file states something else
        if claimed is not None:
            at.number(claimed, "0.00")
        else:
            at.text(row.claimed_total, fit=False)
        at.text(row.exported_at.replace("T", " "), fit=False)
        template = summary_template_name(row, summary)
        at.text(template if template != usual else "同上" if offset > 1 else template, fit=False)
        at.text(row.path, fit=False)
        if not ws.row_dimensions[line].height:
            ws.row_dimensions[line].height = 18
    last = HEADER_ROW + max(1, len(summary.ranked))
    if not summary.ranked:
        cells.text(ws, HEADER_ROW + 1, 1, "没有可汇总的报告（见“问题文件”）")
    set_widths(ws, widths)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=3)   # the header and the department stay in view
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(names))}{last}"
    landscape(ws, f"{HEADER_ROW}:{HEADER_ROW}", f"{title(summary)}　生成于 {made}")
    ws.print_area = f"A1:{get_column_letter(printed)}{last}"


def summary_template_name(row: FileScore, summary: Summary) -> str:
    shape = summary.shapes.get(row.digest)
    return shape.template_name if shape else (summary.shape.template_name if summary.shape else "")


def _department_width(summary: Summary) -> float:
    """As wide as the longest name (one line a row), between 20 and 40 units; longer names wrap."""
    from evaldesk.exchange.workbook_cells import display_width

    longest = max((display_width(row.department) for _rank, row in summary.ranked), default=20)
    return min(40, max(20, longest + 3)) * 1.0   # a column width (layout units), not a figure


def _check(row: FileScore) -> str:
    """One word for the reader: 一致, or what is wrong (the 备注 and 问题文件 say more)."""
    if row.shown_status == SHOWN_CHANGED:
        return "表上被改动"
    if row.claim == CLAIM_DIFFERS:
        return "总分不符"
    if row.fingerprint_status == FINGERPRINT_NONE:
        return "无指纹"
    return "一致"


GRADE_FILLS = {"优秀": PatternFill("solid", fgColor="E2EFDA"), "差": PatternFill("solid", fgColor="FCE4D6")}


def _subtitle(summary: Summary, made: str) -> str:
    return (f"共收到 {summary.files_seen} 个文件，{len(summary.ranked)} 个部门列入排名（按总分排列，同分同名次）；"
            f"未列入排名和需要核对的文件见“{PROBLEMS_SHEET}”。总分按各文件数据重新计算。生成于 {made}。")


def _remarks(row: FileScore) -> str:
    notes = []
    if row.total is None:
        notes.append(f"评分未完成（尚有 {row.pending} 项未评分，已评 {_num(row.partial_total)} 分），未排名")
    if row.errors:
        notes.append(f"审核有 {row.errors} 个错误")
    if row.shown_status == SHOWN_CHANGED:
        notes.append(f"表上有 {row.shown_change_count} 处与数据不符，按数据计分")
    if row.claim == CLAIM_DIFFERS:
        notes.append("文件所载总分与重新计算的不符")
    return "；".join(notes)


class _Row:
    """Writes one row left to right, so the columns above and the values here cannot drift apart."""

    def __init__(self, ws: Worksheet, cells: Cells, row: int, widths: list[float]):
        self.ws, self.cells, self.row, self.column, self.widths = ws, cells, row, 0, widths

    def text(self, value: str, *, align=None, flag: bool = False, fill=None, fit: bool = True) -> None:
        self.column += 1
        kwargs = {"align": align} if align is not None else {}
        cell = self.cells.text(self.ws, self.row, self.column, value, **kwargs)
        if value and fit:
            fit_row(self.ws, self.row, value, self.widths[self.column - 1])  # Excel does not grow wrapped rows
        elif value:
            cell.alignment = NO_WRAP   # a detail column: one line, the cell shows what fits
        if flag or fill is not None:
            cell.fill = FLAG if flag else fill

    def number(self, value, number_format: str = "0", *, flag: bool = False) -> None:
        self.column += 1
        cell = self.cells.number(self.ws, self.row, self.column, value, number_format=number_format)
        if flag:
            cell.fill = FLAG


def write_problems_sheet(ws: Worksheet, cells: Cells, summary: Summary, sheet_title: str) -> None:
    names = ["类别", "文件", "年度", "部门名称", "预算编码", "说明"]
    widths = [11, 36, 6, 26, 11, 72]
    heading(ws, cells, f"{sheet_title} · 问题文件",
            "需要核对的文件（数据被改动的未列入排名）、无法读取或不是报送文件的、重复、其他年度或其他评分表的文件"
            "（未列入排名）" + ("，以及应报而未报送、不在应报名单上的部门" if summary.expected is not None else ""),
            len(names))
    header(ws, cells, HEADER_ROW, names)
    line = HEADER_ROW
    aside = {kind: [(entry.file.path, entry.file, entry.reason) for entry in summary.set_aside if entry.kind == kind]
             for kind in _KIND_ORDER}
    groups = [(DATA_CHANGED, aside[DATA_CHANGED]),
              (TO_CHECK, [(row.path, row, reason) for row, reason in summary.to_check]),
              (UNREADABLE, [(bad.path, None, bad.reason) for bad in summary.broken]),
              (NOT_A_REPORT, [(bad.path, None, bad.reason) for bad in summary.not_reports])]
    groups += [(kind, aside[kind]) for kind in _KIND_ORDER if kind != DATA_CHANGED]
    if summary.expected is not None:
        groups.append(("未报送", [("", None, f"应报部门名单“{summary.expected_source}”中有此部门，文件夹中没有它"
                                          f"{summary.year or ''}年度的报送文件", name) for name in summary.missing]))
        groups.append(("不在名单", [(row.path, row, "已列入排名，但部门不在应报名单上（名称或预算编码不符？）")
                                  for row in summary.unexpected]))
    for kind, entries in groups:
        for entry in sorted(entries, key=lambda entry: (entry[0], entry[-1] if len(entry) > 3 else "")):
            path, row, reason = entry[:3]
            line += 1
            at = _Row(ws, cells, line, widths)
            at.text(kind, align=CENTER, flag=kind in (DATA_CHANGED, TO_CHECK))
            at.text(path)
            at.number(row.year if row else None)
            at.text(row.department if row else (entry[3] if len(entry) > 3 else ""))
            at.text(row.budget_code if row else "")
            at.text(reason)
    if line == HEADER_ROW:
        cells.text(ws, HEADER_ROW + 1, 1, "没有问题文件")
        line += 1
    set_widths(ws, widths)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:F{line}"
    landscape(ws, f"{HEADER_ROW}:{HEADER_ROW}", sheet_title)


_KIND_ORDER = [DATA_CHANGED, DUPLICATE, OTHER_YEAR, OTHER_TEMPLATE]


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except ArithmeticError:
        return None


def _num(value) -> str:
    from evaldesk.scoring.rules import num

    return num(value)
