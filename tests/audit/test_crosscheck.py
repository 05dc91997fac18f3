"""Across fields: 三公合计 ≤ 支出合计; a 控制率 over 100% shows a deduction; 预算调整率 over 30% is explained."""

from evaldesk.audit.findings import Severity

from .helpers import findings_of, type_cell, type_hand, type_input, type_reason


def test_sangong_within_spending(sample):
    assert findings_of(sample, "cross.not_above") == []
    type_cell(sample, "sangong.car_buy", "95")  # 三公 95.73 > 支出 90.5
    [finding] = findings_of(sample, "cross.not_above")
    assert finding.severity is Severity.ERROR
    assert str(finding.where) == f"unit/{sample.units[0].id}/sangong.total"
    assert finding.message == "局机关：三公经费合计 95.73 超过支出合计 90.50（“三公”经费是支出的一部分）"


def test_sangong_equal_to_spending_is_allowed(sample):
    type_cell(sample, "sangong.car_buy", "89.77")  # 0.73 + 89.77 = 90.5
    assert findings_of(sample, "cross.not_above") == []


def test_staff_over_quota_with_full_marks_is_an_error(sample):
    type_field_staff(sample, 6, 7)                 # 116.67%: the rule deducts by itself
    assert findings_of(sample, "cross.must_deduct") == []
    type_hand(sample, "staff_control", "5", "编制外借调人员")  # overridden back to full marks, even with a reason
    [finding] = findings_of(sample, "cross.must_deduct")
    assert finding.severity is Severity.ERROR and str(finding.where) == "sheet.staff_control.hand"
    assert finding.message == "“财政供养人员控制率”为 116.67%，超过 100%，按评分标准应扣分，却得满分 5 分"


def test_staff_within_quota_with_full_marks(sample):
    type_field_staff(sample, 6, 6)
    assert findings_of(sample, "cross.must_deduct") == []


def test_sangong_control_over_budget_overridden_to_full_marks(sample):
    type_input(sample, "sangong_control", "sangong_budget", "0.7")  # 0.73 ÷ 0.7 = 104.29%; the copy's hand 6
    type_reason(sample, "sangong_control", "按预算执行")
    keys = [f.key for f in findings_of(sample, "cross.must_deduct")]
    assert keys == ["must_deduct/sangong_control"]


def test_a_budget_adjustment_over_30_percent_needs_an_explanation(sample):
    type_input(sample, "budget_adjustment", "adjusted_budget", "100")  # |100 − 73.5| ÷ 73.5 = 36.05%
    type_reason(sample, "budget_adjustment", None)
    [finding] = findings_of(sample, "cross.explain_above")
    assert finding.severity is Severity.WARNING and str(finding.where) == "sheet.budget_adjustment.reason"
    assert "“预算调整率”为 36.05%，超过 30%" in finding.message


def test_a_budget_adjustment_over_30_percent_explained_in_the_reason(sample):
    type_input(sample, "budget_adjustment", "adjusted_budget", "100")
    type_reason(sample, "budget_adjustment", "年中追加事权下放经费26.5万元")
    assert findings_of(sample, "cross.explain_above") == []


def test_the_copys_adjustment_of_23_percent_needs_none(sample):
    type_reason(sample, "budget_adjustment", None)
    assert findings_of(sample, "cross.explain_above") == []


def type_field_staff(report, quota, actual):
    from .helpers import type_field

    type_field(report, "basic.staff_quota", quota)
    type_field(report, "basic.staff_actual", actual)


def test_a_computed_full_score_just_over_the_limit_is_the_rules_own_rounding(sample):
    type_cell(sample, "sangong.reception", "73")  # amounts to the cent, as the form holds them
    type_input(sample, "sangong_control", "sangong_budget", "72.99")  # 73 ÷ 72.99 = 100.0137% → 5.9863 → 5.99
    type_hand(sample, "sangong_control", None)
    assert findings_of(sample, "cross.must_deduct") == []
    type_cell(sample, "sangong.reception", "729.99")
    type_input(sample, "sangong_control", "sangong_budget", "729.98")  # 100.0014% → deduct 0.0014 → 6.00
    assert findings_of(sample, "cross.must_deduct") == []
