"""What must be filled in: cover, contact, staff figures, evaluators, lists, a 报告日期 after the year."""

import pytest

from evaldesk.audit.findings import Severity
from evaldesk.model.edits import InsertItem, RemoveItem
from evaldesk.model.report import Item, new_id

from .helpers import findings_of, type_field, type_item


@pytest.mark.parametrize("key, label", [
    ("cover.department", "部门(单位)名称"), ("cover.budget_code", "预算编码"), ("cover.method", "评价方式"),
    ("cover.agency", "评价机构"), ("cover.report_date", "报告日期"), ("basic.contact", "联系人"),
    ("basic.phone", "联络电话"), ("basic.staff_quota", "人员编制"), ("basic.staff_actual", "实有人数"),
])
def test_required_fields_are_errors(sample, key, label):
    type_field(sample, key, None)
    [finding] = [f for f in findings_of(sample, "complete.field")]
    assert finding.severity is Severity.ERROR and str(finding.where) == key and f"“{label}”未填写" in finding.message


@pytest.mark.parametrize("key", ["people.filler", "people.filler_phone", "basic.duties", "summary.text"])
def test_expected_content_is_a_warning(sample, key):
    type_field(sample, key, None)
    [finding] = findings_of(sample, "complete.field")
    assert finding.severity is Severity.WARNING and str(finding.where) == key


def test_spaces_only_count_as_blank(sample):
    type_field(sample, "basic.contact", "   ")
    assert [str(f.where) for f in findings_of(sample, "complete.field")] == ["basic.contact"]


def test_at_least_one_named_evaluator(sample):
    for item in list(sample.items("evaluators")):
        RemoveItem("evaluators", item.id).apply(sample)
    [finding] = findings_of(sample, "complete.list")
    assert finding.severity is Severity.ERROR and str(finding.where) == "list/evaluators"
    assert "“评价人员”至少一条须填写姓名（现有 0 条）" == finding.message


def test_an_evaluator_row_without_a_name(sample):
    InsertItem("evaluators", 4, Item("x1", {"title": "科员", "org": "区委编办"})).apply(sample)
    [finding] = findings_of(sample, "complete.item")
    assert finding.severity is Severity.WARNING and str(finding.where) == "list/evaluators/x1/name"
    assert "第 5 条的姓名未填写" in finding.message
    assert findings_of(sample, "complete.list") == []  # four named evaluators remain


def test_evaluators_all_without_names_is_an_error(sample):
    for item in sample.items("evaluators"):
        type_item(sample, "evaluators", item, "name", None)
    assert [f.severity for f in findings_of(sample, "complete.list")] == [Severity.ERROR]


def test_no_task_is_a_warning(sample):
    for item in list(sample.items("tasks")):
        RemoveItem("tasks", item.id).apply(sample)
    [finding] = findings_of(sample, "complete.list")
    assert finding.severity is Severity.WARNING and str(finding.where) == "list/tasks"


def test_a_blank_row_is_not_a_missing_entry(sample):
    InsertItem("tasks", 10, Item(new_id(), {})).apply(sample)
    assert findings_of(sample, "complete.item") == []


def test_report_date_must_be_after_the_fiscal_year(sample):
    type_field(sample, "cover.report_date", "2021-12-31")
    [finding] = findings_of(sample, "complete.date")
    assert finding.severity is Severity.ERROR and str(finding.where) == "cover.report_date"
    assert "报告日期 2021年12月31日 不在评价年度结束（2021年12月31日）之后" in finding.message
    type_field(sample, "cover.report_date", "2022-01-01")
    assert findings_of(sample, "complete.date") == []
