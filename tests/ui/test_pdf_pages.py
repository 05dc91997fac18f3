"""The preview's pages (pypdfium2): the real pages of the PDF, whole, one under the other, as wide as the view."""

from PySide6.QtCore import QSize

from evaldesk.app.output import pdf_bytes
from evaldesk.ui.pdf_pages import PageView, load_pdf


def ink(image) -> int:
    """Dark pixels on a coarse grid: text and rules, not the white paper."""
    return sum(1 for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
               if image.pixelColor(x, y).lightness() < 128)


def test_a_page_renders_at_the_asked_size_with_its_text(sample):
    pdf = load_pdf(pdf_bytes(sample))
    assert pdf.pageCount() > 5
    a4 = pdf.pagePointSize(0)
    assert round(a4.width()) == 595 and round(a4.height()) == 842
    image = pdf.render(0, QSize(600, 849))
    assert image.width() == 600 and abs(image.height() - 849) <= 1
    assert image.pixelColor(2, 2).lightness() == 255  # white paper in the margin, not transparent black
    assert ink(image) > 500  # the cover's title and fields are drawn


def test_the_view_shows_every_page_whole_one_under_the_other(sample, qtbot):
    pdf = load_pdf(pdf_bytes(sample))
    view = PageView(pdf)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    rects = [view.page_rect(index) for index in range(pdf.pageCount())]
    assert all(rect.height() > view.viewport().height() for rect in rects)  # an A4 page is taller than the view
    assert all(below.top() >= above.bottom() for above, below in zip(rects, rects[1:]))  # no overlap
    assert rects[0].width() <= view.viewport().width()
    assert ink(view.grab().toImage()) > 200  # the cover is drawn
    view.verticalScrollBar().setValue(rects[-1].top())
    assert ink(view.grab().toImage()) > 200  # and so is the last page, once it is scrolled to


def test_a_long_report_keeps_only_a_few_pages_drawn(sample, qtbot):
    """Memory: each drawn page is some 4 MB; going through every page keeps the last few, not all of them."""
    pdf = load_pdf(pdf_bytes(sample))
    view = PageView(pdf)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    for index in range(pdf.pageCount()):
        view.verticalScrollBar().setValue(view.page_rect(index).top())
        view.grab()
    assert pdf.pageCount() > view.column.KEPT
    assert len(view.column.drawn) <= view.column.KEPT
