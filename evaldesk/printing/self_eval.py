"""Part 三、部门（单位）整体支出绩效自评情况, walked from the layout: the qualitative goals beside what was
achieved, the quantitative indicators grouped by 评价内容 and 指标类型 (merged cells), then the overall score and
grade from the score sheet."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak

from evaldesk.model import wording
from evaldesk.model.form import QUANT_GROUPS, SECTION_SELF
from evaldesk.model.layout import Beside, ListBlock, Result, numbered
from evaldesk.model.report import Item
from evaldesk.printing.printout import Printout
from evaldesk.printing.styles import FRAME_WIDTH, HEADING_ROOM, styles
from evaldesk.printing.paged import PagedTable, Row
from evaldesk.printing.tables import form_table
from evaldesk.printing.text import hanging, head_para, heading, para, paragraphs
from evaldesk.printing.walk import walk
from evaldesk.scoring.report_text import score_text

GOAL_WIDTH = 62 * mm
QUANT_WIDTHS = [22 * mm, 24 * mm, 52 * mm, FRAME_WIDTH - 98 * mm]
SCORE_WIDTHS = [46 * mm, FRAME_WIDTH - 46 * mm]
BLANK_ROW = 24
BLANK_QUANT_ROW = 40   # room for two or three handwritten lines per 定量目标 row


def grouped(items: list[Item]) -> list[Item]:
    """Rows in 评价内容 order, 指标类型 kept together in the order the filler first used them (stable otherwise)."""
    first_seen: dict[tuple, int] = {}
    for index, item in enumerate(items):
        first_seen.setdefault((item.values.get("group", ""), item.values.get("kind", "")), index)

    def order(item: Item):
        group = item.values.get("group", "")
        rank = QUANT_GROUPS.index(group) if group in QUANT_GROUPS else len(QUANT_GROUPS)
        return rank, first_seen[(group, item.values.get("kind", ""))]

    return sorted(items, key=order)


def target_text(item: Item) -> str:
    """绩效目标 as the copy prints it: “指标1：…” when the indicator has a name."""
    name, target = item.values.get("name", "").strip(), item.values.get("target", "")
    return f"{name}：{target}" if name else target


def qualitative(printout: Printout, block: Beside) -> list:
    s = styles()
    report = printout.report
    goals_spec = block.list.spec
    line_style = s["blank_line"] if printout.blank else s["cell"]
    items = report.items(block.list.key)
    widest = numbered(goals_spec, len(items), "")
    goals = [line for i, item in enumerate(items, 1)
             for line in hanging(numbered(goals_spec, i, ""), item.values.get(goals_spec.fields[0][0], ""), line_style,
                                 widest)]
    actual = paragraphs(report.text(block.text.key), s["cell"])
    head = [para(block.list_heading, s["head"]), para(block.text.label, s["head"])]
    # One row holding both columns, so neither column's lines space out the other's; the row splits at a page end.
    table = PagedTable([head], [GOAL_WIDTH, FRAME_WIDTH - GOAL_WIDTH], [Row([goals, actual])], flow={0, 1},
                       top={0, 1}, min_height=BLANK_ROW * 4 if printout.blank else None,
                       before=[para(block.caption, s["caption"])])
    return [CondPageBreak(HEADING_ROOM), table]


def quantitative(printout: Printout, block: ListBlock) -> list:
    s = styles()
    field_label = dict(block.spec.fields)
    head = [para(field_label["group"], s["head"]), "",
            para(field_label["target"], s["head"]), para(field_label["actual"], s["head"])]
    rows = []
    for item in grouped(printout.report.items(block.key)):
        group, kind = item.values.get("group", ""), item.values.get("kind", "")
        # 评价内容 and 指标类型 are merged cells: a page that continues them repeats them (no blank key cells).
        group_cell = [para(group, s["cell_center"])]
        if group in wording.QUANT_GROUP_NOTES:
            group_cell.append(para(wording.QUANT_GROUP_NOTES[group], s["small_center"]))
        rows.append(Row([group_cell, head_para(kind, s["cell_center"], QUANT_WIDTHS[1]),
                         paragraphs(target_text(item), s["cell"]), paragraphs(item.values.get("actual", ""), s["cell"])],
                        keys=[group, (group, kind), None, None], keep=(group, kind)))
    table = PagedTable([head], QUANT_WIDTHS, rows, header_spans=[((0, 0), (1, 0))], repeat={0, 1}, flow={2, 3},
                       top={2, 3}, recall={2}, min_height=BLANK_QUANT_ROW if printout.blank else None,
                       before=[para(block.heading, s["caption"])])
    return [CondPageBreak(HEADING_ROOM), table]


def overall(printout: Printout, block: Result) -> list:
    s = styles()
    sheet = printout.sheet
    score = score_text(sheet.final_total) if sheet else ""  # blank until every indicator is scored
    grade = sheet.grade if sheet and sheet.grade else ""
    rows = [[para(block.score_label, s["head"]), para(score, s["cell_center"])],
            [para(block.grade_label, s["head"]), para(grade, s["cell_center"])]]
    return [form_table(rows, SCORE_WIDTHS, min_height=22)]


def self_eval_flowables(printout: Printout) -> list:
    s = styles()
    return heading(SECTION_SELF, s["heading"]) + walk(printout, SECTION_SELF, {
        Beside: qualitative, ListBlock: quantitative, Result: overall})
