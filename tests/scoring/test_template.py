"""A template is checked when it loads; a broken one is refused with a message naming the problem and where."""

import json
from decimal import Decimal

import pytest

from evaldesk.scoring.rules import TemplateError
from evaldesk.scoring.template import Template, load_template, parse_template


def entry(data, indicator_id):
    return next(e for e in data["indicators"] if e["id"] == indicator_id)


def refused(data, *fragments):
    with pytest.raises(TemplateError) as caught:
        Template(data)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_the_yunxi_template_loads_as_spec_gives_it(yunxi):
    assert yunxi.total == Decimal(100)
    assert [(root.name, root.weight) for root in yunxi.roots] == [
        ("投入", 15), ("过程", 40), ("产出", 25), ("效果", 20)]
    assert [(g.name, g.weight) for root in yunxi.roots for g in root.children] == [
        ("预算配置", 15), ("预算执行", 15), ("预算管理", 15), ("资产管理", 10), ("职责履行", 25), ("履职效益", 20)]
    assert [(leaf.name, leaf.weight, leaf.rule.kind) for leaf in yunxi.leaves][:7] == [
        ("财政供养人员控制率", 5, "per_point"), ("“三公经费”变动率", 5, "per_point"), ("重点支出安排率", 5, "bands"),
        ("预算调整率", 3, "bands"), ("支付进度", 3, "per_case"), ("资金结余", 3, "balance"),
        ("“三公经费”控制率", 6, "per_point")]
    assert yunxi.title(2021) == "岳阳市云溪区2021年度部门整体支出绩效评价自评报告"
    assert yunxi.cover["bureau"] == "岳阳市云溪财政局（制）"
    assert (yunxi.cover["report_attachment"], yunxi.cover["sheet_attachment"]) == ("附件2-1：", "附件3-1：")
    assert [yunxi.grade(Decimal(t)) for t in ("100", "90", "89.99", "80", "79.5", "60", "59.99", "0")] == [
        "优秀", "优秀", "良好", "良好", "中", "中", "差", "差"]


def test_duplicate_id(yunxi_data):
    entry(yunxi_data, "sangong_change")["id"] = "staff_control"
    refused(yunxi_data, "编号“staff_control”重复", "第4个指标")


def test_children_weights_must_add_up_to_the_parent(yunxi_data):
    entry(yunxi_data, "staff_control")["weight"] = 6
    refused(yunxi_data, "预算配置", "下级分值之和 16 不等于其分值 15")


def test_whole_must_be_100(yunxi_data):
    for indicator_id in ("input", "input.budget"):
        entry(yunxi_data, indicator_id)["weight"] = 16
    entry(yunxi_data, "staff_control")["weight"] = 6
    refused(yunxi_data, "一级指标分值之和 101 不等于总分 100")


def test_total_other_than_100_is_refused(yunxi_data):
    """SPEC §2: the whole adds up to 100 — a template cannot declare another total."""
    for indicator_id in ("input", "input.budget"):
        entry(yunxi_data, indicator_id)["weight"] = 14
    entry(yunxi_data, "staff_control")["weight"] = 4
    entry(yunxi_data, "staff_control")["rule"]["per_point"] = "0.5"
    yunxi_data["total"] = 99
    refused(yunxi_data, "总分", "100")


def test_parent_loop(yunxi_data):
    entry(yunxi_data, "input")["parent"] = "staff_control.loop"
    yunxi_data["indicators"].append({"id": "staff_control.loop", "parent": "input", "name": "环", "weight": 15})
    refused(yunxi_data, "成环", "投入", "环")


def test_unknown_parent(yunxi_data):
    entry(yunxi_data, "staff_control")["parent"] = "nowhere"
    refused(yunxi_data, "财政供养人员控制率", "上级“nowhere”不存在")


def test_unknown_rule_kind(yunxi_data):
    entry(yunxi_data, "payment_progress")["rule"]["kind"] = "lottery"
    refused(yunxi_data, "支付进度", "评分规则类型“lottery”未知")


