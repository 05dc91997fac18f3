"""Template edits as the window will offer them: each makes new data (the old stays as it was), check() lists every
problem of a draft, and once valid the report's scores follow (and undo like any other edit)."""

import copy
from decimal import Decimal

import pytest

from evaldesk.model.edits import SetTemplate
from evaldesk.scoring.engine import score_report
from evaldesk.scoring.rules import TemplateError
from evaldesk.scoring.template import Template
from evaldesk.templates import edit


def _names(data, parent):
    return [e["name"] for e in data["indicators"] if e.get("parent") == parent]


def test_edits_never_touch_the_old_data(yunxi_data):
    before = copy.deepcopy(yunxi_data)
    edit.rename_indicator(yunxi_data, "satisfaction", "服务对象满意度")
    edit.set_weight(yunxi_data, "staff_control", 6)
    edit.set_band(yunxi_data, "satisfaction", 0, lower=90)
    edit.remove_indicator(yunxi_data, "process")
    edit.move_indicator(yunxi_data, "effect", 0)
    assert yunxi_data == before


def test_rename_keeps_the_entries_and_the_scores(sample):
    data = edit.rename_indicator(sample.template.data, "satisfaction", "  服务对象满意度 ")
    template, problems = edit.validated(data)
    assert problems == []
    assert template.indicator("satisfaction").name == "服务对象满意度"
    before = score_report(sample)
    SetTemplate(template).apply(sample)
    after = score_report(sample)
    assert after.indicators["satisfaction"].score == before.indicators["satisfaction"].score == 3
    assert after.total == before.total == Decimal("92.5")


def test_reweighting_is_shown_until_it_adds_up_and_scoring_keeps_the_last_valid_sheet(sample, store):
    report_id = store.add(sample)
    report = store.load(report_id)
    draft = edit.set_weight(report.template.data, "staff_control", 7)
    template, problems = edit.validated(draft)
    assert template is None
    assert problems == ["指标“预算配置”：下级分值之和 17 不等于其分值 15"]
    assert score_report(report).total == Decimal("92.5")  # the report still scores with its valid sheet

    draft = edit.set_weight(draft, "input.budget", 17)
    assert edit.check(draft) == ["指标“投入”：下级分值之和 17 不等于其分值 15"]
    draft = edit.set_weight(draft, "input", 17)
    assert edit.check(draft) == ["一级指标分值之和 102 不等于总分 100"]
    draft = edit.set_weight(edit.set_weight(edit.set_weight(draft, "satisfaction", 3), "effect.benefit", 18),
                            "effect", 18)
    # the satisfaction bands still give up to 5 points: a rule that no longer fits its 分值 is a problem too
    assert edit.check(draft) == ["指标“社会公众或服务对象满意度”（satisfaction）：档位得分 5 超出 0～3"]
    draft = edit.set_band(draft, "satisfaction", 0, score=3)
    draft = edit.set_band(draft, "satisfaction", 1, score=2)
    template, problems = edit.validated(draft)
    assert problems == []

    inverse = store.apply(report, SetTemplate(template))
    sheet = score_report(store.load(report_id))
    # 财政供养人员控制率 6/6 = 100%: full 7 points now (+2); 满意度 92% → 2 of 3 points (−1)
    assert sheet.indicators["staff_control"].score == 7
    assert sheet.indicators["satisfaction"].score == 2
    assert sheet.groups["input"].score == 17 and sheet.groups["effect"].score == 14
    assert sheet.total == Decimal("93.5")
    store.apply(report, inverse)  # undo
    assert score_report(store.load(report_id)).total == Decimal("92.5")


def test_changing_a_band_edge_moves_the_score(sample):
    data = edit.set_band(sample.template.data, "satisfaction", 0, lower=90)   # 5 points from 90% (was 95%)
    data = edit.set_band(data, "satisfaction", 1, upper=90)                   # [85, 90) → 3
    SetTemplate(edit.validated(data)[0]).apply(sample)
    result = score_report(sample).indicators["satisfaction"]
    assert result.score == 5 and "[90%, 100%]" in result.explanation
    assert score_report(sample).total == Decimal("94.5")

    exclusive = edit.set_band(data, "satisfaction", 0, lower=92, lower_inclusive=False)  # (92%, 100%]: 92 falls out
    exclusive = edit.set_band(exclusive, "satisfaction", 1, upper=92, upper_inclusive=False)
    SetTemplate(Template(exclusive)).apply(sample)
    assert score_report(sample).indicators["satisfaction"].score is None  # in no band: by hand, with a reason


