"""The bureau desk: a folder of departments' files summarised without importing them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from benchmarks.summary_files import department_report, generate
from evaldesk.app.importing import read_report_file
from evaldesk.app.summary import SummaryCancelled, summarise
from evaldesk.exchange.report_json import dumps
from evaldesk.exchange.summary_data import (
    CLAIM_DIFFERS, DATA_CHANGED, DUPLICATE, FINGERPRINT_CHANGED, FINGERPRINT_OK, NOT_A_REPORT, OTHER_TEMPLATE,
    OTHER_YEAR, SHOWN_CHANGED, SHOWN_OK,
)
from evaldesk.scoring.engine import score_report

COUNT = 14


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("bureau")
    made = generate(root, COUNT, seed=3)
    return root, made


@pytest.fixture(scope="module")
def summary(folder):
    root, _made = folder
    return summarise(root, workers=2)   # the worker processes, as with hundreds of files


def test_every_recomputed_total_is_the_score_of_the_file_imported_alone(folder, summary, tmp_path):
    from evaldesk.datafile.store import Store

    root, _made = folder
    rows = [row for _rank, row in summary.ranked] + [aside.file for aside in summary.set_aside]
    assert len(rows) == summary.files_seen - len(summary.unreadable)
    store = Store(tmp_path / "alone.sqlite")
    try:
        for row in rows:
            report_id = store.add(read_report_file(root / row.path).report)
            alone = score_report(store.load(report_id))
            assert (row.total, row.grade or None) == (alone.final_total, alone.grade), row.path
            assert row.leaves == {key: result.score for key, result in alone.indicators.items()}, row.path
    finally:
        store.close()


def test_nothing_is_imported_into_a_data_file(folder, tmp_path, private_data_folder):
    root, _made = folder
    summarise(root)
    assert not private_data_folder.exists() or not any(private_data_folder.rglob("*.sqlite"))


def test_every_file_in_the_folder_is_accounted_for(folder, summary):
    root, made = folder
    on_disk = sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())
    counted = ([row.path for _rank, row in summary.ranked] + [aside.file.path for aside in summary.set_aside]
               + [bad.path for bad in summary.unreadable])
    assert sorted(counted) == on_disk and summary.files_seen == len(on_disk)
    reasons = {bad.path: bad for bad in summary.unreadable}
    for path, word in made.not_reports.items():   # .xls, zips, rar, Word renamed .xlsx, PDF, scan, empty, lock
        assert reasons[path].kind == NOT_A_REPORT and word in reasons[path].reason, (path, reasons[path].reason)
    assert "须先解压" in reasons["其他材料/打包报送.zip"].reason
    assert "Word 文档" in reasons["其他材料/自评报告（Word）.xlsx"].reason


def test_every_bad_file_is_listed_with_a_chinese_reason(folder, summary):
    _root, made = folder
    assert sorted(bad.path for bad in summary.broken) == sorted(made.broken)
    reasons = {bad.path: bad.reason for bad in summary.unreadable}
    assert "只拷贝了一部分" in reasons["损坏/只拷了一半.xlsx"]
    assert "PDF" in reasons["损坏/其实是PDF.xlsx"]
    assert "不是 evaldesk 导出的报送工作簿" in reasons["损坏/别人的表格.xlsx"]
    assert "JSON" in reasons["损坏/坏的.json"]
    for reason in reasons.values():
        assert "Traceback" not in reason and "内部错误" not in reason
        assert "_data" not in reason and "format:" not in reason     # no hidden sheet, no program key


def test_files_whose_data_was_changed_after_export_are_listed_and_never_ranked(folder, summary):
    _root, made = folder
    ranked = {row.path for _rank, row in summary.ranked}
    aside = {entry.file.path: entry for entry in summary.set_aside}
    for path in made.edited + made.json_edited:      # the hidden data sheet, and a JSON edited in Notepad
        assert path not in ranked
        assert aside[path].kind == DATA_CHANGED and aside[path].file.fingerprint_status == FINGERPRINT_CHANGED
        assert "未列入排名" in aside[path].reason
    for path in made.edited:                          # what the visible sheets still show is said
        assert "按改动后的数据为" in aside[path].reason
    rows = {row.path: row for _rank, row in summary.ranked}
    plain = [path for path in made.departments if path in rows and path not in made.shown_edited]
    assert plain and all(rows[path].fingerprint_status == FINGERPRINT_OK for path in plain)
    assert all(rows[path].shown_status == SHOWN_OK for path in plain if path.endswith(".xlsx"))


def test_a_figure_changed_on_the_visible_sheet_is_caught_and_the_file_ranked_on_its_data(folder, summary):
    root, made = folder
    rows = {row.path: row for _rank, row in summary.ranked}
    for path in made.shown_edited:                    # 评分表's 总分 changed to 99, the data untouched
        row = rows[path]
        assert row.shown_status == SHOWN_CHANGED and row.fingerprint_status == FINGERPRINT_OK
        assert ("评分表", "F30", "99", str(row.total).rstrip("0").rstrip(".")) in row.shown_changes
        assert row.total == score_report(read_report_file(root / path).report).final_total != 99
        why = dict((checked.path, reason) for checked, reason in summary.to_check)[path]
        assert "F30" in why and "“99”" in why


def test_a_later_file_with_errors_does_not_displace_a_clean_one(folder, summary):
    _root, made = folder
    aside = {entry.file.path: entry for entry in summary.set_aside}
    for path in made.with_errors:
        assert aside[path].kind == DUPLICATE and "错误" in aside[path].reason and "没有错误" in aside[path].reason
    to_check = {row.path for row, _why in summary.to_check}
    assert all(row.path in to_check for _rank, row in summary.ranked if row.errors)


def test_the_same_data_as_workbook_and_json_keeps_the_workbook(folder, summary):
    _root, made = folder
    aside = {entry.file.path: entry for entry in summary.set_aside}
    for path in made.same_as_json:
        assert aside[path].kind == DUPLICATE and "采用工作簿" in aside[path].reason


def test_a_reworded_sheet_that_scores_alike_is_ranked_and_a_different_one_named(folder, summary):
    _root, made = folder
    ranked = {row.path for _rank, row in summary.ranked}
    assert set(made.reworded) <= ranked
    aside = {entry.file.path: entry for entry in summary.set_aside}
    for path in made.other_template:
        assert "指标" in aside[path].reason or "分值" in aside[path].reason, aside[path].reason


def test_duplicates_keep_the_newer_and_say_which(folder, summary):
    _root, made = folder
    aside = {entry.file.path: entry for entry in summary.set_aside}
    for copy in made.copies:
        original = next(path for path in made.departments if Path(path).name in copy)
        duplicate = aside.get(copy) or aside[original]
        assert duplicate.kind == DUPLICATE and "数据完全相同" in duplicate.reason
    for older in made.older:
        assert aside[older].kind == DUPLICATE
        assert "报告日期" in aside[older].reason and "较新" in aside[older].reason
    ranked = [row for _rank, row in summary.ranked]
    codes = [row.budget_code for row in ranked]
    changed = set(made.edited) | set(made.json_edited)
    assert len(codes) == len(set(codes)) == len(set(made.departments) - changed)   # one row per department


def test_another_year_and_another_score_sheet_are_grouped_apart(folder, summary):
    _root, made = folder
    kinds = {entry.file.path: entry.kind for entry in summary.set_aside}
    assert [kinds[path] for path in made.other_year] == [OTHER_YEAR]
    assert [kinds[path] for path in made.other_template] == [OTHER_TEMPLATE]
    assert summary.year == 2021


def test_ranked_by_total_with_equal_totals_sharing_a_rank(summary):
    totals = [row.total for _rank, row in summary.ranked]
    assert totals == sorted(totals, reverse=True)
    for (rank, row), (next_rank, next_row) in zip(summary.ranked, summary.ranked[1:]):
        assert next_rank == (rank if next_row.total == row.total else summary.ranked.index((next_rank, next_row)) + 1)


def test_asking_for_another_year_ranks_that_year(folder):
    root, _made = folder
    other = summarise(root, year=2020)
    assert [row.year for _rank, row in other.ranked] == [2020]


def test_cancelled_stops_without_a_result(folder):
    root, _made = folder
    with pytest.raises(SummaryCancelled):
        summarise(root, workers=2, cancelled=lambda: True)


def test_progress_reports_every_file(folder):
    root, _made = folder
    seen = []
    result = summarise(root, progress=lambda done, total, name: seen.append((done, total)))
    assert seen[-1] == (result.files_seen, result.files_seen) and len(seen) == result.files_seen


def test_an_unscored_report_is_listed_last_without_a_rank(tmp_path, sample):
    from evaldesk.model.report import sheet_key

    for index in range(2):
        report = department_report(index, __import__("random").Random(index))
        if index == 1:
            report.fields.pop(sheet_key("xiaokang", "hand"))
        (tmp_path / f"{index}.json").write_text(dumps(report), encoding="utf-8")
    result = summarise(tmp_path)
    assert [rank for rank, _row in result.ranked] == [1, None]
    assert result.ranked[1][1].total is None and result.ranked[1][1].pending == 1
    assert result.ranked[1][1].partial_total > Decimal(0)


def test_a_second_summary_into_the_same_folder_recognises_the_first(tmp_path):
    from evaldesk.exchange.summary_workbook import write_summary_workbook

    for index in range(2):
        report = department_report(index, __import__("random").Random(index))
        (tmp_path / f"{index}.json").write_text(dumps(report), encoding="utf-8")
    write_summary_workbook(summarise(tmp_path), tmp_path / "2021年度汇总.xlsx")
    again = summarise(tmp_path)
    assert [(bad.path, bad.kind) for bad in again.unreadable] == [("2021年度汇总.xlsx", NOT_A_REPORT)]
    assert "以前生成的汇总表" in again.unreadable[0].reason and len(again.ranked) == 2


def test_the_expected_list_names_who_has_not_sent_and_who_is_not_on_it(folder, tmp_path):
    from evaldesk.app.summary_expected import read_expected

    root, made = folder
    summary = summarise(root)
    names = sorted(row.department for _rank, row in summary.ranked)
    listed = tmp_path / "应报部门.csv"
    changed = next(aside.file.department for aside in summary.set_aside if aside.kind == DATA_CHANGED)
    listed.write_text("序号,部门名称\n" + "".join(f"{i},{name}\n" for i, name in enumerate(names[1:] + ["测试县未报局", changed])),
                      encoding="utf-8-sig")
    result = summarise(root, expected=read_expected(listed))
    assert result.missing == ["测试县未报局"]
    assert [row.department for row in result.unexpected] == [names[0]]
    assert changed in result.received and "未列入排名" in result.received[changed]


def test_last_years_summary_serves_as_the_expected_list(folder, summary, tmp_path):
    from evaldesk.app.summary_expected import read_expected
    from evaldesk.exchange.summary_workbook import write_summary_workbook

    path = tmp_path / "上年汇总.xlsx"
    write_summary_workbook(summary, path)
    listed = read_expected(path)
    assert [(d.name, d.code) for d in listed.departments] == [(row.department, row.budget_code)
                                                              for _rank, row in summary.ranked]
