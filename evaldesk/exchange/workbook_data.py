"""The workbook's data sheet (“_data”, hidden and protected): the report's data for machines, both ways.

One row per value: column A the key, B the value as text, C what it is in words. Keys that start with ``/`` are
JSON Pointers (RFC 6901) into the report's JSON document (:func:`evaldesk.model.document.to_document`);
the others are facts about the file (format, version, template id, fingerprint). Every figure is written as its
exact decimal text, never as a number: a spreadsheet number is a binary float, and 0.73 must come back as 0.73.
Every declared field, every unit cell, every list field and every score-sheet entry has its row, blank when
empty, so a program at the bureau finds each key in every file. A value longer than one cell can hold continues
on the next rows under the same key. See ``docs/workbook-format.md``.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

from openpyxl.worksheet.worksheet import Worksheet

from evaldesk import __version__
from evaldesk.exchange.workbook_cells import BOLD, LEFT, Cells, set_widths
from evaldesk.model.document import FORMAT as DOCUMENT_FORMAT
from evaldesk.model.document import to_document
from evaldesk.quoting import quote
from evaldesk.model.form import FIELD_BY_KEY, GRIDS, LIST_BY_KEY, LISTS, cell_key
from evaldesk.model.places import NotePlace, SheetPlace
from evaldesk.model.report import Report
from evaldesk.model.validate import (
    parse_cell,
    parse_field,
    parse_item_value,
    parse_value,
)
from evaldesk.model.values import Rejected, decimal_text
from evaldesk.scoring.engine import SheetResult
from evaldesk.scoring.report_text import score_text
from evaldesk.scoring.rules import TemplateError
from evaldesk.scoring.template import Template

SHEET_NAME = "_data"
FORMAT = "evaldesk-report-xlsx"
VERSION = 1
# The report_json document version each workbook version carries.
DOCUMENT_VERSION = {1: 1}
HEADER = ("键", "值", "说明")
CHUNK = 16000  # characters per cell: at most 32,000 UTF-16 units even for characters outside the BMP

_UNSAFE_IN_CELL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

META_FORMAT, META_VERSION, META_TEMPLATE, META_FINGERPRINT = "format", "version", "template_id", "fingerprint"
META_EXPORTED, META_SHOWN = "exported_at", "shown_digest"


class DataProblem(ValueError):
    """A value on the data sheet that cannot be taken; ``str()`` names the cell."""


# ---------------------------------------------------------------- keys


def pointer(*segments) -> str:
    """RFC 6901: ``~`` → ``~0``, ``/`` → ``~1``."""
    return "".join("/" + str(s).replace("~", "~0").replace("/", "~1") for s in segments)


def segments(key: str) -> list[str]:
    return [part.replace("~1", "/").replace("~0", "~") for part in key.split("/")[1:]]


def as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return decimal_text(value)
    return str(value)


# ---------------------------------------------------------------- report → rows


def meta_rows(report: Report, sheet: SheetResult, fingerprint: str, exported: str = "",
              shown: str = "") -> list[tuple[str, str, str]]:
    """The facts about the file, above the data (``exported``: when, ISO with seconds; ``shown``: the digest of
    what the visible sheets show, :mod:`evaldesk.exchange.workbook_shown`)."""
    template = report.template
    return [
        (META_FORMAT, FORMAT, "文件格式（evaldesk 报送工作簿）"),
        (META_VERSION, str(VERSION), "格式版本"),
        (META_TEMPLATE, template.id, f"评分表模板：{template.name}"),
        (META_FINGERPRINT, fingerprint, "数据指纹（与打印件上的相同；由下面各行数据算出）"),
        ("generator", f"evaldesk {__version__}", "导出程序"),
        (META_EXPORTED, exported, "导出时间"),
        (META_SHOWN, shown, "显示内容指纹（由各可见工作表的内容算出，用于发现在表上直接改动的数字）"),
        ("score_total", score_text(sheet.total), "总分（仅供查阅，导入时不读取）"),
        ("grade", sheet.grade or "", "评价等次（仅供查阅，导入时不读取）"),
    ]


def value_rows(report: Report) -> list[tuple[str, str, str]]:
    """(key, value text, description) for every value of the report, in the order of the form."""
    doc = to_document(report)
    rows = [(pointer("year"), str(doc["year"]), "年度")]
    for spec in FIELD_BY_KEY.values():
        rows.append((pointer("fields", spec.key), as_text(doc["fields"].get(spec.key)),
                     f"{spec.section} · {spec.label}"))
    for i, (unit, entry) in enumerate(zip(report.units, doc["units"])):
        rows.append((pointer("units", i, "name"), unit.name, f"第 {i + 1} 个机构 · 名称"))
        for grid in GRIDS:
            for column in grid.typed_columns:
                key = cell_key(grid.key, column.key)
                rows.append((pointer("units", i, "cells", key), entry["cells"].get(key, ""),
                             f"{i + 1}、{unit.name} · {grid.title} · {column.label}"))
    for spec in LISTS:
        for i, values in enumerate(doc["lists"][spec.key]):
            for name, label in spec.fields:
                rows.append((pointer("lists", spec.key, i, name), as_text(values.get(name)),
                             f"{spec.label} · {spec.item_label}{i + 1} · {label}"))
    for leaf in report.template.leaves:
        entry = doc["sheet"].get(leaf.id, {})
        for spec in leaf.inputs():
            rows.append((pointer("sheet", leaf.id, "inputs", spec.name),
                         as_text(entry.get("inputs", {}).get(spec.name)), f"评分表 · {leaf.name} · {spec.label}"))
        rows.append((pointer("sheet", leaf.id, "hand"), as_text(entry.get("hand")), f"评分表 · {leaf.name} · 手工评分"))
        rows.append((pointer("sheet", leaf.id, "reason"), as_text(entry.get("reason")),
                     f"评分表 · {leaf.name} · 扣分原因和其他说明"))
    for key, note in doc["notes"].items():
        rows.append((pointer("notes", key), as_text(note), "审核说明"))
    return rows


def template_row(report: Report) -> tuple[str, str, str]:
    # Characters a cell cannot hold are written as JSON escapes, so the template comes back exactly.
    text = _UNSAFE_IN_CELL.sub(lambda m: "\\u%04x" % ord(m.group()), report.template.to_json())
    return pointer("template"), text, "评分表模板（JSON）"


def data_rows(report: Report, sheet: SheetResult, fingerprint: str, exported: str = "",
              shown: str = "") -> list[tuple[str, str, str]]:
    """Every row of the data sheet, in order; a long value continues on the next rows under the same key."""
    rows = meta_rows(report, sheet, fingerprint, exported, shown) + value_rows(report) + [template_row(report)]
    split: list[tuple[str, str, str]] = []
    for key, value, label in rows:
        for start in range(0, max(len(value), 1), CHUNK):
            split.append((key, value[start:start + CHUNK], label))
    return split


def write_data_sheet(ws: Worksheet, rows: list[tuple[str, str, str]], cells: Cells) -> None:
    set_widths(ws, [44.0, 60.0, 50.0])
    for col, header in enumerate(HEADER, 1):
        cells.text(ws, 1, col, header, where="数据页", font=BOLD, border=False)
    for row, (key, value, label) in enumerate(rows, 2):
        cells.text(ws, row, 1, key, where="数据页", border=False)
        cells.text(ws, row, 2, value, where=f"数据页 {key}", align=LEFT, border=False)
        ws.cell(row, 2).number_format = "@"  # what someone types here stays text, as it is read
        cells.text(ws, row, 3, label, where="数据页", border=False)
    ws.freeze_panes = "A2"
    ws.sheet_state = "hidden"
    ws.protection.sheet = True  # no password: this guards against slips, not against anyone


# ---------------------------------------------------------------- rows → document


def cell_text(value) -> str:
    """A data-sheet cell as the text it stands for. A number typed by hand arrives as a float: its shortest
    repr is exactly what was typed, so that text (not the binary value) is what gets parsed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return decimal_text(Decimal(repr(value)))
    if hasattr(value, "date") and hasattr(value, "isoformat"):  # a date typed by hand becomes a datetime
        return value.date().isoformat() if hasattr(value, "hour") else value.isoformat()
    return str(value)


