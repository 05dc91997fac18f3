"""The workbook's first sheet, “自评报告”: the report laid out like the paper form 附件2-1, walked from the
form's layout (:mod:`evaldesk.model.layout`) section by section, block by block.

Eight columns: A holds the labels and the organisation names, B–H the figures of part 二 and, merged, the texts.
Figures are numbers with two decimals shown; a blank cell stays empty; B–H are wide enough for the largest figure
(the sheet is locked, a clerk could not widen a column showing ###). Each part starts a printed page, and a grid's
title, header and first rows, a table's header and a signature box are never parted (workbook_pages.paginate).
"""

from __future__ import annotations

from openpyxl.styles import Border
from openpyxl.worksheet.worksheet import Worksheet

from evaldesk.exchange.workbook_cells import (
    BOLD, BOX, CENTER, FONT, HEADING, INTEGER_FORMAT, LEFT, LINE_HEIGHT, RIGHT, SMALL, TITLE, TOP_LEFT, Cells,
    fit_row, footer, lines_needed, merge, page_setup, paragraphs, row_pieces, set_widths, span_width, style,
)
from evaldesk.exchange import workbook_goals
from evaldesk.exchange.workbook_pages import (
    close_boxes_at_breaks, figure_width, join_to_row_above, one_line, paginate, repeat_merged_labels,
)
from evaldesk.model.values import format_amount
from evaldesk.model import layout, wording
from evaldesk.model.form import (
    FIELD_BY_KEY, SECTION_BASIC, SECTION_COVER, SECTION_FINANCE, SECTION_PEOPLE, SECTION_SELF, SECTION_SUMMARY,
    GRIDS, SUMMARY_ROW_LABEL, Grid, cell_key,
)
from evaldesk.model.layout import (
    Beside, CoverText, Fields, GridBlock, ListBlock, Result, Signatures, Size, Text, cover_text, field_text,
    grid_headings, numbered,
)
from evaldesk.model.totals import summary_row, unit_rows
from evaldesk.model.report import Report
from evaldesk.scoring.engine import SheetResult

SHEET_NAME = "自评报告"
# In digits of 11-pt 宋体 (8 px), the default font: as wide on paper as they were in Calibri's 7-px digits.
WIDTHS = [20.0, 9.6, 9.6, 9.6, 9.6, 9.6, 9.6, 9.6]
LAST = len(WIDTHS)
SCORE_FORMAT = "General"  # 92.5, 5, 2.92: as many decimals as the score has
COVER_WHERE = {"report_attachment": "附件标签", "report_title": "标题", "bureau": "制表单位"}
PAIR_COLUMNS = ((1, 2, 4), (5, 7, LAST))       # (label, first value column, last value column) of a pair's fields
SIGNED_COLUMNS = {"name": (1, 1), "title": (2, 3), "org": (4, 6)}  # the evaluators' fields; 签字 takes the rest


OPINION_ROOM = 60   # points left to write an opinion by hand
SIGN_ROOM = 36      # points left to sign or stamp
FLOW_PIECE = 200    # characters of a text across the sheet per row: about five lines, a tenth of a page
INDENT = "　　"      # a paragraph of the 综述 starts two characters in, as on the PDF


