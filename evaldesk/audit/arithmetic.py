"""Part 二's arithmetic: the 合计 identities of every row, the 汇总 row as the sum of the units, signs, decimals,
and the balance relations. The identities and relations are data (``resources/audit/arithmetic.json``).

evaldesk computes every 合计 and the 汇总 row itself (:mod:`evaldesk.model.totals`), so the identities hold by
construction for what was typed; they are still checked over the rows the audit sees, to guard imported data and
any future typed 合计. What a filler can actually get wrong here is a sign, a third decimal, and the 结余.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from collections.abc import Callable
from typing import Iterator

from evaldesk.audit import places
from evaldesk.audit.context import ZERO, AuditContext
from evaldesk.audit.data import load
from evaldesk.audit.findings import Finding, Severity
from evaldesk.model.form import GRIDS, Kind, cell_key
from evaldesk.model.places import CellPlace, Place, SheetPlace
from evaldesk.model.totals import Row
from evaldesk.model.values import decimal_text, format_amount
from evaldesk.scoring.rules import InputSpec
from evaldesk.scoring.template import Indicator


@lru_cache(maxsize=None)
def rules() -> dict:
    data = load("arithmetic")
    for identity in data["identities"]:
        for key in (identity["total"], *identity["parts"]):
            places.cell_label(key)  # an unknown cell in the data file fails here, once, naming the key
    return data


def _value(row: Row, key: str) -> Decimal:
    value = row.get(key)
    return ZERO if value is None else value


def _where(row_id: str | None, key: str) -> CellPlace:
    return CellPlace(row_id, key)


def identity_findings(row: Row, row_id: str | None, row_label: str) -> list[Finding]:
    """One row against the 合计 identities (``row_id`` None for the 汇总 row)."""
    findings = []
    for identity in rules()["identities"]:
        total, parts = identity["total"], identity["parts"]
        if row.get(total) is None and all(row.get(p) is None for p in parts):
            continue
        expected = sum((_value(row, p) for p in parts), ZERO)
        if _value(row, total) != expected:
            names = " + ".join(places.cell_label(p) for p in parts)
            findings.append(Finding(
                f"identity/{row_label if row_id else 'summary'}/{identity['id']}", Severity.ERROR,
                f"{row_label}：{places.cell_label(total)} {format_amount(_value(row, total))} 不等于 "
                f"{names} 之和 {format_amount(expected)}",
                _where(row_id, total), "arithmetic.identity"))
    return findings


def summary_findings(summary: Row, rows: dict[str, Row]) -> list[Finding]:
    """The 汇总 row against the sum of the unit rows, column by column."""
    if not rules().get("summary_is_sum_of_units", True):
        return []
    findings = []
    for grid in GRIDS:
        for column in grid.columns:
            key = cell_key(grid.key, column.key)
            expected = sum((_value(row, key) for row in rows.values()), ZERO)
            if _value(summary, key) != expected:
                findings.append(Finding(
                    f"summary_sum/{key}", Severity.ERROR,
                    f"汇总行的{column.label} {format_amount(_value(summary, key))} 不等于各机构之和 "
                    f"{format_amount(expected)}", CellPlace(None, key), "arithmetic.summary"))
    return findings


def _money_inputs(template) -> tuple[tuple[Indicator, InputSpec, SheetPlace], ...]:
    """The score sheet's inputs in 万元, in the sheet's order (once per template)."""
    return tuple((indicator, spec, SheetPlace(indicator.id, "input", spec.name))
                 for indicator in template.leaves for spec in indicator.inputs() if spec.kind == Kind.MONEY.value)


def _amounts(ctx: AuditContext) -> Iterator[tuple[str, Place, Callable[[], str], Decimal, bool]]:
    """Every typed amount in 万元: (finding key part, where, how a message names it, value, may be negative)."""
    negative_ok = set(rules()["may_be_negative"])
    for unit in ctx.report.units:
        for key, value in unit.cells.items():
            yield (f"{unit.name}/{key}", CellPlace(unit.id, key),
                   lambda unit=unit, key=key: f"{unit.name}的{places.cell_label(key)}", value, key in negative_ok)
    template = ctx.report.template
    for indicator, spec, where in template.derived("money_inputs", lambda: _money_inputs(template)):
        value = ctx.report.fields.get(where.key)
        if isinstance(value, Decimal):
            yield (where.key, where, lambda indicator=indicator, spec=spec:
                   f"评分表{places.named(indicator.name)}的{spec.label}", value, False)


def amount_findings(ctx: AuditContext) -> list[Finding]:
    """No negative amounts (except 当年结余); at most two decimals in 万元."""
    places_allowed = int(rules()["decimal_places"])
    quantum = Decimal(1).scaleb(-places_allowed)
    findings = []
    for key, where, label, value, negative_ok in _amounts(ctx):
        if (value < 0 and not negative_ok) or value != value.quantize(quantum):  # the words only when needed
            findings += _amount_findings(key, where, label(), value, negative_ok, places_allowed, quantum)
    return findings


def _amount_findings(key: str, where: Place, label: str, value: Decimal, negative_ok: bool, places_allowed: int,
                     quantum: Decimal) -> list[Finding]:
    findings = []
    if value < 0 and not negative_ok:
        findings.append(Finding(f"negative/{key}", Severity.ERROR,
                                f"{label}为负数（{decimal_text(value)} 万元）：金额不能为负",
                                where, "arithmetic.negative"))
    if value != value.quantize(quantum):
        findings.append(Finding(f"decimals/{key}", Severity.ERROR,
                                f"{label} {decimal_text(value)} 万元超过 {places_allowed} 位小数：万元金额最多保留"
                                f" {places_allowed} 位小数（即精确到百元）", where, "arithmetic.decimals"))
    return findings


def balance_findings(ctx: AuditContext) -> list[Finding]:
    """累计结余 = 收入合计 − 支出合计; 当年结余 = 累计结余 − 上年结转 — per unit, blank counting as 0.

    A relation is checked where the filler typed its 结余, or where it would not be 0: the copy leaves 结余 blank
    with 收入 = 支出 = 90.5, which is consistent. A 结余 that is blank stands in a later relation as the value it
    should have had, so one slip is reported once. A blank 结余 is not proposed before the cells a relation
    ``needs`` are typed: a filler working top-down has typed the income and not yet the expense, and the whole
    income is not the balance.
    """
    relations = rules()["balances"]
    findings = []
    for unit in ctx.report.units:
        row = ctx.rows[unit.id]
        if all(value is None for value in row.values()):
            continue
        expected_of: dict[str, Decimal] = {}

        def operand(key: str) -> Decimal:
            if row.get(key) is None and key in expected_of:
                return expected_of[key]
            return _value(row, key)

        for relation in relations:
            target = relation["target"]
            expected = (sum((operand(k) for k in relation["plus"]), ZERO)
                        - sum((operand(k) for k in relation["minus"]), ZERO))
            expected_of[target] = expected
            typed = row.get(target)
            if (typed is None and expected == 0) or typed == expected:
                continue
            if typed is None and any(row.get(key) is None for key in relation.get("needs", ())):
                continue  # filled top-down, the expense is not typed yet: no balance to propose
            now = "未填" if typed is None else f"填的是 {format_amount(typed)}"
            terms = [f"{places.cell_label(k)} {format_amount(operand(k))}" for k in relation["plus"]]
            terms += [f"− {places.cell_label(k)} {format_amount(operand(k))}" for k in relation["minus"]]
            findings.append(Finding(
                f"balance/{unit.name}/{relation['id']}", Severity.WARNING,
                f"{unit.name}：{places.cell_label(target)}{now}，按“{relation['formula']}”应为 "
                f"{' '.join(terms)} = {format_amount(expected)}", CellPlace(unit.id, target),
                "arithmetic.balance"))
    return findings


def check(ctx: AuditContext) -> list[Finding]:
    findings = []
    for unit in ctx.report.units:
        findings += identity_findings(ctx.rows[unit.id], unit.id, unit.name)
    findings += identity_findings(ctx.summary, None, places.row_name(ctx.report, None))
    findings += summary_findings(ctx.summary, ctx.rows)
    findings += amount_findings(ctx)
    findings += balance_findings(ctx)
    return findings
