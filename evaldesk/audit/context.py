"""What every check reads, computed once per audit: the report, its score sheet, part 二's rows, its texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from evaldesk.audit.texts import Text, prose
from evaldesk.model.report import Report
from evaldesk.model.totals import Row, summary_row, unit_rows
from evaldesk.scoring.engine import SheetResult

ZERO = Decimal(0)


@dataclass
class AuditContext:
    report: Report
    sheet: SheetResult
    rows: dict[str, Row] = field(init=False)     # unit id → the unit's full row (typed cells and 合计)
    summary: Row = field(init=False)             # the 汇总 row

    def __post_init__(self):
        self.rows = unit_rows(self.report)
        self.summary = summary_row(self.report, self.rows)

    @cached_property
    def texts(self) -> list[Text]:
        return prose(self.report)

    def figure(self, key: str, unit_id: str | None = None) -> Decimal:
        """A cell of a unit's row or of the 汇总 row, blank counting as 0 (SPEC §1)."""
        row = self.summary if unit_id is None else self.rows[unit_id]
        value = row.get(key)
        return ZERO if value is None else value
