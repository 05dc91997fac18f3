"""Part 三、部门（单位）整体支出绩效自评情况, walked from the layout: the qualitative goals beside what was
achieved, the quantitative indicators grouped by 评价内容 and 指标类型 (merged cells), then the overall score and
grade from the score sheet."""

from __future__ import annotations

from reportlab.lib.units import mm

from evaldesk.model.form import QUANT_GROUPS, SECTION_SELF
from evaldesk.model.layout import Beside, ListBlock, Result, numbered
from evaldesk.model.report import Item
from evaldesk.printing.printout import Printout
from evaldesk.printing.styles import FRAME_WIDTH, styles
from evaldesk.printing.tables import form_table
from evaldesk.printing.text import heading, para, paragraphs
from evaldesk.printing.walk import walk
from evaldesk.scoring.report_text import score_text

GOAL_WIDTH = 62 * mm
QUANT_WIDTHS = [22 * mm, 24 * mm, 52 * mm, FRAME_WIDTH - 98 * mm]
SCORE_WIDTHS = [46 * mm, FRAME_WIDTH - 46 * mm]
BLANK_ROW = 24


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
    goals = [line for i, item in enumerate(report.items(block.list.key), 1)
             for line in paragraphs(numbered(goals_spec, i, item.values.get(goals_spec.fields[0][0], "")), line_style)]
    actual = paragraphs(report.text(block.text.key), s["cell"])
    head = [para(block.list_heading, s["head"]), para(block.text.label, s["head"])]
    # One row holding both columns, so neither column's lines space out the other's; the row splits at a page end.
    table = form_table([head, [goals, actual]], [GOAL_WIDTH, FRAME_WIDTH - GOAL_WIDTH], header_rows=1,
                       top_columns=(0, 1), flowing=True,
                       min_height=BLANK_ROW * 4 if printout.blank else None)
    return heading(block.caption, s["caption"]) + [table]


def quantitative(printout: Printout, block: ListBlock) -> list:
    s = styles()
    field_label = dict(block.spec.fields)
    head = [para(field_label["group"], s["head"]), "",
            para(field_label["target"], s["head"]), para(field_label["actual"], s["head"])]
    rows, keys = [head], [[None] * 4]
    previous = None
    for item in grouped(printout.report.items(block.key)):
        group, kind = item.values.get("group", ""), item.values.get("kind", "")
        rows.append([para(group, s["cell_center"]) if group != (previous or ("",))[0] else "",
                     para(kind, s["cell_center"]) if (group, kind) != previous else "",
                     paragraphs(target_text(item), s["cell"]), paragraphs(item.values.get("actual", ""), s["cell"])])
        keys.append([group, (group, kind), None, None])
        previous = (group, kind)
    table = form_table(rows, QUANT_WIDTHS, header_rows=1, header_spans=[((0, 0), (1, 0))], keys=keys,
                       top_columns=(0, 1, 2, 3), flowing=True,
                       min_height=BLANK_ROW if printout.blank else None)
    return [*heading(block.heading, s["caption"]), table]


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
