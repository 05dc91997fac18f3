"""The ``where`` of a finding (see :mod:`evaldesk.audit.findings`): how to write one, and which section of the
form it belongs to (findings are listed in the form's order)."""

from __future__ import annotations

from evaldesk.model.form import (
    FIELD_BY_KEY, SECTION_BASIC, SECTION_FINANCE, SECTION_PEOPLE, SECTION_SELF, SECTION_SHEET, SECTIONS,
    SUMMARY_ROW_LABEL, cell_spec,
)
from evaldesk.model.report import Report

# Which section each list is printed in.
LIST_SECTIONS = {"tasks": SECTION_BASIC, "goals": SECTION_SELF, "quant": SECTION_SELF, "evaluators": SECTION_PEOPLE}


def unit_cell(unit_id: str, key: str) -> str:
    return f"unit/{unit_id}/{key}"


def summary_cell(key: str) -> str:
    return f"summary/{key}"


def list_item(list_key: str, item_id: str | None = None, name: str | None = None) -> str:
    if item_id is None:
        return f"list/{list_key}"
    return f"list/{list_key}/{item_id}/{name}"


def section(title: str) -> str:
    return f"section/{title}"


def section_of(where: str) -> str:
    """The section a ``where`` points into; the score sheet for anything unknown (it is printed last)."""
    if where.startswith(("unit/", "summary/")):
        return SECTION_FINANCE
    if where.startswith("list/"):
        return LIST_SECTIONS.get(where.split("/")[1], SECTION_SHEET)
    if where.startswith("section/"):
        title = where[len("section/"):]
        return title if title in SECTIONS else SECTION_SHEET
    spec = FIELD_BY_KEY.get(where)
    return spec.section if spec else SECTION_SHEET


def row_name(report: Report, unit_id: str | None) -> str:
    """How a row of part 二 is named in a message: the unit's name, or the 汇总 row."""
    if unit_id is None:
        return SUMMARY_ROW_LABEL
    return report.unit(unit_id).name


def cell_label(key: str) -> str:
    """``expense.balance_total`` → 累计结余."""
    return cell_spec(key)[1].label


def named(name: str) -> str:
    """An indicator's name in quotation marks, unless it carries its own (“三公经费”变动率)."""
    return name if "“" in name else f"“{name}”"