def test_adding_and_removing_bands_and_checklist_items(yunxi_data):
    data = edit.remove_band(yunxi_data, "satisfaction", 3)
    assert len(data["indicators"][-1]["rule"]["bands"]) == 3
    data = edit.add_band(data, "satisfaction", upper=75, score=0)
    assert data["indicators"][-1]["rule"]["bands"][-1] == {
        "lower": None, "lower_inclusive": False, "upper": 75, "upper_inclusive": False, "score": 0}
    assert edit.check(data) == []

    data = edit.add_checklist_item(yunxi_data, "budget_rules", "建立内部控制制度", "0.5")
    item = next(e for e in data["indicators"] if e["id"] == "budget_rules")["rule"]["items"][-1]
    assert item == {"id": "4", "text": "建立内部控制制度", "points": "0.5"}
    assert edit.check(data) == ["指标“管理制度健全性”（budget_rules）：各项分数之和 3.5 不等于分值 3"]
    data = edit.set_checklist_item(data, "budget_rules", 0, points="0.5")
    assert edit.check(data) == []
    assert edit.check(edit.remove_checklist_item(data, "budget_rules", 3)) == [
        "指标“管理制度健全性”（budget_rules）：各项分数之和 2.5 不等于分值 3"]


def test_rule_kind_and_parameters(sample):
    data = edit.set_rule_params(sample.template.data, "staff_control", per_point="0.25", threshold=99)
    rule = next(e for e in data["indicators"] if e["id"] == "staff_control")["rule"]
    assert (rule["per_point"], rule["threshold"]) == ("0.25", 99)
    SetTemplate(Template(data)).apply(sample)
    assert score_report(sample).indicators["staff_control"].score == Decimal("4.75")  # 100% is 1 point over 99%

    incomplete = edit.set_rule(sample.template.data, "staff_control", {"kind": "per_point"})
    assert edit.check(incomplete) == ["指标“财政供养人员控制率”（staff_control）：缺少参数“rate”"]
    hand = edit.set_rule(sample.template.data, "staff_control", {"kind": "hand"})
    SetTemplate(Template(hand)).apply(sample)
    assert score_report(sample).indicators["staff_control"].score is None  # now waits for a hand score
    with pytest.raises(TemplateError, match="没有评分规则"):
        edit.set_rule_params(sample.template.data, "input", threshold=1)
    with pytest.raises(TemplateError, match="应为数字"):
        edit.set_weight(sample.template.data, "staff_control", "五分")


def test_add_remove_and_reorder_indicators(yunxi_data, sample):
    data = edit.add_indicator(yunxi_data, "budget-new", "新增指标", 2, parent="input.budget",
                              rule={"kind": "hand"}, standard="由评价组评分", index=1)
    assert _names(data, "input.budget") == ["财政供养人员控制率", "新增指标", "“三公经费”变动率", "重点支出安排率"]
    assert edit.check(data) == ["指标“预算配置”：下级分值之和 17 不等于其分值 15"]
    dotted = edit.add_indicator(yunxi_data, "budget.new", "新增指标", 2, parent="input.budget", rule={"kind": "hand"})
    assert edit.check(dotted) == [  # what loading refuses is listed with the rest, not only once the rest is right
        "指标“新增指标”（budget.new）：评分指标的编号不能含“.”（可用“-”或“_”，如 3-1-1）",
        "指标“预算配置”：下级分值之和 17 不等于其分值 15"]

    data = edit.add_indicator(yunxi_data, "capacity", "能力建设", 0)   # a new 一级 group: empty for now
    assert "指标“能力建设”既无下级指标也无评分规则（rule）" in edit.check(data)
    with pytest.raises(TemplateError, match="已被使用"):
        edit.add_indicator(yunxi_data, "staff_control", "重复", 1, parent="input.budget", rule={"kind": "hand"})
    with pytest.raises(TemplateError, match="不能再有下级"):
        edit.add_indicator(yunxi_data, "x", "下级", 1, parent="staff_control", rule={"kind": "hand"})

    moved = edit.move_indicator(yunxi_data, "effect", 0)
    assert [e["name"] for e in moved["indicators"] if "parent" not in e] == ["效果", "投入", "过程", "产出"]
    assert Template(moved).roots[0].children[0].children[1].name == "社会公众或服务对象满意度"
    assert edit.check(moved) == []
    with pytest.raises(TemplateError, match="它自己或它的下级"):
        edit.move_indicator(yunxi_data, "process", 0, parent="process.assets")

    # remove a whole 二级 group: asks first (entered data), and what is left lists exactly the imbalance
    assert edit.entered_keys(sample, yunxi_data, "process.assets") == [
        "sheet.asset_rules.input.1", "sheet.asset_rules.input.2", "sheet.asset_safety.input.violations"]
    smaller = edit.remove_indicator(yunxi_data, "process.assets")
    assert _names(smaller, "process") == ["预算执行", "预算管理"]
    assert edit.check(smaller) == ["指标“过程”：下级分值之和 30 不等于其分值 40"]
    smaller = edit.set_weight(edit.set_weight(smaller, "process", 30), "effect", 30)
    smaller = edit.set_weight(edit.set_weight(smaller, "effect.benefit", 30), "benefits", 25)
    template, problems = edit.validated(smaller)
    assert problems == []
    SetTemplate(template).apply(sample)
    sheet = score_report(sample)  # the asset indicators' entries stay in the report but score nothing
    assert "asset_rules" not in sheet.indicators and sheet.total == Decimal("82.5")  # 92.5 − 10


