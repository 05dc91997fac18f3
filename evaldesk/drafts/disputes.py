"""Claims the audit finds contradictory are never restated by a draft.

The reference copy says 财政供养人员“继续实现负增长” in part 三 and “为正增长” in a score-sheet reason: a draft that
copied either into the 综述 would put the 综述 into the audit's contradiction finding as well. So every text of the
filler's that a draft would copy (a task, a reason, a 定量目标's completion) is read with the audit's own claim
patterns; one that makes a claim on a subject the audit already finds disputed is left out, and the section says
so in a bracketed note — naming the subject, never repeating the claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from evaldesk.audit.contradictions import claims, rules
from evaldesk.audit.findings import Finding
from evaldesk.audit.texts import Text, readable
from evaldesk.drafts.wording import Wording, fill
from evaldesk.model.places import FieldPlace

CONTRADICTION = "text.contradiction"
_DRAFT = FieldPlace("summary.text")


def disputed_subjects(findings: list[Finding]) -> list[dict]:
    """The contradiction subjects the audit reports (explained or not: the 说明 answers it, the claims stay)."""
    keys = {f.key.rsplit("/", 1)[-1] for f in findings if f.check == CONTRADICTION}
    return [subject for subject in rules()["subjects"] if subject["id"] in keys]


@dataclass
class Guard:
    """Keeps disputed claims out of a draft and remembers, per section, what it left out."""

    subjects: list[dict]
    left_out: dict[str, list[tuple[str, str]]] = field(default_factory=dict)   # section → [(what, subject)]

    def disputed(self, text: str) -> str | None:
        """The label of the disputed subject ``text`` makes a claim on, or None."""
        probe = Text("draft", _DRAFT, "", readable(text))
        return next((s["label"] for s in self.subjects if claims(s, [probe])), None)

    def keep(self, text: str | None, section: str, what: str) -> bool:
        """Whether ``text`` may be copied into ``section``; when not, the note for the filler is recorded."""
        subject = self.disputed(text) if text else None
        if subject is None:
            return True
        self.left_out.setdefault(section, []).append((what, subject))
        return False

    def notes(self, wording: Wording, sections: list[str]) -> dict[str, str | None]:
        """``omitted_<section>`` → the bracketed note for each section (None where nothing was left out)."""
        values: dict[str, str | None] = {}
        for section in sections:
            entries = self.left_out.get(section, [])
            named = {"what": "、".join(dict.fromkeys(what for what, _ in entries)),
                     "subject": "、".join(dict.fromkeys(subject for _, subject in entries))}
            values[f"omitted_{section}"] = fill(wording.item("omitted")["text"], named, wording.gap, {}) if entries \
                else None
        return values
