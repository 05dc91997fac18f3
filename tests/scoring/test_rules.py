"""Every rule kind of the Yunxi sheet, at and around every edge SPEC §2 names.

Figures go in as a filler types them (part 一, part 二's grid, the inputs beside the indicator); the score and the
state are what the sheet shows.
"""

from decimal import Decimal

import pytest

from evaldesk.scoring.engine import State

from .filling import result, type_cell, type_field, type_hand, type_input, with_rule

D = Decimal


def scored(report, indicator_id):
    outcome = result(report, indicator_id)
    assert outcome.state is State.COMPUTED, outcome.explanation
    return outcome.score


# ---------------------------------------------------------------- bands


@pytest.mark.parametrize("adjusted, expected", [
    ("100", "3"),        # exactly 0
    ("100.01", "2"),     # 0.01 %
    ("99.99", "2"),      # the rate is absolute: a cut counts like a rise
    ("110", "2"),        # exactly 10 % (inclusive)
    ("110.01", "1"),     # just over 10 %
    ("120", "1"),
    ("120.01", "0.5"),
    ("130", "0.5"),
    ("130.01", "0"),
    ("70", "0.5"),       # −30 %
])
def test_budget_adjustment_bands(blank, adjusted, expected):
    type_input(blank, "budget_adjustment", "initial_budget", "100")
    type_input(blank, "budget_adjustment", "adjusted_budget", adjusted)
    assert scored(blank, "budget_adjustment") == D(expected)


@pytest.mark.parametrize("key_spending, expected", [
    ("100", "5"), ("90", "5"), ("89.99", "4"), ("80", "4"), ("79.99", "3"), ("70", "3"), ("69.99", "2"),
    ("60", "2"), ("59.99", "0"), ("0", "0"), ("120", "5"),
])
def test_key_spending_bands(blank, key_spending, expected):
    type_cell(blank, "expense.project", "60")       # 项目支出 of two units: 60 + 40 = 100 in the 汇总 row
    type_cell(blank, "expense.project", "40", unit=1)
    type_input(blank, "key_spending", "key_project_spending", key_spending)
    assert scored(blank, "key_spending") == D(expected)


@pytest.mark.parametrize("survey, expected", [
    ("100", "5"), ("95", "5"), ("94.99", "3"), ("85", "3"), ("84.99", "1"), ("75", "1"), ("74.99", "0"),
    ("0", "0"), ("92", "3"),
])
def test_satisfaction_bands(blank, survey, expected):
    type_input(blank, "satisfaction", "survey", survey)
    assert scored(blank, "satisfaction") == D(expected)


def test_band_explanation_names_the_band(blank):
    type_input(blank, "satisfaction", "survey", "９２％")
    assert result(blank, "satisfaction").explanation == "满意度 92.00%，属 [85%, 95%) 档，得 3 分"


# ---------------------------------------------------------------- per point


@pytest.mark.parametrize("quota, actual, expected", [
    (6, 6, "5"), (50, 48, "5"), (50, 50, "5"),     # ≤ 100 % → full marks
    (48, 50, "2.92"),                              # 104.1667 % → 4.1667 × 0.5 = 2.0833 deducted
    (100, 101, "4.5"),
    (100, 110, "0"),                               # exactly 扣完
    (100, 150, "0"),                               # 扣完为止: never negative
])
def test_staff_control_proportional(blank, quota, actual, expected):
    type_field(blank, "basic.staff_quota", str(quota))
    type_field(blank, "basic.staff_actual", str(actual))
    assert scored(blank, "staff_control") == D(expected)


def test_staff_control_explanation(blank):
    type_field(blank, "basic.staff_quota", "48")
    type_field(blank, "basic.staff_actual", "50")
    assert result(blank, "staff_control").explanation == (
        "财政供养人员控制率 = 50 ÷ 48 = 104.17%，超过 100% 4.17 个百分点，每个百分点扣 0.5 分，扣 2.08 分，得 2.92 分")


@pytest.mark.parametrize("rounding, expected", [("proportional", "2.92"), ("floor", "3"), ("ceil", "2.5")])
def test_per_point_whole_point_variants(yunxi_data, rounding, expected):
    from evaldesk.model.report import new_report

    report = new_report(2021, with_rule(yunxi_data, "staff_control", rounding=rounding))
    type_field(report, "basic.staff_quota", "48")
    type_field(report, "basic.staff_actual", "50")   # 4.1667 points over: floor 4 → −2, ceil 5 → −2.5
    assert scored(report, "staff_control") == D(expected)


@pytest.mark.parametrize("this_year, last_year, expected", [
    ("1", "1", "5"),          # change exactly 0
    ("0.8", "1", "5"),        # a fall
    ("1.02", "1", "4"),       # +2 points × 0.5
    ("10.15", "10", "4.25"),  # +1.5 points, proportional
    ("1.1", "1", "0"),        # +10 points: 扣完
    ("2", "1", "0"),
])
def test_sangong_change(blank, this_year, last_year, expected):
    type_cell(blank, "sangong.reception", this_year)
    type_input(blank, "sangong_change", "last_year_sangong", last_year)
    assert scored(blank, "sangong_change") == D(expected)


@pytest.mark.parametrize("spent, budget, expected", [
    ("10", "10", "6"),        # exactly 100 %
    ("9", "10", "6"),
    ("10.5", "10", "1"),      # 5 points over × 1
    ("10.01", "10", "5.9"),
    ("11", "10", "0"),
])
def test_sangong_control(blank, spent, budget, expected):
    type_cell(blank, "sangong.car_run", spent)
    type_input(blank, "sangong_control", "sangong_budget", budget)
    assert scored(blank, "sangong_control") == D(expected)


