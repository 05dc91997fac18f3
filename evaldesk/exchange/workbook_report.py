"""The workbook's first sheet, “自评报告”: the report laid out like the paper form 附件2-1.

Eight columns: A holds the labels and the organisation names, B–H the figures of part 二 and, merged, the texts.
Figures are numbers with two decimals shown; a blank cell stays empty.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from evaldesk.exchange.workbook_cells import (
    BOLD, CENTER, FONT, HEADING, INTEGER_FORMAT, LEFT, LINE_HEIGHT, RIGHT, SMALL, TITLE, TOP_LEFT, Cells, fit_row,
    footer, merge, page_setup, paragraphs, set_widths, span_width, style,
)
from evaldesk.model.form import (
    FIELD_BY_KEY, GRIDS, LIST_BY_KEY, SECTION_BASIC, SECTION_FINANCE, SECTION_PEOPLE, SECTION_SELF,
    SECTION_SUMMARY, SUMMARY_ROW_LABEL, Grid, cell_key,
)
from evaldesk.model.report import Report
from evaldesk.model.totals import summary_row, unit_rows
from evaldesk.model.values import format_date_cn
from evaldesk.printing import labels
from evaldesk.scoring.engine import SheetResult

SHEET_NAME = "自评报告"
WIDTHS = [23.0, 11.0, 11.0, 11.0, 11.0, 11.0, 11.0, 11.0]
LAST = len(WIDTHS)
SCORE_FORMAT = "General"  # 92.5, 5, 2.92: as many decimals as the score has



def signature_block(opinion: str, signer: str | None) -> str:
    """One of part 四's signature blocks as the paper has it: room to write, the signer's line, the date.
    (A cell cannot right-align one line of several, so spaces push the signer and the date to the right.)"""
    lines = [opinion, "", ""]
    if signer:
        lines += [" " * 36 + signer, ""]
    return "\n".join(lines + [" " * 64 + labels.DATE_LINE])


class ReportSheet:
    def __init__(self, ws: Worksheet, report: Report, sheet: SheetResult, cells: Cells, fingerprint: str):
        self.ws, self.report, self.sheet, self.cells, self.fingerprint = ws, report, sheet, cells, fingerprint
        self.row = 1

    # ---- small building blocks
    def text(self, row, col, value, where, **style_args):
        return self.cells.text(self.ws, row, col, value, where=f"{SHEET_NAME} · {where}", **style_args)

    def block(self, row, first, last, value, where, *, font=FONT, align=LEFT, last_row=None, fit=True):
        """A text over columns first…last (and rows row…last_row), framed, tall enough to read."""
        self.cells.block(self.ws, row, first, value, WIDTHS, last_row=last_row, last_col=last,
                         where=f"{SHEET_NAME} · {where}", font=font, align=align, fit=fit)

    def heading(self, title: str) -> None:
        self.block(self.row, 1, LAST, title, title, font=HEADING)
        self.ws.row_dimensions[self.row].height = 24
        self.row += 1

    def labelled(self, label: str, value, where: str | None = None, *, align=LEFT) -> None:
        """Label in A, the value over B…H."""
        self.block(self.row, 1, 1, label, label, font=BOLD, align=CENTER)
        self.block(self.row, 2, LAST, value, where or label, align=align)
        fit_row(self.ws, self.row, "", WIDTHS[0], minimum=22)
        self.row += 1

    def listed(self, label: str, lines: list[str], where: str) -> None:
        """Label in A merged down the side of one row per line (one empty row when there is none)."""
        lines = lines or [""]
        first = self.row
        for line in lines:
            self.block(self.row, 2, LAST, line, where, align=TOP_LEFT)
            fit_row(self.ws, self.row, "", 1, minimum=20)
            self.row += 1
        self.block(first, 1, 1, label, label, font=BOLD, align=CENTER, last_row=self.row - 1)

    def field(self, key: str) -> str:
        return self.report.text(key)

    # ---- the form, top to bottom
    def write(self) -> None:
        set_widths(self.ws, WIDTHS)
        self.running_head()
        self.cover()
        self.basic()
        self.finance()
        self.self_evaluation()
        self.people()
        self.summary()
        page_setup(self.ws, "1:1", footer(self.report, self.fingerprint))
        self.ws.sheet_view.showGridLines = False

    def running_head(self) -> None:
        """Row 1, repeated on every printed page: the attachment label, the department, the year."""
        cover = self.report.template.cover
        self.text(1, 1, cover["report_attachment"], "附件标签", font=BOLD, border=False)
        self.text(1, 3, f"{self.report.department}　{self.report.year}年度", "页眉", font=SMALL, align=RIGHT,
                  border=False)
        self.ws.merge_cells(start_row=1, start_column=3, end_row=1, end_column=LAST)
        self.row = 2

    def cover(self) -> None:
        template = self.report.template
        self.row += 1
        self.text(self.row, 1, template.title(self.report.year), "标题", font=TITLE, align=CENTER, border=False)
        self.ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=LAST)
        self.ws.row_dimensions[self.row].height = 48
        self.row += 2
        for key in ("cover.department", "cover.budget_code", "cover.method", "cover.agency", "cover.report_date"):
            label = FIELD_BY_KEY[key].label
            value = self.report.get(key)
            shown = format_date_cn(value) if key == "cover.report_date" else self.field(key)
            self.text(self.row, 1, f"{label}：", label, font=BOLD, align=RIGHT, border=False)
            self.ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=2)
            self.text(self.row, 3, shown, label, border=False)
            self.ws.merge_cells(start_row=self.row, start_column=3, end_row=self.row, end_column=LAST)
            fit_row(self.ws, self.row, shown, span_width(WIDTHS, 3, LAST), minimum=24)
            self.row += 1
        self.row += 1
        self.text(self.row, 1, template.cover["bureau"], "制表单位", font=BOLD, align=CENTER, border=False)
        self.ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=LAST)
        self.row += 1
        self.text(self.row, 1, labels.FINGERPRINT.format(fingerprint=self.fingerprint), "数据指纹", font=SMALL, align=RIGHT, border=False)
        self.ws.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=LAST)
        self.row += 2

    def basic(self) -> None:
        ws = self.ws
        self.heading(SECTION_BASIC)
        pairs = (("basic.contact", "basic.phone"), ("basic.staff_quota", "basic.staff_actual"))
        for left, right in pairs:
            for key, label_col, first, last in ((left, 1, 2, 4), (right, 5, 7, LAST)):
                label = FIELD_BY_KEY[key].label
                self.block(self.row, label_col, first - 1, label, label, font=BOLD, align=CENTER)
                value = self.report.get(key)
                if isinstance(value, int):
                    self.cells.number(ws, self.row, first, value, number_format=INTEGER_FORMAT)
                    style(ws.cell(self.row, first), FONT, CENTER)
                    merge(ws, self.row, first, self.row, last)
                else:
                    self.block(self.row, first, last, self.field(key), label, align=CENTER)
            fit_row(ws, self.row, "", 1, minimum=22)
            self.row += 1
        self.labelled(FIELD_BY_KEY["basic.duties"].label, self.field("basic.duties"))
        tasks = [f"{LIST_BY_KEY['tasks'].item_label}{i}：{item.values.get('text', '')}"
                 for i, item in enumerate(self.report.items("tasks"), 1)]
        self.listed(LIST_BY_KEY["tasks"].label, tasks, LIST_BY_KEY["tasks"].label)
        label = FIELD_BY_KEY["basic.achievements"].label
        self.listed(label, paragraphs(self.field("basic.achievements")), label)

    def finance(self) -> None:
        self.heading(SECTION_FINANCE)
        rows = unit_rows(self.report)
        summary = summary_row(self.report, rows)
        for grid in GRIDS:
            self.grid(grid, summary, rows)

    def grid(self, grid: Grid, summary: dict, rows: dict) -> None:
        ws = self.ws
        last = len(grid.columns) + 1
        self.block(self.row, 1, last, grid.title, grid.title, font=BOLD, align=CENTER)
        ws.row_dimensions[self.row].height = 22
        self.row += 1
        self.row = grid_header(self, grid, self.row)
        named = [(SUMMARY_ROW_LABEL, summary, BOLD)]
        named += [(f"{i}、{unit.name}", rows[unit.id], FONT) for i, unit in enumerate(self.report.units, 1)]
        for name, values, font in named:
            self.text(self.row, 1, name, f"{grid.title} · 机构名称", font=font)
            for col, column in enumerate(grid.columns, 2):
                self.cells.number(ws, self.row, col, values.get(cell_key(grid.key, column.key)), font=font)
            fit_row(ws, self.row, name, WIDTHS[0], minimum=20)
            self.row += 1
        self.row += 1

    def self_evaluation(self) -> None:
        self.heading(SECTION_SELF)
        self.qualitative()
        self.quantitative()
        sheet = self.sheet
        self.block(self.row, 1, 1, labels.OVERALL_SCORE, "综合得分", font=BOLD, align=CENTER)
        if sheet.complete:
            self.cells.number(self.ws, self.row, 2, sheet.total, number_format=SCORE_FORMAT, font=BOLD)
            style(self.ws.cell(self.row, 2), BOLD, LEFT)
            merge(self.ws, self.row, 2, self.row, LAST)
        else:
            self.block(self.row, 2, LAST, f"评分未完成（尚有 {len(sheet.pending)} 项未评分）", "综合得分")
        fit_row(self.ws, self.row, "", 1, minimum=22)
        self.row += 1
        grade = sheet.grade or "待定"
        self.block(self.row, 1, 1, labels.OVERALL_GRADE, "评价等次", font=BOLD, align=CENTER)
        self.block(self.row, 2, LAST, grade, "评价等次", font=BOLD)
        fit_row(self.ws, self.row, "", 1, minimum=22)
        self.row += 2

    def qualitative(self) -> None:
        goals = [f"{LIST_BY_KEY['goals'].item_label}{i}：{item.values.get('text', '')}"
                 for i, item in enumerate(self.report.items("goals"), 1)] or [""]
        first = self.row
        self.block(self.row, 2, 5, "预期目标", "预期目标", font=BOLD, align=CENTER)
        self.block(self.row, 6, LAST, FIELD_BY_KEY["self.actual"].label, "实际完成", font=BOLD, align=CENTER)
        fit_row(self.ws, self.row, "", 1, minimum=22)
        self.row += 1
        for goal in goals:
            self.block(self.row, 2, 5, goal, LIST_BY_KEY["goals"].label)
            self.row += 1
        self.block(first + 1, 6, LAST, self.field("self.actual"), FIELD_BY_KEY["self.actual"].label, align=TOP_LEFT,
                   last_row=self.row - 1)
        self.block(first, 1, 1, labels.QUALITATIVE_CAPTION, "定性目标", font=BOLD, align=CENTER,
                   last_row=self.row - 1)

    def quantitative(self) -> None:
        spec = LIST_BY_KEY["quant"]
        names = dict(spec.fields)
        items = self.report.items("quant")
        first = self.row
        self.block(self.row, 2, 3, names["group"], "定量目标", font=BOLD, align=CENTER)
        self.block(self.row, 4, 5, names["target"], "定量目标", font=BOLD, align=CENTER)
        self.block(self.row, 6, LAST, names["actual"], "定量目标", font=BOLD, align=CENTER)
        fit_row(self.ws, self.row, "", 1, minimum=22)
        self.row += 1
        top = self.row
        for item in items or [None]:
            values = item.values if item else {}
            name, target = values.get("name", ""), values.get("target", "")
            shown = f"{name}：{target}" if name and target else name or target
            self.block(self.row, 4, 5, shown, spec.label)
            self.block(self.row, 6, LAST, values.get("actual", ""), spec.label)
            self.row += 1
        # 评价内容 (产出目标 / 效益目标) and 指标类型 merged down each run of equal values, as on paper
        groups = [(item.values.get("group", ""), item.values.get("kind", "")) for item in items] or [("", "")]
        for depth, col in ((1, 2), (2, 3)):
            start = 0
            for i in range(1, len(groups) + 1):
                if i == len(groups) or groups[i][:depth] != groups[start][:depth]:
                    self.block(top + start, col, col, groups[start][depth - 1], spec.label, align=CENTER,
                               last_row=top + i - 1)
                    start = i
        self.block(first, 1, 1, labels.QUANTITATIVE_CAPTION, "定量目标", font=BOLD, align=CENTER,
                   last_row=self.row - 1)

    def people(self) -> None:
        ws = self.ws
        self.heading(SECTION_PEOPLE)
        spec = LIST_BY_KEY["evaluators"]
        names = dict(spec.fields)
        columns = (("name", 1, 1), ("title", 2, 3), ("org", 4, 6))
        for key, first, last in columns:
            self.block(self.row, first, last, names[key], spec.label, font=BOLD, align=CENTER)
        self.block(self.row, 7, LAST, labels.SIGNATURE_COLUMN, spec.label, font=BOLD, align=CENTER)
        fit_row(ws, self.row, "", 1, minimum=22)
        self.row += 1
        for item in self.report.items("evaluators") or [None]:
            for key, first, last in columns:
                self.block(self.row, first, last, item.values.get(key, "") if item else "", spec.label, align=CENTER)
            self.block(self.row, 7, LAST, "", spec.label)
            fit_row(ws, self.row, "", 1, minimum=26)
            self.row += 1
        for wording in (signature_block(*block) for block in labels.SIGNATURE_BLOCKS):
            self.block(self.row, 1, LAST, wording, "签字栏", align=TOP_LEFT, fit=False)
            ws.row_dimensions[self.row].height = LINE_HEIGHT * (wording.count("\n") + 1) + 8
            self.row += 1
        filler = f"{labels.FILLER}{self.field('people.filler')}"
        phone = f"{labels.FILLER_PHONE}{self.field('people.filler_phone')}"
        self.block(self.row, 1, 4, filler, "填报人")
        self.block(self.row, 5, LAST, phone, "联系电话")
        fit_row(ws, self.row, "", 1, minimum=26)
        self.row += 2

    def summary(self) -> None:
        self.heading(SECTION_SUMMARY)
        label = FIELD_BY_KEY["summary.text"].label
        for piece in paragraphs(self.field("summary.text")) or [""]:
            self.block(self.row, 1, LAST, piece, label, align=TOP_LEFT)
            self.row += 1


def grid_header(sheet: ReportSheet, grid: Grid, top: int) -> int:
    """The merged header of one part-二 grid, built from its declaration (group 其中：/结余 above the columns,
    a nested 其中： above the parts of a 合计 inside a group, as 基本支出 has); returns the next free row."""
    part_of = {}
    for column in grid.columns:
        if column.computed and column.group:
            for part in column.sum_of:
                if grid.column(part).group == column.group:
                    part_of[part] = column.key
    paths = [[(labels.UNIT_COLUMN, "name")]]
    for column in grid.columns:
        path = [(column.group, "group:" + column.group)] if column.group else []
        if column.key in part_of:
            path.append((labels.GROUP_SUBHEAD, "part:" + part_of[column.key]))
        paths.append(path + [(column.label, column.key)])
    depth = max(len(path) for path in paths)
    for level in range(depth):
        i = 0
        while i < len(paths):
            path = paths[i]
            if level < len(path) - 1:  # a group label over this column and its neighbours in the same group
                j = i
                while j + 1 < len(paths) and len(paths[j + 1]) - 1 > level and \
                        paths[j + 1][:level + 1] == path[:level + 1]:
                    j += 1
                sheet.block(top + level, i + 1, j + 1, path[level][0], grid.title, font=BOLD, align=CENTER,
                            fit=False)
                i = j + 1
                continue
            if level == len(path) - 1:  # the column's own label reaches down to the last header row
                sheet.block(top + level, i + 1, i + 1, path[level][0], grid.title, font=BOLD, align=CENTER,
                            last_row=top + depth - 1)
            i += 1
    for level in range(depth):
        sheet.ws.row_dimensions[top + level].height = max(sheet.ws.row_dimensions[top + level].height or 0, 20)
    return top + depth
