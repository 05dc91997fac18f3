"""Part 二: identities, 汇总 = sum of units, signs, decimals, balance relations."""

from decimal import Decimal

import pytest

from evaldesk.audit.arithmetic import identity_findings, summary_findings
from evaldesk.audit.findings import Severity
from evaldesk.model.totals import summary_row, unit_rows
from evaldesk.model.values import Rejected

from .helpers import findings_of, type_cell, type_input


def test_every_row_the_copy_has_satisfies_the_identities(sample):
    rows = unit_rows(sample)
    for unit in sample.units:
        assert identity_findings(rows[unit.id], unit.id, unit.name) == []
    assert identity_findings(summary_row(sample, rows), None, "汇总") == []


def test_an_imported_total_that_is_not_the_sum_of_its_parts(sample):
    unit = sample.units[0]
    row = unit_rows(sample)[unit.id]
    row["expense.total"] = Decimal("95.5")  # a typed 合计, as a future import might carry it
    [finding] = identity_findings(row, unit.id, unit.name)
    assert finding.severity is Severity.ERROR
    assert str(finding.where) == f"unit/{unit.id}/expense.total"
    assert "局机关：支出合计 95.50 不等于 基本支出 + 项目支出 之和 90.50" == finding.message


def test_the_basic_spending_identity_of_the_summary_row(sample):
    row = summary_row(sample)
    row["expense.basic"] = Decimal("80")
    keys = [f.key for f in identity_findings(row, None, "局机关及二级机构汇总")]
    # 基本支出 ≠ 人员 + 公用, and 支出合计 ≠ 基本 + 项目 now too
    assert keys == ["identity/summary/expense.total", "identity/summary/expense.basic"]


def test_a_summary_row_that_is_not_the_sum_of_the_units(sample):
    rows = unit_rows(sample)
    summary = summary_row(sample, rows)
    assert summary_findings(summary, rows) == []
    summary["sangong.reception"] = Decimal("0.8")
    [finding] = summary_findings(summary, rows)
    assert str(finding.where) == "summary/sangong.reception"
    assert "汇总行的公务接待费 0.80 不等于各机构之和 0.73" == finding.message


def test_negative_amount_is_an_error_but_not_for_the_years_balance(sample):
    sample.units[0].cells["income.other"] = Decimal("-2")  # bypassing the parser, as a damaged import would
    type_cell(sample, "expense.balance_year", "-3")
    negatives = findings_of(sample, "arithmetic.negative")
    assert [str(f.where) for f in negatives] == [f"unit/{sample.units[0].id}/income.other"]
    assert negatives[0].severity is Severity.ERROR and "局机关的其他收入为负数" in negatives[0].message


def test_more_than_two_decimals_in_wan_yuan(sample):
    """Typing refuses a third decimal (issue 11 point 11); a report built elsewhere may still hold one, and the
    audit reports it."""
    assert findings_of(sample, "arithmetic.decimals") == []
    with pytest.raises(Rejected, match="最多 2 位小数"):
        type_cell(sample, "expense.public", "29.605")
    sample.units[0].cells["expense.public"] = Decimal("29.605")  # as a report from another program might hold it
    type_input(sample, "budget_adjustment", "initial_budget", "73.5")  # two decimals or fewer: fine
    sample.fields["sheet.sangong_control.input.sangong_budget"] = Decimal("1.0001")
    found = findings_of(sample, "arithmetic.decimals")
    assert [str(f.where) for f in found] == [f"unit/{sample.units[0].id}/expense.public",
                                        "sheet.sangong_control.input.sangong_budget"]
    assert all(f.severity is Severity.ERROR for f in found)
    assert "29.605 万元超过 2 位小数" in found[0].message


def test_trailing_zeros_are_not_extra_decimals(sample):
    type_cell(sample, "expense.public", "29.6000")
    assert findings_of(sample, "arithmetic.decimals") == []


def test_blank_balances_with_income_equal_to_spending_are_consistent(sample):
    # the copy: 收入 90.5 = 支出 90.5, 结余 left blank
    assert findings_of(sample, "arithmetic.balance") == []


def test_a_blank_balance_where_income_exceeds_spending(sample):
    type_cell(sample, "income.general", "100.5")
    # both 结余 are blank where both should be 10: the filler has two cells to fill
    finding, year = findings_of(sample, "arithmetic.balance")
    assert str(year.where).endswith("expense.balance_year") and "当年结余未填" in year.message
    assert finding.severity is Severity.WARNING
    assert str(finding.where) == f"unit/{sample.units[0].id}/expense.balance_total"
    assert "累计结余未填" in finding.message and "收入合计 100.50 − 支出合计 90.50 = 10.00" in finding.message


def test_consistent_balances_typed_with_a_carryover(sample):
    type_cell(sample, "income.carryover", "4")
    type_cell(sample, "income.general", "96.5")       # 收入合计 100.5
    type_cell(sample, "expense.balance_total", "10")  # 100.5 − 90.5
    type_cell(sample, "expense.balance_year", "6")    # 10 − 4
    assert findings_of(sample, "arithmetic.balance") == []


def test_a_years_balance_that_does_not_follow_from_the_total_balance(sample):
    type_cell(sample, "income.carryover", "4")
    type_cell(sample, "income.general", "96.5")
    type_cell(sample, "expense.balance_total", "10")
    type_cell(sample, "expense.balance_year", "10")
    [finding] = findings_of(sample, "arithmetic.balance")
    assert finding.key == "balance/局机关/balance_year"
    assert "当年结余填的是 10.00" in finding.message and "= 6.00" in finding.message


def test_one_blank_balance_is_reported_once(sample):
    # 累计结余 left blank although it should be 10: the 当年结余 typed from the true figure is not blamed too.
    type_cell(sample, "income.carryover", "4")
    type_cell(sample, "income.general", "96.5")
    type_cell(sample, "expense.balance_year", "6")
    assert [f.key.split("/")[-1] for f in findings_of(sample, "arithmetic.balance")] == ["balance_total"]


def test_a_negative_years_balance_that_drew_on_the_carryover(sample):
    type_cell(sample, "income.carryover", "10")
    type_cell(sample, "income.general", "85.5")       # 收入合计 95.5, 支出 90.5
    type_cell(sample, "expense.balance_total", "5")
    type_cell(sample, "expense.balance_year", "-5")
    assert findings_of(sample, "arithmetic.balance") == []
    assert findings_of(sample, "arithmetic.negative") == []


def test_empty_units_are_not_checked(sample):
    # 二级机构1 and 二级机构2 are blank in the copy: nothing to say about them.
    assert all(sample.units[0].id in str(f.where) for f in findings_of(sample) if str(f.where).startswith("unit/"))


def test_an_income_only_grid_filled_top_down_gets_no_balance_proposed(sample):
    # The filler has typed 二级机构1's income and not yet its expense: the whole income is not its balance.
    unit = 1
    type_cell(sample, "income.carryover", "12", unit)
    type_cell(sample, "income.general", "1270", unit)
    assert [f for f in findings_of(sample, "arithmetic.balance") if sample.units[unit].id in str(f.where)] == []
    type_cell(sample, "expense.personnel", "1000", unit)  # now it has spent: 282 is left, and that is asked for
    [total, year] = [f for f in findings_of(sample, "arithmetic.balance") if sample.units[unit].id in str(f.where)]
    assert "= 282.00" in total.message and "= 270.00" in year.message
