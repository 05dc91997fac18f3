"""Part 一、部门（单位）基本概况: contact and staff figures, then the duties, the numbered tasks and the year's
achievements, each a labelled text that may run over several pages."""

from __future__ import annotations

from reportlab.lib.units import mm

from evaldesk.model.form import FIELD_BY_KEY, LIST_BY_KEY, SECTION_BASIC
from evaldesk.printing.printout import Printout
from evaldesk.printing.styles import FRAME_WIDTH, styles
from evaldesk.printing.tables import form_table, stacked_rows
from evaldesk.printing.text import heading, para, paragraphs

LABEL_WIDTH = 30 * mm
PAIR_WIDTHS = [LABEL_WIDTH, (FRAME_WIDTH - 2 * LABEL_WIDTH) / 2] * 2
TEXT_WIDTHS = [LABEL_WIDTH, FRAME_WIDTH - LABEL_WIDTH]
BLANK_TEXT_HEIGHT = {"basic.duties": 70, "basic.achievements": 190}
BLANK_ITEMS_HEIGHT = 22


def numbered(label: str, number: int, text: str) -> str:
    return f"{label}{number}：{text}"


def labelled_text(label: str, blocks: list, *, min_height: float | None = None) -> list:
    """A label in the left column beside text blocks that flow down the right column."""
    s = styles()
    rows = [[para(label, s["head"]) if i == 0 else "", block] for i, block in enumerate(blocks or [""])]
    return stacked_rows(rows, TEXT_WIDTHS, min_height=min_height)


def basic_flowables(printout: Printout) -> list:
    s = styles()
    report = printout.report

    def label(key: str):
        return para(FIELD_BY_KEY[key].label, s["head"])

    def value(key: str):
        return para(report.text(key), s["cell_center"])

    pairs = form_table([
        [label("basic.contact"), value("basic.contact"), label("basic.phone"), value("basic.phone")],
        [label("basic.staff_quota"), value("basic.staff_quota"), label("basic.staff_actual"), value("basic.staff_actual")],
    ], PAIR_WIDTHS, min_height=22)

    tasks = LIST_BY_KEY["tasks"]
    task_lines = [line for i, item in enumerate(report.items("tasks"), 1)
                  for line in paragraphs(numbered(tasks.item_label, i, item.values.get("text", "")), s["cell"])]
    flowables = heading(SECTION_BASIC, s["heading"]) + [pairs]
    flowables += labelled_text(FIELD_BY_KEY["basic.duties"].label, paragraphs(report.text("basic.duties"), s["cell"]),
                               min_height=BLANK_TEXT_HEIGHT["basic.duties"] if printout.blank else None)
    flowables += labelled_text(tasks.label, task_lines, min_height=BLANK_ITEMS_HEIGHT if printout.blank else None)
    flowables += labelled_text(FIELD_BY_KEY["basic.achievements"].label,
                               paragraphs(report.text("basic.achievements"), s["cell"]),
                               min_height=BLANK_TEXT_HEIGHT["basic.achievements"] if printout.blank else None)
    return flowables