def read_rows(raw_rows) -> tuple[dict[str, tuple[str, str]], list[tuple[str, str, str]]]:
    """Rows as (row number, key cell, value cell) → (meta: key → (value, cell), data: [(key, value, cell)]).
    Consecutive rows under one key are joined; the same key again further down is refused."""
    meta: dict[str, tuple[str, str]] = {}
    data: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    previous = None
    for number, key, value in raw_rows:
        key = "" if key is None else str(key).strip()
        where = f"数据页第 {number} 行"
        if not key or number == 1:
            previous = None
            continue
        text = cell_text(value)
        if key == previous:
            if key.startswith("/"):
                k, v, cell = data[-1]
                data[-1] = (k, v + text, cell)
            continue
        if key in seen:
            raise DataProblem(f"数据页第 {number} 行：键“{quote(key)}”重复出现")
        seen.add(key)
        previous = key
        if key.startswith("/"):
            data.append((key, text, where))
        else:
            meta[key] = (text, where)
    return meta, data


def build_document(meta: dict, data: list[tuple[str, str, str]], version: int) -> dict:
    """The report_json document the data rows spell out; every value checked as typed, errors naming the cell."""
    values = {key: (text, where) for key, text, where in data}
    year_text, year_cell = values.pop(pointer("year"), ("", "数据页（年度）"))
    if not year_text.strip().isdigit() or not 1990 <= int(year_text) <= 2200:
        raise DataProblem(f"{year_cell}：年度应为四位整数，收到“{year_text[:20]}”")
    template_text, template_cell = values.pop(pointer("template"), ("", "数据页（评分表模板）"))
    try:
        template_data = json.loads(template_text, parse_float=Decimal)
    except (json.JSONDecodeError, RecursionError):
        raise DataProblem(f"{template_cell}：评分表模板数据已损坏（不是有效的 JSON）") from None
    doc = {"format": DOCUMENT_FORMAT, "version": DOCUMENT_VERSION[version], "year": int(year_text),
           "template": template_data, "fields": {}, "units": {}, "lists": {}, "sheet": {}, "notes": {}}
    try:
        stub = Report(year=int(year_text), template=Template(template_data))
    except TemplateError as err:
        raise DataProblem(f"{template_cell}：评分表模板有误：{err}") from None

    for key, (text, where) in values.items():
        parts = segments(key)
        try:
            _check(stub, parts, text)
        except Rejected as err:
            raise DataProblem(f"{_label(stub, parts)}（{where}）：{err}") from None
        except (KeyError, IndexError, ValueError):
            raise DataProblem(f"{where}：不认识的键“{quote(key)}”") from None
        _place(doc, parts, text)
    doc["units"] = _as_list(doc["units"], "数据页中的机构")
    doc["lists"] = {key: _as_list(items, f"数据页中的{LIST_BY_KEY[key].label}")
                    for key, items in doc["lists"].items()}
    return doc


