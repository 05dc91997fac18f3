"""PDF pages as images, for the print preview and the printer (pypdfium2, ~4 MB, wheels down to glibc 2.17).

Qt's own QtPdf comes either in PySide6-Pdf, which exists only for PySide6 6.12 (glibc ≥ 2.34: no 统信UOS 20 or
银河麒麟 V10), or in the 167 MB PySide6-Addons. PDFium is the renderer QtPdf wraps, so the pages look the same.

``PdfPages`` answers the three questions the preview and ``render_to_printer`` ask of a PDF — how many pages, a
page's size in points, the page as a QImage of a given size — on the very bytes 导出PDF writes.
"""

from __future__ import annotations

from collections import OrderedDict
from contextlib import contextmanager

import pypdfium2
import pypdfium2.raw as pdfium_raw
from PySide6.QtCore import QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QScrollArea, QWidget


class PdfPages:
    def __init__(self, data: bytes):
        self.data = data
        with self._document() as document:  # refuses a damaged PDF here, not halfway through a print job
            self.sizes = [QSizeF(*document[index].get_size()) for index in range(len(document))]

    @contextmanager
    def _document(self):
        # Opened per use and closed at once: a PDFium document left open when the program ends is reported on
        # stderr, and opening these bytes again costs well under a millisecond.
        document = pypdfium2.PdfDocument(self.data)
        try:
            yield document
        finally:
            document.close()

    def pageCount(self) -> int:  # noqa: N802 — the name QPdfDocument gives it, which the printing code knows
        return len(self.sizes)

    def pagePointSize(self, index: int) -> QSizeF:  # noqa: N802
        return self.sizes[index]

    def render(self, index: int, size: QSize, gray: bool = False) -> QImage:
        """The page drawn on white, scaled to ``size`` (its aspect kept: the width decides). ``gray``: one byte a
        pixel instead of four, for the printer — the form is black and grey only (printing/page.py)."""
        with self._document() as document:
            page = document[index]
            scale = size.width() / self.sizes[index].width()
            if gray:
                bitmap = page.render(scale=scale, grayscale=True, fill_color=(255, 255, 255, 255),
                                     force_bitmap_format=pdfium_raw.FPDFBitmap_Gray)
                kind = QImage.Format.Format_Grayscale8
            else:
                # RGBA in byte order whatever the CPU
                bitmap = page.render(scale=scale, rev_byteorder=True, fill_color=(255, 255, 255, 255),
                                     force_bitmap_format=pdfium_raw.FPDFBitmap_BGRA)
                kind = QImage.Format.Format_RGBA8888
            # copy() detaches the image from PDFium's buffer before it goes
            return QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, kind).copy()


def load_pdf(data: bytes) -> PdfPages:
    return PdfPages(data)


class PageView(QScrollArea):
    """Every page one under the other, as wide as the view (as QPdfView's MultiPage + FitToWidth showed them). Only
    the pages on screen are drawn, at the screen's pixel ratio so text stays sharp, from the last few drawn: a
    report of a hundred pages costs the memory of a few, not of all (4 MB a page at this width)."""

    GAP = 12

    def __init__(self, pdf: PdfPages, parent=None):
        super().__init__(parent)
        self.pdf = pdf
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # its width never changes the pages'
        self.column = PageColumn(pdf, self.GAP)
        self.setWidget(self.column)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.column.lay_out(max(200, self.viewport().width() - 2 * self.GAP))

    def page_rect(self, index: int) -> QRect:
        """Where page ``index`` stands in the column of pages."""
        return self.column.rects[index]


class PageColumn(QWidget):
    """The pages placed one under the other; a page is drawn when it comes on screen and kept among the last few."""

    KEPT = 6  # enough for the pages of a tall screen and the one scrolled away from

    def __init__(self, pdf: PdfPages, gap: int):
        super().__init__()
        self.pdf = pdf
        self.gap = gap
        self.rects: list[QRect] = []
        self.drawn: OrderedDict[int, QPixmap] = OrderedDict()  # page → its picture at this width, last used last

    def lay_out(self, width: int) -> None:
        if self.rects and self.rects[0].width() == width:
            return
        self.rects, top = [], self.gap
        for index in range(self.pdf.pageCount()):
            size = self.pdf.pagePointSize(index)
            height = round(width * size.height() / size.width())
            self.rects.append(QRect(self.gap, top, width, height))
            top += height + self.gap
        self.drawn.clear()
        self.resize(width + 2 * self.gap, top)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        for index, rect in enumerate(self.rects):
            if rect.intersects(event.rect()):
                painter.drawPixmap(rect, self.picture(index))

    def picture(self, index: int) -> QPixmap:
        if index in self.drawn:
            self.drawn.move_to_end(index)
            return self.drawn[index]
        ratio = self.devicePixelRatioF()
        rect = self.rects[index]
        picture = QPixmap.fromImage(self.pdf.render(index, QSize(round(rect.width() * ratio),
                                                                 round(rect.height() * ratio))))
        picture.setDevicePixelRatio(ratio)
        self.drawn[index] = picture
        while len(self.drawn) > self.KEPT:
            self.drawn.popitem(last=False)
        return picture
