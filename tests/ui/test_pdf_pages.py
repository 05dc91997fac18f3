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
    tops = [label.geometry().top() for label in view.pages]
    heights = [label.height() for label in view.pages]
    assert len(view.pages) == pdf.pageCount()
    assert all(h > view.viewport().height() for h in heights)  # an A4 page at this width is taller than the view
    assert all(next_top >= top + height for top, height, next_top in zip(tops, heights, tops[1:]))  # no overlap
    assert view.pages[0].width() <= view.viewport().width()
    assert not view.pages[-1].pixmap().isNull()