@pytest.mark.parametrize("actual, expected", [
    ("100", "3"), ("120", "3"), ("99", "2.8"), ("99.5", "2.9"), ("90", "1"), ("85", "0"), ("0", "0"),
])
def test_procurement_under_100(blank, actual, expected):
    type_input(blank, "procurement", "procurement_actual", actual)
    type_input(blank, "procurement", "procurement_budget", "100")
    assert scored(blank, "procurement") == D(expected)


@pytest.mark.parametrize("card, expected", [
    ("50", "3"), ("100", "3"), ("60", "3"), ("49", "2.8"), ("49.5", "2.9"), ("40", "1"), ("35", "0"), ("10", "0"),
])
def test_card_payment_at_and_under_50(blank, card, expected):
    type_input(blank, "card_payment", "card_amount", card)
    type_input(blank, "card_payment", "card_due", "100")
    assert scored(blank, "card_payment") == D(expected)


def test_asset_use_from_part_two(blank):
    type_cell(blank, "assets.in_use", "11.3")
    assert scored(blank, "asset_use") == D(3)
    type_cell(blank, "assets.rented", "1")          # 11.3 ÷ 12.3 = 91.87 % → 8.13 points × 0.1
    assert scored(blank, "asset_use") == D("2.19")
    type_cell(blank, "assets.other", "8.7", unit=2)  # 11.3 ÷ 21 = 53.81 % → 46.19 points × 0.1 = 4.6 → 扣完
    assert scored(blank, "asset_use") == D(0)


# ---------------------------------------------------------------- checklist, per case, balance


def test_checklist_partial_and_full(blank):
    for item in ("1", "2", "3"):
        type_input(blank, "budget_rules", item, "是")
    assert scored(blank, "budget_rules") == D(3)
    type_input(blank, "budget_rules", "2", "否")
    assert scored(blank, "budget_rules") == D(2)
    assert "第2项不符合" in result(blank, "budget_rules").explanation
    for item in "12345":
        type_input(blank, "disclosure", item, True)
    type_input(blank, "disclosure", "4", False)
    assert scored(blank, "disclosure") == D("2.5")


def test_checklist_with_an_unanswered_item_is_missing(blank):
    type_input(blank, "budget_rules", "1", "是")
    type_input(blank, "budget_rules", "2", "是")
    outcome = result(blank, "budget_rules")
    assert outcome.state is State.MISSING
    assert outcome.score is None
    assert "第3项" in outcome.explanation


@pytest.mark.parametrize("cases, expected", [("0", "3"), ("1", "2.5"), ("4", "1"), ("6", "0"), ("20", "0")])
def test_payment_progress_per_case(blank, cases, expected):
    type_input(blank, "payment_progress", "late_projects", cases)
    assert scored(blank, "payment_progress") == D(expected)


@pytest.mark.parametrize("cases, expected", [("0", "4"), ("1", "3"), ("4", "0"), ("5", "0")])
def test_asset_safety_per_case(blank, cases, expected):
    type_input(blank, "asset_safety", "violations", cases)
    assert scored(blank, "asset_safety") == D(expected)


@pytest.mark.parametrize("balances, carryovers, expected", [
    ((None, None), (None, None), "3"),        # figures typed but 结余 blank everywhere: 无结余 (the copy's case)
    (("0", None), ("5", None), "3"),
    (("3", None), ("5", None), "2"),          # within last year's carry-over
    (("3", "2"), ("5", None), "2"),           # the 汇总 row adds units: 5 ≤ 5
    (("3", "2.01"), ("5", None), "0"),        # 5.01 > 5
    (("3", "4"), ("2", "3"), "0"),            # 7 > 5
    (("0.01", None), (None, None), "0"),      # blank carry-over counts as 0
])
def test_fund_balance_three_branches(blank, balances, carryovers, expected):
    type_cell(blank, "expense.personnel", "60.9")  # the filler has started both tables of part 二
    type_cell(blank, "income.general", "90.5")
    for unit, value in enumerate(balances):
        if value is not None:
            type_cell(blank, "expense.balance_total", value, unit=unit)
    for unit, value in enumerate(carryovers):
        if value is not None:
            type_cell(blank, "income.carryover", value, unit=unit)
    assert scored(blank, "fund_balance") == D(expected)


# ---------------------------------------------------------------- by hand


def test_untouched_tables_are_missing_not_zero(blank):
    """A new report has typed nothing in part 二: 资金结余 waits for the tables instead of giving 无结余 full marks."""
    outcome = result(blank, "fund_balance")
    assert outcome.state.value == "missing" and outcome.score is None
    assert "累计结余" in outcome.explanation and "上年结转" in outcome.explanation
    type_cell(blank, "expense.personnel", "1")
    type_cell(blank, "income.general", "1")
    assert scored(blank, "fund_balance") == D("3")


def test_hand_indicator_waits_for_a_score(blank):
    outcome = result(blank, "xiaokang")
    assert outcome.state is State.NEEDS_HAND and outcome.score is None
    type_hand(blank, "xiaokang", "4", "部分指标未完成")
    outcome = result(blank, "xiaokang")
    assert (outcome.state, outcome.score, outcome.problems) == (State.HAND, D(4), ())


def test_shared_hand_is_one_cell_for_three_rows(blank, yunxi):
    benefits = yunxi.indicator("benefits")
    assert benefits.rows == ("经济效益", "社会效益", "生态效益")
    assert benefits.weight == D(15)
    type_hand(blank, "benefits", "12", "财政供养人员为正增长")
    type_input(blank, "satisfaction", "survey", "95")
    from evaldesk.scoring.engine import score_report

    sheet = score_report(blank)
    assert sheet.indicators["benefits"].score == D(12)
    assert sheet.groups["effect.benefit"].score == D(17)   # counted once, not once per row
