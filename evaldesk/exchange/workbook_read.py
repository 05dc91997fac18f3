"""Reading a bureau workbook back: refuse what is not ours or not safe, then check every value as typed input.

Order matters. The file's size and its zip directory are checked with :mod:`zipfile` before openpyxl touches it
(a zip bomb is refused by its declared sizes, which zipfile also enforces while inflating); openpyxl then parses
with defusedxml (installed), which refuses entity declarations (billion laughs) outright. Only the data sheet is
read: the human sheets are a view, and an edit there does not come back.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook

from evaldesk.exchange.report_json import ExchangeError, from_document
from evaldesk.exchange.workbook_data import (
    FORMAT,
    META_FINGERPRINT,
    META_FORMAT,
    META_TEMPLATE,
    META_EXPORTED,
    META_SHOWN,
    META_VERSION,
    SHEET_NAME,
    VERSION,
    DataProblem,
    build_document,
    read_rows,
)
from evaldesk.exchange.workbook_shown import Shown, read_shown
from evaldesk.model.document import fingerprint
from evaldesk.quoting import quote
from evaldesk.model.report import Report

MAX_FILE_BYTES = 20 * 1024 * 1024        # an exported report is well under 1 MB
MAX_UNPACKED_BYTES = 100 * 1024 * 1024   # the parts inflated, all together
MAX_PARTS = 1000
MAX_DATA_ROWS = 100_000

_SIGNATURES = (
    (b"%PDF", "PDF 文件"),
    (b"\xd0\xcf\x11\xe0", "旧版 Office 文件（如 .xls）；请用 evaldesk 导出的 .xlsx"),
    (b"{", "JSON 或文本文件"),
)


@dataclass
class WorkbookRead:
    report: Report                  # a new report: fresh ids, not stored anywhere
    fingerprint_matches: bool       # the data is what was exported (the stored digest agrees)
    stored_fingerprint: str         # the digest written at export ('' if missing)
    fingerprint: str                # the digest of the data as read now
    format_version: int
    fingerprint_note: str = ""      # why the data cannot be vouched for ('' when the digest agrees)
    other_notes: list[str] = field(default_factory=list)
    claimed_total: str = ""         # 总分 as written at export, for a reader's convenience ('' if missing)
    exported_at: str = ""           # when it was exported (ISO, seconds; '' in files of earlier versions)
    stored_shown: str = ""          # the digest of the visible sheets written at export ('' if missing)
    shown: Shown | None = None      # the visible sheets' cells as the file holds them (read when asked)
    generator: str = ""             # "evaldesk 0.1.0"

    @property
    def changed_after_export(self) -> bool:
        """The file carries a digest and the data no longer matches it: someone edited the data sheet."""
        return bool(self.stored_fingerprint) and not self.fingerprint_matches

    @property
    def notes(self) -> list[str]:
        """Everything the filler should know about the file, the fingerprint first."""
        return ([self.fingerprint_note] if self.fingerprint_note else []) + self.other_notes


def read_workbook(path: Path, *, shown: bool = False) -> WorkbookRead:
    """Read the report from the data sheet; ``shown``: also every cell the visible sheets show (the bureau's
    summary compares them with what the data gives)."""
    path = Path(path)
    _check_container(path)
    meta, data, cells = _data_sheet_rows(path, shown)
    version = _check_meta(meta, path)
    try:
        doc = build_document(meta, data, version)
        report = from_document(doc)
    except DataProblem as err:
        raise ExchangeError(f"工作簿“{path.name}”中的数据不能接受：{err}") from None
    except ExchangeError as err:
        raise ExchangeError(f"工作簿“{path.name}”的数据页有误：{err}") from None

    notes, fingerprint_note = [], ""
    stored = meta.get(META_FINGERPRINT, ("", ""))[0].strip()
    actual = fingerprint(report)
    if not stored:
        fingerprint_note = f"工作簿中没有数据指纹，无法确认数据是否在导出后被改动（现在的指纹为 {actual}）"
    elif stored != actual:
        fingerprint_note = (f"工作簿中的数据在导出后被改动过：导出时的指纹为 {stored}，现在为 {actual}。"
                            f"改动的内容已按填报规则检查，请核对")
    template_id = meta.get(META_TEMPLATE, ("", ""))[0].strip()
    if template_id and template_id != report.template.id:
        notes.append(f"数据页标注的评分表模板为“{quote(template_id)}”，但所附模板为“{quote(report.template.id)}”；"
                     "以所附模板为准")
    claimed = meta.get("score_total", ("", ""))[0].strip()
    return WorkbookRead(report, bool(stored) and stored == actual, stored, actual, version, fingerprint_note, notes,
                        claimed, _meta(meta, META_EXPORTED), _meta(meta, META_SHOWN), cells, _meta(meta, "generator"))


def _meta(meta: dict, key: str) -> str:
    return meta.get(key, ("", ""))[0].strip()


def _check_container(path: Path) -> None:
    """Refuse before parsing: missing, huge, not a zip, a zip whose parts would inflate too far."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as err:
        raise ExchangeError(f"无法读取文件“{path}”：{err.strerror or err}") from None
    if size > MAX_FILE_BYTES:
        raise ExchangeError(f"文件“{path.name}”过大（{size // (1024 * 1024)} MB，上限 "
                            f"{MAX_FILE_BYTES // (1024 * 1024)} MB），不是 evaldesk 导出的工作簿")
    if not head.startswith(b"PK"):
        kind = next((name for magic, name in _SIGNATURES if head.startswith(magic)), None)
        what = f"它是{kind}" if kind else "可能是其他格式的文件改了扩展名"
        raise ExchangeError(f"文件“{path.name}”不是 Excel 工作簿（.xlsx）：{what}")
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                raise ExchangeError(f"文件“{path.name}”包含 {len(parts)} 个部件，过多，不是 evaldesk 导出的工作簿")
            unpacked = sum(part.file_size for part in parts)
            if unpacked > MAX_UNPACKED_BYTES:
                raise ExchangeError(f"文件“{path.name}”解压后过大（{unpacked // (1024 * 1024)} MB，上限 "
                                    f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB），已拒绝读取")
            if "[Content_Types].xml" not in archive.namelist():
                raise ExchangeError(f"文件“{path.name}”是压缩包，但不是 Excel 工作簿（.xlsx）")
            broken = archive.testzip()  # inflates every part (bounded by the sizes checked above)
            if broken is not None:
                raise ExchangeError(f"文件“{path.name}”已损坏（部件 {quote(broken)} 校验失败），请重新导出或重新拷贝")
    except ExchangeError:  # (a ValueError itself: let it through untouched)
        raise
    except RuntimeError:  # zipfile's answer to a part flagged as encrypted
        raise ExchangeError(f"文件“{path.name}”已加密（设有密码），evaldesk 无法读取。请在 Excel 中取消密码后另存，"
                            "或使用 evaldesk 导出的原文件") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as err:
        raise ExchangeError(f"文件“{path.name}”已损坏或不完整，无法作为工作簿打开（{_reason(err)}），"
                            f"请重新导出或重新拷贝") from None
    except OSError as err:
        raise ExchangeError(f"无法读取文件“{path}”：{err.strerror or err}") from None


def _reason(err: Exception) -> str:
    """Why zipfile gave up, in words a filler understands (its own messages are English)."""
    if isinstance(err, zipfile.BadZipFile) and str(err) == "File is not a zip file":
        return "不是完整的 zip 文件，可能只拷贝了一部分"
    if isinstance(err, (zlib.error, zipfile.BadZipFile)) and "CRC" not in str(err):
        return "压缩内容无法解开"
    return "内容校验失败" if "CRC" in str(err) else "文件结构有误"


def _unsafe_xml(err: BaseException | None) -> bool:
    """Is defusedxml's refusal anywhere in the chain of causes? (openpyxl wraps parse errors in its own.)"""
    seen = set()
    while err is not None and id(err) not in seen:
        seen.add(id(err))
        if type(err).__module__.startswith("defusedxml"):
            return True
        err = err.__cause__ or err.__context__
    return False


def _data_sheet_rows(path: Path, shown: bool = False):
    """(meta, data, the visible cells or None) from the data sheet. openpyxl is read-only here: fast, and only
    the sheets read are parsed."""
    workbook = None
    try:
        workbook = load_workbook(path, read_only=True, data_only=False, keep_links=False)
        if SHEET_NAME not in workbook.sheetnames:
            ours = {"自评报告", "评分表"} & set(workbook.sheetnames)
            if ours:
                raise ExchangeError(f"工作簿“{path.name}”中没有隐藏的数据页（可能被删除或改名），"
                                    f"无法读回数据；请使用 evaldesk 导出的原文件")
            raise ExchangeError(f"工作簿“{path.name}”不是 evaldesk 导出的报送工作簿（没有 evaldesk 的隐藏数据页）")
        rows = []
        sheet = workbook[SHEET_NAME]
        # Read what Excel shows: every row in the sheet, not only those inside its declared <dimension> (a file
        # edited by another program can declare less than it holds; openpyxl would stop there silently).
        sheet.reset_dimensions()
        for cells in sheet.iter_rows(min_col=1, max_col=2):
            cells = [cell for cell in cells if getattr(cell, "row", None)]
            if not cells:
                continue
            number = cells[0].row
            if number > MAX_DATA_ROWS:
                raise ExchangeError(f"工作簿“{path.name}”的数据页行数过多，不是 evaldesk 导出的工作簿")
            by_column = {cell.column: cell for cell in cells}
            for cell in by_column.values():
                if cell.data_type in ("f", "e"):
                    what = "公式" if cell.data_type == "f" else "错误值"
                    raise ExchangeError(f"数据页第 {cell.row} 行：应为文字，不能是{what}")
            rows.append((number, _value(by_column.get(1)), _value(by_column.get(2))))
        meta, data = read_rows(rows)
        return meta, data, (read_shown(workbook) if shown else None)
    except ExchangeError:
        raise
    except DataProblem as err:
        raise ExchangeError(str(err)) from None
    except Exception as err:  # openpyxl raises many kinds for a damaged file; each means the same to the user
        if _unsafe_xml(err):
            raise ExchangeError(f"文件“{path.name}”含有不安全的 XML 内容（实体或文档类型声明），已拒绝读取") from None
        raise ExchangeError(f"文件“{path.name}”无法作为 Excel 工作簿读取（文件已损坏，或不是 .xlsx）") from None
    finally:
        if workbook is not None:
            workbook.close()


def _value(cell):
    return None if cell is None else cell.value


def _check_meta(meta: dict, path: Path) -> int:
    mark, where = meta.get(META_FORMAT, ("", "数据页第 2 行"))
    if mark != FORMAT:
        raise ExchangeError(f"工作簿“{path.name}”不是 evaldesk 导出的报送工作簿（{where} 的格式标记应为 "
                            f"“{FORMAT}”，实为“{mark[:40]}”）")
    text, where = meta.get(META_VERSION, ("", "数据页第 3 行"))
    if not text.strip().isdigit():
        raise ExchangeError(f"{where}：工作簿格式版本应为整数，实为“{text[:20]}”")
    version = int(text)
    if version > VERSION:
        raise ExchangeError(f"工作簿“{path.name}”的格式版本为 {version}，本程序只能读取 {VERSION} 及以下版本，"
                            f"请升级 evaldesk")
    if version < 1:
        raise ExchangeError(f"{where}：工作簿格式版本 {version} 无效")
    return version
