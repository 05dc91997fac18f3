"""Every change to a report is an :class:`Edit`: it validates, applies itself, and returns its inverse.

The store persists the parts an edit touched right after it applied (no "save" step); the window's undo stack
keeps the inverses. A value the field cannot take raises :class:`~evaldesk.model.values.Rejected` *before*
anything changes.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from evaldesk.model import limits
from evaldesk.model.form import LIST_BY_KEY
from evaldesk.model.places import (
    CellPlace,
    Changes,
    DraftPlace,
    ItemPlace,
    TemplatePlace,
    UnitPlace,
    UnitsPlace,
    parse_key,
)
from evaldesk.model.report import Item, Report, Unit
from evaldesk.model.validate import parse_cell, parse_field, parse_item_value
from evaldesk.model.values import Rejected


class Edit:
    label = "修改"

    def apply(self, report: Report) -> "Edit":
        """Change ``report``; return the edit that undoes it."""
        raise NotImplementedError

    def changes(self) -> Changes:
        """The places this edit changes (see :mod:`evaldesk.model.places`): what the store writes, what views
        repaint."""
        raise NotImplementedError


def _put(mapping: dict, key: str, value) -> None:
    if value is None:
        mapping.pop(key, None)
    else:
        mapping[key] = value


def _within_limits(report: Report, key: str, old, new) -> None:
    """Refuse a 说明 past the count limit and text past the report's total (model/limits.py)."""
    if new is not None and old is None and key.startswith("note."):
        notes = sum(1 for other in report.fields if other.startswith("note."))
        if notes >= limits.NOTE_COUNT:
            raise Rejected(limits.full("审核结果的说明", limits.NOTE_COUNT))
    _room_for_text(report, old, new)


def _room_for_text(report: Report, old, new) -> None:
    grown = (len(new) if isinstance(new, str) else 0) - (len(old) if isinstance(old, str) else 0)
    if grown > 0:   # (the whole report is counted only when a text grows: under a millisecond)
        size = limits.text_size(report) + grown
        if size > limits.TEXT_TOTAL:
            raise Rejected(limits.text_refusal(size))


@dataclass
class SetField(Edit):
    """Set one field of the report (the value is parsed as the field's kind)."""

    key: str
    value: object
    label: str = "修改"
    checked: bool = True  # False for an undo: it puts back exactly what was stored, valid then or not

    def apply(self, report: Report) -> Edit:
        value = parse_field(report, self.key, self.value) if self.checked else self.value
        old = report.fields.get(self.key)
        if self.checked:
            _within_limits(report, self.key, old, value)
        _put(report.fields, self.key, value)
        return SetField(self.key, old, self.label, checked=False)

    def changes(self) -> Changes:
        return Changes([parse_key(self.key)])


@dataclass
class SetCell(Edit):
    """Set one cell of a unit's row in part 二's grids."""

    unit_id: str
    key: str  # grid.column
    value: object
    label: str = "修改金额"
    checked: bool = True  # False for an undo (see SetField)

    def apply(self, report: Report) -> Edit:
        unit = report.unit(self.unit_id)
        value = parse_cell(self.key, self.value, unit.name) if self.checked else self.value
        old = unit.cells.get(self.key)
        _put(unit.cells, self.key, value)
        return SetCell(self.unit_id, self.key, old, self.label, checked=False)

    def changes(self) -> Changes:
        return Changes([CellPlace(self.unit_id, self.key)])


@dataclass
class RenameUnit(Edit):
    """Rename a unit of part 二."""

    unit_id: str
    name: str
    label: str = "修改机构名称"

    def apply(self, report: Report) -> Edit:
        from evaldesk.model.validate import parse_unit_name

        name = parse_unit_name(self.name)
        unit = report.unit(self.unit_id)
        old = unit.name
        unit.name = name
        return RenameUnit(self.unit_id, old, self.label)

    def changes(self) -> Changes:
        return Changes([UnitPlace(self.unit_id)])


@dataclass
class InsertUnit(Edit):
    """Insert a unit of part 二 at a position."""

    index: int
    unit: Unit
    label: str = "添加机构"

    def apply(self, report: Report) -> Edit:
        if len(report.units) >= limits.UNIT_COUNT:
            raise Rejected(limits.full("收支表的机构", limits.UNIT_COUNT))
        report.units.insert(self.index, copy.deepcopy(self.unit))
        return RemoveUnit(self.unit.id, "删除机构")

    def changes(self) -> Changes:
        return Changes([UnitPlace(self.unit.id), UnitsPlace()])


@dataclass
class RemoveUnit(Edit):
    """Remove a unit of part 二 with its cells."""

    unit_id: str
    label: str = "删除机构"

    def apply(self, report: Report) -> Edit:
        unit = report.unit(self.unit_id)
        index = report.units.index(unit)
        report.units.remove(unit)
        return InsertUnit(index, unit, "添加机构")

    def changes(self) -> Changes:
        return Changes([UnitPlace(self.unit_id), UnitsPlace()])


