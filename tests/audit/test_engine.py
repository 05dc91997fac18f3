"""The engine: order, keys, notes, a damaged data file, the text and data forms."""

import dataclasses

from evaldesk.audit import data as audit_data
from evaldesk.audit.engine import audit_report, findings_as_data, findings_as_text, summary_line
from evaldesk.audit.findings import Finding, Severity
from evaldesk.model.form import SECTIONS
from evaldesk.scoring.engine import score_report
from evaldesk.model.places import parse_place

from .helpers import type_cell, type_field, type_reason


def _break_things(report):
    type_field(report, "basic.phone", None)                 # 错误, part 一
    type_reason(report, "satisfaction", None)              # 错误, sheet
    type_cell(report, "income.general", "100.5")           # 警告 ×2, part 二
    type_field(report, "cover.report_date", "2021-06-30")  # 错误, cover


def test_ordered_by_section_then_severity(sample):
    _break_things(sample)
    found = audit_report(sample)
    order = [(SECTIONS.index(f.section), [Severity.ERROR, Severity.WARNING, Severity.INFO].index(f.severity))
             for f in found]
    assert order == sorted(order)
    assert found[0].key == "report_date" and found[-1].section == "附件：评分表"


def test_keys_are_unique_and_stable_across_figures(sample):
    type_cell(sample, "income.general", "100.5")
    first = [f.key for f in audit_report(sample)]
    type_cell(sample, "income.general", "120")
    assert [f.key for f in audit_report(sample)] == first
    assert len(set(first)) == len(first)


def test_a_note_does_not_excuse_an_error(sample):
    type_field(sample, "basic.phone", None)
    type_field(sample, "note.required/basic.phone", "电话待定")
    [finding] = [f for f in audit_report(sample) if f.key == "required/basic.phone"]
    assert finding.note == "电话待定" and not finding.explained
    assert "错误须改正，说明不能代替" in findings_as_text([finding])


def test_uses_the_callers_sheet(sample):
    sheet = score_report(sample)
    assert audit_report(sample, sheet) == audit_report(sample)
    stale = dataclasses.replace(sheet, total=sheet.total + 1)
    assert "total" in [f.key for f in audit_report(sample, stale)]


def test_a_damaged_rule_file_is_reported_not_raised(sample, monkeypatch, tmp_path):
    (tmp_path / "numbering.json").write_text("{ broken", encoding="utf-8")
    monkeypatch.setattr(audit_data, "AUDIT_DATA", tmp_path)
    audit_data.load.cache_clear()
    from evaldesk.audit import numbering

    numbering.rules.cache_clear()
    try:
        found = audit_report(sample)
    finally:
        audit_data.load.cache_clear()
        numbering.rules.cache_clear()
    [broken] = [f for f in found if f.check == "audit.data"]
    assert broken.severity is Severity.ERROR and "numbering.json 无法读取" in broken.message
    assert any(f.check == "text.contradiction" for f in found)  # the other checks still ran


def test_summary_line_counts_explained_warnings():
    findings = [Finding("a", Severity.ERROR, "x", parse_place("cover.department")),
                Finding("b", Severity.WARNING, "y", parse_place("summary.text"), note="已核实"),
                Finding("c", Severity.WARNING, "z", parse_place("summary.text"))]
    assert summary_line(findings) == "1 个错误，2 个警告（1 个已说明），0 个提示"


def test_nothing_found_reads_as_passed():
    assert findings_as_text([]) == "审核通过：没有发现问题。"
    assert findings_as_data([]) == []


def test_a_note_is_stored_with_the_report(sample, store):
    from evaldesk.model.edits import SetField

    report_id = store.add(sample)
    report = store.load(report_id)
    store.apply(report, SetField("note.contradiction/staff_growth", "净增35名不含事权下放人员"))
    [finding] = [f for f in audit_report(store.load(report_id)) if f.key == "contradiction/staff_growth"]
    assert finding.note == "净增35名不含事权下放人员" and finding.explained


def test_the_list_reads_like_a_reviewers_one_cause_once_with_its_count(sample):
    from evaldesk.audit.findings import grouped

    copy = sample.text("summary.text")
    sample.fields["summary.text"] = "\n".join([copy] * 8)
    sample.units[0].cells["expense.personnel"] = sample.units[0].cells["expense.personnel"] + 1
    found = audit_report(sample)
    text = findings_as_text(found, sample)
    assert text.count("二级标题“（四）”") == 1 and "二级标题“（四）”重复使用（共 8 处）" in text
    assert text.count("全年支出90.5万元") == 1 and "“全年支出90.5万元”（8 处）" in text
    assert text.count("财政供养人员净增35名") == 1
    assert "位置：评价报告综述" in text
    assert len(grouped(found)) < len(found) - 20
    severities = [group.severity for group in grouped(found)]
    assert severities == sorted(severities, key=list(Severity).index)
