"""A long text costs line breaking in proportion to its length: each Paragraph's lines are broken once per width,
however many pages the cell it sits in flows over. (The time itself is benchmarks/bench_print.py's; here the work
is counted, which does not depend on the machine's load.)"""

import pytest
from reportlab.platypus.paragraph import Paragraph as ReportlabParagraph

from evaldesk.printing.pdf import build_pdf
from evaldesk.printing.proofs import text_of
from evaldesk.printing.styles import styles
from evaldesk.printing.text import Paragraph

from .pdfread import body_text
from .test_hostile_text import huge_text, markers


def line_breaks_for(sample, monkeypatch, key: str, length: int) -> int:
    """How many times reportlab broke a paragraph into lines while building the PDF with ``key`` this long."""
    calls = []
    original = ReportlabParagraph.breakLinesCJK

    def counted(self, widths):
        calls.append(1)
        return original(self, widths)

    sample.fields[key] = text_of(length)
    with monkeypatch.context() as patch:
        patch.setattr(ReportlabParagraph, "breakLinesCJK", counted)
        build_pdf(sample)
    return len(calls)


@pytest.mark.parametrize("key", ["self.actual", "sheet.benefits.reason", "summary.text"])
def test_line_breaking_grows_with_the_text_not_with_its_square(sample, monkeypatch, key):
    base = line_breaks_for(sample, monkeypatch, key, 0)
    short = line_breaks_for(sample, monkeypatch, key, 20_000) - base
    long = line_breaks_for(sample, monkeypatch, key, 80_000) - base
    # Four times the text: about four times the work (pieces, pages and split lines). Re-breaking what is left of
    # a cell at every page made it about sixteen times.
    assert short > 0
    assert long <= short * 4.5, (short, long)


def test_a_paragraph_wrapped_again_at_an_earlier_width_has_that_widths_lines():
    style = styles()["cell"]
    text = text_of(600)
    wide, narrow = Paragraph(text, style), Paragraph(text, style)
    fresh_wide = ReportlabParagraph(text, style)
    assert wide.wrap(400, 1e9) == fresh_wide.wrap(400, 1e9)
    narrow_size = wide.wrap(150, 1e9)
    assert narrow_size == ReportlabParagraph(text, style).wrap(150, 1e9)
    assert wide.wrap(400, 1e9) == fresh_wide.wrap(400, 1e9)
    assert wide.blPara.lines == fresh_wide.blPara.lines
    # Splitting after the width went back and forth cuts where a fresh paragraph cuts.
    top, rest = wide.split(400, 100)
    fresh_top, fresh_rest = fresh_wide.split(400, 100)
    assert len(top.blPara.lines) == len(fresh_top.blPara.lines)
    assert rest.wrap(400, 1e9) == fresh_rest.wrap(400, 1e9)
    assert narrow.wrap(150, 1e9) == narrow_size


def test_the_longest_text_accepted_prints_whole_in_a_table_cell(sample):
    """200,000 characters (model/validate.py's limit for a long text) in 实际完成: every 1,000-character marker
    prints, in order, once, across the pages the cell flows over (each with the table's header again)."""
    sample.fields["self.actual"] = huge_text(200_000)
    printed = body_text(build_pdf(sample), ("预期目标实际完成",))
    assert markers(printed) == markers(huge_text(200_000))
    assert len(markers(printed)) == 200
