"""Part 一、部门（单位）基本概况, walked from the layout: the one-line fields in a ruled table (two pairs to a
row), then the duties, the numbered tasks and the year's achievements, each a labelled text that may run over
several pages."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Table

from evaldesk.model.form import SECTION_BASIC
from evaldesk.model.layout import Fields, ListBlock, Size, Text, field_text, numbered
from evaldesk.printing.printout import Printout
from evaldesk.printing.styles import CELL_PADDING, FRAME_WIDTH, styles
from evaldesk.printing.tables import form_table, stacked_rows
from evaldesk.printing.text import hanging, head_para, heading, para, paragraphs
from evaldesk.printing.walk import walk

LABEL_WIDTH = 30 * mm
PAIR_WIDTHS = [LABEL_WIDTH, (FRAME_WIDTH - 2 * LABEL_WIDTH) / 2] * 2
TEXT_WIDTHS = [LABEL_WIDTH, FRAME_WIDTH - LABEL_WIDTH]
BLANK_TEXT_HEIGHT = {Size.SHORT: 70, Size.LONG: 190, Size.PAGE: 520}  # room to write by hand on the blank form
BLANK_ITEMS_HEIGHT = 22


def labelled_text(label: str, blocks: list, *, min_height: float | None = None) -> list:
    """A label in the left column beside text blocks that flow down the right column."""
    s = styles()
    rows = [[head_para(label, s["head"], LABEL_WIDTH) if i == 0 else "", block] for i, block in enumerate(blocks or [""])]
    tables = stacked_rows(rows, TEXT_WIDTHS, min_height=min_height)
    seen = {"page": None}   # the page the box was last drawn on, shared by its rows
    continued = head_para(label + CONTINUED, s["head"], LABEL_WIDTH)
    for table in tables:
        table.__class__ = LabelledRow
        table.box_pages, table.continued_label = seen, continued
    return tables


CONTINUED = "（续）"


class LabelledRow(Table):
    """A row of a labelled box: the first row it puts on a new page writes the label again, with （续）, so a
    continued 年度主要工作内容 is not an unlabelled box."""

    def draw(self):
        super().draw()
        page = self.canv.getPageNumber()
        if self.box_pages["page"] not in (None, page):
            width, height = self.continued_label.wrap(LABEL_WIDTH - 2 * CELL_PADDING, self._height)
            self.continued_label.drawOn(self.canv, CELL_PADDING, self._height - CELL_PADDING - height)
        self.box_pages["page"] = page

    def split(self, available_width, available_height):
        parts = super().split(available_width, available_height)
        for part in parts:   # a row cut at a page foot: its piece on the next page is a row of the box too
            part.__class__ = LabelledRow
            part.box_pages, part.continued_label = self.box_pages, self.continued_label
        return parts


def field_pairs(printout: Printout, block: Fields) -> list:
    """Label, value, label, value to a row; a field alone on its row has the rest of the row for its value."""
    s = styles()
    rows, spans = [], []
    for r, keys in enumerate(block.rows):
        row = []
        for key in keys:
            row += [head_para(block.label(key), s["head"], LABEL_WIDTH),
                    para(field_text(printout.report, key), s["cell_center"])]
        if len(keys) == 1:
            row += ["", ""]
            spans.append(("SPAN", (1, r), (3, r)))
        rows.append(row)
    return [form_table(rows, PAIR_WIDTHS, min_height=22, extra=spans)]


def long_text(printout: Printout, block: Text) -> list:
    s = styles()
    return labelled_text(block.label, paragraphs(printout.report.text(block.key), s["cell"]),
                         min_height=BLANK_TEXT_HEIGHT[block.size] if printout.blank else None)


def numbered_list(printout: Printout, block: ListBlock) -> list:
    """Each entry's (first) text, numbered 任务1：…, beside the list's caption."""
    s = styles()
    field = block.spec.fields[0][0]
    items = printout.report.items(block.key)
    widest = numbered(block.spec, len(items), "")
    lines = [line for i, item in enumerate(items, 1)
             for line in hanging(numbered(block.spec, i, ""), item.values.get(field, ""), s["cell"], widest)]
    return labelled_text(block.heading, lines, min_height=BLANK_ITEMS_HEIGHT if printout.blank else None)


def basic_flowables(printout: Printout) -> list:
    s = styles()
    return heading(SECTION_BASIC, s["heading"]) + walk(printout, SECTION_BASIC, {
        Fields: field_pairs, Text: long_text, ListBlock: numbered_list})
