"""Reading a report file and the one rule for "this report is already in the data file" (app.importing), as the
window and the command both use it."""

import pytest

from evaldesk.app.importing import NotAReportFile, find_same, read_report_file, store_imported
from evaldesk.app.output import export_json, export_workbook
from evaldesk.cli import main
from evaldesk.exchange.report_json import ExchangeError, read_json
from evaldesk.datafile.errors import StoreError
from evaldesk.resources import SAMPLE_REPORT

CODE = "cover.budget_code"


def imported(**fields):
    report = read_json(SAMPLE_REPORT)
    for key, value in fields.items():
        key = "cover." + key
        if value is None:
            report.fields.pop(key, None)
        else:
            report.fields[key] = value
    return report


def test_identical_data_is_the_same_report_and_said_so(store, sample):
    store.add(sample)
    same = find_same(store, imported())
    assert same.id == sample.id and same.identical and "2021年度" in same.title


def test_same_budget_code_with_another_name_is_the_same_report(store, sample):
    store.add(sample)
    same = find_same(store, imported(department="岳阳市云溪区委编办（更名）"))
    assert same.id == sample.id and not same.identical


def test_different_budget_codes_are_different_departments_even_with_one_name(store, sample):
    store.add(sample)
    assert find_same(store, imported(budget_code="999001", agency="另一评价机构")) is None


def test_without_a_code_the_same_name_is_the_same_report(store, sample):
    sample.fields.pop(CODE, None)
    store.add(sample)
    same = find_same(store, imported(agency="另一评价机构"))  # the imported file has a code, the stored one none
    assert same.id == sample.id and not same.identical
    assert find_same(store, imported(budget_code=None, department="另一个部门")) is None


def test_another_year_is_another_report(store, sample):
    store.add(sample)
    other = imported()
    other.year = 2022
    assert find_same(store, other) is None


def test_a_blank_department_names_nobody_but_identical_data_still_matches(store, sample):
    sample.fields.pop("cover.department")
    sample.fields.pop(CODE)
    store.add(sample)
    assert find_same(store, imported(department=None, budget_code=None)).identical
    assert find_same(store, imported(department=None, budget_code=None, agency="另一评价机构")) is None


def test_an_identical_match_is_named_before_another(store, sample):
    changed = imported(agency="另一评价机构")
    store.add(changed)
    store.add(sample)
    assert find_same(store, imported()).id == sample.id


def test_files_are_read_whatever_kind_and_refused_clearly(tmp_path, sample):
    export_json(sample, tmp_path / "a.json")
    export_workbook(sample, tmp_path / "a.xlsx")
    assert read_report_file(tmp_path / "a.json").report.department == sample.department
    read = read_report_file(tmp_path / "a.xlsx")
    assert read.notes == [] and not read.changed_after_export
    with pytest.raises(NotAReportFile, match="文件夹"):
        read_report_file(tmp_path)
    with pytest.raises(NotAReportFile, match="找不到文件"):
        read_report_file(tmp_path / "nowhere.json")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(NotAReportFile, match="只能导入"):
        read_report_file(tmp_path / "a.txt")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(ExchangeError):
        read_report_file(tmp_path / "bad.json")


def test_storing_an_import_adds_or_replaces(store, sample):
    store.add(sample)
    assert store_imported(store, imported(agency="新的")) == sample.id + 1
    assert store_imported(store, imported(agency="替换的"), replace=sample.id) == sample.id
    assert store.load(sample.id).get("cover.agency") == "替换的"
    with pytest.raises(StoreError):
        store_imported(store, imported(), replace=99)
    assert len(store.list_reports()) == 2


def test_the_command_names_a_matching_report_that_differs(store, sample, tmp_path, capsys):
    store.add(sample)
    path = tmp_path / "改过.json"
    export_json(imported(department="岳阳市云溪区委编办（更名）"), path)
    store.close()
    assert main(["--db", str(store.path), "import", str(path)]) == 0
    out = capsys.readouterr()
    assert "已导入为新报告 2" in out.out
    assert "报告 1" in out.err and "内容不同" in out.err and "--replace 1" in out.err
    assert main(["--db", str(store.path), "import", str(path), "--replace", "1"]) == 0
    out = capsys.readouterr()
    assert "已导入并替换报告 1" in out.out and "报告 2 与这个文件完全相同" in out.err