@pytest.mark.parametrize("indicator_id, remove, named", [
    ("staff_control", "per_point", "per_point"),
    ("staff_control", "direction", "direction"),
    ("key_spending", "bands", "bands"),
    ("fund_balance", "within", "within"),
    ("payment_progress", "count", "count"),
    ("benefits", "rows", "rows"),
])
def test_incomplete_parameters(yunxi_data, indicator_id, remove, named):
    del entry(yunxi_data, indicator_id)["rule"][remove]
    refused(yunxi_data, entry(yunxi_data, indicator_id)["name"], f"缺少参数“{named}”")


def test_band_edge_must_say_whether_it_is_inclusive(yunxi_data):
    del entry(yunxi_data, "budget_adjustment")["rule"]["bands"][1]["upper_inclusive"]
    refused(yunxi_data, "预算调整率", "第2档", "upper_inclusive")


def test_band_score_above_the_weight(yunxi_data):
    entry(yunxi_data, "budget_adjustment")["rule"]["bands"][0]["score"] = 4
    refused(yunxi_data, "预算调整率", "档位得分 4 超出 0～3")


def test_checklist_points_must_add_up(yunxi_data):
    entry(yunxi_data, "budget_rules")["rule"]["items"][0]["points"] = 2
    refused(yunxi_data, "管理制度健全性", "各项分数之和 4 不等于分值 3")


@pytest.mark.parametrize("ref, named", [
    ("field:basic.nothing", "basic.nothing"),
    ("field:basic.contact", "basic.contact"),       # a field, but not a figure
    ("summary:expense.nothing", "expense.nothing"),
    ("elsewhere:x", "elsewhere"),
])
def test_unknown_operand_refs(yunxi_data, ref, named):
    entry(yunxi_data, "staff_control")["rule"]["rate"]["numerator"]["ref"] = ref
    refused(yunxi_data, "财政供养人员控制率", named)


def test_unknown_input_kind(yunxi_data):
    entry(yunxi_data, "budget_adjustment")["rule"]["rate"]["denominator"]["kind"] = "colour"
    refused(yunxi_data, "预算调整率", "colour")


def test_newer_version(yunxi_data):
    yunxi_data["version"] = 2
    refused(yunxi_data, "版本 2", "升级 evaldesk")


def test_not_a_template(yunxi_data):
    yunxi_data["format"] = "something-else"
    refused(yunxi_data, "不是 evaldesk 评分表模板")


def test_not_json(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "evaldesk-template",\n  "version": 1,,}', encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_template(path)
    assert "broken.json" in str(caught.value) and "不是有效的 JSON" in str(caught.value)
    assert "第 2 行" in str(caught.value)


def test_unreadable_template_file(tmp_path):
    with pytest.raises(TemplateError, match="无法读取模板文件"):
        load_template(tmp_path / "absent.json")


def test_group_without_children_or_rule(yunxi_data):
    yunxi_data["indicators"].append({"id": "empty", "parent": "effect", "name": "空组", "weight": 0})
    refused(yunxi_data, "空组", "既无下级指标也无评分规则")


def test_a_template_survives_its_own_json(yunxi):
    again = parse_template(yunxi.to_json())
    assert again == yunxi
    assert json.loads(again.to_json()) == json.loads(yunxi.to_json())


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["indicators"][2]["rule"].__setitem__("kind", []), "评分规则类型"),
    (lambda d: d["indicators"][2]["rule"]["rate"].__setitem__("formula", {}), "比率公式"),
    (lambda d: d["cover"].__setitem__("report_title", "{region}{2022}年度报告"), "report_title"),
    (lambda d: d["cover"].__setitem__("report_title", "{foo}年度报告"), "report_title"),
    (lambda d: d["indicators"][2].__setitem__("id", "3.1.1"), "不能含“.”"),
    (lambda d: d["grades"][-1].__setitem__("min", 50), "下限应为 0"),
])
def test_values_that_would_break_later_are_refused_at_load(change, expected):
    import copy
    import json as _json

    from evaldesk.resources import TEMPLATES
    from evaldesk.scoring.rules import TemplateError
    from evaldesk.scoring.template import Template

    data = _json.loads((TEMPLATES / "yueyang-yunxi-2021.json").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    change(data)
    with pytest.raises(TemplateError) as err:
        Template(data)
    assert expected in str(err.value)
