"""Texts that contradict each other on one subject (``resources/audit/contradictions.json``): part 三 says
财政供养人员 “继续实现负增长”, the sheet's reason “正增长”, part 五 “净增35名”.

A 警告, not an 错误: prose can be right on both sides (part 五's 净增35名 excludes the staff handed down by
事权下放, part 三 may count them), and only the filler knows; they fix one text or say in a 说明 how both hold.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from evaldesk.audit.context import AuditContext
from evaldesk.audit.data import load, regex
from evaldesk.audit.findings import Finding, Severity
from evaldesk.audit.texts import Text


@dataclass(frozen=True)
class Claim:
    """What one text says on a subject (负增长 / 正增长 / 零增长, with its count if any) and where it says it."""

    source: Text
    direction: str
    label: str
    count: str | None   # 净增35名 → "35"
    start: int
    end: int

    @property
    def quoted(self) -> str:
        return f"{self.source.label}“{self.source.quote(self.start, self.end)}”"


@lru_cache(maxsize=None)
def rules() -> dict:
    return load("contradictions")


@lru_cache(maxsize=None)
def _compiled(subject_id: str) -> tuple[re.Pattern, tuple[tuple[dict, re.Pattern], ...]]:
    subject = next(s for s in rules()["subjects"] if s["id"] == subject_id)
    return regex(subject["subject"]), tuple((claim, regex(claim["pattern"])) for claim in subject["claims"])


def claims(subject: dict, sources: list[Text]) -> list[Claim]:
    """Every claim on ``subject``: a direction phrase within its window after a mention, in the same sentence."""
    subject_pattern, claim_patterns = _compiled(subject["id"])
    sentence_end = regex(rules()["sentence_end"])
    window = int(subject["window"])
    found = []
    for source in sources:
        text = source.text
        for mention in subject_pattern.finditer(text):
            stop = mention.end() + window
            end_of_sentence = sentence_end.search(text, mention.end(), stop)
            if end_of_sentence:
                stop = end_of_sentence.start()
            best = None
            for claim, pattern in claim_patterns:
                match = pattern.search(text, mention.end(), stop)
                if match and (best is None or match.start() < best[1].start()):
                    best = (claim, match)
            if best:
                claim, match = best
                count = next((g for g in match.groups() if g), None)
                found.append(Claim(source, claim["direction"], claim["label"], count, mention.start(), match.end()))
    return found


def _disagree(found: list[Claim]) -> bool:
    if len({c.direction for c in found}) > 1:
        return True
    return len({c.count for c in found if c.count is not None}) > 1


def check(ctx: AuditContext) -> list[Finding]:
    findings = []
    for subject in rules()["subjects"]:
        found = claims(subject, ctx.texts)
        if not _disagree(found):
            continue
        times = Counter(claim.quoted for claim in found)  # a claim repeated word for word is quoted once, counted
        quoted = "；".join(text if n == 1 else f"{text}（{n} 处）" for text, n in times.items())
        findings.append(Finding(
            f"contradiction/{subject['id']}", Severity.WARNING,
            f"关于{subject['label']}的增减，各处说法不一致：{quoted}。请统一，或在说明中写明各自的口径",
            found[0].source.where, "text.contradiction",
            related=tuple(dict.fromkeys(c.source.where for c in found[1:] if c.source.where != found[0].source.where))))
    return findings
