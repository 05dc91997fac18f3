"""User text → reportlab Paragraphs that print it literally and can flow across pages.

reportlab reads a Paragraph's text as markup, so ``<``/``&`` are escaped; control characters are dropped
(``clean_text``); characters the font lacks (emoji) print as the font's empty box without harming the rest. One
Paragraph per line keeps the filler's line breaks; a huge line is cut into pieces at sentence ends, because
reportlab re-lays out a whole Paragraph at every page break (a 100,000-character one would take minutes).
Every Paragraph here breaks its lines once per width (:class:`Paragraph`): a long cell is measured again at each
page it flows over, and without that memory the time grew with the square of the text.
"""

from __future__ import annotations

import re
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak
from reportlab.platypus.paragraph import Paragraph as ReportlabParagraph

from evaldesk.model.values import clean_text
from evaldesk.printing.fonts import register_fonts
from evaldesk.printing.styles import CELL_PADDING, HEADING_ROOM

PIECE = 1200          # characters per Paragraph at most, for lines longer than that
_SENTENCE_END = re.compile(r"[。；！？.;!?]")


class Paragraph(ReportlabParagraph):
    """A reportlab Paragraph that remembers its lines for each width it was wrapped at. A table cell that flows
    over pages is measured again for every page (what is left of it, each time as a new table); breaking the same
    lines anew each time made a 100k-character 实际完成 take seconds per page. The lines depend only on the text,
    the style and the width, all fixed for one Paragraph, so wrapping again at a width seen before restores them."""

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        if availWidth < 1e-8:   # reportlab's own "cannot fit" answer, which lays nothing out
            return super().wrap(availWidth, availHeight)
        laid_out = self.__dict__.setdefault("_laid_out", {})
        known = laid_out.get(availWidth)
        if known is None:
            size = super().wrap(availWidth, availHeight)
            laid_out[availWidth] = known = (size, self.blPara, self._wrapWidths)
        (self.width, self.height), self.blPara, self._wrapWidths = known
        return known[0]


_REPEATED_SPACE = re.compile(r"(?<= ) ")


def markup(text: object) -> str:
    """Text made safe for a Paragraph: control characters dropped, markup characters escaped, tabs as spaces,
    runs of spaces kept (a Paragraph would fold them into one; names are often padded: 熊  芳), and characters
    the body face lacks set in the sans face."""
    text = clean_text("" if text is None else text).replace("\t", "    ")
    return _in_a_face_that_has_them(escape(_REPEATED_SPACE.sub("\xa0", text)))


def _in_a_face_that_has_them(text: str) -> str:
    """The serif body face lacks a few characters the sans has (U+2212 −, some symbols): a run of them is set in
    the sans, so it prints instead of an empty box. (reportlab has no per-glyph fallback of its own.)"""
    body, sans = register_fonts()
    covered = pdfmetrics.getFont(body).face.charToGlyph

    def lacking(char: str) -> bool:
        return ord(char) not in covered and not char.isspace()

    if not any(lacking(char) for char in text):
        return text
    return "".join(f'<font name="{sans}">{"".join(run)}</font>' if missing else "".join(run)
                   for missing, run in groupby(text, key=lacking))


def para(text: object, style) -> Paragraph:
    """One short piece of user text (a name, a figure, a label) as a Paragraph; newlines become line breaks."""
    return Paragraph(markup(text).replace("\n", "<br/>"), style)


def heading(text: str, style) -> list:
    """A heading that is never left alone at the foot of a page (keepWithNext would push a long table whole)."""
    return [CondPageBreak(HEADING_ROOM), para(text, style)]


