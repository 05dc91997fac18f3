"""The score sheet (附件3-1): 一级/二级 with their 分值 in merged cells, each 三级指标 with its 评分标准, 分值,
自评得分 and 扣分原因; shared cells (经济/社会/生态效益 share one 分值 and 自评得分) and runs of identical 评分标准
(the six 产出 indicators) merged as on the paper; then 总分, the footnote and the template's name.

Scores are printed with score_text, as on screen; on the blank form (no sheet) the score column stays empty.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from evaldesk.model import wording
from evaldesk.model.layout import cover_text
from evaldesk.printing.printout import Printout
from evaldesk.printing.styles import FRAME_WIDTH, LINE, LINE_COLOR, styles
from evaldesk.printing.tables import form_table
from evaldesk.printing.text import para, paragraphs
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


def sheet_rows(printout: Printout) -> tuple[list[list], list[list]]:
    """Body rows and their merge keys: one row per printed name of each 三级指标."""
    s = styles()
    template, sheet = printout.report.template, printout.sheet
    rows, keys = [], []
    for leaf in template.leaves:
        chain = ancestors(template, leaf)
        first, second = (chain + [None, None])[:2]
        result = sheet.indicators[leaf.id] if sheet else None
        standard_key = ("standard", leaf.parent, leaf.standard) if leaf.standard.strip() else ("leaf", leaf.id)
        for row_name in leaf.rows:
            key = [first and first.id, second and second.id, ("name", leaf.id, row_name), standard_key,
                   ("leaf", leaf.id), ("leaf", leaf.id), ("leaf", leaf.id)]
            cells = [
                para(weighted(first), s["small_center"]) if first else "",
                para(weighted(second), s["small_center"]) if second else "",
                para(row_name, s["small_center"]),
                paragraphs(leaf.standard, s["note"]),
                para(score_text(leaf.weight), s["small_center"]),
                para(score_text(result.score) if result else "", s["small_center"]),
                paragraphs(result.reason if result else "", s["note"]),
            ]
            if keys:  # a merged cell prints its text once, in its first row
                cells = [cell if k is None or k != above else "" for cell, k, above in zip(cells, key, keys[-1])]
            rows.append(cells)
            keys.append(key)
    return rows, keys


def total_row(printout: Printout) -> list:
    s = styles()
    template, sheet = printout.report.template, printout.sheet
    return [para(wording.SHEET_TOTAL, s["head"]), "", "", "", para(score_text(template.total), s["small_center"]),
            para(score_text(sheet.final_total) if sheet else "", s["small_center"]), ""]


def sheet_flowables(printout: Printout) -> list:
    s = styles()
    template = printout.report.template
    head = [para(text, s["head"]) for text in wording.SHEET_HEAD]
    rows, keys = sheet_rows(printout)
    total = total_row(printout)
    last = len(rows) + 1
    table = form_table([head] + rows + [total], WIDTHS, header_rows=1, keys=[[None] * 7] + keys + [[None] * 7],
                       top_columns=(0, 1, 3, 6), min_height=BLANK_ROW if printout.blank else None, padding=2,
                       extra=[("SPAN", (0, last), (3, last)), ("LINEABOVE", (0, last), (-1, last), LINE, LINE_COLOR)])
    return [
        PageBreak(),
        para(cover_text(printout.report, "sheet_attachment"), s["attachment"]),
        para(template.cover["sheet_title"], s["sheet_title"]),
        table,
        Spacer(0, 4),
        para(template.cover["sheet_footnote"], s["note"]),
        para(wording.TEMPLATE_LINE.format(name=template.name), s["note"]),
    ]
