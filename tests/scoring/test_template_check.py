"""One checker for loading and editing: every problem of template data, each tagged with the indicator and the part
it is about; loading refuses with the first. One walk reads the indicator tree for everyone."""

import copy

import pytest

from evaldesk.scoring.rules import TemplateError
from evaldesk.scoring.template import Template
from evaldesk.scoring.template_check import Problem, problems
from evaldesk.scoring.template_tree import Tree, subtree_ids, walk


def entry(data, indicator_id):
    return next(e for e in data["indicators"] if e["id"] == indicator_id)


def test_a_sound_template_has_no_problems(yunxi_data):
    assert problems(yunxi_data) == []


def test_every_problem_is_found_and_tagged_with_its_place(yunxi_data):
    entry(yunxi_data, "staff_control")["weight"] = 7                      # 预算配置 no longer adds up
    entry(yunxi_data, "procurement")["rule"] = {"kind": "magic"}
    entry(yunxi_data, "card_payment")["name"] = ""
    entry(yunxi_data, "asset_use")["parent"] = "nowhere"
    entry(yunxi_data, "fund_compliance")["audit"] = {"colour": 1}
    yunxi_data["indicators"].append({"id": "staff_control", "name": "重复", "weight": 0, "rule": {"kind": "hand"}})
    yunxi_data["grades"][1]["min"] = 95
    found = problems(yunxi_data)
    assert [(p.indicator, p.field) for p in found] == [
        (None, "grades"),                   # the sheet first,
        ("fund_compliance", "audit"),       # then each entry in file order,
        ("procurement", "rule"),
        ("card_payment", "name"),
        ("staff_control", "id"),
        ("asset_use", "parent"),            # then the tree
        ("input.budget", "weight"),
        ("process.assets", "weight"),
        (None, "total"),                    # (asset_use, its parent unknown, counts as a 一级)
    ]
    assert found[0].message == "评分表模板：等次应按下限从高到低排列（“优秀”之后是“良好”）"
    assert found[4].message == "第34个指标：编号“staff_control”重复"
    assert found[5].message == "指标“固定资产利用率”：上级“nowhere”不存在"
    assert found[-1].message == "一级指标分值之和 103 不等于总分 100"


def test_loading_refuses_with_the_first_problem_naming_the_template(yunxi_data):
    entry(yunxi_data, "procurement")["rule"] = {"kind": "magic"}
    entry(yunxi_data, "staff_control")["weight"] = 7
    found = problems(yunxi_data)
    assert len(found) == 2
    with pytest.raises(TemplateError) as refused:
        Template(yunxi_data)
    assert str(refused.value) == found[0].refusal(yunxi_data["name"]) == (
        f"模板“{yunxi_data['name']}” 指标“政府采购执行率”（procurement）：评分规则类型“magic”未知（可用 per_point、"
        "bands、checklist、per_case、balance、hand、shared_hand）")
    whole = Problem("一级指标分值之和 102 不等于总分 100", None, "total", "：")
    assert whole.refusal("某表") == "模板“某表”：一级指标分值之和 102 不等于总分 100"
    sheet = Problem("评分表模板：缺少封面措辞 cover", None, "cover")
    assert sheet.refusal("某表") == "评分表模板：缺少封面措辞 cover"  # the message names its place already


def test_a_cycle_is_tagged_with_the_first_indicator_in_it(yunxi_data):
    entry(yunxi_data, "input")["parent"] = "input.budget"
    assert problems(yunxi_data) == [Problem("指标的上下级关系成环：投入 → 预算配置 → 投入", "input", "parent", "：")]
    assert Tree(yunxi_data).unreached[:2] == ["input", "input.budget"]


def test_the_walk_gives_tree_order_depth_and_parent(yunxi_data):
    nodes = list(walk(yunxi_data))
    assert [node.id for node in nodes] == [e["id"] for e in yunxi_data["indicators"]]  # the file is in tree order
    assert [(n.id, n.parent, n.depth) for n in nodes[:3]] == [
        ("input", None, 1), ("input.budget", "input", 2), ("staff_control", "input.budget", 3)]
    shuffled = copy.deepcopy(yunxi_data)
    shuffled["indicators"].reverse()  # children in file order under each parent, parents first
    assert [n.id for n in walk(shuffled)][:3] == ["effect", "effect.benefit", "satisfaction"]
    assert subtree_ids(yunxi_data, "process.assets") == ["process.assets", "asset_rules", "asset_safety", "asset_use"]
    tree = Tree(yunxi_data)
    assert tree.path("asset_use") == ["process", "process.assets", "asset_use"]
    assert tree.siblings("process") == ["input", "process", "output", "effect"]


def test_the_walk_reads_unsound_drafts_without_refusing(yunxi_data):
    data = copy.deepcopy(yunxi_data)
    entry(data, "output")["parent"] = "nowhere"  # an unknown parent: a 一级
    data["indicators"] += ["not an entry", {"name": "no id"}, {"id": "input", "name": "a second 投入"}]
    tree = Tree(data)
    assert tree.roots == ["input", "process", "output", "effect"]
    assert tree.by_id["input"]["name"] == "投入"  # the first of a repeated id counts
    assert len(tree.nodes) == len(yunxi_data["indicators"])


def test_thousands_of_levels_do_not_exhaust_the_stack():
    chain = [{"id": f"level{i}", "name": f"第{i}级", "weight": 100, **({"parent": f"level{i - 1}"} if i else {})}
             for i in range(5000)]
    chain[-1]["rule"] = {"kind": "hand"}
    data = {"indicators": chain}
    assert [node.depth for node in walk(data)][-1] == 5000
    assert Tree(data).root_of("level4999") == "level0"
