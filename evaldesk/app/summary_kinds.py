"""What a file in the bureau's inbox is, when it is not a department's report: said in words a clerk understands.

Every file in the folder is accounted for in the summary. Before a file is read as a report, its first bytes
(and, for a zip, its directory — never its contents) say what it is: an old binary Excel file (.xls), a Word
document renamed .xlsx, a PDF or a scan, a zip or rar archive (with the report-like files inside named: they must
be unpacked), an earlier summary this program wrote, Office's lock file. :func:`not_a_report` returns the reason,
or None for a file to read as a report.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

REPORT_SUFFIXES = (".json", ".xlsx", ".xlsm")
REPORT_LIKE = (".xlsx", ".xlsm", ".json", ".xls", ".et", ".zip", ".rar", ".7z")   # worth naming inside an archive
MAX_LISTED = 6
SUMMARY_SHEETS = {"汇总", "指标明细", "问题文件"}        # the sheets of this program's summary workbook
SUMMARY_MARK = "evaldesk-summary"                      # the summary workbook's category property

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAGIC = (
    (b"%PDF", "PDF 文件"),
    (b"\x89PNG", "图片（PNG）"),
    (b"\xff\xd8\xff", "图片（JPEG，可能是扫描件或照片）"),
    (b"GIF8", "图片（GIF）"),
    (b"BM", "图片（BMP）"),
    (b"II*\x00", "图片（TIFF，可能是扫描件）"),
    (b"MM\x00*", "图片（TIFF，可能是扫描件）"),
    (b"Rar!\x1a\x07", "RAR 压缩包"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包"),
    (b"\x1f\x8b", "gzip 压缩文件"),
    (b"%!PS", "PostScript 打印文件"),
    (b"{\\rtf", "RTF 文档（Word 可打开）"),
)
_OLD_OFFICE = {".xls": "旧版 Excel 工作簿（.xls，Excel 97-2003 格式）", ".et": "WPS 表格文件（.et）",
               ".doc": "旧版 Word 文档（.doc）", ".wps": "WPS 文字文档（.wps）", ".ppt": "旧版 PowerPoint 演示文稿（.ppt）"}
_IN_ZIP = (("word/document.xml", "Word 文档（.docx）"), ("ppt/presentation.xml", "PowerPoint 演示文稿（.pptx）"),
           ("Doc_0/Document.xml", "OFD 版式文件"), ("xl/workbook.xml", "Excel 工作簿"))
_UNPACK = "须先解压，把其中的报送文件放入本文件夹后再汇总"
_ASK = "请部门用 evaldesk 导出报送工作簿（.xlsx）或 JSON 文件后重新报送"


def not_a_report(path: Path, head: bytes, size: int) -> str | None:
    """Why ``path`` is not read as a report (its first bytes ``head``, its ``size``), or None to read it."""
    name, suffix = path.name, path.suffix.lower()
    if name.startswith("~$"):
        return "Office 打开文件时留下的临时文件（文件名以 ~$ 开头），不是报告"
    if name.startswith("."):
        return "隐藏文件（系统或其他程序生成），不是报告"
    if size == 0:
        return "空文件（0 字节），没有内容；" + _ASK
    if head.startswith(_OLE):
        kind = _OLD_OFFICE.get(suffix, "旧版 Office 文件（Excel 97-2003 或 Word 97-2003 格式）")
        if suffix in (".xlsx", ".xlsm"):
            kind = f"旧版 Excel 工作簿（.xls 格式，只是扩展名改成了 {suffix}）"
        if suffix in (".xls", ".et", ".xlsx", ".xlsm"):
            return (f"{kind}，本程序不读取旧格式：请部门用 evaldesk 重新导出 .xlsx，或在 Excel / WPS 中"
                    f"“另存为”Excel 工作簿（.xlsx）后重新报送")
        return f"{kind}，不是报告；" + _ASK
    if head.startswith(b"PK"):
        return _zip_kind(path, suffix)
    if suffix in REPORT_SUFFIXES:
        return None   # the reader says what is wrong with it
    kind = next((what for magic, what in _MAGIC if head.startswith(magic)), None)
    if kind and "压缩" in kind:
        return f"{kind}，本程序无法查看其中的文件；{_UNPACK}"
    if kind:
        return f"{kind}，不是 evaldesk 报送文件（纸质材料的扫描件或打印件不能汇总）；" + _ASK
    if _is_text(head):
        return f"文本文件（{suffix or '无扩展名'}），不是 evaldesk 报送文件"
    return f"其他类型的文件（{suffix or '无扩展名'}），不是 evaldesk 报送文件"


def _zip_kind(path: Path, suffix: str) -> str | None:
    """A zip: an Office file (a workbook is read; a Word file is named), or an archive whose members are named.
    Only the directory is read, never a member: a zip bomb costs nothing here."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            kind = next((what for member, what in _IN_ZIP if member in names), None)
            if kind == "Excel 工作簿":
                if suffix in (".xlsx", ".xlsm"):
                    return _earlier_summary(archive)
                return f"Excel 工作簿，但扩展名为“{suffix or '（无）'}”：请改回 .xlsx 后再汇总"
            if kind:
                shown = f"，只是扩展名改成了 {suffix}" if suffix in REPORT_SUFFIXES else ""
                return f"{kind}{shown}，不是 evaldesk 报送文件；" + _ASK
            return _archive(infos)
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        return None if suffix in REPORT_SUFFIXES else f"损坏的压缩文件（{suffix or '无扩展名'}），无法打开"


def _earlier_summary(archive: zipfile.ZipFile) -> str | None:
    """This program's own summary workbook (a second summary into the same folder finds the first)."""
    try:
        info = archive.getinfo("xl/workbook.xml")
        if info.file_size > 1_000_000:
            return None
        xml = archive.read(info).decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError, ValueError):
        return None
    sheets = set(re.findall(r'<(?:\w+:)?sheet [^>]*name="([^"]+)"', xml))
    if SUMMARY_SHEETS <= sheets and "_data" not in sheets:
        return "本程序以前生成的汇总表（不是部门报送的文件），不计入汇总"
    return None


def _archive(infos: list[zipfile.ZipInfo]) -> str:
    files = [info for info in infos if not info.is_dir()]
    wanted = [info.filename.rsplit("/", 1)[-1] for info in files
              if info.filename.lower().endswith(REPORT_LIKE) and not info.filename.rsplit("/", 1)[-1].startswith("~$")]
    unpacked = sum(info.file_size for info in files)
    if wanted:
        named = "、".join(f"“{name}”" for name in wanted[:MAX_LISTED]) + (f" 等 {len(wanted)} 个" if len(wanted) > MAX_LISTED else "")
        inside = f"内有 {len(files)} 个文件，其中可能是报送文件的：{named}"
    else:
        inside = f"内有 {len(files)} 个文件，没有 .xlsx 或 .json 文件"
    if unpacked > 1024 ** 3:
        inside += f"；解压后将达 {unpacked / 1024 ** 3:.0f} GB，疑似恶意压缩包，请勿解压"
    return f"zip 压缩包，{inside}；" + (_UNPACK if wanted and unpacked <= 1024 ** 3 else "不是报送文件")


def _is_text(head: bytes) -> bool:
    """No NUL, and UTF-8 or GB18030 (the last character may be cut at the end of the bytes looked at)."""
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        for cut in range(4):
            try:
                head[:len(head) - cut].decode(encoding)
                return True
            except UnicodeDecodeError:
                continue
    return False
