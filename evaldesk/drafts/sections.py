"""The 综述's sections in the filler's own text: where each one is, inserting or replacing one with its draft, and
which ones quote figures that have since changed.

A section of the filler's text starts at a line that is its heading — numbered or not (“二、一般公共预算支出情况”,
“部门整体支出绩效情况”), in the draft's words or one of the wording's aliases — and runs to the next heading line.
Nothing here changes a report: each function returns the new text, and the caller applies it as one edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from evaldesk.audit.context import AuditContext
from evaldesk.audit.quotations import disagreements, figure_patterns
from evaldesk.audit.texts import readable
from evaldesk.drafts.summary import Draft, DraftSection
from evaldesk.model.report import Report
from evaldesk.scoring.engine import SheetResult

# A top-level heading's number as the form writes it: 一、 … 十二、 (（一） is a second-level one, inside a section).
_NUMBER = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]\s*")


def _title(line: str) -> str:
    return _NUMBER.sub("", line).strip().rstrip("：:")


@dataclass(frozen=True)
class Span:
    start: int   # where its heading line starts
    end: int     # where the next heading line starts (or the text ends)


def _lines(text: str):
    start = 0
    for line in text.splitlines(keepends=True):
        yield start, line
        start += len(line)


def _names(section: DraftSection) -> set[str]:
    return {_title(section.heading), *(_title(alias) for alias in section.aliases)}


def find_sections(text: str, draft: Draft) -> dict[str, Span]:
    """Each draft section's span in ``text`` (the first heading that names it), by section id."""
    headings: list[tuple[int, str | None]] = []   # (offset, section id or None for another numbered heading)
    for offset, line in _lines(text):
        title = _title(line)
        owner = next((s.id for s in draft.sections if title and title in _names(s)), None)
        if owner is not None or _NUMBER.match(line):
            headings.append((offset, owner))
    spans: dict[str, Span] = {}
    for i, (offset, owner) in enumerate(headings):
        if owner is not None and owner not in spans:
            end = headings[i + 1][0] if i + 1 < len(headings) else len(text)
            spans[owner] = Span(offset, end)
    return spans


def _block(section: DraftSection, followed: bool) -> str:
    return section.text + ("\n" if followed else "")


# A paragraph of the draft that only asks the filler for words (【可在此补写…】, 【请补写…】): never put in place of
# words the filler has written.
_PROMPT = re.compile(r"^【[^【】]*】$")
_SENTENCE = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」）)]*|$)")


def _quotes_a_figure(sentence: str) -> bool:
    """Whether the sentence states a figure of part 二 (全年支出90.5万元): the draft restates those."""
    sentence = readable(sentence)
    return any(pattern.search(sentence) for _, pattern in figure_patterns())


def _own_words(body: str) -> tuple[list[str], list[str]]:
    """The filler's paragraphs of a section with the sentences that restate part 二's figures taken out (the
    draft says those), and those sentences: (kept paragraphs, restated sentences)."""
    kept, restated = [], []
    for paragraph in body.split("\n"):
        sentences = [s for s in _SENTENCE.findall(paragraph) if s.strip()]
        own = [s for s in sentences if not _quotes_a_figure(s)]
        restated += [s.strip() for s in sentences if _quotes_a_figure(s)]
        if "".join(own).strip():
            kept.append("".join(own).strip())
    return kept, restated


def _parts(text: str, span: Span) -> tuple[str, str]:
    """A section's heading line and its body."""
    heading, _, body = text[span.start:span.end].partition("\n")
    return heading, body.strip("\n")


def replaced_words(text: str, draft: Draft, section_id: str) -> list[str]:
    """What of the filler's own section ``replace_section`` would take out: the sentences stating part 二's
    figures, which the draft restates (the window names them and asks before replacing)."""
    _, body = _parts(text, find_sections(text, draft)[section_id])
    return _own_words(body)[1]


def replace_section(text: str, draft: Draft, section_id: str) -> str:
    """``text`` with its section ``section_id`` replaced by the draft's, keeping the filler's own words: a
    paragraph of the draft that asks for words (【可在此补写…主要做法】) gives way to what the filler wrote in the
    section beyond its figures; only the sentences that state part 二's figures are replaced, by the draft's."""
    span = find_sections(text, draft)[section_id]
    followed = span.end < len(text)
    section = draft.section(section_id)
    own, _ = _own_words(_parts(text, span)[1])
    if own:
        paragraphs, placed = [], False
        for paragraph in section.body.split("\n"):
            if _PROMPT.match(paragraph.strip()) and "草稿未予引用" not in paragraph:
                if not placed:
                    paragraphs += own
                    placed = True
                continue
            paragraphs.append(paragraph)
        if not placed:
            paragraphs += own
        section = replace(section, body="\n".join(paragraphs))
    return text[:span.start] + _block(section, followed) + text[span.end:]


def insert_section(text: str, draft: Draft, section_id: str) -> str:
    """``text`` with the draft's section ``section_id`` added in the form's order: before the first later section
    the text has, else at the end."""
    spans = find_sections(text, draft)
    ids = [s.id for s in draft.sections]
    later = [spans[i].start for i in ids[ids.index(section_id) + 1:] if i in spans]
    block = draft.section(section_id).text
    if later:
        at = min(later)
        return text[:at] + block + "\n" + text[at:]
    if not text.strip():
        return block
    return text.rstrip("\n") + "\n" + block


def stale_sections(report: Report, sheet: SheetResult, draft: Draft) -> dict[str, list[str]]:
    """The sections of the filler's 综述 that quote a figure part 二 or the score sheet no longer holds (the audit's
    quoted-figure comparison, section by section), with what each quotes."""
    text = report.text("summary.text")
    ctx = AuditContext(report, sheet)
    found = {}
    for section_id, span in find_sections(text, draft).items():
        wrong = disagreements(ctx, text[span.start:span.end])
        if wrong:
            found[section_id] = wrong
    return found
