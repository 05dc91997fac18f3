"""Hypothesis strategies: whole reports on the Yunxi sheet, filled through the same edits as typing."""

from decimal import Decimal

from hypothesis import strategies as st

from evaldesk.model.edits import InsertItem, InsertUnit, RemoveUnit, RenameUnit, SetCell, SetField
from evaldesk.model.form import FIELDS, GRIDS, LISTS, Kind
from evaldesk.model.report import Item, Unit, new_id, new_report, sheet_key
from evaldesk.model.printable import printable
from evaldesk.model.values import clean_text
from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID, builtin_template

YUNXI = builtin_template(DEFAULT_TEMPLATE_ID)

# What a filler can type: any character the printed form can show (others are refused at entry, model/printable.py).
PRINTABLE = [chr(point) for point in range(0x20, 0x30000) if printable(chr(point))]
words = st.text(alphabet=st.sampled_from(PRINTABLE), max_size=30)


def amounts(negative: bool = False, top: int = 10**8):
    """An amount as typed: up to two decimals, sometimes blank."""
    cents = st.integers(-top if negative else 0, top)
    return st.none() | cents.map(lambda c: f"{'-' if c < 0 else ''}{abs(c) // 100}.{abs(c) % 100:02d}")


def hand_scores(weight: Decimal):
    steps = int(weight * 100)
    return st.none() | st.integers(0, steps).map(lambda c: str(Decimal(c) / 100))


def _input_value(kind: str):
    if kind == Kind.BOOL.value:
        return st.none() | st.booleans()
    if kind == Kind.COUNT.value:
        return st.none() | st.integers(0, 30)
    if kind == Kind.PERCENT.value:
        return st.none() | st.integers(0, 10000).map(lambda c: str(Decimal(c) / 100))
    return amounts(top=10**6)


@st.composite
def reports(draw, template=YUNXI, with_texts: bool = False):
    report = new_report(draw(st.integers(2015, 2030)), template)
    change = draw(st.integers(-2, 1))   # from the three placeholder units to between 1 and 4
    for _ in range(-change):
        RemoveUnit(report.units[-1].id).apply(report)
    for _ in range(change):
        InsertUnit(len(report.units), Unit(new_id(), f"二级机构{len(report.units)}")).apply(report)
    if with_texts:
        for unit in report.units:
            name = draw(words)
            if clean_text(name).strip():
                RenameUnit(unit.id, name).apply(report)
    for unit in report.units:
        for grid in GRIDS:
            for column in grid.typed_columns:
                value = draw(amounts(negative=column.kind is Kind.SIGNED_MONEY, top=10**7))
                SetCell(unit.id, f"{grid.key}.{column.key}", value).apply(report)
    for key in ("basic.staff_quota", "basic.staff_actual"):
        SetField(key, draw(st.none() | st.integers(0, 300))).apply(report)
    for leaf in template.leaves:
        for spec in leaf.inputs():
            SetField(sheet_key(leaf.id, "input", spec.name), draw(_input_value(spec.kind))).apply(report)
        SetField(sheet_key(leaf.id, "hand"), draw(hand_scores(leaf.weight))).apply(report)
        if with_texts:
            SetField(sheet_key(leaf.id, "reason"), draw(st.none() | words)).apply(report)
    if with_texts:
        for spec in FIELDS:
            if spec.kind in (Kind.TEXT, Kind.LONGTEXT):
                SetField(spec.key, draw(st.none() | words)).apply(report)
        SetField("cover.report_date", draw(st.none() | st.dates().map(str))).apply(report)
        for spec in LISTS:
            for index in range(draw(st.integers(0, 3))):
                values = {}
                for name, _ in spec.fields:
                    choices = spec.choices.get(name)
                    values[name] = draw(st.sampled_from(choices) if choices else words)
                InsertItem(spec.key, index, Item(new_id(), values)).apply(report)
        SetField("note.balance.total", draw(st.none() | words)).apply(report)
    return report