class ReportSheet:
    last = LAST

    def __init__(self, ws: Worksheet, report: Report, sheet: SheetResult, cells: Cells, fingerprint: str,
                 quant_heads: frozenset[int] = frozenset()):
        self.ws, self.report, self.sheet, self.cells, self.fingerprint = ws, report, sheet, cells, fingerprint
        self.row = 1
        self.quant_heads = quant_heads                 # 定量目标 body rows with the table's header written above
        self.quant_body: list[int] = []                # the sheet row of each 定量目标 body row
        self.headless: set[int] = set()                # body rows that open a printed page without the header
        self.widths = figure_widths(report)
        self.part_starts: list[int] = []               # a part starts a printed page
        self.keeps: list[tuple[int, int]] = []         # rows printed on one page
        self.joined: set[int] = set()                  # rows that continue the paragraph above (no rule between)

    # ---- small building blocks
    def text(self, row, col, value, where, **style_args):
        return self.cells.text(self.ws, row, col, value, where=f"{SHEET_NAME} · {where}", **style_args)

    def block(self, row, first, last, value, where, *, font=FONT, align=LEFT, last_row=None, fit=True):
        """A text over columns first…last (and rows row…last_row), framed, tall enough to read."""
        self.cells.block(self.ws, row, first, value, self.widths, last_row=last_row, last_col=last,
                         where=f"{SHEET_NAME} · {where}", font=font, align=align, fit=fit)

    def heading(self, title: str) -> None:
        self.part_starts.append(self.row)
        self.keeps.append((self.row, self.row + 2))   # never a heading alone at a page foot
        self.block(self.row, 1, LAST, title, title, font=HEADING)
        self.ws.row_dimensions[self.row].height = 24
        self.row += 1

    def labelled(self, label: str, value, where: str | None = None, *, align=LEFT) -> None:
        """Label in A, the value over B…H (running on over rows when it is too long for one)."""
        if len(row_pieces(str(value or ""), span_width(self.widths, 2, LAST))) > 1:
            self.listed(label, [str(value)], where or label)
            return
        self.block(self.row, 1, 1, label, label, font=BOLD, align=CENTER)
        self.block(self.row, 2, LAST, value, where or label, align=align)
        fit_row(self.ws, self.row, "", self.widths[0], minimum=22)
        self.row += 1

    def listed(self, label: str, lines: list[str], where: str) -> None:
        """Label in A merged down the side of one row per line (one empty row when there is none); a line too
        long for one row runs on over rows joined without a rule."""
        first = self.row
        for line in lines or [""]:
            for n, piece in enumerate(row_pieces(line, span_width(self.widths, 2, LAST))):
                self.block(self.row, 2, LAST, piece, where, align=TOP_LEFT)
                fit_row(self.ws, self.row, "", 1, minimum=20)
                if n:
                    join_to_row_above(self.ws, self.row, LAST, 2)
                    self.joined.add(self.row)
                self.row += 1
        self.block(first, 1, 1, label, label, font=BOLD, align=CENTER, last_row=self.row - 1)

    def field(self, key: str) -> str:
        return self.report.text(key)

    # ---- the form, top to bottom
    def write(self) -> None:
        set_widths(self.ws, self.widths)
        self.running_head()
        drawings = self.drawings()
        for section in layout.LAYOUT:
            if section.title not in drawings:   # the score sheet has a worksheet of its own
                continue
            if section.title != SECTION_COVER:
                self.heading(section.title)
            for block in section.blocks:
                if not layout.on_paper(block):   # guidance and editors for the screen, not part of the form
                    continue
                drawing = drawings[section.title].get(type(block))
                if drawing is None:
                    raise TypeError(f"the workbook's {section.title} has no drawing for a {type(block).__name__}")
                drawing(block)
            if section.title == SECTION_COVER:
                self.fingerprint_line()
        page_setup(self.ws, "1:1", footer(self.report, self.fingerprint))
        starts = paginate(self.ws, self.widths, first=2, last=self.row, title_rows=(1,), forced=self.part_starts,
                          keeps=self.keeps)
        close_boxes_at_breaks(self.ws, starts, self.joined, LAST)
        self.headless = {n for n, row in enumerate(self.quant_body) if row in starts}
        # A label merged down its rows (年度主要工作内容, 定量目标's 评价内容/指标类型) is written again on the next page.
        repeat_merged_labels(self.ws, starts, (1, 2, 3))
        self.ws.sheet_view.showGridLines = False

    def drawings(self) -> dict:
        """How this sheet draws each kind of block, section by section (a grid is a grid everywhere; fields
        are lines on the cover, a ruled table in part 一 and a line to sign in part 四)."""
        return {
            SECTION_COVER: {CoverText: self.cover_line, Fields: self.cover_fields},
            SECTION_BASIC: {Fields: self.field_pairs, Text: self.long_text, ListBlock: self.numbered_list},
            SECTION_FINANCE: {GridBlock: self.grid},
            SECTION_SELF: {Beside: self.qualitative, ListBlock: self.quantitative, Result: self.result},
            SECTION_PEOPLE: {ListBlock: self.signed_list, Signatures: self.signatures, Fields: self.signed_lines},
            SECTION_SUMMARY: {Text: self.long_text},
        }

    def running_head(self) -> None:
        """Row 1, repeated on every printed page: the attachment label (from the cover), the department, the
        year."""
        head = one_line(self.report.department, span_width(self.widths, 3, LAST) - 12)
        self.text(1, 3, f"{head}　{self.report.year}年度", "页眉", font=SMALL, align=RIGHT, border=False)
        merge(self.ws, 1, 3, 1, LAST, border=False)
        self.row = 2

    # ---- 封面
    def cover_line(self, block: CoverText) -> None:
        text = cover_text(self.report, block.key)
        where = COVER_WHERE.get(block.key, block.key)
        if block.key == "report_attachment":  # on the running head, so every printed page carries it
            shown = one_line(text, self.widths[0] - 2)   # one line in A
            self.text(1, 1, shown, where, font=BOLD, border=False)
            if shown != text:   # cut short on the one-line head: written whole once, above the title
                self.cover_paragraph(text, where, LEFT)
            return
        if block.key == "report_title":
            self.row += 1
            self.text(self.row, 1, text, where, font=TITLE, align=CENTER, border=False)
            merge(self.ws, self.row, 1, self.row, LAST, border=False)
            fit_row(self.ws, self.row, text, span_width(self.widths, 1, LAST), font=TITLE, minimum=48)
            self.row += 2
            return
        self.cover_paragraph(text, where, CENTER)

    def cover_paragraph(self, text: str, where: str, align) -> None:
        """A bold unframed line across the sheet; a long one (a 500-character 财政局名称) as tall as it needs,
        running on over rows of its own past ROW_LINES lines."""
        width = span_width(self.widths, 1, LAST)
        for piece in row_pieces(text, width):
            self.text(self.row, 1, piece, where, font=BOLD, align=align, border=False)
            merge(self.ws, self.row, 1, self.row, LAST, border=False)
            if lines_needed(piece, width) > 1:   # a one-line row keeps the sheet's default height
                fit_row(self.ws, self.row, piece, width)
            self.row += 1

    def cover_fields(self, block: Fields) -> None:
        for key in block.keys:
            label = block.label(key)
            shown = field_text(self.report, key)
            self.text(self.row, 1, f"{label}：", label, font=BOLD, align=RIGHT, border=False)
            merge(self.ws, self.row, 1, self.row, 2, border=False)
            self.text(self.row, 3, shown, label, border=False)
            merge(self.ws, self.row, 3, self.row, LAST, border=False)
            fit_row(self.ws, self.row, shown, span_width(self.widths, 3, LAST), minimum=24)
            self.row += 1
        self.row += 1

    def fingerprint_line(self) -> None:
        self.text(self.row, 1, wording.FINGERPRINT.format(fingerprint=self.fingerprint), "数据指纹", font=SMALL,
                  align=RIGHT, border=False)
        merge(self.ws, self.row, 1, self.row, LAST, border=False)
        self.row += 2

    # ---- 一、基本概况 (and the texts of 五)
    def field_pairs(self, block: Fields) -> None:
        """Label, value, label, value to a row; a field alone on its row has the rest of the row for its value."""
        ws = self.ws
        for keys in block.rows:
            spots = PAIR_COLUMNS if len(keys) > 1 else ((1, 2, LAST),)
            if any(len(row_pieces(field_text(self.report, key), span_width(self.widths, first, last))) > 1
                   for key, (_, first, last) in zip(keys, spots)):
                # A value too long for its half of the row (a 500-character 联系人): each field of the row gets a
                # row of its own, the value running on over rows below its label (see labelled).
                for key in keys:
                    self.field_alone(block, key)
                continue
            for key, (label_col, first, last) in zip(keys, spots):
                label = block.label(key)
                self.block(self.row, label_col, first - 1, label, label, font=BOLD, align=CENTER)
                value = self.report.get(key)
                if isinstance(value, int):
                    self.cells.number(ws, self.row, first, value, number_format=INTEGER_FORMAT)
                    style(ws.cell(self.row, first), FONT, CENTER)
                    merge(ws, self.row, first, self.row, last)
                else:
                    self.block(self.row, first, last, field_text(self.report, key), label, align=CENTER)
            fit_row(ws, self.row, "", 1, minimum=22)
            self.row += 1

    def field_alone(self, block: Fields, key: str) -> None:
        """One field of part 一 with the whole row for its value: a figure in B…H, a text as :meth:`labelled`."""
        label, value = block.label(key), self.report.get(key)
        if not isinstance(value, int):
            self.labelled(label, field_text(self.report, key), align=CENTER)
            return
        self.block(self.row, 1, 1, label, label, font=BOLD, align=CENTER)
        self.cells.number(self.ws, self.row, 2, value, number_format=INTEGER_FORMAT)
        style(self.ws.cell(self.row, 2), FONT, CENTER)
        merge(self.ws, self.row, 2, self.row, LAST)
        fit_row(self.ws, self.row, "", 1, minimum=22)
        self.row += 1

    def long_text(self, block: Text) -> None:
        """A short text in one cell beside its label; a long one a row per paragraph; a whole-page one (综述)
        a row per paragraph across the sheet."""
        if block.size is Size.SHORT:
            self.labelled(block.label, self.field(block.key))
        elif block.titled:
            # A paragraph a row; a long one runs on over rows joined without a rule (listed), never cut into
            # rows ruled apart as if it were two paragraphs.
            self.listed(block.label, [line for line in self.field(block.key).split("\n") if line.strip()],
                        block.label)
        else:
            self.flowing_text(self.field(block.key), block.label)

    def flowing_text(self, text: str, where: str) -> None:
        """A text across the sheet (综述): a row per paragraph, a long paragraph cut at sentence ends into rows of
        a few lines joined without a rule, so that a page breaks between lines rather than leave a large gap."""
        pieces = [paragraphs(INDENT + paragraph.strip(), FLOW_PIECE) for paragraph in text.split("\n")
                  if paragraph.strip()]
        for paragraph in pieces or [[""]]:
            for index, piece in enumerate(paragraph):
                self.block(self.row, 1, LAST, piece, where, align=TOP_LEFT)
                if index:
                    join_to_row_above(self.ws, self.row, LAST)
                    self.joined.add(self.row)
                self.row += 1

    def numbered_list(self, block: ListBlock) -> None:
        field = block.spec.fields[0][0]
        lines = [numbered(block.spec, i, item.values.get(field, ""))
                 for i, item in enumerate(self.report.items(block.key), 1)]
        self.listed(block.heading, lines, block.heading)

    # ---- 二、收支情况
    def grid(self, block: GridBlock) -> None:
        self.row = grid_rows(self, block.grid, self.row)

    # ---- 三、绩效自评
    def result(self, block: Result) -> None:
        sheet = self.sheet
        # The score and the grade close the table above: printed with its last row, never alone on a page.
        self.keeps.append((self.row - 1, self.row + 1))
        self.block(self.row, 1, 1, block.score_label, "综合得分", font=BOLD, align=CENTER)
        if sheet.complete:
            self.cells.number(self.ws, self.row, 2, sheet.total, number_format=SCORE_FORMAT, font=BOLD)
            style(self.ws.cell(self.row, 2), BOLD, LEFT)
            merge(self.ws, self.row, 2, self.row, LAST)
        else:
            self.block(self.row, 2, LAST, f"评分未完成（尚有 {len(sheet.pending)} 项未评分）", "综合得分")
        fit_row(self.ws, self.row, "", 1, minimum=22)
        self.row += 1
        grade = sheet.grade or "待定"
        self.block(self.row, 1, 1, block.grade_label, "评价等次", font=BOLD, align=CENTER)
        self.block(self.row, 2, LAST, grade, "评价等次", font=BOLD)
        fit_row(self.ws, self.row, "", 1, minimum=22)
        self.row += 2

    def qualitative(self, block: Beside) -> None:
        workbook_goals.qualitative(self, block)

    def quantitative(self, block: ListBlock) -> None:
        workbook_goals.quantitative(self, block)

    # ---- 四、评价人员
    def signed_list(self, block: ListBlock) -> None:
        ws = self.ws
        spec = block.spec
        names = dict(spec.fields)
        columns = [(key, *SIGNED_COLUMNS[key]) for key, _ in spec.fields]
        self.keeps.append((self.row, self.row + 1))
        for key, first, last in columns:
            self.block(self.row, first, last, names[key], spec.label, font=BOLD, align=CENTER)
        self.block(self.row, 7, LAST, wording.SIGNATURE_COLUMN, spec.label, font=BOLD, align=CENTER)
        fit_row(ws, self.row, "", 1, minimum=22)
        self.row += 1
        for item in self.report.items(block.key) or [None]:
            # A value too long for one row (a 2,000-character 单位) runs on over rows of the person's own, joined
            # without a rule; the other values stand in the first of them, the 签字 box spans them all.
            pieces = {key: row_pieces(item.values.get(key, "") if item else "", span_width(self.widths, first, last))
                      for key, first, last in columns}
            rows = max(len(texts) for texts in pieces.values())
            if rows > 1:
                self.keeps.append((self.row, self.row + rows - 1))   # on one page when it fits on one
            for n in range(rows):
                for key, first, last in columns:
                    texts = pieces[key]
                    self.block(self.row, first, last, texts[n] if n < len(texts) else "", spec.label,
                               align=CENTER if len(texts) == 1 else TOP_LEFT)
                self.block(self.row, 7, LAST, "", spec.label)
                fit_row(ws, self.row, "", 1, minimum=26)
                if n:
                    join_to_row_above(ws, self.row, LAST)
                    self.joined.add(self.row)
                self.row += 1

    def signatures(self, block: Signatures) -> None:
        """Each box as the paper has it, in rows of its own: the heading, room to write, the signer's line on the
        right, room to sign, the date on the right; framed as one box and kept on one page."""
        for opinion, signer in block.boxes:
            lines = [(opinion, LEFT, LINE_HEIGHT + 6), ("", LEFT, OPINION_ROOM if signer else SIGN_ROOM)]
            if signer:
                lines += [(signer, CENTER, LINE_HEIGHT + 6), ("", LEFT, SIGN_ROOM)]
            lines.append((block.date_line, RIGHT, LINE_HEIGHT + 8))
            first = self.row
            for n, (text, align, height) in enumerate(lines):
                start = 5 if align is CENTER else 1   # the signer's line stands in the right half, as on paper
                self.text(self.row, start, text, "签字栏", align=RIGHT if align is RIGHT else LEFT, border=False)
                merge(self.ws, self.row, start, self.row, LAST, border=False)
                self.ws.row_dimensions[self.row].height = height
                frame_row(self.ws, self.row, top=n == 0, bottom=n == len(lines) - 1)
                self.row += 1
            self.keeps.append((first, self.row - 1))

    def signed_lines(self, block: Fields) -> None:
        """“label：value” side by side, to be signed beside (填报人 and phone)."""
        for keys in block.rows:
            spans = ((1, 4), (5, LAST)) if len(keys) > 1 else ((1, LAST),)
            for key, (first, last) in zip(keys, spans):
                self.block(self.row, first, last, f"{block.label(key)}：{self.field(key)}", FIELD_BY_KEY[key].label)
            fit_row(self.ws, self.row, "", 1, minimum=26)
            self.row += 1
        self.row += 1