def _label(stub: Report, parts: list[str]) -> str:
    """The value's name as the form prints it (“人员编制”, 评分表 · “预算调整率” · 扣分原因), for a message."""
    try:
        head = parts[0]
        if head == "fields":
            return f"“{FIELD_BY_KEY[parts[1]].label}”"
        if head == "units" and parts[2] == "name":
            return f"第 {int(parts[1]) + 1} 个机构的名称"
        if head == "units":
            grid_key, column_key = parts[3].split(".", 1)
            grid = next(grid for grid in GRIDS if grid.key == grid_key)
            return f"第 {int(parts[1]) + 1} 个机构的“{grid.title} · {grid.column(column_key).label}”"
        if head == "lists":
            spec = LIST_BY_KEY[parts[1]]
            return f"{spec.label}第 {int(parts[2]) + 1} 项的“{dict(spec.fields).get(parts[3], parts[3])}”"
        if head == "sheet":
            place = SheetPlace(parts[1], "input", parts[3]) if parts[2] == "inputs" else SheetPlace(parts[1], parts[2])
            return place.label(stub)
        if head == "notes":
            return "审核说明"
    except (KeyError, IndexError, ValueError, StopIteration, AttributeError):
        pass
    return "数据"


def _check(stub: Report, parts: list[str], text: str) -> None:
    """Parse one value exactly as the window would; Rejected says why, KeyError/ValueError mean an unknown key."""
    head = parts[0]
    if head == "fields" and len(parts) == 2:
        parse_field(stub, parts[1], text)
    elif head == "units" and len(parts) == 3 and parts[2] == "name":
        int(parts[1])
        if not text.strip():
            raise Rejected("机构名称不能为空")
    elif head == "units" and len(parts) == 4 and parts[2] == "cells":
        int(parts[1])
        parse_cell(parts[3], text)
    elif head == "lists" and len(parts) == 4:
        int(parts[2])
        parse_item_value(parts[1], parts[3], text)
    elif head == "sheet" and len(parts) == 4 and parts[2] == "inputs":
        parse_value(stub, SheetPlace(parts[1], "input", parts[3]), text)
    elif head == "sheet" and len(parts) == 3 and parts[2] in ("hand", "reason"):
        parse_value(stub, SheetPlace(parts[1], parts[2]), text)
    elif head == "notes" and len(parts) == 2:
        parse_value(stub, NotePlace(parts[1]), text)
    else:
        raise KeyError(parts)


def _place(doc: dict, parts: list[str], text: str) -> None:
    node = doc
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = text


def _as_list(numbered: dict, what: str) -> list:
    """{"0": …, "1": …} → [ …, … ]; the numbers must run 0, 1, 2 … without a gap."""
    try:
        order = sorted(numbered, key=int)
    except ValueError:
        raise DataProblem(f"{what}：编号应为整数") from None
    if [int(n) for n in order] != list(range(len(order))):
        raise DataProblem(f"{what}：编号应从 0 起连续，实际为 {', '.join(order[:10])}")
    return [numbered[n] for n in order]
