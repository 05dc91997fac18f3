"""Figures quoted in the texts: part 五 against part 二, a quoted score or grade, the 满意度."""

import pytest

from evaldesk.audit.findings import Severity

from .helpers import findings_of, quant_row, replace_in, type_cell, type_field, type_input, type_item


@pytest.mark.parametrize("old, new, figure, label", [
    ("全年支出90.5万元", "全年支出91.5万元", "expense.total", "全年支出"),
    ("基本支出90.5万元", "基本支出80.5万元", "expense.basic", "基本支出"),
    ("人员经费支出60.9万元", "人员经费支出61万元", "expense.personnel", "人员经费"),
    ("公用支出29.6万元", "公用支出29.5万元", "expense.public", "公用经费"),
    ("三公经费0.73万元", "三公经费0.37万元", "sangong.total", "三公经费"),
    ("固定资产合计11.3万元", "固定资产合计13.1万元", "assets.total", "固定资产合计"),
])
def test_each_quoted_figure_against_part_two(sample, old, new, figure, label):
    replace_in(sample, "summary.text", old, new)
    [finding] = findings_of(sample, "quote.figure")
    assert finding.key == f"quote/{figure}" and finding.severity is Severity.WARNING
    assert str(finding.where) == "summary.text" and tuple(map(str, finding.related)) == (f"summary/{figure}",)
    assert f"引用的{label}与第二部分不符：文中写“{new}”" in finding.message


def test_a_change_in_part_two_not_carried_into_the_text(sample):
    type_cell(sample, "assets.in_use", "12")
    [finding] = findings_of(sample, "quote.figure")
    assert "固定资产合计11.3万元" in finding.message and "汇总的固定资产合计是 12.00 万元" in finding.message


def test_full_width_digits_and_a_connector_are_read(sample):
    replace_in(sample, "summary.text", "全年支出90.5万元", "全年支出为９０．５万元")
    assert findings_of(sample, "quote.figure") == []
    replace_in(sample, "summary.text", "全年支出为９０．５万元", "全年支出为９０．６万元")
    assert [f.key for f in findings_of(sample, "quote.figure")] == ["quote/expense.total"]


def test_last_years_figure_and_fixed_assets_in_use_are_not_compared(sample):
    replace_in(sample, "summary.text", "三公经费0.73万元，", "三公经费0.73万元，上年三公经费0.95万元，在用固定资产9万元，")
    assert findings_of(sample, "quote.figure") == []


def test_a_figure_quoted_in_yuan_is_not_read_as_wan_yuan(sample):
    replace_in(sample, "summary.text", "三公经费0.73万元", "三公经费7300元")
    assert findings_of(sample, "quote.figure") == []


def test_a_quoted_score_that_differs_from_the_sheet(sample):
    type_field(sample, "self.actual", sample.text("self.actual") + "，绩效自评综合得分95分。")
    [finding] = findings_of(sample, "quote.score")
    assert finding.severity is Severity.WARNING and str(finding.where) == "self.actual"
    assert "综合得分95分" in finding.message and "总分是 92.5 分" in finding.message


def test_a_quoted_score_and_grade_that_agree(sample):
    type_field(sample, "self.actual", sample.text("self.actual") + "，综合得分92.5分，评价等次为优秀。")
    assert findings_of(sample, "quote.score") == findings_of(sample, "quote.grade") == []


def test_a_quoted_grade_that_differs_from_the_sheet(sample):
    type_field(sample, "summary.text", sample.text("summary.text") + "\n经自评，评价等次为良好。")
    [finding] = findings_of(sample, "quote.grade")
    assert str(finding.where) == "summary.text" and "评价等次为良好" in finding.message and "“优秀”" in finding.message


def test_no_score_comparison_while_the_sheet_is_incomplete(sample):
    type_field(sample, "self.actual", "综合得分95分")
    type_input(sample, "budget_adjustment", "initial_budget", None)
    assert findings_of(sample, "quote.score") == []


def test_a_satisfaction_figure_that_differs_is_a_warning(sample):
    row = quant_row(sample, "社会公众或服务对象满意度")
    type_item(sample, "quant", row, "actual", "群众满意度达95%")
    [finding] = findings_of(sample, "quote.satisfaction")
    assert finding.severity is Severity.WARNING and "两处数字不符" in finding.message


def test_a_bound_the_survey_does_not_meet_is_a_warning(sample):
    row = quant_row(sample, "社会公众或服务对象满意度")
    type_item(sample, "quant", row, "actual", "群众满意度达95%以上")
    [finding] = findings_of(sample, "quote.satisfaction")
    assert finding.severity is Severity.WARNING


def test_the_same_satisfaction_figure_everywhere(sample):
    row = quant_row(sample, "社会公众或服务对象满意度")
    type_item(sample, "quant", row, "actual", "群众满意度达92%")
    assert findings_of(sample, "quote.satisfaction") == []  # the sheet's own reason “群众满意度92%” agrees too


def test_no_survey_typed_no_satisfaction_comparison(sample):
    type_input(sample, "satisfaction", "survey", None)
    assert findings_of(sample, "quote.satisfaction") == []


@pytest.mark.parametrize("target", ["服务对象满意度≥90%", "满意度达90%以上", "满意度不低于90%", "满意度≥ 90%",
                                    "满意度90%", "群众满意度不少于85%"])
def test_a_target_the_survey_meets_is_no_finding(sample, target):
    """Issue 11 point 8: 92% on the sheet meets a 绩效目标 that states a lower bound (or a plain figure to reach)."""
    row = quant_row(sample, "社会公众或服务对象满意度")
    type_item(sample, "quant", row, "target", target)
    type_item(sample, "quant", row, "actual", "92%")
    assert findings_of(sample, "quote.satisfaction") == []


@pytest.mark.parametrize("result", ["满意度不低于90%", "满意度≥90%", "满意度在95%以内", "满意度不超过95%"])
def test_a_result_stated_as_a_bound_the_survey_meets_is_at_most_a_hint(sample, result):
    row = quant_row(sample, "社会公众或服务对象满意度")
    type_item(sample, "quant", row, "actual", result)
    [finding] = findings_of(sample, "quote.satisfaction")
    assert finding.severity is Severity.INFO and "并不矛盾" in finding.message


@pytest.mark.parametrize("result", ["满意度不低于95%", "满意度≤90%", "满意度不高于90%"])
def test_a_bound_the_survey_breaks_is_still_a_warning(sample, result):
    row = quant_row(sample, "社会公众或服务对象满意度")
    type_item(sample, "quant", row, "actual", result)
    [finding] = findings_of(sample, "quote.satisfaction")
    assert finding.severity is Severity.WARNING and "两处数字不符" in finding.message


def test_a_target_the_survey_misses_is_a_hint_to_explain(sample):
    row = quant_row(sample, "社会公众或服务对象满意度")
    type_item(sample, "quant", row, "target", "满意度≥95%")
    type_item(sample, "quant", row, "actual", "92%")
    [finding] = findings_of(sample, "quote.satisfaction")
    assert finding.severity is Severity.INFO and "未达到这一目标" in finding.message
