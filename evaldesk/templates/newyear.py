"""Next year's report from this year's.

What carries over (the issue's list; anything not listed starts empty):

* the cover's department data — 部门(单位)名称, 预算编码, 评价方式, 评价机构 (not 报告日期, which is next year's);
* 联系人, 联络电话, 人员编制, 职能职责概述 (实有人数 does not: it is a figure of the year and feeds 财政供养人员控制率);
* the units of part 二 — names, in order — with empty cells, except 上年结转 (below);
* the evaluators (姓名 / 职务职称 / 单位; signatures are on paper), 填报人 and its 联系电话;
* the template: the report's own, or a newer one the filler picks;
* the figures next year's sheet needs from this one:
  - every score-sheet input whose template entry declares ``"carry": "<ref>"`` (e.g. Yunxi's 上年三公经费合计:
    ``"carry": "summary:sangong.total"``) gets that figure of this year's report — rules are data, so which inputs
    carry is read from the (new) template, never from indicator ids in code;
  - 上年结转 of each unit from that unit's 累计结余 (:data:`CARRIED_CELLS`). Blank stays blank.

Not carried: every other figure, all scores, hands and reasons, 实有人数, the texts of results (成绩, 实际完成,
part 五, the quantitative rows), the tasks and the qualitative goals (both are the new year's own), audit notes.

Carried values are ordinary values the filler may change. Which ones were carried is kept beside the report as
:class:`~evaldesk.model.carried.Carried` (the data file's ``carried`` and ``carried_value`` tables, values in the
store's tagged text, deleted with the report), so the window can mark them "上年结转（可修改）" while they still hold
the carried value; once the filler changes a value it is theirs and no longer shown as carried. The marks are a
display hint local to the data file: the JSON and xlsx exports do not carry them.

This module only builds the new report from the old one; storing it and its marks is
:func:`evaldesk.app.next_year.create_next_year`'s (templates do not reach into the data file for reports).
"""

from __future__ import annotations

from decimal import Decimal

from evaldesk.model.carried import Carried
from evaldesk.model.report import Item, Report, Unit, new_id, sheet_key
from evaldesk.model.form import FIELD_BY_KEY
from evaldesk.model.layout import cover_text, has_wording
from evaldesk.model.totals import summary_row
from evaldesk.model.validate import parse_field
from evaldesk.model.values import Rejected, decimal_text
from evaldesk.scoring.template import Template

CARRIED_FIELDS = (
    "cover.department", "cover.budget_code", "cover.method", "cover.agency", "cover.region", "cover.bureau",
    "basic.contact", "basic.phone", "basic.staff_quota", "basic.duties",
    "people.filler", "people.filler_phone",
)
CARRIED_LISTS = ("evaluators",)
CARRIED_CELLS = {"income.carryover": "expense.balance_total"}
"""Next year's cell ← this year's cell of the same unit: 上年结转 is what was left at the end of this year."""

def _carried_figure(old: Report, ref: str, old_summary: dict) -> Decimal | None:
    """The figure ``ref`` (``field:…`` or ``summary:…``, as in template operands) of last year's report; None if blank."""
    source, _, key = ref.partition(":")
    if source == "field":
        value = old.fields.get(key)
        return None if value is None else Decimal(value)
    if source == "summary":
        return old_summary.get(key)
    return None


def start_next_year(old: Report, template: Template | None = None) -> tuple[Report, Carried]:
    """A new, unsaved report for ``old.year + 1`` with what carries (module doc), and the record of it."""
    template = template or old.template
    new = Report(year=old.year + 1, template=template)
    carried = Carried(source_year=old.year)

    for key in CARRIED_FIELDS:
        value = old.fields.get(key)
        wording = FIELD_BY_KEY[key].wording
        if value is None and wording and has_wording(old, wording):
            # The county's 地区/财政局 as last year's cover printed them, even when they came from last year's
            # sheet: a new (e.g. region-neutral) sheet must not lose them.
            value = cover_text(old, wording)
        if value is not None:
            new.fields[key] = value
            carried.fields[key] = value

    for old_unit in old.units:
        unit = Unit(new_id(), old_unit.name)
        for target, source in CARRIED_CELLS.items():
            value = old_unit.cells.get(source)
            if value is None:
                continue  # blank stays blank
            unit.cells[target] = value  # both columns are 万元 amounts of the same kind
            carried.cells[(unit.id, target)] = value
        new.units.append(unit)

    for list_key in CARRIED_LISTS:
        new.lists[list_key] = [Item(new_id(), dict(item.values)) for item in old.lists[list_key]]

    old_summary = summary_row(old)
    for indicator in template.leaves:
        for spec in indicator.inputs():
            if not spec.carry:
                continue
            figure = _carried_figure(old, spec.carry, old_summary)
            if figure is None:
                continue
            key = sheet_key(indicator.id, "input", spec.name)
            try:
                value = parse_field(new, key, decimal_text(figure))
            except Rejected:
                continue  # a figure the input cannot take (e.g. negative) is left for the filler to type
            if value is not None:
                new.fields[key] = value
                carried.fields[key] = value
    return new, carried
