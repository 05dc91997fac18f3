"""Export and print through the application layer: the files the window and the command write."""

import pytest

from evaldesk.app import output
from evaldesk.exchange.report_json import fingerprint, read_json
from evaldesk.exchange.workbook import ExportRefused, read_workbook
from evaldesk.files import WriteFailed


def test_json_workbook_and_pdf_are_written(sample, tmp_path):
    output.export_json(sample, tmp_path / "a.json")
    assert fingerprint(read_json(tmp_path / "a.json")) == fingerprint(sample)
    assert output.export_workbook(sample, tmp_path / "a.xlsx") == []
    assert read_workbook(tmp_path / "a.xlsx").fingerprint_matches
    output.export_pdf(sample, tmp_path / "a.pdf")
    output.export_pdf(sample, tmp_path / "blank.pdf", blank=True)
    for name in ("a.pdf", "blank.pdf"):
        assert (tmp_path / name).read_bytes().startswith(b"%PDF")
    assert output.pdf_bytes(sample)[:4] == b"%PDF"


def test_suggested_name_is_year_code_department(sample):
    name = output.suggested_name(sample, ".xlsx")
    assert name.startswith("2021") and name.endswith(".xlsx") and "编" in name


def test_a_report_with_errors_is_not_exported_for_the_bureau(sample, tmp_path):
    sample.fields.pop("cover.department")
    with pytest.raises(ExportRefused):
        output.export_workbook(sample, tmp_path / "a.xlsx")
    assert not (tmp_path / "a.xlsx").exists()


def test_an_unwritable_place_is_a_clear_failure(sample, tmp_path):
    with pytest.raises(WriteFailed, match="文件夹"):
        output.export_json(sample, tmp_path / "missing" / "a.json")