@dataclass
class MoveUnit(Edit):
    """Move a unit of part 二 to another position."""

    unit_id: str
    index: int
    label: str = "移动机构"

    def apply(self, report: Report) -> Edit:
        unit = report.unit(self.unit_id)
        old = report.units.index(unit)
        report.units.remove(unit)
        report.units.insert(max(0, min(self.index, len(report.units))), unit)
        return MoveUnit(self.unit_id, old, self.label)

    def changes(self) -> Changes:
        return Changes([UnitsPlace()])


@dataclass
class SetItemValue(Edit):
    """Set one value of an entry of a list."""

    list_key: str
    item_id: str
    name: str
    value: object
    label: str = "修改"

    def apply(self, report: Report) -> Edit:
        value = parse_item_value(self.list_key, self.name, self.value)
        item = report.item(self.list_key, self.item_id)
        old = item.values.get(self.name)
        _room_for_text(report, old, value)
        _put(item.values, self.name, value)
        return SetItemValue(self.list_key, self.item_id, self.name, old, self.label)

    def changes(self) -> Changes:
        return Changes([ItemPlace(self.list_key, self.item_id, self.name)])


@dataclass
class InsertItem(Edit):
    """Insert an entry into a list at a position."""

    list_key: str
    index: int
    item: Item
    label: str = "添加"

    def apply(self, report: Report) -> Edit:
        spec = LIST_BY_KEY[self.list_key]
        item = copy.deepcopy(self.item)
        item.values = {k: parse_item_value(self.list_key, k, v) for k, v in item.values.items()
                       if k in dict(spec.fields)}
        item.values = {k: v for k, v in item.values.items() if v is not None}
        items = report.lists[self.list_key]
        if len(items) >= limits.ITEM_COUNT:
            raise Rejected(limits.full(f"“{spec.label}”的条目", limits.ITEM_COUNT))
        _room_for_text(report, "", "".join(item.values.values()))
        items.insert(max(0, min(self.index, len(items))), item)
        return RemoveItem(self.list_key, self.item.id, "删除")

    def changes(self) -> Changes:
        return Changes([ItemPlace(self.list_key, self.item.id), ItemPlace(self.list_key)])


@dataclass
class RemoveItem(Edit):
    """Remove an entry from a list."""

    list_key: str
    item_id: str
    label: str = "删除"

    def apply(self, report: Report) -> Edit:
        item = report.item(self.list_key, self.item_id)
        items = report.lists[self.list_key]
        index = items.index(item)
        items.remove(item)
        return InsertItem(self.list_key, index, item, "添加")

    def changes(self) -> Changes:
        return Changes([ItemPlace(self.list_key, self.item_id), ItemPlace(self.list_key)])


@dataclass
class MoveItem(Edit):
    """Move an entry of a list to another position."""

    list_key: str
    item_id: str
    index: int
    label: str = "移动"

    def apply(self, report: Report) -> Edit:
        items = report.lists[self.list_key]
        item = report.item(self.list_key, self.item_id)
        old = items.index(item)
        items.remove(item)
        items.insert(max(0, min(self.index, len(items))), item)
        return MoveItem(self.list_key, self.item_id, old, self.label)

    def changes(self) -> Changes:
        return Changes([ItemPlace(self.list_key)])


@dataclass
class SetTemplate(Edit):
    """Give the report another score sheet (issue: templates). The old one comes back on undo."""

    template: object
    label: str = "更换评分表"

    def apply(self, report: Report) -> Edit:
        old = report.template
        report.template = self.template
        return SetTemplate(old, self.label)

    def changes(self) -> Changes:
        return Changes([TemplatePlace()])


@dataclass
class SetTemplateDraft(Edit):
    """Keep (or, with None, drop) an adjusted score sheet that does not check yet; scoring keeps the last valid one."""

    data: dict | None
    label: str = "调整评分表"

    def apply(self, report: Report) -> Edit:
        old = report.template_draft
        report.template_draft = copy.deepcopy(self.data)
        return SetTemplateDraft(old, self.label)

    def changes(self) -> Changes:
        return Changes([DraftPlace()])


@dataclass
class Batch(Edit):
    """Several edits as one step (a pasted block, a new year's carried figures). All or nothing."""

    edits: list[Edit] = field(default_factory=list)
    label: str = "批量修改"

    def apply(self, report: Report) -> Edit:
        inverses: list[Edit] = []
        try:
            for edit in self.edits:
                inverses.append(edit.apply(report))
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply(report)
            raise
        return Batch(list(reversed(inverses)), self.label)

    def changes(self) -> Changes:
        return Changes([place for edit in self.edits for place in edit.changes()])


__all__ = ["Edit", "SetField", "SetCell", "RenameUnit", "InsertUnit", "RemoveUnit", "MoveUnit", "SetItemValue",
           "InsertItem", "RemoveItem", "MoveItem", "SetTemplate", "SetTemplateDraft", "Batch"]
