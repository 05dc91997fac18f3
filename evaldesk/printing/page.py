"""The page around the content: the footer (第 x 页 共 y 页 and the data fingerprint) and the 草稿 marking. A cover
page carries neither page number nor fingerprint, and the pages after it count from 1.

The page total is only known at the end, so the canvas keeps each page's state and draws every footer when the
document is saved. The 草稿 marking is drawn when a page begins, so it lies under the content and hides nothing.
"""

from __future__ import annotations

import calendar
import datetime
import io
import time

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from evaldesk.model import wording
from evaldesk.printing import labels
from evaldesk.printing.fonts import register_fonts
from evaldesk.printing.printout import Printout
from evaldesk.printing.styles import BOTTOM_MARGIN, LEFT_MARGIN, PAGE_SIZE, RIGHT_MARGIN, TOP_MARGIN

FOOTER_SIZE = 8.5
GREY = colors.Color(0.35, 0.35, 0.35)
WATERMARK = colors.Color(0.82, 0.82, 0.82)


def _footer_canvas(printout: Printout, cover: bool):
    """A Canvas class that writes 第 x 页 共 y 页 and the fingerprint on every page (but a cover) once the total
    is known."""
    skipped = 1 if cover else 0
    regular, _ = register_fonts()
    fingerprint = wording.FINGERPRINT.format(fingerprint=printout.fingerprint) if printout.fingerprint else ""

    class FooterCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages) - skipped
            for number, state in enumerate(self._pages, 1 - skipped):
                self.__dict__.update(state)
                if number >= 1:
                    self._draw_footer(number, total)
                super().showPage()
            super().save()

        def _draw_footer(self, number: int, total: int) -> None:
            width, _ = PAGE_SIZE
            y = BOTTOM_MARGIN / 2
            self.saveState()
            self.setFont(regular, FOOTER_SIZE)
            self.setFillColor(colors.black)
            middle = LEFT_MARGIN + (width - LEFT_MARGIN - RIGHT_MARGIN) / 2
            self.drawCentredString(middle, y, wording.PAGE_NUMBER.format(page=number, pages=total))
            if fingerprint:
                self.setFillColor(GREY)
                self.drawRightString(width - RIGHT_MARGIN, y, fingerprint)
            self.restoreState()

    return FooterCanvas


def _draft_marking(printout: Printout):
    regular, bold = register_fonts()
    header = labels.DRAFT_HEADER.format(count=len(printout.errors))

    def mark(canvas: Canvas, doc) -> None:
        width, height = PAGE_SIZE
        canvas.saveState()
        canvas.setFillColor(WATERMARK)
        canvas.setFont(bold, 110)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, -40, labels.DRAFT_MARK)
        canvas.restoreState()
        canvas.saveState()
        canvas.setFont(bold, 10)
        canvas.setFillColor(colors.black)
        canvas.drawString(LEFT_MARGIN, height - TOP_MARGIN / 2 - 4, header)
        canvas.restoreState()

    return mark


def render(printout: Printout, story: list, title: str, *, cover: bool = False, draft_marking: bool = True,
           made: datetime.date | None = None) -> bytes:
    """Lay ``story`` out on A4 pages and return the PDF. ``invariant`` makes equal input give equal bytes (its
    ids and no time of day); the creation date is the day it is made (``made``, today by default: a test passes a
    fixed one), where reportlab's invariant mode would write 2000-01-01.
    ``cover``: the first page is a cover (no footer, not counted)."""
    regular, _ = register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=PAGE_SIZE, leftMargin=LEFT_MARGIN, rightMargin=RIGHT_MARGIN,
                          topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN, title=title, author="evaldesk",
                          creator="evaldesk", invariant=1, initialFontName=regular)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    on_page = _draft_marking(printout) if printout.draft and draft_marking else (lambda canvas, doc: None)
    doc.addPageTemplates([PageTemplate(id="form", frames=[frame], onPage=on_page)])
    doc.build(story, canvasmaker=_dated(_footer_canvas(printout, cover), made or datetime.date.today()))
    return buffer.getvalue()


def _dated(canvas_class, day: datetime.date):
    """The canvas class with its document's creation date set to ``day`` (noon UTC, so it reads as that day in
    any time zone a viewer shows it in)."""
    moment = calendar.timegm((day.year, day.month, day.day, 12, 0, 0))

    class Dated(canvas_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            stamp = self._doc._timeStamp
            stamp.t, stamp.lt = moment, time.gmtime(moment)
            stamp.YMDhms = tuple(stamp.lt)[:6]

    return Dated