# ---------------------------------------------------------------- part 二's grids


def grid_rows(sheet, grid: Grid, top: int) -> int:
    """Write ``grid`` on ``sheet`` (a ReportSheet) from row ``top``; returns the next free row (one left empty)."""
    ws = sheet.ws
    row = top
    last = len(grid.columns) + 1
    sheet.block(row, 1, last, grid.title, grid.title, font=BOLD, align=CENTER)
    ws.row_dimensions[row].height = 22
    row = grid_header(sheet, grid, row + 1)
    rows = unit_rows(sheet.report)
    named = [(SUMMARY_ROW_LABEL, summary_row(sheet.report, rows), BOLD)]
    named += [(f"{i}、{unit.name}", rows[unit.id], FONT) for i, unit in enumerate(sheet.report.units, 1)]
    for name, values, font in named:
        sheet.text(row, 1, name, f"{grid.title} · 机构名称", font=font)
        for col, column in enumerate(grid.columns, 2):
            sheet.cells.number(ws, row, col, values.get(cell_key(grid.key, column.key)), font=font)
        fit_row(ws, row, name, sheet.widths[0], minimum=20)
        row += 1
    sheet.keeps.append((top, row - 1))   # a grid is printed whole on one page when it fits on one
    return row + 1


def grid_header(sheet, grid: Grid, top: int) -> int:
    """The merged header of one grid; returns the next free row. Adjacent columns under the same labels share
    one merged cell; a column's own label reaches down to the last header row."""
    paths = grid_headings(grid)
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
                sheet.block(top + level, i + 1, j + 1, path[level], grid.title, font=BOLD, align=CENTER, fit=False)
                i = j + 1
                continue
            if level == len(path) - 1:  # the column's own label reaches down to the last header row
                sheet.block(top + level, i + 1, i + 1, path[level], grid.title, font=BOLD, align=CENTER,
                            last_row=top + depth - 1)
            i += 1
    for level in range(depth):
        ws = sheet.ws
        ws.row_dimensions[top + level].height = max(ws.row_dimensions[top + level].height or 0, 20)
    return top + depth


def figure_widths(report: Report) -> list[float]:
    """A's width, then B–H wide enough for the longest figure of part 二 (99999999.99 and its sums)."""
    rows = unit_rows(report)
    texts = [format_amount(values.get(cell_key(grid.key, column.key)))
             for values in [summary_row(report, rows), *rows.values()] for grid in GRIDS for column in grid.columns]
    width = figure_width([text for text in texts if text], WIDTHS[1])
    return [WIDTHS[0]] + [width] * (LAST - 1)


def frame_row(ws: Worksheet, row: int, *, top: bool, bottom: bool) -> None:
    """The left and right rules of a box drawn over rows (and its top and bottom rules on its first and last)."""
    side = BOX.left
    for col in range(1, LAST + 1):
        cell = ws.cell(row, col)
        cell.border = Border(left=side if col == 1 else None, right=side if col == LAST else None,
                             top=side if top else None, bottom=side if bottom else None)
