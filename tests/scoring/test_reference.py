"""The reference copy (岳阳市云溪区委编办, 2021): its sheet comes to 92.5 优秀, and the sample holds the copy."""

import re
from decimal import Decimal
from pathlib import Path

import pytest

from evaldesk.model.form import GRIDS
from evaldesk.model.totals import summary_row
from evaldesk.scoring.engine import State, score_report
from evaldesk.scoring.report_text import score_text

REPO = Path(__file__).resolve().parents[2]
COPY = REPO.parent / "shared" / "form" / "yunxi-2021-bianban-self-evaluation.txt"

# The copy's 自评得分 column, in sheet order (SPEC §2).
COPY_SCORES = "5,5,5 | 0.5,3,3,6 | 3,3,3,3,3 | 3,4,3 | 5,7,5,2,2,4 | 12,3"


def test_item_scores_subtotals_total_and_grade(sample):
    sheet = score_report(sample)
    scores = [score_text(sheet.indicators[ind.id].score) for ind in sample.template.leaves]
    groups = [[score_text(sheet.indicators[leaf.id].score) for leaf in group.children]
              for root in sample.template.roots for group in root.children]
    assert " | ".join(",".join(group) for group in groups) == COPY_SCORES
    assert len(scores) == 23   # 经济/社会/生态效益 share one cell
    subtotals = {g.indicator.name: score_text(g.score) for g in sheet.groups.values()}
    assert subtotals == {"投入": "15", "预算配置": "15", "过程": "37.5", "预算执行": "12.5", "预算管理": "15",
                         "资产管理": "10", "产出": "25", "职责履行": "25", "效果": "15", "履职效益": "15"}
    assert score_text(sheet.total) == "92.5"
    assert sheet.grade == "优秀" and sheet.complete


@pytest.mark.parametrize("indicator_id", ["budget_adjustment", "staff_control", "fund_balance", "asset_use",
                                          "satisfaction"])
def test_rates_are_computed_from_the_copy_figures(sample, indicator_id):
    assert score_report(sample).indicators[indicator_id].state is State.COMPUTED


def test_budget_adjustment_explanation(sample):
    assert score_report(sample).indicators["budget_adjustment"].explanation == (
        "预算调整率 = |90.5 − 73.5| ÷ 73.5 = 23.13%，属 (20%, 30%] 档，得 0.5 分")


def test_the_copy_reasons(sample):
    sheet = score_report(sample)
    assert sheet.indicators["budget_adjustment"].reason == "2021年年初预算73.5万元，调整预算数为90.5万元，调整预算率为23.1%。"
    assert sheet.indicators["benefits"].reason == "财政供养人员为正增长"
    assert sheet.indicators["satisfaction"].reason == "群众满意度92%"


def test_summary_row_of_part_two(sample):
    summary = summary_row(sample)
    assert {key: score_text(value) for key, value in summary.items() if value is not None} == {
        "income.total": "90.5", "income.general": "90.5",
        "expense.total": "90.5", "expense.basic": "90.5", "expense.personnel": "60.9", "expense.public": "29.6",
        "sangong.total": "0.73", "sangong.reception": "0.73",
        "assets.total": "11.3", "assets.in_use": "11.3"}
    assert summary["expense.balance_total"] is None   # blank on screen and paper, 0 in the rule


# ---------------------------------------------------------------- the sample against the copy's text


@pytest.fixture
def copy_text():
    if not COPY.is_file():
        pytest.skip(f"the reference copy is not beside the repository ({COPY})")
    return COPY.read_text(encoding="utf-8")


def _flat(text: str) -> str:
    """The copy wraps cells over lines and writes some colons half-width: compare without either."""
    return re.sub(r"\s+", "", text).replace(":", "：")


def test_sample_texts_come_from_the_copy(sample, copy_text):
    flat = _flat(copy_text)
    for key, value in sample.fields.items():
        if isinstance(value, str) and not key.startswith("sheet."):
            for line in value.splitlines():
                assert _flat(line) in flat, (key, line)
    for list_key, items in sample.lists.items():
        for item in items:
            for name, value in item.values.items():
                assert _flat(value) in flat, (list_key, name, value)


