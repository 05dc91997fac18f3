"""User text → reportlab Paragraphs that print it literally and can flow across pages.

reportlab reads a Paragraph's text as markup, so ``<``/``&`` are escaped; control characters are dropped
(``clean_text``); characters the font lacks (emoji) print as the font's empty box without harming the rest. One
Paragraph per line keeps the filler's line breaks; a huge line is cut into pieces at sentence ends, because
reportlab re-lays out a whole Paragraph at every page break (a 100,000-character one would take minutes).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.platypus import CondPageBreak, Paragraph

from evaldesk.model.values import clean_text
from evaldesk.printing.styles import HEADING_ROOM

PIECE = 1200          # characters per Paragraph at most, for lines longer than that
_SENTENCE_END = re.compile(r"[。；！？.;!?]")


_REPEATED_SPACE = re.compile(r"(?<= ) ")


def markup(text: object) -> str:
    """Text made safe for a Paragraph: control characters dropped, markup characters escaped, tabs as spaces,
    runs of spaces kept (a Paragraph would fold them into one; names are often padded: 熊  芳)."""
    text = clean_text("" if text is None else text).replace("\t", "    ")
    return escape(_REPEATED_SPACE.sub("\xa0", text))


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


def paragraphs(text: object, style) -> list[Paragraph]:
    """Long user text as one Paragraph per line (blank lines skipped), huge lines cut into pieces."""
    lines = clean_text("" if text is None else text).split("\n")
    return [Paragraph(markup(piece), style) for line in lines if line.strip() for piece in pieces(line.strip())]
