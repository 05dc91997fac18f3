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
    CLAIM_DIFFERS, DUPLICATE, FINGERPRINT_CHANGED, FINGERPRINT_NONE, FINGERPRINT_OK, OTHER_TEMPLATE, OTHER_YEAR,
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


def test_every_bad_file_is_listed_with_a_chinese_reason(folder, summary):
    _root, made = folder
    assert sorted(bad.path for bad in summary.unreadable) == sorted(made.broken)
    reasons = {bad.path: bad.reason for bad in summary.unreadable}
    assert "只拷贝了一部分" in reasons["损坏/只拷了一半.xlsx"]
    assert "PDF" in reasons["损坏/其实是PDF.xlsx"]
    assert "不是 evaldesk 导出的报送工作簿" in reasons["损坏/别人的表格.xlsx"]
    assert "JSON" in reasons["损坏/坏的.json"]
    for reason in reasons.values():
        assert "Traceback" not in reason and "内部错误" not in reason


def test_files_edited_after_export_are_flagged_and_scored_as_they_are_now(folder, summary):
    _root, made = folder
    rows = {row.path: row for _rank, row in summary.ranked}
    for path in made.edited:
        assert rows[path].fingerprint_status == FINGERPRINT_CHANGED
        assert rows[path].claim == CLAIM_DIFFERS   # the 总分 written at export no longer holds
        assert any(row.path == path and "导出后被改动" in why for row, why in summary.to_check)
    untouched = [path for path in made.departments if path.endswith(".xlsx") and path not in made.edited]
    assert untouched and all(rows[path].fingerprint_status == FINGERPRINT_OK for path in untouched
                             if path in rows)
    assert all(rows[path].fingerprint_status == FINGERPRINT_NONE for path in made.departments
               if path.endswith(".json") and path in rows)


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
    assert len(codes) == len(set(codes)) == len(made.departments)   # one row per department


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
