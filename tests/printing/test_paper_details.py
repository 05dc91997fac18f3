"""Typesetting details a reviewer sees on paper: a numbered list's text starts at one place whatever the number's
width, and a grid's figures of one column share one size."""

import pypdfium2 as pdfium

from evaldesk.printing import proofs
from evaldesk.printing.pdf import build_pdf


def _chars(pdf: bytes):
    """Every character with its page, left edge and height, in reading order."""
    for number, page in enumerate(pdfium.PdfDocument(pdf)):
        text = page.get_textpage()
        for i in range(text.count_chars()):
            left, bottom, right, top = text.get_charbox(i)
            yield number, text.get_text_range(i, 1), left, top - bottom


def _wrapped_left(chars: list, number: int) -> float:
    """Where task ``number``'s wrapped lines start: the leftmost of its text's characters."""
    letters = "".join(c[1] for c in chars)
    start = letters.index(f"任务{number}：") + len(f"任务{number}：")
    end = letters.index(f"任务{number + 1}：")
    return min(c[2] for c in chars[start:end] if not c[1].isspace())


def test_the_task_list_hangs_its_text_at_one_place_past_task_9(sample):
    chars = list(_chars(build_pdf(proofs.heavy(sample))))
    ninth, tenth, thirtieth = (_wrapped_left(chars, n) for n in (8, 10, 30))
    assert abs(ninth - tenth) < 0.5 and abs(tenth - thirtieth) < 0.5


def test_a_grids_column_shrinks_together(sample):
    chars = [c for c in _chars(build_pdf(proofs.heavy(sample))) if c[1].isdigit()]
    letters = "".join(c[1] for c in chars)
    # the 收入合计 column: the 汇总 row's 499999999.95 over the 局机关's 499999999.95 — one size for both
    at = letters.index("49999999995")
    summary, unit = chars[at], chars[letters.index("49999999995", at + 1)]
    assert abs(summary[3] - unit[3]) < 0.3


def test_the_reference_reports_signature_boxes_fit_under_its_evaluators(sample):
    # they missed the page by about 4 mm and went over, leaving half a page empty: their writing room gives a little
    from tests.printing.pdfread import pages_text

    pages = pages_text(build_pdf(sample))
    [page] = [p for p in pages if "四、评价人员" in p]
    assert "评价组组长（签字）" in page and "填报人（签名）" in page


def test_a_labelled_box_continued_on_the_next_page_says_what_it_is(sample):
    from tests.printing.pdfread import pages_text

    pages = pages_text(build_pdf(proofs.heavy(sample)))
    continued = [p for p in pages if "年度主要工作内容（续）" in p]
    assert continued and all("任务" in p for p in continued)
    assert sum("年度主要工作内容" in p and "（续）" not in p.split("年度主要工作内容")[1][:3] for p in pages) == 1
