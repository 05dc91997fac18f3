"""Chinese line breaking rules reportlab lacks, patched in once when the printing styles load.

reportlab's CJK line breaker keeps some marks off the start of a line (it lets them hang at the end of the line
before) but has no rule for the end of a line: an opening quote or bracket may end a line, apart from the word it
opens (园区“ / 三定”). Here a line that would end with one is broken one character earlier, so the mark starts the
next line with its word. Its list of marks that cannot start a line also lacks the full-width comma, colon,
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


def _ends_with_opener(line) -> str:
    text = "".join(word.text for word in line.words).rstrip()
    return text[-1] if len(text) > 1 and text[-1] in NO_LINE_END else ""


def _patched(original):
    def split(frags, maxWidths, calcBounds, encoding="utf8"):
        lines = original(frags, maxWidths, calcBounds, encoding)
        widths = list(maxWidths)
        for _ in range(len(lines.lines)):   # each pass fixes the first line ending in an opening mark
            fixed = False
            for k, line in enumerate(lines.lines[:-1]):
                opener = _ends_with_opener(line)
                if opener:
                    widths += [widths[-1]] * (len(lines.lines) + 1 - len(widths))
                    last = line.words[-1]
                    widths[k] = _line_width(line) - stringWidth(opener, last.fontName, last.fontSize) - 0.01
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
            k = next((k for k, (_, text) in enumerate(lines[:-1])
                      if len(text.rstrip()) > 1 and text.rstrip()[-1] in NO_LINE_END), None)
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
