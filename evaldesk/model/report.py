"""One report in memory: what the filler typed, nothing computed.

Scalar values live in ``fields`` under dotted keys:

* the form's fields (``cover.department`` … see :mod:`evaldesk.model.form`);
* the score sheet's entries, per indicator of the template: ``sheet.<id>.input.<name>`` (a figure, count or
  checklist answer the rule needs), ``sheet.<id>.hand`` (a hand score or override), ``sheet.<id>.reason``
  (扣分原因和其他说明);
* the filler's 说明 to an audit warning: ``note.<finding key>``.

Part 二's figures live in the units (organisations); the 汇总 row and every 合计 are computed
(:mod:`evaldesk.model.totals`). Values are ``str``, ``int``, ``Decimal``, ``bool`` or ``date``; never float.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from evaldesk.model.form import DEFAULT_UNITS, FIELD_BY_KEY, LIST_BY_KEY
from evaldesk.model.places import SheetPlace

if TYPE_CHECKING:
    from evaldesk.model.template import Template

Value = str | int | Decimal | bool | _dt.date


def new_id() -> str:
    """12 random hex digits (what uuid4().hex[:12] gave, without importing uuid: 1.5 ms of the window's start)."""
    return os.urandom(6).hex()


@dataclass
class Unit:
    """A row of part 二: 局机关 or a second-level unit. ``cells`` holds typed cells only, keyed ``grid.column``."""

    id: str
    name: str
    cells: dict[str, Decimal] = field(default_factory=dict)


@dataclass
class Item:
    """One entry of a list (a task, a goal, a quantitative indicator row, an evaluator): text fields only."""

    id: str
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class Report:
    """One report: what the filler typed (fields, units of part 二, lists) and its score sheet."""

    year: int
    template: Template  # the score sheet as data (tree, inputs, cover wording); scoring computes with it
    id: int | None = None
    fields: dict[str, Value] = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)
    lists: dict[str, list[Item]] = field(default_factory=lambda: {key: [] for key in LIST_BY_KEY})
    # A score sheet being adjusted that does not check yet (template data as in a template file), or None. The
    # report keeps scoring with ``template``, its last valid sheet, until the draft is sound (issue 7).
    template_draft: dict | None = None

    # ---- reading
    def get(self, key: str) -> Value | None:
        return self.fields.get(key)

    def text(self, key: str) -> str:
        value = self.fields.get(key)
        return "" if value is None else str(value)

    @property
    def department(self) -> str:
        return self.text("cover.department")

    def unit(self, unit_id: str) -> Unit:
        for unit in self.units:
            if unit.id == unit_id:
                return unit
        raise KeyError(unit_id)

    def items(self, list_key: str) -> list[Item]:
        return self.lists[list_key]

    def item(self, list_key: str, item_id: str) -> Item:
        for item in self.lists[list_key]:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    # ---- the score sheet's entries
    def sheet_input(self, indicator_id: str, name: str) -> Value | None:
        return self.fields.get(sheet_key(indicator_id, "input", name))

    def hand_score(self, indicator_id: str) -> Decimal | None:
        return self.fields.get(sheet_key(indicator_id, "hand"))  # type: ignore[return-value]

    def reason(self, indicator_id: str) -> str:
        return self.text(sheet_key(indicator_id, "reason"))


def sheet_key(indicator_id: str, part: str, name: str | None = None) -> str:
    """``sheet.<indicator>.hand`` / ``.reason`` / ``.input.<name>`` (see :class:`~evaldesk.model.places.SheetPlace`)."""
    return SheetPlace(indicator_id, part, name or "").key


def new_report(year: int, template, department: str = "") -> Report:
    """A blank report as the form starts: default cover wording and the three placeholder rows of part 二."""
    report = Report(year=year, template=template)
    for spec in FIELD_BY_KEY.values():
        if spec.default is not None:
            report.fields[spec.key] = spec.default
    if department:
        report.fields["cover.department"] = department
    report.units = [Unit(new_id(), name) for name in DEFAULT_UNITS]
    return report
