"""The blank form (打印空表): the report's template and year with every field empty, for filling by hand."""

from __future__ import annotations

from evaldesk.model.form import QUANT_KINDS
from evaldesk.model.report import Item, Report, Unit, new_id
from evaldesk.model.form import DEFAULT_UNITS

EMPTY_ROWS = {"tasks": 6, "goals": 6, "evaluators": 5}
# Empty 定量目标 rows per 指标类型 (two or three handwritten lines each): a real copy lists up to ten 质量指标.
QUANT_ROWS = {"数量指标": 4, "质量指标": 8}
OTHER_QUANT_ROWS = 2


def blank_report(report: Report) -> Report:
    """An empty report on ``report``'s template: the placeholder units, a few empty rows in each list, and empty
    定量目标 rows under each 指标类型 (the kinds are the form's own wording, printed to guide the hand)."""
    blank = Report(year=report.year, template=report.template)
    blank.units = [Unit(new_id(), name) for name in DEFAULT_UNITS]
    for key, count in EMPTY_ROWS.items():
        blank.lists[key] = [Item(new_id()) for _ in range(count)]
    blank.lists["quant"] = [Item(new_id(), {"group": group, "kind": kind})
                            for group, kinds in QUANT_KINDS.items() for kind in kinds
                            for _ in range(QUANT_ROWS.get(kind, OTHER_QUANT_ROWS))]
    return blank
