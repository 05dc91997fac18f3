"""Chinese line breaking rules reportlab lacks, patched in once when the printing styles load.

reportlab's CJK line breaker keeps some marks off the start of a line (it lets them hang at the end of the line
before) but has no rule for the end of a line: an opening quote or bracket may end a line, apart from the word it
opens (园区“ / 三定”), and it hangs only one mark at a line end, so in ”。 the second starts the next line. Here such
a line is broken one character earlier, so the marks go with their words. Its list of marks that cannot start a line also lacks the full-width comma, colon,
semicolon and closing quotes that Chinese text is full of.
"""

from __future__ import annotations

from reportlab.lib import textsplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph

NO_LINE_START = "，：；！？》」』”’、。）"
NO_LINE_END = "“‘《（「『〔【"


def _line_width(line) -> float:
    return sum(stringWidth(word.text, word.fontName, word.fontSize) for word in line.words)


def _moves_down(text: str, following: str) -> bool:
    """Whether the last character of a line must go down to the next: it opens a quote or bracket, or the next
    line would start with a mark that may not start one (reportlab hangs one mark at a line end, not two: ”。)."""
    text, following = text.rstrip(), following.lstrip()
    return len(text) > 2 and (text[-1] in NO_LINE_END or following[:1] in NO_LINE_START)


def _line_text(line) -> str:
    return "".join(word.text for word in line.words)


def _patched(original):
    def split(frags, maxWidths, calcBounds, encoding="utf8"):
        lines = original(frags, maxWidths, calcBounds, encoding)
        widths = list(maxWidths)
        for _ in range(len(lines.lines)):   # each pass fixes the first line ending in an opening mark
            fixed = False
            for k, line in enumerate(lines.lines[:-1]):
                text = _line_text(line).rstrip()
                if _moves_down(text, _line_text(lines.lines[k + 1])):
                    widths += [widths[-1]] * (len(lines.lines) + 1 - len(widths))
                    last = line.words[-1]
                    widths[k] = _line_width(line) - stringWidth(text[-1], last.fontName, last.fontSize) - 0.01
                    lines = original(frags, widths, calcBounds, encoding)
                    fixed = True
                    break
            if not fixed:
                break
        return lines

    split.evaldesk_patched = True
    return split


def _patched_plain(original):
    """The same rule for plain text (a Paragraph without markup is broken by ``wordSplit``: [space, text] lines)."""
    def split(word, maxWidths, fontName, fontSize, encoding="utf8"):
        lines = original(word, maxWidths, fontName, fontSize, encoding)
        widths = list(maxWidths)
        for _ in range(len(lines)):
            k = next((k for k, (_, text) in enumerate(lines[:-1]) if _moves_down(text, lines[k + 1][1])), None)
            if k is None:
                break
            widths += [widths[-1]] * (len(lines) + 1 - len(widths))
            text = lines[k][1].rstrip()
            widths[k] = stringWidth(text[:-1], fontName, fontSize) + 0.01
            lines = original(word, widths, fontName, fontSize, encoding)
        return lines

    return split


def patch_reportlab() -> None:
    if getattr(paragraph.cjkFragSplit, "evaldesk_patched", False):
        return
    textsplit.ALL_CANNOT_START += NO_LINE_START   # both breakers (plain text and marked-up fragments) read
    paragraph.ALL_CANNOT_START += NO_LINE_START   # their own copy of the list
    paragraph.cjkFragSplit = _patched(paragraph.cjkFragSplit)
    paragraph.wordSplit = _patched_plain(paragraph.wordSplit)
