"""The score sheet: range, weights, reasons for deductions, overrides and hand scores, completeness, total, grade."""

import copy
import dataclasses
from decimal import Decimal

from evaldesk.audit.findings import Severity
from evaldesk.audit.scoresheet import total_findings, weight_findings
from evaldesk.audit.context import AuditContext
from evaldesk.model.edits import SetTemplate
from evaldesk.scoring.engine import score_report
from evaldesk.scoring.template import Template

from .helpers import errors, findings_of, type_field, type_hand, type_input, type_reason


def test_a_deduction_without_reason_is_an_error(sample):
    assert findings_of(sample, "sheet.deduction") == []
    type_reason(sample, "satisfaction", None)  # 满意度 92 → 3 of 5, the copy's reason removed
    [finding] = findings_of(sample, "sheet.deduction")
    assert finding.severity is Severity.ERROR
    assert str(finding.where) == "sheet.satisfaction.reason"
    assert finding.message == "“社会公众或服务对象满意度”得 3 分，低于分值 5 分，须填写扣分原因"


def test_a_hand_deduction_without_reason_is_an_error_not_a_warning(sample):
    type_hand(sample, "procurement", "2")  # could not be computed, and now also below the 分值
    found = [f for f in findings_of(sample) if "procurement" in f.key]
    assert [(f.check, f.severity) for f in found] == [("sheet.deduction", Severity.ERROR)]


def test_an_override_without_reason_is_an_error(sample):
    type_hand(sample, "staff_control", "4")  # computed 5 (6 ÷ 6), overridden
    [finding] = findings_of(sample, "sheet.override")
    assert finding.severity is Severity.ERROR and str(finding.where) == "sheet.staff_control.reason"
    assert "按规则计算得 5 分，手工改为 4 分" in finding.message
    type_reason(sample, "staff_control", "年中借调一人，按实际在岗人数扣分")
    assert findings_of(sample, "sheet.override") == []


def test_a_hand_score_equal_to_the_computed_one_is_no_override(sample):
    type_hand(sample, "asset_use", "3")
    assert findings_of(sample, "sheet.override") == []


def test_a_hand_score_the_rule_could_not_compute_needs_a_reason(sample):
    type_reason(sample, "procurement", "当年无政府采购项目，按满分计")
    keys = [f.key for f in findings_of(sample, "sheet.hand")]
    assert "hand_reason/procurement" not in keys and "hand_reason/card_payment" in keys


def test_filling_the_missing_inputs_clears_the_hand_warning(sample):
    type_input(sample, "card_payment", "card_amount", "8")
    type_input(sample, "card_payment", "card_due", "10")  # 80% ≥ 50% → 3, the hand 3 agrees
    assert "hand_reason/card_payment" not in [f.key for f in findings_of(sample)]


def test_hand_only_indicators_need_no_reason_at_full_marks(sample):
    # 产出 rows are scored by hand by design: 5 of 5 needs nothing
    assert [f for f in findings_of(sample) if "xiaokang" in f.key] == []


def test_an_unscored_indicator_makes_the_sheet_incomplete(sample):
    type_hand(sample, "xiaokang", None)
    type_input(sample, "budget_adjustment", "initial_budget", None)
    found = findings_of(sample, "sheet.unscored")
    assert [(f.key, str(f.where)) for f in found] == [
        ("unscored/budget_adjustment", "sheet.budget_adjustment.input.initial_budget"),
        ("unscored/xiaokang", "sheet.xiaokang.hand")]
    assert all(f.severity is Severity.ERROR for f in found)
    assert "评分表不完整" in found[0].message and "年初预算" in found[0].message


def test_a_score_above_its_weight_after_the_template_changed(sample):
    data = copy.deepcopy(sample.template.data)
    for entry in data["indicators"]:  # move one point from 其他工作实绩 to 民生实事 (the tree still adds up)
        if entry["id"] == "other_work":
            entry["weight"] = 5
        if entry["id"] == "gov_report":
            entry["weight"] = 4
    SetTemplate(Template(data)).apply(sample)
    [finding] = findings_of(sample, "sheet.range")
    assert finding.key == "score_range/gov_report" and finding.severity is Severity.ERROR
    assert finding.message == "“《政府工作报告》目标任务完成情况”的得分 5 超出 0～4 分"


def test_weights_of_the_reports_own_template_are_checked(sample):
    assert weight_findings(sample.template) == []
    sample.template.indicator("satisfaction").weight = Decimal(6)  # a template changed after it was loaded
    found = weight_findings(sample.template)
    assert [f.key for f in found] == ["weights/effect.benefit"]
    assert all(f.severity is Severity.ERROR and str(f.where) == "section/附件：评分表" for f in found)
    assert "下级指标分值之和 21 不等于其分值 20" in found[0].message


def test_total_and_grade_consistent_with_the_scores(sample):
    sheet = score_report(sample)
    assert total_findings(AuditContext(sample, sheet)) == []
    stale = dataclasses.replace(sheet, total=Decimal("95"), grade="良好")
    found = total_findings(AuditContext(sample, stale))
    assert [f.key for f in found] == ["total", "grade"]
    assert "总分 95 不等于各指标得分之和 92.5" in found[0].message
    assert "评价等次“良好”与总分 95 不符（应为“优秀”）" in found[1].message


def test_a_sheet_with_reasons_everywhere_has_no_sheet_finding(sample):
    for ind in ("sangong_change", "key_spending", "sangong_control", "procurement", "card_payment"):
        type_reason(sample, ind, "无法取得计算所需数据，经评价组核实后评分")
    assert [f for f in findings_of(sample) if f.check.startswith("sheet.")] == []
    assert errors(sample) == []


def test_a_blank_report_lists_every_indicator_unscored(sample):
    from evaldesk.model.report import new_report

    blank = new_report(2021, sample.template, "测试单位")
    # every indicator the engine could not score, in the sheet's order: nearly all of them on a blank report
    waiting = [r.id for r in score_report(blank).indicators.values() if r.score is None]
    assert len(waiting) >= len(sample.template.leaves) - 1
    assert [f.key for f in findings_of(blank, "sheet.unscored")] == [f"unscored/{i}" for i in waiting]
    type_field(blank, "basic.staff_quota", 6)
    type_field(blank, "basic.staff_actual", 6)
    assert "unscored/staff_control" not in [f.key for f in findings_of(blank, "sheet.unscored")]
