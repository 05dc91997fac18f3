"""Part 五、评价报告综述, walked from the layout: the long report text in one ruled box under the section's
heading, flowing across as many pages as it needs."""

from __future__ import annotations

from evaldesk.model.form import SECTION_SUMMARY
from evaldesk.model.layout import Size, Text
from evaldesk.printing.basic import BLANK_TEXT_HEIGHT, long_text
from evaldesk.printing.printout import Printout
from evaldesk.printing.styles import FRAME_WIDTH, styles
from evaldesk.printing.tables import stacked_rows
from evaldesk.printing.text import heading, paragraphs
from evaldesk.printing.walk import walk


def whole_page_text(printout: Printout, block: Text) -> list:
    """A whole-page text has the width to itself; a titled one stands beside its label as in part 一."""
    if block.titled:
        return long_text(printout, block)
    s = styles()
    rows = [[piece] for piece in paragraphs(printout.report.text(block.key), s["body"])] or [[""]]
    return stacked_rows(rows, [FRAME_WIDTH], min_height=BLANK_TEXT_HEIGHT[Size.PAGE] if printout.blank else None)


def summary_flowables(printout: Printout) -> list:
    s = styles()
    return heading(SECTION_SUMMARY, s["heading"]) + walk(printout, SECTION_SUMMARY, {Text: whole_page_text})
