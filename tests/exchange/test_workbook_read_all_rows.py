"""The workbook reader reads what Excel shows: every row of the data sheet, whatever its declared dimension says,
and an encrypted workbook is refused in Chinese."""

import re
import zipfile

import pytest

from evaldesk.exchange.report_json import ExchangeError
from evaldesk.exchange.workbook import read_workbook, write_workbook
from evaldesk.exchange.workbook_data import SHEET_NAME
from evaldesk.model.document import fingerprint


def _rewrite(source, target, change):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, change(info.filename, old.read(info.filename)))


def _data_part(path) -> str:
    with zipfile.ZipFile(path) as archive:
        book = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet[^>]*name="{SHEET_NAME}"[^>]*r:id="([^"]+)"', book).group(1)
    target = re.search(rf'<Relationship[^>]*Id="{rid}"[^>]*Target="([^"]+)"', rels) or \
        re.search(rf'<Relationship[^>]*Target="([^"]+)"[^>]*Id="{rid}"', rels)
    return "xl/" + target.group(1).lstrip("/").removeprefix("xl/")


def test_rows_beyond_the_declared_dimension_are_read(sample, tmp_path):
    original = tmp_path / "导出.xlsx"
    write_workbook(sample, original)
    part = _data_part(original)
    shrunk = tmp_path / "维度被改小.xlsx"

    def change(name, data):
        if name != part:
            return data
        text = data.decode()
        assert "<dimension" in text
        return re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:B3"', text).encode()

    _rewrite(original, shrunk, change)
    read = read_workbook(shrunk)
    assert fingerprint(read.report) == fingerprint(sample)
    assert read.report.department == sample.department and len(read.report.units) == len(sample.units)


def test_an_encrypted_workbook_is_refused_in_chinese(sample, tmp_path):
    original = tmp_path / "导出.xlsx"
    write_workbook(sample, original)
    flagged = tmp_path / "加密.xlsx"
    data = bytearray(original.read_bytes())
    # Flag every part "encrypted" (bit 0 of the general-purpose flags), in local and central headers alike, as a
    # password-protected zip marks them.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.find(signature)
        while start >= 0:
            data[start + offset] |= 0x01
            start = data.find(signature, start + 4)
    flagged.write_bytes(bytes(data))
    with pytest.raises(ExchangeError) as caught:
        read_workbook(flagged)
    assert "加密" in str(caught.value) or "损坏" in str(caught.value)
    assert "Error" not in str(caught.value)
