"""扣分原因 drafts: only for indicators that lost points by their rule."""

from evaldesk.drafts.reasons import reason_drafts
from evaldesk.scoring.engine import score_report
from tests.audit.helpers import type_field, type_hand


def test_the_sample_offers_reasons_for_the_rule_deductions_only(sample):
    drafts = reason_drafts(score_report(sample))
    assert drafts == {
        "budget_adjustment": "预算调整率为23.13%，超过20%，扣2.5分",
        "satisfaction": "满意度为92%，低于95%，扣2分",
    }   # 经济/社会/生态效益 lost 3 points by hand: its reason is the evaluation group's


def test_a_per_point_deduction_names_the_threshold_crossed_and_is_said_once(sample):
    type_field(sample, "basic.staff_actual", 50)
    type_field(sample, "basic.staff_quota", 48)
    text = reason_drafts(score_report(sample))["staff_control"]
    assert text.endswith("为104.17%，超过100%，扣2.08分")
    assert text.count("扣") == 1 and "÷" not in text and "得 " not in text


def test_a_band_reason_names_the_edge_to_the_better_band_on_either_side(sample):
    type_field(sample, "sheet.budget_adjustment.input.initial_budget", "84")   # 7.74%: (0, 10] 档, 2 of 3
    # the better band is “= 0” itself: “超过0%” would be true but odd, so only the rate is said
    assert reason_drafts(score_report(sample))["budget_adjustment"] == "预算调整率为7.74%，扣1分"
    type_field(sample, "sheet.budget_adjustment.input.initial_budget", "65")   # 39.23%: over 30%, 0 of 3
    assert reason_drafts(score_report(sample))["budget_adjustment"] == "预算调整率为39.23%，超过30%，扣3分"
    type_field(sample, "sheet.satisfaction.input.survey", "80")               # below 85%: the better band is above
    assert reason_drafts(score_report(sample))["satisfaction"].startswith("满意度为80%，低于85%，扣")


def test_an_overridden_score_gets_no_rule_reason(sample):
    type_hand(sample, "budget_adjustment", "1", "评价组认为调整有正当理由")
    assert "budget_adjustment" not in reason_drafts(score_report(sample))


def test_a_balance_reason_speaks_of_amounts_in_wan_yuan_not_a_formula(sample):
    from tests.audit.helpers import type_cell

    type_field(sample, "sheet.fund_balance.hand", None)
    type_cell(sample, "income.carryover", "15.5")
    type_cell(sample, "income.general", "131.5")
    type_cell(sample, "expense.balance_total", "56.5")
    text = reason_drafts(score_report(sample))["fund_balance"]
    assert text.startswith("累计结余56.5万元，超过上年结转15.5万元，扣") and ">" not in text


def test_a_checklist_reason_names_the_requirement_not_met(sample):
    type_field(sample, "sheet.disclosure.hand", None)
    for item in "1234":
        type_field(sample, f"sheet.disclosure.input.{item}", True)
    type_field(sample, "sheet.disclosure.input.5", False)
    text = reason_drafts(score_report(sample))["disclosure"]
    assert "“基础数据信息和汇集信息资料准确”不符合" in text and "第5项" not in text
