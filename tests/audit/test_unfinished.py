"""Nothing unfinished reaches paper or the bureau: the audit names every text left for the filler to replace."""

from evaldesk.audit.findings import Severity
from evaldesk.model.edits import InsertItem
from evaldesk.model.report import Item, new_id, new_report
from evaldesk.scoring.template import builtin_template
from tests.audit.helpers import findings_of, type_field, type_item


def _unfinished(report):
    return [f for f in findings_of(report) if f.check in ("text.unfinished", "text.other_sheet")]


def test_a_draft_prompt_left_in_the_summary_is_an_error_naming_it(sample):
    type_field(sample, "summary.text", sample.text("summary.text") + "\n【可在此补写本单位加强预算管理、规范资金使用的主要做法】")
    found = _unfinished(sample)
    assert [f.severity for f in found] == [Severity.ERROR]
    assert "【可在此补写本单位加强预算管理、规范资金使用的主要做法】" in found[0].message
    assert str(found[0].where) == "summary.text"


def test_a_gap_in_a_reason_and_in_a_task_are_errors_too(sample):
    type_field(sample, "sheet.budget_adjustment.reason", "预算调整率为【待填：预算调整率】")
    type_item(sample, "tasks", sample.items("tasks")[0], "text", "完成改革（请写明文件名称和文号）")
    places = {str(f.where) for f in _unfinished(sample)}
    assert "sheet.budget_adjustment.reason" in places
    assert any(place.startswith("list/tasks/") for place in places)


def test_the_sample_and_ordinary_brackets_are_not_prompts(sample):
    assert _unfinished(sample) == []
    type_field(sample, "summary.text", sample.text("summary.text") + "\n【典型案例】某街道机构改革。（详见附件）")
    assert _unfinished(sample) == []


def test_the_neutral_sheets_placeholder_standards_are_one_error_naming_the_six_indicators():
    report = new_report(2023, builtin_template("generic-department"))
    type_field(report, "cover.region", "某县")
    found = [f for f in _unfinished(report) if "评分标准" in f.message]
    assert len(found) == 1 and found[0].severity is Severity.ERROR
    assert "（请写明文件名称和文号）" in found[0].message and "等 6 项指标" in found[0].message
    assert len(found[0].related) == 5


def test_a_report_of_another_year_on_a_regions_sheet_with_no_region_of_its_own_is_an_error():
    report = new_report(2023, builtin_template("yueyang-yunxi-2021"))
    found = [f for f in _unfinished(report) if f.check == "text.other_sheet"]
    assert len(found) == 1 and found[0].severity is Severity.ERROR
    assert "岳阳市云溪区2023年度" in found[0].message and str(found[0].where) == "cover.region"
    type_field(report, "cover.region", "岳阳市云溪区")  # the filler says the region is theirs: a new year's sheet
    assert [f for f in _unfinished(report) if f.check == "text.other_sheet"] == []


def test_another_countys_region_on_a_regions_sheet_is_an_error(sample):
    type_field(sample, "cover.region", "平江县")
    found = [f for f in _unfinished(sample) if f.check == "text.other_sheet"]
    assert len(found) == 1 and "岳阳市云溪区" in found[0].message and "平江县" in found[0].message


def test_a_task_holding_the_next_task_is_a_finding(sample):
    tasks = sample.items("tasks")
    type_item(sample, "tasks", tasks[2], "text", tasks[2].values["text"] + "\n任务4：推进交通体制改革")
    found = findings_of(sample, "text.numbered_inside")
    assert len(found) == 1 and "任务3" in found[0].message and "任务4" in found[0].message
    InsertItem("tasks", len(tasks), Item(new_id(), {"text": "第一行\n第二行说明"})).apply(sample)
    assert len(findings_of(sample, "text.numbered_inside")) == 1
