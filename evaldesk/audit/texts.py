"""The report's free texts, each with where it is and how a message names it, and helpers to quote them.

Checks that read prose (contradictions, quoted figures, scores, 满意度) walk these sources in the form's order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from evaldesk.audit import places
from evaldesk.model.form import FIELD_BY_KEY, SECTION_SELF, SECTION_SUMMARY
from evaldesk.model.places import FieldPlace, ItemPlace, Place, SheetPlace
from evaldesk.model.report import Report

# Full-width digits, point and percent sign read as their ASCII forms; one character for one, so a match's
# position is the same in the original text.
_DIGITS = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_FULL_WIDTH = re.compile("[０-９．％]")

_SENTENCE_ENDS = ("。", "；", "！", "？", "\n")

# Fields whose prose the text checks read, in the form's order.
PROSE_FIELDS = ("basic.achievements", "self.actual", "summary.text")


@dataclass(frozen=True)
class Text:
    """A text of the report as the checks read it, with how a message names its place."""

    key: str     # names the place in a finding's key: survives export and import, unlike an entry's id
    where: Place
    label: str   # how a message names the place: 三、实际完成 / 评分表“…”扣分原因
    text: str    # with full-width digits made ASCII

    def quote(self, start: int, end: int, context: int = 12) -> str:
        """The matched words with a little of what is around them (within their sentence), as a filler would
        recognise them."""
        left = max(0, start - context)
        right = min(len(self.text), end + context)
        before = max(self.text.rfind(mark, left, start) for mark in _SENTENCE_ENDS)
        if before >= 0:
            left = before + 1
        after = [i for i in (self.text.find(mark, end, right) for mark in _SENTENCE_ENDS) if i >= 0]
        if after:
            right = min(after) + 1
        snippet = self.text[left:right].replace("\n", " ").strip()
        if context == 0:
            return self.text[start:end].replace("\n", " ").strip()
        cut_before = left > 0 and self.text[left - 1] not in _SENTENCE_ENDS
        cut_after = right < len(self.text) and self.text[right - 1] not in _SENTENCE_ENDS
        return ("…" if cut_before else "") + snippet + ("…" if cut_after else "")


@lru_cache(maxsize=256)
def _readable(text: str) -> str:
    return text.translate(_DIGITS) if _FULL_WIDTH.search(text) else text


def readable(raw: object) -> str:
    """The text with full-width digits made ASCII (cached: the same long texts are read on every keystroke)."""
    return _readable(str(raw))


def _section_number(section: str) -> str:
    return section.split("、")[0] + "、" if "、" in section else ""


def field_text(report: Report, key: str) -> Text | None:
    value = report.text(key)
    if not value.strip():
        return None
    spec = FIELD_BY_KEY[key]
    label = "五、评价报告综述" if spec.section == SECTION_SUMMARY else f"{_section_number(spec.section)}{spec.label}"
    return Text(key, FieldPlace(key), label, readable(value))


def prose(report: Report) -> list[Text]:
    """Every free text of the report: part 一's and 三's prose, the 定量目标 rows, the sheet's reasons, part 五."""
    sources = [t for t in (field_text(report, key) for key in PROSE_FIELDS[:2]) if t]
    names = {"target": "绩效目标", "actual": "完成情况"}
    for number, item in enumerate(report.items("quant"), 1):
        row = "　".join(v for v in (item.values.get("kind"), item.values.get("name")) if v)
        for name, label in names.items():
            value = item.values.get(name, "")
            if value.strip():
                sources.append(Text(f"quant/{number}/{name}", ItemPlace("quant", item.id, name),
                                    f"{_section_number(SECTION_SELF)}定量目标“{row}”{label}", readable(value)))
    fields = report.fields
    for indicator, place, key in _reason_places(report.template):
        value = fields.get(key)
        if value is not None and str(value).strip():
            sources.append(Text(key, place, f"评分表{places.named(indicator.name)}扣分原因", readable(value)))
    summary = field_text(report, "summary.text")
    if summary:
        sources.append(summary)
    return sources


def _reason_places(template) -> list[tuple]:
    """Each 三级指标 with the place and key of its 扣分原因, worked out once per template: this runs on every
    keystroke, and building 2,000 places each time was most of its cost."""
    def places_of():
        return [(leaf, place, place.key) for leaf in template.leaves for place in (SheetPlace(leaf.id, "reason"),)]

    return template.derived("reason_places", places_of)


def fields(report: Report, keys) -> list[Text]:
    return [t for t in (field_text(report, key) for key in keys) if t]
