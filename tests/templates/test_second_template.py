"""The second built-in template (达州市部门整体支出绩效评价得分表) differs from the Yunxi sheet in structure and
scores a report of its own. Expected figures are worked out by hand in the comments."""

from decimal import Decimal

import pytest

from evaldesk.model.edits import SetField
from evaldesk.model.report import new_report, sheet_key
from evaldesk.scoring.engine import State, score_report
from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID, builtin_template

DAZHOU = "sichuan-dazhou-department"

# hand scores below the 分值, with the reasons the sheet then requires; every other indicator gets full marks
DEDUCTIONS = {
    "estimation_basis": ("4", "部分项目测算依据不充分"),          # 5 → 4
    "goal_management": ("4.5", "个别绩效目标未细化"),             # 5 → 4.5
    "goal_monitoring": ("2", "年中未开展一次目标监控"),           # 3 → 2
    "asset_it": ("1.5", "资产系统录入滞后"),                      # 2 → 1.5
    "performance_disclosure": ("1", "绩效自评结果未公开"),        # 2 → 1
    "specific": ("18.5", "两项个性指标未全部完成"),               # 20 → 18.5
    "talent": ("4", "培训计划完成80%"),                           # 5 → 4
    "public_satisfaction": ("3.5", "满意度调查为88%"),            # 4 → 3.5
}


@pytest.fixture
def dazhou():
    return builtin_template(DAZHOU)


def _filled(template, skip=()):
    report = new_report(2021, template, "达州市某局")
    for leaf in template.leaves:
        if leaf.id in skip:
            continue
        score, reason = DEDUCTIONS.get(leaf.id, (str(leaf.weight), None))
        SetField(sheet_key(leaf.id, "hand"), score).apply(report)
        if reason:
            SetField(sheet_key(leaf.id, "reason"), reason).apply(report)
    return report


def test_structure_differs_from_the_yunxi_sheet(dazhou):
    yunxi = builtin_template(DEFAULT_TEMPLATE_ID)
    assert [(root.name, root.weight) for root in dazhou.roots] == [
        ("部门决策", 25), ("综合管理", 30), ("部门绩效情况", 45)]
    assert [(root.name, root.weight) for root in yunxi.roots] == [("投入", 15), ("过程", 40), ("产出", 25), ("效果", 20)]
    assert len(dazhou.leaves) == 28 and len([i for i in dazhou.indicators if i.level == 2]) == 13
    assert {leaf.id for leaf in dazhou.leaves}.isdisjoint(leaf.id for leaf in yunxi.leaves)
    assert [band.label for band in dazhou.grades] == ["优", "良", "中", "差"]
    assert dazhou.cover["sheet_title"] == "部门整体支出绩效评价得分表"
    assert dazhou.title(2021) == "达州市2021年度部门整体支出绩效评价自评报告"


def test_a_report_of_its_own_scores_as_worked_out_by_hand(dazhou):
    sheet = score_report(_filled(dazhou))
    groups = {ind_id: group.score for ind_id, group in sheet.groups.items()}
    assert groups["decision.goals"] == 15
    assert groups["decision.budgeting"] == Decimal("8.5")         # 4 + 4.5
    assert groups["decision"] == Decimal("23.5")                  # 15 + 8.5
    assert groups["management.monitoring"] == 4                   # 2 + 2
    assert groups["management.assets"] == Decimal("5.5")          # 1.5 + 2 + 2
    assert groups["management.disclosure"] == 5                   # 2 + 2 + 1
    assert groups["management"] == Decimal("27.5")                # 30 − 1 − 0.5 − 1
    assert groups["performance.duties"] == Decimal("18.5")
    assert groups["performance.sustainability"] == 14             # 5 + 5 + 4
    assert groups["performance.satisfaction"] == Decimal("9.5")   # 3 + 3 + 3.5
    assert groups["performance"] == 42                            # 18.5 + 14 + 9.5
    assert sheet.total == 93 and sheet.complete                   # 23.5 + 27.5 + 42
    assert sheet.grade == "优"
    assert sheet.problems == []                                   # every deduction has its reason
    assert all(result.state is State.HAND for result in sheet.indicators.values())


def test_grade_bands_of_this_sheet(dazhou):
    report = _filled(dazhou)
    SetField(sheet_key("specific", "hand"), "15").apply(report)   # 93 − 3.5 = 89.5
    assert (score_report(report).total, score_report(report).grade) == (Decimal("89.5"), "良")


def test_an_unscored_indicator_keeps_the_grade_pending(dazhou):
    sheet = score_report(_filled(dazhou, skip={"talent"}))
    assert sheet.total == 89 and not sheet.complete and sheet.grade is None   # 93 − 4
    assert [result.id for result in sheet.pending] == ["talent"]
    assert sheet.groups["performance.sustainability"].complete is False


def test_a_deduction_without_reason_is_owed(dazhou):
    report = _filled(dazhou)
    SetField(sheet_key("talent", "reason"), None).apply(report)
    assert [(result.id, text) for result, text in score_report(report).problems] == [
        ("talent", "得分 4 低于分值 5，须填写扣分原因")]
