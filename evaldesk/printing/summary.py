"""Part 五、评价报告综述, walked from the layout: the long report text in one ruled box under the section's
heading, flowing across as many pages as it needs."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from evaldesk.model.form import SECTION_SUMMARY
from evaldesk.model.layout import Size, Text
from evaldesk.printing.basic import BLANK_TEXT_HEIGHT, long_text
from evaldesk.printing.printout import Printout
from evaldesk.printing.styles import FRAME_WIDTH, LINE, LINE_COLOR, styles
from evaldesk.printing.tables import stacked_rows
from evaldesk.printing.text import heading, paragraphs
from evaldesk.printing.walk import walk


def whole_page_text(printout: Printout, block: Text) -> list:
    """A whole-page text has the width to itself; a titled one stands beside its label as in part 一."""
    if block.titled:
        return long_text(printout, block)
    if printout.blank:
        return [RestOfPage(BLANK_TEXT_HEIGHT[Size.PAGE])]
    s = styles()
    rows = [[piece] for piece in paragraphs(printout.report.text(block.key), s["body"])] or [[""]]
    return stacked_rows(rows, [FRAME_WIDTH], min_height=None)


class RestOfPage(Flowable):
    """The blank form's empty box for a whole-page text: it fills the rest of the page under its heading (the
    heading never stands alone at a page foot over 118 mm of nothing) and, when that is less than ``height``,
    a second box of ``height`` follows on the next page, as a filler writing by hand would go on."""

    SMALLEST = 30 * mm   # below this under the heading, the heading's own room (HEADING_ROOM) moved both over

    def __init__(self, height: float):
        super().__init__()
        self.height_wanted = height

    def wrap(self, available_width, available_height):
        self.width, self.height = FRAME_WIDTH, self.height_wanted
        return self.width, self.height

    def split(self, available_width, available_height):
        if available_height < self.SMALLEST:
            return []   # too little to write in: the whole box on the next page
        return [RestOfPage(available_height - 1), RestOfPage(self.height_wanted)]

    def draw(self):
        self.canv.setLineWidth(LINE)
        self.canv.setStrokeColor(LINE_COLOR)
        self.canv.rect(0, 0, self.width, self.height)


def summary_flowables(printout: Printout) -> list:
    s = styles()
    return heading(SECTION_SUMMARY, s["heading"]) + walk(printout, SECTION_SUMMARY, {Text: whole_page_text})
