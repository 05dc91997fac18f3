"""How audit messages name things: a row of part 二, a column, an indicator.

Where a finding points is a typed :class:`~evaldesk.model.places.Place`; its section and its words come from there.
"""

from __future__ import annotations

from evaldesk.model.form import SUMMARY_ROW_LABEL, cell_spec
from evaldesk.model.report import Report

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
