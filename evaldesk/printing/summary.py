"""Part 五、评价报告综述: the long report text in one ruled box, flowing across as many pages as it needs."""

from __future__ import annotations

from evaldesk.model.form import SECTION_SUMMARY
from evaldesk.printing.printout import Printout
from evaldesk.printing.styles import FRAME_WIDTH, styles
from evaldesk.printing.tables import stacked_rows
from evaldesk.printing.text import heading, para, paragraphs

BLANK_HEIGHT = 520   # most of a page to write on


def summary_flowables(printout: Printout) -> list:
    s = styles()
    rows = [[block] for block in paragraphs(printout.report.text("summary.text"), s["body"])] or [[""]]
    return heading(SECTION_SUMMARY, s["heading"]) + stacked_rows(
        rows, [FRAME_WIDTH], min_height=BLANK_HEIGHT if printout.blank else None)
