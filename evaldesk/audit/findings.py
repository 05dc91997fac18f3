"""What an audit check reports: a finding with its severity, a message a filler understands, and where it is.

``where`` is a :class:`~evaldesk.model.places.Place` — a form field, a score-sheet entry, a cell of part 二 (of a
unit or of the 汇总 row), a list entry's field or the list, a whole section — so the window can take the filler
there, the workbook can name it and the JSON form can write it (``str(place)``).

``key`` identifies the finding across edits (it must not contain the figures that change as the filler types,
nor the internal ids of units and list entries that a JSON export and import renew: it names them by name and number),
so a 说明 written for a 警告 stays attached to it: it is stored in the report as the field ``note.<key>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from evaldesk.model.places import Place


class Severity(str, Enum):
    ERROR = "error"      # 错误: must be fixed before the final print and the bureau export
    WARNING = "warning"  # 警告: allowed with a written 说明
    INFO = "info"        # 提示: for information

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]

    @property
    def blocking(self) -> bool:
        return self is Severity.ERROR


@dataclass(frozen=True)
class Finding:
    """One thing the reviewer would point out: how serious, what, and where on the form."""

    key: str
    severity: Severity
    message: str
    where: Place
    check: str = ""   # the name of the check that found it (for documentation and tests)
    note: str = ""    # the filler's 说明, filled in from the report by the engine
    related: tuple[Place, ...] = ()  # other places the finding involves (the other quotations of a contradiction)
    section: str = ""  # the form section it belongs to (evaldesk.model.form.SECTIONS), set by the engine
    cause: str = ""    # the finding without its particulars (a heading used twice, not which two lines): findings
                       # of one cause are one line of the printed list (see ``grouped``); empty: the message

    def __post_init__(self):  # a place given as text would not take the filler anywhere: catch it in the tests
        if not isinstance(self.where, Place) or not all(isinstance(p, Place) for p in self.related):
            raise TypeError(f"a finding's place must be a Place, not {self.where!r}")

    @property
    def explained(self) -> bool:
        """A 说明 answers a 警告 (or a 提示); an 错误 must be fixed, whatever is written beside it."""
        return not self.severity.blocking and bool(self.note.strip())


SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def counts(findings: list[Finding]) -> dict[Severity, int]:
    """How many findings of each severity (counted by the list, not a Python step per finding: the status bar and
    the 审核 list ask after every keystroke). Here, not in the engine, so the window's status bar can count without
    loading the audit's checks before the report is painted."""
    severities = [finding.severity for finding in findings]
    return {severity: severities.count(severity) for severity in SEVERITY_ORDER}


@dataclass(frozen=True)
class Group:
    """Findings of one cause as a reviewer lists them: said once, with their places and how many."""

    severity: Severity
    text: str
    findings: tuple[Finding, ...]

    @property
    def count(self) -> int:
        return len(self.findings)

    @property
    def line(self) -> str:
        """The cause, with its count when it happens more than once: …“（一）”用了两次（共 70 处）."""
        return self.text if self.count == 1 else f"{self.text}（共 {self.count} 处）"

    def places(self, report) -> list[str]:
        """Where, each place once, in the list's order (with the places a finding involves besides)."""
        seen = dict.fromkeys(place.label(report) for finding in self.findings
                             for place in (finding.where, *finding.related))
        return list(seen)

    @property
    def notes(self) -> list[str]:
        return list(dict.fromkeys(finding.note for finding in self.findings if finding.note))

    @property
    def explained(self) -> bool:
        return all(finding.explained for finding in self.findings)


def grouped(findings: list[Finding]) -> list[Group]:
    """The reviewer's list: 错误 first, then 警告, then 提示; one line per cause (findings of one check with one
    ``cause``, or the same message), in the order the list first meets it."""
    buckets: dict[tuple, list[Finding]] = {}
    for finding in findings:
        buckets.setdefault((finding.severity, finding.check, finding.cause or finding.message), []).append(finding)
    groups = [Group(severity, text, tuple(found)) for (severity, _, text), found in buckets.items()]
    return sorted(groups, key=lambda group: SEVERITY_ORDER.index(group.severity))


def places_text(places: list[str], limit: int = 6) -> str:
    """Places in one line: 五、评价报告综述；评分表 · “预算调整率” · 扣分原因 — the first ``limit``, then 等 N 处."""
    shown = "；".join(places[:limit])
    return shown if len(places) <= limit else f"{shown} 等 {len(places)} 处"
