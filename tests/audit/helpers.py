"""Shared helpers for audit tests: run the audit, pick findings, change a report the way a filler does."""

from evaldesk.audit.engine import audit_report
from evaldesk.audit.findings import Severity
from evaldesk.model.edits import SetCell, SetField, SetItemValue
from evaldesk.model.report import sheet_key


def findings_of(report, check=None):
    found = audit_report(report)
    return [f for f in found if check is None or f.check == check]


def errors(report):
    return [f for f in audit_report(report) if f.severity is Severity.ERROR]


def type_field(report, key, value):
    SetField(key, value).apply(report)


def type_cell(report, key, value, unit=0):
    SetCell(report.units[unit].id, key, value).apply(report)


def type_hand(report, indicator_id, value, reason=None):
    SetField(sheet_key(indicator_id, "hand"), value).apply(report)
    if reason is not None:
        SetField(sheet_key(indicator_id, "reason"), reason).apply(report)


def type_input(report, indicator_id, name, value):
    SetField(sheet_key(indicator_id, "input", name), value).apply(report)


def type_reason(report, indicator_id, text):
    SetField(sheet_key(indicator_id, "reason"), text).apply(report)


def quant_row(report, kind):
    return next(item for item in report.items("quant") if item.values.get("kind") == kind)


def type_item(report, list_key, item, name, value):
    SetItemValue(list_key, item.id, name, value).apply(report)


def replace_in(report, key, old, new):
    """Change one passage of a text field (the test fails if the passage is not there)."""
    text = report.text(key)
    assert old in text, f"{old!r} not in {key}"
    SetField(key, text.replace(old, new)).apply(report)
