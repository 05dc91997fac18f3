"""The workbook's second sheet, “评分表”: the score sheet laid out like 附件3-1.

Columns A–G are the paper's (一级 | 二级 | 三级指标 | 评分标准 | 分值 | 自评得分 | 扣分原因和其他说明); H and I add
the 二级 and 一级 subtotals, merged down their blocks like the 一级/二级 names, so a reader sees every subtotal as a
number without extra rows breaking the table. A shared cell (经济效益/社会效益/生态效益) is one 分值 and one 自评得分
merged over its rows; consecutive indicators with the same 评分标准 share one merged 评分标准 cell, as on paper.

Only A–G print (the paper's columns at the paper's scale); a 二级 block is never cut by a page break when it fits
on a page, so no page starts under blank merged 一级/二级 cells. A 扣分原因 too long for the indicator's rows (Excel
stops a row at 409 points) runs on over rows of its own, a piece of it per row, without a rule between them.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from evaldesk.exchange.workbook_cells import (
    BOLD, CENTER, FONT, HEADING, LEFT, LINE_HEIGHT, RIGHT, SMALL, TITLE, TOP_LEFT, Cells, fit_row, fit_span,
    footer, lines_needed, merge, page_setup, row_pieces, set_widths, span_width, style,
)
from evaldesk.exchange.workbook_pages import (
    close_boxes_at_breaks, join_to_row_above, one_line, paginate, repeat_merged_labels,
)
from evaldesk.model.report import Report
from evaldesk.model import wording
from evaldesk.model.layout import cover_text
from evaldesk.scoring.engine import SheetResult
from evaldesk.scoring.report_text import score_text
from evaldesk.scoring.template import Indicator

SHEET_NAME = "评分表"
HEADERS = wording.SHEET_HEAD + ("二级指标得分", "一级指标得分")
# In digits of 11-pt 宋体 (8 px), the default font: as wide on paper as they were in Calibri's 7-px digits.
WIDTHS = [9.6, 9.6, 14.0, 36.8, 6.2, 7.0, 21.0, 7.0, 7.0]
LAST = len(WIDTHS)
PRINTED = len(wording.SHEET_HEAD)   # A–G, the paper's columns; H and I (subtotals) stay off the printed page
SCORE_FORMAT = "General"  # scores show as many decimals as they have: 5, 0.5, 2.92, 92.5
HEADER_ROW = 4


def _group_label(indicator: Indicator) -> str:
    return wording.WEIGHTED.format(name=indicator.name, weight=score_text(indicator.weight))


class ScoreSheet:
    def __init__(self, ws: Worksheet, report: Report, sheet: SheetResult, cells: Cells, fingerprint: str):
        self.ws, self.report, self.sheet, self.cells, self.fingerprint = ws, report, sheet, cells, fingerprint
        self.template = sheet.template
        self.blocks: list[tuple[int, int]] = []   # each 二级 block's rows: on one page, or continued under its labels
        self.leaves: list[tuple[int, int]] = []   # each indicator's rows (one 分值, one 自评得分): never cut
        self.joined: set[int] = set()             # rows continuing a long 扣分原因 (no rule above them)

    def text(self, row, col, value, where, *, last_row=None, last_col=None, font=FONT, align=LEFT, fit=True):
        self.cells.block(self.ws, row, col, value, WIDTHS, last_row=last_row, last_col=last_col,
                         where=f"{SHEET_NAME} · {where}", font=font, align=align, fit=fit)

    def number(self, row, col, value, *, last_row=None, font=FONT):
        self.cells.number(self.ws, row, col, value, number_format=SCORE_FORMAT, font=font)
        style(self.ws.cell(row, col), font, CENTER)
        merge(self.ws, row, col, last_row or row, col)

    def write(self) -> None:
        ws, template = self.ws, self.template
        set_widths(ws, WIDTHS)
        cover = template.cover
        label = cover_text(self.report, "sheet_attachment")
        shown = one_line(label, WIDTHS[0] - 2)   # row 1 repeats on every page: one line in A
        self.cells.text(ws, 1, 1, shown, where="评分表 · 附件标签", font=BOLD, border=False)
        if shown != label:   # written whole once, in the row between the title and the table's header
            self.cells.text(ws, HEADER_ROW - 1, 1, label, where="评分表 · 附件标签", font=BOLD, border=False)
            ws.merge_cells(start_row=HEADER_ROW - 1, start_column=1, end_row=HEADER_ROW - 1, end_column=PRINTED)
            fit_row(ws, HEADER_ROW - 1, label, span_width(WIDTHS, 1, PRINTED))
        head = one_line(self.report.department, span_width(WIDTHS, 3, PRINTED) - 12)   # one line, as on 自评报告
        self.cells.text(ws, 1, 3, f"{head}　{self.report.year}年度", where="评分表 · 页眉",
                        font=SMALL, align=RIGHT, border=False)
        ws.merge_cells(start_row=1, start_column=3, end_row=1, end_column=PRINTED)
        self.cells.text(ws, 2, 1, cover["sheet_title"], where="评分表 · 标题", font=TITLE, align=CENTER,
                        border=False)
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=PRINTED)
        ws.row_dimensions[2].height = 36
        for col, header in enumerate(HEADERS, 1):
            self.text(HEADER_ROW, col, header, "表头", font=BOLD, align=CENTER)
        row = self.indicators(HEADER_ROW + 1)
        self.leaves.append((row - 1, row + 3))   # the footnote stays with 总分 and the last indicator's last row
        row = self.totals(row)
        ws.row_dimensions[row].height = 3   # a little space under the table (4 pt on the PDF), not a whole line
        self.cells.text(ws, row + 1, 1, cover["sheet_footnote"], where="评分表 · 备注", border=False)
        ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=PRINTED)
        fit_row(ws, row + 1, cover["sheet_footnote"], sum(WIDTHS[:PRINTED]))
        page_setup(ws, f"{HEADER_ROW}:{HEADER_ROW}", footer(self.report, self.fingerprint))
        ws.print_area = f"A1:{get_column_letter(PRINTED)}{row + 1}"
        def plan() -> list[int]:
            return paginate(ws, WIDTHS[:PRINTED], first=HEADER_ROW + 1, last=row + 1, title_rows=(HEADER_ROW,),
                            keeps=self.leaves, loose=self.blocks)

        starts = plan()
        for _ in range(3):   # rows only grow, so the pages settle in a pass or two
            if not self.room_for_repeated_labels(starts):
                break
            starts = plan()
        # The 一级/二级 and 三级 names and a shared 评分标准 start a page again; H and I do not print.
        repeat_merged_labels(ws, starts, (1, 2, 3, 4), figures=(5, 6))
        close_boxes_at_breaks(ws, starts, self.joined, PRINTED)
        ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
        ws.sheet_view.showGridLines = False

    def room_for_repeated_labels(self, starts: list[int]) -> bool:
        """A label cut by a page break (a 评分标准 shared by several indicators, a 一级/二级 name) is written whole
        again on the next page over fewer rows: make those rows tall enough to show it. Whether a row grew (the
        pages must then be planned again)."""
        grew = False
        for merged in self.ws.merged_cells.ranges:
            col = merged.min_col
            if col > 4 or col != merged.max_col:
                continue
            cuts = [row for row in starts if merged.min_row < row <= merged.max_row]
            text = str(self.ws.cell(merged.min_row, col).value or "")
            for first, after in zip(cuts, cuts[1:] + [merged.max_row + 1]):
                before = [self.ws.row_dimensions[r].height for r in range(first, after)]
                fit_span(self.ws, first, after - 1, text, WIDTHS[col - 1])
                grew = grew or before != [self.ws.row_dimensions[r].height for r in range(first, after)]
        return grew

    def indicators(self, top: int) -> int:
        """One row per printed indicator row — or, for a 扣分原因 longer than its rows can show, one row per piece
        of it; returns the next free row."""
        placed: list[tuple[Indicator, int, int]] = []  # leaf, first row, last row
        row = top
        for leaf in self.template.leaves:
            result = self.sheet.indicators[leaf.id]
            pieces = row_pieces(result.reason or "", WIDTHS[6])
            first, last = row, row + max(len(leaf.rows), len(pieces)) - 1
            self.names(leaf, first, last)
            self.number(first, 5, leaf.weight, last_row=last)
            self.number(first, 6, result.score, last_row=last)
            if len(pieces) == 1:
                self.text(first, 7, result.reason, f"{leaf.name} · 扣分原因", last_row=last)
                self.leaves.append((first, last))
            else:
                self.reason_rows(leaf, pieces, first, last)
            placed.append((leaf, first, last))
            row = last + 1
        self.standards(placed)
        for level, name_col, score_col in ((1, 1, LAST), (2, 2, LAST - 1)):
            self.groups(placed, level, name_col, score_col)
        return row

    def names(self, leaf: Indicator, first: int, last: int) -> None:
        """The indicator's printed names (经济效益/社会效益/生态效益), sharing its rows evenly."""
        count, rows = len(leaf.rows), last - first + 1
        for n, name in enumerate(leaf.rows):
            start, end = first + n * rows // count, first + (n + 1) * rows // count - 1
            self.text(start, 3, name, leaf.name, align=CENTER, last_row=end)
            for row in range(start, end + 1):
                fit_row(self.ws, row, "", 1, minimum=22)

    def reason_rows(self, leaf: Indicator, pieces: list[str], first: int, last: int) -> None:
        """A long 扣分原因 a piece per row, the rows joined without a rule so it reads as one cell; a page may
        break between them (the name and 评分标准 are written again there, the figures are not)."""
        # Each row can start a page, under the indicator's name and 评分标准 written again: room for them.
        lines = [lines_needed(name, WIDTHS[2]) for name in leaf.rows] + [lines_needed(leaf.standard, WIDTHS[3])]
        room = max(lines) * LINE_HEIGHT + 6
        for n, piece in enumerate(pieces):
            self.text(first + n, 7, piece, f"{leaf.name} · 扣分原因", align=TOP_LEFT)
        for row in range(first, last + 1):
            fit_row(self.ws, row, "", 1, minimum=room)
        for row in range(first + len(pieces), last + 1):   # fewer pieces than names: the cell runs on empty
            self.text(row, 7, "", f"{leaf.name} · 扣分原因")
        for row in range(first + 1, last + 1):
            join_to_row_above(self.ws, row, 7, 7)
            self.joined.add(row)
        self.leaves.append((first, first + 1))   # never the name alone at a page foot with one line of its reason

    def standards(self, placed) -> None:
        """评分标准, merged over consecutive indicators under the same parent that share the same text."""
        start = 0
        for i in range(1, len(placed) + 1):
            first = placed[start][0]
            if i < len(placed) and placed[i][0].parent == first.parent and placed[i][0].standard == first.standard:
                continue
            self.text(placed[start][1], 4, first.standard, f"{first.name} · 评分标准", last_row=placed[i - 1][2])
            start = i

    def groups(self, placed, level: int, name_col: int, score_col: int) -> None:
        """The 一级 (or 二级) name merged down its block, and its subtotal beside the table."""
        def ancestor(ind: Indicator) -> Indicator | None:
            while ind.level > level and ind.parent:
                ind = self.template.indicator(ind.parent)
            return ind if ind.level == level and not ind.is_leaf else None

        start = 0
        for i in range(1, len(placed) + 1):
            group = ancestor(placed[start][0])
            if i < len(placed) and ancestor(placed[i][0]) is group:
                continue
            first, last = placed[start][1], placed[i - 1][2]
            if level == 2:
                self.blocks.append((first, last))
            if group is None:
                self.text(first, name_col, "", "指标", last_row=last)
                self.number(first, score_col, None, last_row=last)
            else:
                self.text(first, name_col, _group_label(group), group.name, last_row=last, font=BOLD, align=CENTER)
                self.number(first, score_col, self.sheet.groups[group.id].score, last_row=last, font=BOLD)
            start = i

    def totals(self, row: int) -> int:
        sheet = self.sheet
        self.text(row, 1, wording.SHEET_TOTAL, "总分", last_col=4, font=BOLD, align=CENTER)
        self.number(row, 5, self.template.total, font=BOLD)
        self.number(row, 6, sheet.total, font=BOLD)
        self.text(row, 7, "" if sheet.complete else f"尚有 {len(sheet.pending)} 项未评分，总分未定", "总分",
                  last_col=PRINTED)
        fit_row(self.ws, row, "", 1, minimum=24)
        row += 1
        self.text(row, 1, wording.OVERALL_GRADE, "评价等次", last_col=4, font=BOLD, align=CENTER)
        self.text(row, 5, sheet.grade or "待定", "评价等次", last_col=PRINTED, font=HEADING, align=LEFT)
        fit_row(self.ws, row, "", 1, minimum=24)
        return row + 1
