"""Scoring again after an edit: only the indicators the edit can change are recomputed; the others keep their
result (the same object, so a view can tell an unchanged row by identity).

What an indicator's score reads is declared by its template: its own sheet entries (inputs, hand score, 扣分原因),
the part 一 fields its rule names (``field:`` operands) and, for a rule that reads the 汇总 row, part 二 (a blank
column counts as 0 only once its table is started, so any cell may change it). Nothing else: the rules read the
report through :class:`~evaldesk.scoring.operands.Figures` alone. A change this module does not know how to place
(a new template, a draft of one, a place of a kind added later) scores the whole sheet, which is always right.
"""

from __future__ import annotations

from dataclasses import dataclass

from evaldesk.model.places import (
    CellPlace, Changes, FieldPlace, ItemPlace, NotePlace, SectionPlace, SheetPlace, UnitPlace, UnitsPlace,
)
from evaldesk.model.report import Report
from evaldesk.model.template import Template
from evaldesk.scoring.engine import SheetResult, group_of, score_indicator, score_report, sheet_with

# Places no rule reads: the lists of part 三/四 and their sections, and the 说明 to findings.
UNREAD = (ItemPlace, SectionPlace, NotePlace)
PART_TWO = (CellPlace, UnitPlace, UnitsPlace)


@dataclass(frozen=True)
class Readers:
    """Which indicators read what, for one template."""

    of_field: dict[str, tuple[str, ...]]   # a part 一 field's key → the indicators whose rule reads it
    of_summary: tuple[str, ...]            # the indicators whose rule reads the 汇总 row

    @classmethod
    def of(cls, template: Template) -> "Readers":
        of_field: dict[str, list[str]] = {}
        of_summary = []
        for leaf in template.leaves:
            for operand in leaf.rule.operands():
                if operand.source == "field":
                    of_field.setdefault(operand.key, []).append(leaf.id)
                elif operand.source == "summary" and leaf.id not in of_summary:
                    of_summary.append(leaf.id)
        return cls({key: tuple(ids) for key, ids in of_field.items()}, tuple(of_summary))


def readers(template: Template) -> Readers:
    """The template's readers, worked out once per template object."""
    return template.derived("readers", lambda: Readers.of(template))


def affected(template: Template, changes: Changes) -> set[str] | None:
    """The ids of the indicators whose result ``changes`` can change; None when it may be any of them."""
    who = readers(template)
    ids: set[str] = set()
    for place in changes:
        if isinstance(place, SheetPlace):
            if place.indicator in template.by_id:
                ids.add(place.indicator)
        elif isinstance(place, FieldPlace):
            ids.update(who.of_field.get(place.key, ()))
        elif isinstance(place, PART_TWO):
            ids.update(who.of_summary)
        elif not isinstance(place, UNREAD):
            return None
    return ids


def rescore(before: SheetResult, report: Report, changes: Changes, summary: dict) -> SheetResult:
    """The report's sheet after ``changes``, given ``before``, its sheet until then (``summary``: the 汇总 row
    now). Equal to :func:`~evaldesk.scoring.engine.score_report` of the report, indicator by indicator."""
    template = report.template
    ids = None if template is not before.template else affected(template, changes)
    if ids is None:
        return score_report(report, summary=summary)
    if not ids:
        return before
    results = dict(before.indicators)
    for indicator_id in ids:
        results[indicator_id] = score_indicator(template.by_id[indicator_id], report, summary)
    return sheet_with(template, results, resummed(template, before.groups, results, ids))


def resummed(template: Template, groups: dict, results: dict, changed) -> dict:
    """The subtotals after the indicators ``changed`` were scored again: only the groups above them are summed
    again, deepest first (a keystroke on a sheet of 2,000 indicators sums a few groups, not the whole tree); every
    other group, and a group whose sum came out the same (to the digit: 5.0 is not 5), keeps its GroupResult object
    so a view repaints only the subtotals that changed."""
    above: dict[str, int] = {}
    for indicator_id in changed:
        parent = template.by_id[indicator_id].parent
        while parent is not None and parent not in above:
            above[parent] = template.by_id[parent].level
            parent = template.by_id[parent].parent
    groups = dict(groups)
    for group_id in sorted(above, key=above.__getitem__, reverse=True):
        group = group_of(template.by_id[group_id], results, groups)
        old = groups[group_id]
        if (str(group.score), group.complete) != (str(old.score), old.complete):
            groups[group_id] = group
    return groups