def pieces(line: str, size: int = PIECE) -> list[str]:
    """Cut a line into pieces of at most ``size`` characters, preferably just after a sentence end."""
    out = []
    while len(line) > size:
        cut = size
        for match in _SENTENCE_END.finditer(line, size // 2, size):
            cut = match.end()
        out.append(line[:cut])
        line = line[cut:]
    if line:
        out.append(line)
    return out


def paragraph_markups(text: object) -> list[str]:
    """Long user text as the markup of one Paragraph per line (blank lines skipped), huge lines cut in pieces."""
    lines = clean_text("" if text is None else text).split("\n")
    return [markup(piece) for line in lines if line.strip() for piece in pieces(line.strip())]


def paragraphs(text: object, style) -> list[Paragraph]:
    return [Paragraph(piece, style) for piece in paragraph_markups(text)]


_BREAK_BEFORE = "（(《“"
_BREAK_AFTER = "、，：）)》”"


def _break_score(text: str, at: int) -> int:
    """How good a place ``at`` is to end a header line: before an opening bracket, after a pause."""
    if text[at] in _BREAK_BEFORE or text[at - 1] in _BREAK_AFTER:
        return 2
    return 0


def balanced_lines(text: str, style, width: float) -> list[str]:
    """A short label (a column header) in as few lines as fit ``width``, of even length, broken before a bracket
    or after a pause where one is near — never one character alone on a line (公共财政拨/款)."""
    if stringWidth(text, style.fontName, style.fontSize) <= width or len(text) < 2:
        return [text]
    for count in range(2, len(text) + 1):
        lines, rest = [], text
        for left in range(count, 1, -1):
            ideal = round(len(rest) / left)
            options = [at for at in range(max(1, ideal - 2), min(len(rest) - 1, ideal + 2) + 1)]
            at = max(options, key=lambda a: (_break_score(rest, a), -abs(a - ideal)))
            lines.append(rest[:at])
            rest = rest[at:]
        lines.append(rest)
        if all(stringWidth(line, style.fontName, style.fontSize) <= width for line in lines):
            return lines
    return [text]


def head_para(text: str, style, column_width: float) -> Paragraph:
    """A header cell whose lines break where a reader would break them (see :func:`balanced_lines`)."""
    inner = column_width - CELL_PADDING * 2 - 2.5
    lines = [piece for line in text.split("\n") for piece in balanced_lines(line, style, inner)]
    return Paragraph("<br/>".join(markup(line) for line in lines), style)


def fitting_size(text: str, style, column_width: float) -> float:
    """The largest size (down from the style's, in quarter points) at which ``text`` fits the column on one line."""
    inner = column_width - CELL_PADDING * 2 - 2.5
    size = style.fontSize
    while size > 4 and stringWidth(text, style.fontName, size) > inner:
        size -= 0.25
    return size


def figure(text: str, style, column_width: float, size: float | None = None) -> Paragraph:
    """An amount or a score on one line, in a smaller size if the column is too narrow for it: a figure is never
    broken (99999999.9/9). ``size``: the size its whole column is set in (a column shrinks together, so a 汇总
    figure at 6 pt never stands above 9-pt ones)."""
    size = min(size if size is not None else style.fontSize, fitting_size(text, style, column_width))
    if size != style.fontSize:
        style = ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size, leading=style.leading)
    return Paragraph(markup(text), style)


def hanging(prefix: str, text: object, style, widest: str = "") -> list[Paragraph]:
    """A numbered entry (任务1：…) whose wrapped lines start under its text, not under its number. ``widest``: the
    list's widest number (任务40：), so every entry's text starts at one place and 任务10 does not shift it."""
    own = stringWidth(prefix, style.fontName, style.fontSize)
    indent = max(own, stringWidth(widest, style.fontName, style.fontSize))
    # the number ends where the text starts (任务9： stands one digit in from 任务10：), so every line of every
    # entry starts at one place
    first_style = ParagraphStyle(f"{style.name}-hang-{own:.2f}", parent=style, leftIndent=indent, firstLineIndent=-own)
    rest_style = ParagraphStyle(f"{style.name}-under", parent=style, leftIndent=indent, firstLineIndent=0)
    lines = paragraph_markups(text) or [""]
    return [Paragraph(markup(prefix) + line if i == 0 else line, first_style if i == 0 else rest_style)
            for i, line in enumerate(lines)]