def test_grade_bands_and_labels(sample):
    data = edit.set_grade(sample.template.data, 0, label="优", minimum=95)
    data = edit.set_grade(data, 1, label="良")
    SetTemplate(Template(data)).apply(sample)
    assert score_report(sample).grade == "良"  # 92.5 is below the new 95
    assert edit.check(edit.set_grade(data, 1, minimum=96)) == [
        "评分表模板：等次应按下限从高到低排列（“优”之后是“良”）"]
    assert edit.check(edit.add_grade(data, "较差", 30, index=3)) == []
    assert [g["label"] for g in edit.remove_grade(data, 2)["grades"]] == ["优", "良", "差"]


def test_check_lists_every_problem_at_once(yunxi_data):
    data = edit.set_weight(yunxi_data, "staff_control", 7)
    data = edit.set_rule(data, "procurement", {"kind": "magic"})
    data = edit.set_cover(data, "sheet_title", "")
    data = edit.rename_indicator(data, "card_payment", "")
    problems = edit.check(data)
    assert problems == [
        "评分表模板：封面措辞缺少“sheet_title”",
        "指标“政府采购执行率”（procurement）：评分规则类型“magic”未知（可用 per_point、bands、checklist、per_case、"
        "balance、hand、shared_hand）",
        "指标 card_payment：缺少名称",
        "指标“预算配置”：下级分值之和 17 不等于其分值 15",
    ]
    with pytest.raises(TemplateError):
        Template(data)  # the loader refuses it too (at the first problem)


def test_check_catches_cycles_and_a_newer_version(yunxi_data):
    cyclic = copy.deepcopy(yunxi_data)
    cyclic["indicators"][0]["parent"] = "input.budget"
    assert edit.check(cyclic) == ["指标的上下级关系成环：投入 → 预算配置 → 投入"]
    assert edit.check({**yunxi_data, "version": 2}) == ["评分表模板：模板格式版本 2 比本程序支持的 1 新，请升级 evaldesk"]
    assert edit.check([]) == ["评分表模板：内容应为 JSON 对象"]


def test_moving_under_another_group_keeps_the_file_in_tree_order(yunxi_data):
    moved = edit.move_indicator(yunxi_data, "satisfaction", 1, parent="input.budget")
    assert _names(moved, "input.budget") == ["财政供养人员控制率", "社会公众或服务对象满意度", "“三公经费”变动率", "重点支出安排率"]
    assert [e["id"] for e in moved["indicators"]][:5] == [
        "input", "input.budget", "staff_control", "satisfaction", "sangong_change"]
    assert edit.check(moved) == ["指标“预算配置”：下级分值之和 20 不等于其分值 15",
                                 "指标“履职效益”：下级分值之和 15 不等于其分值 20"]
    assert edit.move_indicator(moved, "satisfaction", 99, parent="effect.benefit") == yunxi_data  # and back, last
