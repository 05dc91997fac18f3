"""Filling a report in tests the way a filler does: every value goes through the same edits as typing."""

import copy

from evaldesk.model.edits import SetCell, SetField
from evaldesk.model.report import sheet_key
from evaldesk.scoring.engine import score_report
from evaldesk.scoring.template import Template


def type_input(report, indicator_id, name, value):
    SetField(sheet_key(indicator_id, "input", name), value).apply(report)


def type_hand(report, indicator_id, value, reason=None):
    SetField(sheet_key(indicator_id, "hand"), value).apply(report)
    if reason is not None:
        SetField(sheet_key(indicator_id, "reason"), reason).apply(report)


def type_field(report, key, value):
    SetField(key, value).apply(report)


def type_cell(report, key, value, unit=0):
    SetCell(report.units[unit].id, key, value).apply(report)


def result(report, indicator_id):
    return score_report(report).indicators[indicator_id]


def with_rule(data, indicator_id, **changes):
    """A template like ``data`` with some parameters of one indicator's rule changed."""
    data = copy.deepcopy(data)
    for entry in data["indicators"]:
        if entry["id"] == indicator_id:
            entry["rule"].update(changes)
    return Template(data)
