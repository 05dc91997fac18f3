"""States, hand scores, overrides and reasons: what the filler is told when a rule cannot give a score."""

from decimal import Decimal

import pytest

from evaldesk.model.report import new_report
from evaldesk.scoring.engine import State, score_report

from .filling import result, type_cell, type_field, type_hand, type_input, with_rule

D = Decimal


def _zero_staff_quota(report):
    type_field(report, "basic.staff_quota", "0")
    type_field(report, "basic.staff_actual", "3")


def _zero_assets(report):
    type_cell(report, "assets.in_use", "0")  # the 固定资产 table is started, and its 合计 is 0


def _zero_last_year_sangong(report):
    type_cell(report, "sangong.reception", "1")
    type_input(report, "sangong_change", "last_year_sangong", "0")


def _no_project_spending(report):
    type_input(report, "key_spending", "key_project_spending", "10")   # the reference copy's case:
    type_cell(report, "expense.personnel", "60.9")                      # 支出 typed, 项目支出 blank


@pytest.mark.parametrize("indicator_id, prepare, why", [
    ("staff_control", _zero_staff_quota, "人员编制为 0"),
    ("asset_use", _zero_assets, "固定资产合计为 0"),
    ("sangong_change", _zero_last_year_sangong, "上年三公经费合计为 0"),
    ("key_spending", _no_project_spending, "项目支出为 0"),
])
def test_zero_denominator_needs_a_hand_score(blank, indicator_id, prepare, why):
    prepare(blank)
    outcome = result(blank, indicator_id)
    assert outcome.state is State.NEEDS_HAND
    assert outcome.score is None and outcome.computed is None
    assert why in outcome.explanation and "手工评分" in outcome.explanation


@pytest.mark.parametrize("indicator_id, typed, absent", [
    ("budget_adjustment", {"adjusted_budget": "90.5"}, "年初预算"),
    ("budget_adjustment", {"initial_budget": "73.5"}, "调整后预算"),
    ("sangong_control", {}, "三公经费预算数"),
    ("procurement", {"procurement_budget": "10"}, "实际政府采购金额"),
    ("satisfaction", {}, "满意度调查结果（%）"),
    ("payment_progress", {}, "未按进度下达资金的专项"),
])
def test_missing_input_is_named(blank, indicator_id, typed, absent):
    for name, value in typed.items():
        type_input(blank, indicator_id, name, value)
    outcome = result(blank, indicator_id)
    assert outcome.state is State.MISSING
    assert outcome.score is None
    assert absent in outcome.missing and absent in outcome.explanation


def test_missing_part_one_figure(blank):
    type_field(blank, "basic.staff_quota", "6")
    outcome = result(blank, "staff_control")
    assert (outcome.state, outcome.missing) == (State.MISSING, ("实有人数",))


def test_rate_outside_every_band_needs_a_hand_score(yunxi_data):
    """A template whose bands leave a gap (here: nothing below 75 %) does not guess."""
    data = yunxi_data
    satisfaction = next(entry for entry in data["indicators"] if entry["id"] == "satisfaction")
    bands = satisfaction["rule"]["bands"][:-1]
    report = new_report(2021, with_rule(data, "satisfaction", bands=bands))
    type_input(report, "satisfaction", "survey", "60")
    outcome = result(report, "satisfaction")
    assert outcome.state is State.NEEDS_HAND and outcome.score is None
    assert "不在评分标准的任何一档内" in outcome.explanation


def test_an_unscored_indicator_is_neither_full_marks_nor_zero(sample):
    del sample.fields["sheet.satisfaction.input.survey"]
    sheet = score_report(sample)
    assert sheet.indicators["satisfaction"].score is None
    assert sheet.total == D("89.5")              # 92.5 without the 3 points
    assert sheet.grade is None and not sheet.complete
    assert not sheet.groups["effect.benefit"].complete
    assert "待定" in sheet.summary_line()


def test_hand_score_after_a_cannot_compute_counts_and_wants_a_reason(blank):
    _zero_staff_quota(blank)
    type_hand(blank, "staff_control", "5")
    outcome = result(blank, "staff_control")
    assert (outcome.state, outcome.score) == (State.HAND, D(5))
    assert any("说明理由" in problem for problem in outcome.problems)
    type_field(blank, "sheet.staff_control.reason", "编制数为 0，按主管部门核定人数评分")
    assert result(blank, "staff_control").problems == ()


def test_override_keeps_both_figures_and_needs_a_reason(blank):
    type_field(blank, "basic.staff_quota", "48")
    type_field(blank, "basic.staff_actual", "50")
    type_hand(blank, "staff_control", "3")
    outcome = result(blank, "staff_control")
    assert outcome.state is State.OVERRIDDEN
    assert (outcome.score, outcome.computed, outcome.hand) == (D(3), D("2.92"), D(3))
    assert "2.92" in outcome.explanation and "3" in outcome.explanation
    assert any("2.92" in p and "须说明理由" in p for p in outcome.problems)
    type_field(blank, "sheet.staff_control.reason", "编制调整文件已下达，按新编制计")
    assert result(blank, "staff_control").problems == ()


def test_hand_score_equal_to_the_computed_one_is_not_an_override(blank):
    type_input(blank, "satisfaction", "survey", "96")
    type_hand(blank, "satisfaction", "5")
    assert result(blank, "satisfaction").state is State.COMPUTED


def test_deduction_without_reason_is_reported(blank):
    type_input(blank, "satisfaction", "survey", "92")
    outcome = result(blank, "satisfaction")
    assert outcome.score == D(3)
    assert outcome.problems == ("得分 3 低于分值 5，须填写扣分原因",)
    type_field(blank, "sheet.satisfaction.reason", "群众满意度92%")
    assert result(blank, "satisfaction").problems == ()


def test_full_marks_need_no_reason(blank):
    type_input(blank, "satisfaction", "survey", "95")
    assert result(blank, "satisfaction").problems == ()


def test_sheet_lists_every_problem(blank):
    type_input(blank, "satisfaction", "survey", "80")
    type_hand(blank, "xiaokang", "4")
    problems = {r.id for r, _ in score_report(blank).problems}
    assert problems == {"satisfaction", "xiaokang"}
