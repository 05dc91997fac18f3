"""Builders of broken and hostile workbooks for the import tests: each writes one file into a folder and
returns its path. They start from a real export where that makes the attack realistic."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from evaldesk.exchange.workbook import workbook_bytes
from evaldesk.exchange.workbook_read import MAX_FILE_BYTES, MAX_PARTS, MAX_UNPACKED_BYTES

DATA_SHEET_PART = "xl/worksheets/sheet4.xml"  # the fourth sheet: _data

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">\n' for i in range(1, 10))
    + ']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
      '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
)


def exported(report, folder: Path, name: str = "导出.xlsx") -> Path:
    path = folder / name
    path.write_bytes(workbook_bytes(report))
    return path


def edited(report, folder: Path, name: str, change) -> Path:
    """An export, opened in openpyxl, changed by ``change(workbook)``, saved (as a person with Excel might)."""
    path = exported(report, folder, name)
    workbook = load_workbook(path)
    change(workbook)
    workbook.save(path)
    return path


def data_cell(workbook, key: str):
    """The value cell (column B) of ``key`` on the data sheet."""
    ws = workbook["_data"]
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, 1).value == key:
            return ws.cell(row, 2)
    raise KeyError(key)


def set_data(key: str, value):
    def change(workbook):
        data_cell(workbook, key).value = value
    return change


def replaced_part(report, folder: Path, name: str, part: str, content: bytes | str) -> Path:
    """An export with one zip member swapped for ``content``."""
    original = zipfile.ZipFile(io.BytesIO(workbook_bytes(report)))
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in original.infolist():
            data = content if info.filename == part else original.read(info.filename)
            out.writestr(info.filename, data)
    return path


def text_file(folder: Path) -> Path:
    path = folder / "其实是文本.xlsx"
    path.write_text("部门,金额\n区委编办,90.5\n", encoding="utf-8")
    return path


def pdf_file(folder: Path) -> Path:
    path = folder / "扫描件.xlsx"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    return path


def foreign_workbook(folder: Path) -> Path:
    """A genuine xlsx made by someone else: a plain table, no data sheet."""
    workbook = Workbook()
    workbook.active.append(["部门", "支出合计"])
    workbook.active.append(["区委编办", 90.5])
    path = folder / "别人的表.xlsx"
    workbook.save(path)
    return path


def zip_not_workbook(folder: Path) -> Path:
    path = folder / "压缩包.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "不是工作簿")
    return path


def truncated(report, folder: Path) -> Path:
    data = workbook_bytes(report)
    path = folder / "拷了一半.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def damaged(report, folder: Path) -> Path:
    """Bytes flipped inside the data sheet's compressed stream: the zip directory is intact, the content not."""
    data = bytearray(workbook_bytes(report))
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo(DATA_SHEET_PART)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 20, start + 60):
        data[offset] ^= 0x5A
    path = folder / "损坏.xlsx"
    path.write_bytes(bytes(data))
    return path


def huge_file(folder: Path) -> Path:
    """Larger than the limit on disk (sparse: the test does not really write 20 MB)."""
    path = folder / "巨大.xlsx"
    with path.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(MAX_FILE_BYTES + 1)
    return path


def zip_bomb(folder: Path) -> Path:
    """A small file whose one part inflates past the limit (zeros compress a thousandfold)."""
    path = folder / "解压炸弹.xlsx"
    zeros = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as part:
            for _ in range(MAX_UNPACKED_BYTES // len(zeros) + 1):
                part.write(zeros)
    return path


def many_parts(folder: Path) -> Path:
    path = folder / "部件过多.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for i in range(MAX_PARTS + 1):
            archive.writestr(f"xl/part{i}.xml", "<a/>")
    return path
