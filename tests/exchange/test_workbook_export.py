"""Export refusals and failures: audit errors refuse the export with the list of errors, and a failed export
leaves the old file exactly as it was; the default file name is safe on Windows."""

import os
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from evaldesk.cli import main
from evaldesk.exchange.names import default_file_name
from evaldesk.exchange.workbook import ExportRefused, write_workbook
from evaldesk.files import WriteFailed

OLD = b"the workbook sent last week"


def test_audit_errors_refuse_the_export_and_keep_the_old_file(sample, tmp_path):
    sample.units[0].cells["income.general"] = Decimal("90.505")  # three decimals in 万元: an audit error
    target = tmp_path / "报送.xlsx"
    target.write_bytes(OLD)
    with pytest.raises(ExportRefused) as refused:
        write_workbook(sample, target)
    message = str(refused.value)
    assert "错误" in message and "须改正后才能导出" in message and "公共财政拨款" in message
    assert target.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["报送.xlsx"]


def test_cli_export_refused_is_one_line_and_exit_1(store, sample, tmp_path, capsys):
    sample.units[0].cells["income.general"] = Decimal("90.505")
    store.add(sample)
    target = tmp_path / "x.xlsx"
    assert main(["--db", str(store.path), "export", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("evaldesk：审核发现") and err.count("\n") == 1
    assert not target.exists()


def test_a_write_that_fails_halfway_leaves_the_old_file(sample, tmp_path, monkeypatch):
    target = tmp_path / "报送.xlsx"
    target.write_bytes(OLD)

    def refuse(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(WriteFailed) as failed:
        write_workbook(sample, target)
    assert "磁盘空间不足" in str(failed.value)
    assert target.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["报送.xlsx"]  # the temporary file is gone too


def test_a_folder_in_the_way_is_refused_in_chinese(sample, tmp_path):
    (tmp_path / "报送.xlsx").mkdir()
    with pytest.raises(WriteFailed) as failed:
        write_workbook(sample, tmp_path / "报送.xlsx")
    assert "无法写入" in str(failed.value)


def test_export_over_an_old_file_replaces_it_whole(sample, tmp_path):
    target = tmp_path / "报送.xlsx"
    target.write_bytes(OLD)
    write_workbook(sample, target)
    assert load_workbook(target).sheetnames[0] == "自评报告"


@pytest.mark.parametrize("department, budget_code", [
    ('区委/编办\\科:室*?"<>|', "141"),
    ("区委编办", "a/b"),
    ("CON", "PRN"),
    ("编办. . .", "141 "),
])
def test_default_file_name_is_safe_on_windows(sample, department, budget_code, tmp_path, store, monkeypatch):
    sample.fields["cover.department"] = department
    sample.fields["cover.budget_code"] = budget_code
    name = default_file_name(sample, ".xlsx")
    assert name.startswith(f"{sample.year}_") and name.endswith("_部门整体支出绩效自评.xlsx")
    assert not set('/\\:*?"<>|') & set(name)
    assert Path(name).stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL"}
    # the command line writes exactly there
    store.add(sample)
    monkeypatch.chdir(tmp_path)
    assert main(["--db", str(store.path), "export"]) == 0
    assert (tmp_path / name).is_file()


def test_sample_default_name(sample):
    assert default_file_name(sample, ".xlsx") == "2021_141_中共岳阳市云溪区委机构编制委员会办公室_部门整体支出绩效自评.xlsx"


def test_a_very_long_department_name_still_makes_a_file_that_can_be_written(sample, tmp_path):
    from evaldesk.exchange.names import default_file_name
    from evaldesk.model.edits import SetField

    SetField("cover.department", "中共岳阳市云溪区委机构编制委员会办公室" * 8).apply(sample)
    name = default_file_name(sample, ".xlsx")
    assert len(name.encode("utf-8")) <= 200 and name.endswith(".xlsx")
    path = tmp_path / name
    path.write_bytes(b"x")  # the file system takes it
    assert path.exists()
