"""What every check reads, computed once per audit: the report, its score sheet, part 二's rows, its texts."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from collections.abc import Callable
from typing import TypeVar

from evaldesk.audit.memo import AuditMemo
from evaldesk.audit.texts import Text, prose
from evaldesk.model.report import Report
from evaldesk.model.totals import Row, summary_row, unit_rows
from evaldesk.scoring.engine import SheetResult

ZERO = Decimal(0)
T = TypeVar("T")


@dataclass
class AuditContext:
    """What every check reads, built once per audit: the report, its score sheet and part 二's rows."""

    report: Report
    sheet: SheetResult
    rows: dict[str, Row] | None = None     # unit id → the unit's full row (typed cells and 合计)
    summary: Row | None = None             # the 汇总 row (both given by a caller that already has them)
    memo: AuditMemo | None = None          # the last audit's work, for the parts whose inputs have not changed

    def __post_init__(self):
        if self.rows is None or self.summary is None:
            self.rows = unit_rows(self.report)
            self.summary = summary_row(self.report, self.rows)

    def recall(self, key, function: Callable[..., T], *inputs) -> T:
        """``function(*inputs)`` — or, with a memo, what it gave the last audit for the same ``inputs``. The function
        reads its arguments only (memo.py says why, and checks it)."""
        if self.memo is None:
            return function(*inputs)
        return self.memo.recall(key, function, *inputs)

    @cached_property
    def texts(self) -> list[Text]:
        return prose(self.report)

    def figure(self, key: str, unit_id: str | None = None) -> Decimal:
        """A cell of a unit's row or of the 汇总 row, blank counting as 0 (SPEC §1)."""
        row = self.summary if unit_id is None else self.rows[unit_id]
        value = row.get(key)
        return ZERO if value is None else value
