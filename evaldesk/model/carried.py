"""Which values of a report were carried from last year's (templates/newyear.py makes them; the store keeps them).

It lives in the model, not in templates/, because the store reads and writes it (tables ``carried`` and
``carried_value``) and the model does not import the layers above it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from evaldesk.model.report import Report, Value


@dataclass
class Carried:
    """Which values of a new report came from last year's, and what they were when carried."""

    fields: dict[str, Value] = field(default_factory=dict)           # field key (incl. sheet inputs) → value
    cells: dict[tuple[str, str], Decimal] = field(default_factory=dict)  # (unit id, cell key) → value
    source_year: int | None = None

    def field_is_carried(self, report: Report, key: str) -> bool:
        """True while the field still holds the carried value."""
        return key in self.fields and report.fields.get(key) == self.fields[key]

    def cell_is_carried(self, report: Report, unit_id: str, key: str) -> bool:
        if (unit_id, key) not in self.cells:
            return False
        try:
            return report.unit(unit_id).cells.get(key) == self.cells[(unit_id, key)]
        except KeyError:  # the unit was removed
            return False
