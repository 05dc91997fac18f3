"""The score sheet (附件3-1): 一级/二级 with their 分值 in merged cells, each 三级指标 with its 评分标准, 分值,
自评得分 and 扣分原因; shared cells (经济/社会/生态效益 share one 分值 and 自评得分) and runs of identical 评分标准
(the six 产出 indicators) merged as on the paper; then 总分 and the footnote. Page breaks fall between 二级
blocks where they can, and a block continued on the next page repeats its 一级/二级 (:mod:`.paged`).

Scores are printed with score_text, as on screen; on the blank form (no sheet) the score column stays empty.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from evaldesk.model import wording
from evaldesk.model.layout import cover_text
from evaldesk.printing.printout import Printout
from evaldesk.printing.styles import FRAME_WIDTH, styles
from evaldesk.printing.paged import PagedTable, Row
from evaldesk.printing.text import figure, head_para, para, paragraphs
from evaldesk.scoring.report_text import score_text
from evaldesk.scoring.template import Indicator, Template

WIDTHS = [18 * mm, 18 * mm, 24 * mm, 0, 10 * mm, 12 * mm, 30 * mm]
WIDTHS[3] = FRAME_WIDTH - sum(WIDTHS)
BLANK_ROW = 26


def weighted(indicator: Indicator) -> str:
    return wording.WEIGHTED.format(name=indicator.name, weight=score_text(indicator.weight))


def ancestors(template: Template, indicator: Indicator) -> list[Indicator]:
    chain = []
    while indicator.parent:
        indicator = template.indicator(indicator.parent)
        chain.insert(0, indicator)
    return chain


def sheet_rows(printout: Printout) -> list[Row]:
    """One row per printed name of each 三级指标. 一级/二级 and a 评分标准 shared by a run of indicators are merged
    cells that a new page repeats; an indicator printed on several rows (经济/社会/生态效益) shares one 分值,
    自评得分 and 扣分原因, and those rows stay on one page."""
    s = styles()
    template, sheet = printout.report.template, printout.sheet
    rows = []
    for leaf in template.leaves:
        chain = ancestors(template, leaf)
        first, second = (chain + [None, None])[:2]
        result = sheet.indicators[leaf.id] if sheet else None
        standard_key = ("standard", leaf.parent, leaf.standard) if leaf.standard.strip() else ("leaf", leaf.id)
        for row_name in leaf.rows:
            keys = [first and first.id, second and second.id, ("name", leaf.id, row_name), standard_key,
                    ("leaf", leaf.id), ("leaf", leaf.id), ("leaf", leaf.id)]
            cells = [
                head_para(weighted(first), s["small_center"], WIDTHS[0]) if first else "",
                head_para(weighted(second), s["small_center"], WIDTHS[1]) if second else "",
                head_para(row_name, s["small_center"], WIDTHS[2]),
                paragraphs(leaf.standard, s["note"]),
                figure(score_text(leaf.weight), s["small_center"], WIDTHS[4]),
                figure(score_text(result.score) if result else "", s["small_center"], WIDTHS[5]),
                paragraphs(result.reason if result else "", s["note"]),
            ]
            rows.append(Row(cells, keys, keep=second and second.id))
    return rows


def total_row(printout: Printout) -> Row:
    s = styles()
    template, sheet = printout.report.template, printout.sheet
    return Row([para(wording.SHEET_TOTAL, s["head"]), "", "", "",
                figure(score_text(template.total), s["small_center"], WIDTHS[4]),
                figure(score_text(sheet.final_total) if sheet else "", s["small_center"], WIDTHS[5]), ""],
               spans=((0, 3),))


def sheet_flowables(printout: Printout) -> list:
    s = styles()
    template = printout.report.template
    head = [head_para(text, s["head"], width) for text, width in zip(wording.SHEET_HEAD, WIDTHS)]
    caption = [para(cover_text(printout.report, "sheet_attachment"), s["attachment"]),
               para(template.cover["sheet_title"], s["sheet_title"])]
    table = PagedTable([head], WIDTHS, sheet_rows(printout) + [total_row(printout)], repeat={0, 1, 2, 3},
                       flow={3, 6}, top={3, 6}, min_height=BLANK_ROW if printout.blank else None, padding=2,
                       before=caption, after=[Spacer(0, 4), para(template.cover["sheet_footnote"], s["note"])])
    return [PageBreak(), table]