def test_sample_holds_the_copy(sample, copy_text):
    flat = _flat(copy_text)
    f = sample.fields
    assert f["cover.department"] == "中共岳阳市云溪区委机构编制委员会办公室"
    assert "部门(单位)名称：中共岳阳市云溪区委机构编制委员会办公室" in copy_text
    assert f"预算编码：{f['cover.budget_code']}" in copy_text
    assert f"评价方式：{f['cover.method']}" in copy_text
    assert f"评价机构：{f['cover.agency']}" in copy_text
    assert "报告日期：2022年7月15日" in copy_text and str(f["cover.report_date"]) == "2022-07-15"
    assert (f["basic.staff_quota"], f["basic.staff_actual"]) == (6, 6)
    assert f"填报人（签名）：{f['people.filler']}" in copy_text
    assert f"联系电话：{f['people.filler_phone']}" in copy_text
    assert _flat(f["summary.text"])[-40:] in flat and _flat(f["basic.achievements"]) in flat

    tasks = [item.values["text"] for item in sample.items("tasks")]
    assert len(tasks) == len(re.findall(r"任务\d+：", copy_text)) == 10
    assert all(f"任务{i}：{text}" in flat for i, text in enumerate(tasks, 1))
    goals = [item.values["text"] for item in sample.items("goals")]
    assert len(goals) == len(re.findall(r"目标\d+：", copy_text)) == 10
    assert all(_flat(f"目标{i}：{text}") in flat for i, text in enumerate(goals, 1))

    quant = sample.items("quant")
    assert len(quant) == 14
    assert [row.values["kind"] for row in quant].count("质量指标") == 10
    for row in quant:
        label = f"{row.values['name']}：" if "name" in row.values else ""
        assert _flat(label + row.values["target"]) in flat, row.values
        assert _flat(row.values["actual"]) in flat

    evaluators = [(e.values["name"], e.values["title"], e.values["org"]) for e in sample.items("evaluators")]
    assert evaluators == [("李小白", "主任", "区委编办"), ("王海平", "四级调研员", "区委编办"),
                          ("刘岳城", "副主任", "区委编办"), ("熊  芳", "副主任", "区委编办")]
    assert all(f"{name}\n\t{title}\n\t{org}" in copy_text for name, title, org in evaluators)


def test_sample_figures_are_the_copy_figures(sample, copy_text):
    """Each unit row of part 二, read from the copy, equals the sample's (blank stays blank)."""
    copy_rows = re.findall(r"1、局机关\n((?:\t[^\n]*\n)+)", copy_text)
    assert len(copy_rows) == len(GRIDS)
    unit = sample.units[0]
    from evaldesk.model.totals import unit_rows

    row = unit_rows(sample)[unit.id]
    for grid, copied in zip(GRIDS, copy_rows):
        cells = [cell.strip() for cell in copied.split("\n") if cell.startswith("\t")]
        ours = [score_text(row[f"{grid.key}.{column.key}"]) for column in grid.columns]
        assert cells == ours, grid.title
    assert [unit.name for unit in sample.units] == ["局机关", "二级机构1", "二级机构2"]
    assert all(not unit.cells for unit in sample.units[1:])


def test_copy_scores_are_the_sheet_scores(sample, copy_text):
    """The score column of the copy's 评分表, read as 分值 then 自评得分 pairs, matches the sheet."""
    sheet_part = copy_text[copy_text.index("附件3-1"):]
    pairs = re.findall(r"\n\t(\d+(?:\.\d+)?)\n\t(\d+(?:\.\d+)?)\n", sheet_part)
    weights_scores = [(w, s) for w, s in pairs][:-1]   # the last pair is 总分 100 / 92.5
    sheet = score_report(sample)
    ours = [(score_text(leaf.weight), score_text(sheet.indicators[leaf.id].score)) for leaf in sample.template.leaves]
    assert weights_scores == ours
    assert pairs[-1] == ("100", score_text(sheet.total))
    assert Decimal(pairs[-1][1]) == Decimal("92.5")
