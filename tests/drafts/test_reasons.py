"""扣分原因 drafts: only for indicators that lost points by their rule."""

from evaldesk.drafts.reasons import reason_drafts
from evaldesk.scoring.engine import score_report
from tests.audit.helpers import type_field, type_hand


def test_the_sample_offers_reasons_for_the_rule_deductions_only(sample):
    drafts = reason_drafts(score_report(sample))
    assert drafts == {
        "budget_adjustment": "预算调整率 = |90.5 − 73.5| ÷ 73.5 = 23.13%，属 (20%, 30%] 档，扣2.5分",
        "satisfaction": "满意度 92.00%，属 [85%, 95%) 档，扣2分",
    }   # 经济/社会/生态效益 lost 3 points by hand: its reason is the evaluation group's


def test_a_per_point_deduction_is_said_once(sample):
    type_field(sample, "basic.staff_actual", 50)
    type_field(sample, "basic.staff_quota", 48)
    text = reason_drafts(score_report(sample))["staff_control"]
    assert text.endswith("每个百分点扣 0.5 分，扣2.08分")
    assert text.count("扣2.08") == 1 and "得 " not in text


def test_an_overridden_score_gets_no_rule_reason(sample):
    type_hand(sample, "budget_adjustment", "1", "评价组认为调整有正当理由")
    assert "budget_adjustment" not in reason_drafts(score_report(sample))
