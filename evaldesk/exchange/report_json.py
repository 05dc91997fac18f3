"""The JSON form of one report (``docs/report-format.md``): everything the filler typed, nothing computed.

The document itself — ``to_document`` and the ``fingerprint`` digested from it — is the domain's
(``evaldesk.model.document``), so the paper can carry the fingerprint without importing this package; they are
imported here too, where the JSON form's readers and writers look for them.

Reading goes through the same parsers as typing: a value the window would refuse is refused here too, and a file
with any such value is refused whole, naming where.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from evaldesk.files import UnreadableJson, parse_json, read_json_file
from evaldesk.model import limits
from evaldesk.model.document import (
    FORMAT,
    VERSION,
    fingerprint,
    json_default,
    to_document,
)
from evaldesk.quoting import quote
from evaldesk.model.form import FIELD_BY_KEY, LIST_BY_KEY
from evaldesk.model.places import NotePlace, SheetPlace
from evaldesk.model.report import Item, Report, Unit, new_id
from evaldesk.model.validate import (
    parse_cell,
    parse_field,
    parse_item_value,
    parse_unit_name,
    parse_value,
)
from evaldesk.model.values import Rejected
from evaldesk.scoring.rules import TemplateError
from evaldesk.scoring.template import Template

__all__ = ["FORMAT", "VERSION", "ExchangeError", "dumps", "fingerprint", "from_document", "loads", "read_json",
           "to_document"]


class ExchangeError(ValueError):
    """A file that cannot be read as a report; the message says why (in Chinese)."""


# ---------------------------------------------------------------- report → document (see evaldesk.model.document)


def dumps(report: Report, exported: datetime | None = None) -> str:
    """The exported file: the document, with the data's fingerprint and the export time (default: now) after
    ``version`` — a reader checks the data against the fingerprint as it does a workbook's."""
    doc = to_document(report)
    head = {key: doc.pop(key) for key in ("format", "version")}
    stamp = {"fingerprint": fingerprint(report),
             "exported_at": (exported or datetime.now()).isoformat(timespec="seconds")}
    return json.dumps({**head, **stamp, **doc}, ensure_ascii=False, indent=2, default=json_default) + "\n"


@dataclass
class JsonRead:
    """A JSON file read back, with what it says about itself."""

    report: Report
    stored_fingerprint: str     # '' when the file carries none (written before files carried it)
    fingerprint: str            # of the data as read now
    exported_at: str            # '' when not recorded

    @property
    def changed_after_export(self) -> bool:
        return bool(self.stored_fingerprint) and self.stored_fingerprint != self.fingerprint


# ---------------------------------------------------------------- document → report


def _need(mapping, key, kind, where):
    value = mapping.get(key) if isinstance(mapping, dict) else None
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise ExchangeError(f"{where}缺少“{_PART.get(key, key)}”或其格式不对")
    return value


def from_document(doc) -> Report:
    """Build a report from a document; every value is checked as if typed. Raises ExchangeError."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ExchangeError("这不是 evaldesk 导出的报告文件（文件中没有 evaldesk 报告的格式标记）")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ExchangeError("报告文件缺少格式版本号")
    if version > VERSION:
        raise ExchangeError(f"报告文件的格式版本为 {version}，本程序只能读取 {VERSION} 及以下版本，请升级 evaldesk")
    counted = limits.document_refusal(doc)   # before anything is parsed: 100,000 tasks would take minutes to read
    if counted:
        raise ExchangeError(f"报告文件不能导入：{counted}")
    year = _need(doc, "year", int, "报告文件")
    if not 1990 <= year <= 2200:
        raise ExchangeError(f"年度 {year} 不合理")
    try:
        template = Template(_need(doc, "template", dict, "报告文件"))
    except TemplateError as err:
        raise ExchangeError(f"报告所附评分表有误：{quote(err, 300)}") from None
    report = Report(year=year, template=template)
    problems: list[str] = []

    def store(where: str, action) -> None:
        try:
            action()
        except Rejected as err:
            problems.append(f"{where}：{err}")

    fields = doc.get("fields", {})
    if not isinstance(fields, dict):
        raise ExchangeError(_shape_problem("fields"))
    for key, raw in fields.items():
        if key not in FIELD_BY_KEY:
            problems.append(f"未知字段“{quote(key)}”（本程序的表上没有这一项）")
            continue
        store(f"“{FIELD_BY_KEY[key].label}”", lambda k=key, r=raw: _put(report.fields, k, parse_field(report, k, r)))

    units = doc.get("units", [])
    if not isinstance(units, list):
        raise ExchangeError(_shape_problem("units"))
    for i, entry in enumerate(units, 1):
        try:  # as RenameUnit takes a typed name
            name = parse_unit_name(entry.get("name") if isinstance(entry, dict) else None)
        except Rejected as err:
            problems.append(f"第 {i} 个机构：{err}")
            continue
        unit = Unit(new_id(), name)
        cells = entry.get("cells", {})
        if not isinstance(cells, dict):
            problems.append(f"机构“{quote(name)}”的金额数据结构有误")
            continue
        for key, raw in cells.items():
            store(f"机构“{quote(name)}”的{_cell_label(key)}", lambda u=unit, k=key, r=raw: _put(u.cells, k, parse_cell(k, r, u.name)))
        report.units.append(unit)

    lists = doc.get("lists", {})
    if not isinstance(lists, dict):
        raise ExchangeError(_shape_problem("lists"))
    for list_key, items in lists.items():
        if list_key not in LIST_BY_KEY or not isinstance(items, list):
            problems.append(f"未知列表“{quote(list_key)}”（本程序的表上没有这一部分）")
            continue
        for i, values in enumerate(items, 1):
            if not isinstance(values, dict):
                problems.append(f"{LIST_BY_KEY[list_key].label}第 {i} 项：应为对象")
                continue
            item = Item(new_id())
            for name, raw in values.items():
                store(f"{LIST_BY_KEY[list_key].label}第 {i} 项",
                      lambda it=item, n=name, r=raw: _put(it.values, n, parse_item_value(list_key, n, r)))
            report.lists[list_key].append(item)

    sheet = doc.get("sheet", {})
    if not isinstance(sheet, dict):
        raise ExchangeError(_shape_problem("sheet"))
    for indicator_id, entry in sheet.items():
        if not isinstance(entry, dict):
            problems.append(f"{_indicator(report, indicator_id)}：数据结构有误")
            continue
        inputs = entry.get("inputs") or {}
        if not isinstance(inputs, dict):
            problems.append(f"{_indicator(report, indicator_id)}：inputs 应为对象（评分依据数据结构有误）")
            continue
        keys = [(SheetPlace(indicator_id, "input", name).key, raw) for name, raw in inputs.items()]
        keys += [(SheetPlace(indicator_id, part).key, entry[part]) for part in ("hand", "reason") if part in entry]
        unknown = set(entry) - {"inputs", "hand", "reason"}
        if unknown:
            problems.append(f"{_indicator(report, indicator_id)}：未知项 {quote('、'.join(sorted(unknown)))}")
        for key, raw in keys:
            store(_indicator(report, indicator_id), lambda k=key, r=raw: _put(report.fields, k, parse_field(report, k, r)))

    notes = doc.get("notes", {})
    if not isinstance(notes, dict):
        raise ExchangeError(_shape_problem("notes"))
    for key, raw in notes.items():
        if not isinstance(key, str) or not key:
            problems.append("说明：须对应一条审核结果（键不能为空）")
            continue
        note = NotePlace(key)
        store("审核说明", lambda p=note, r=raw: _put(report.fields, p.key, parse_value(report, p, r)))

    too_much = limits.refusal(report)
    if too_much:
        problems.append(too_much)
    if problems:
        shown = "；".join(problems[:5]) + (f"；另有 {len(problems) - 5} 处" if len(problems) > 5 else "")
        raise ExchangeError(f"报告文件中有 {len(problems)} 处数据不能接受：{shown}")
    return report


_PART = {"year": "年度", "template": "评分表模板", "fields": "填报内容", "units": "机构", "lists": "列表",
         "sheet": "评分表", "notes": "审核说明"}


def _shape_problem(key: str) -> str:
    return f"报告文件的结构有误（“{_PART[key]}”部分的格式不对），可能已被其他程序改坏"


def _cell_label(key: str) -> str:
    """A part 二 cell as the form prints it: “支出表 · 项目支出”."""
    from evaldesk.model.form import GRID_BY_KEY, split_cell_key

    try:
        grid_key, column_key = split_cell_key(key)
        grid = GRID_BY_KEY[grid_key]
        return f"“{grid.title} · {grid.column(column_key).label}”"
    except (KeyError, ValueError, AttributeError):
        return f"未知数据项“{quote(key)}”"


def _indicator(report: Report, indicator_id: str) -> str:
    node = report.template.by_id.get(indicator_id) if isinstance(indicator_id, str) else None
    return f"评分表“{node.name}”" if node is not None else f"评分表中未知的指标“{quote(indicator_id)}”"


def _put(mapping: dict, key: str, value) -> None:
    if value is not None:
        mapping[key] = value


def loads(text: str) -> Report:
    try:
        doc = parse_json(text)
    except UnreadableJson as err:
        raise ExchangeError(f"文件{err}") from None
    return from_document(doc)


MAX_JSON_BYTES = 50 * 1024 * 1024


def read_json(path: Path) -> Report:
    return read_json_export(path).report


def read_json_export(path: Path) -> JsonRead:
    """The report and the fingerprint and export time the file records (both blank in older files)."""
    path = Path(path)
    try:
        doc = read_json_file(path, MAX_JSON_BYTES)
    except UnreadableJson as err:
        raise ExchangeError(f"无法读取文件“{path.name}”：{err}") from None
    report = from_document(doc)
    stored, exported = (_stamp(doc, key) for key in ("fingerprint", "exported_at"))
    return JsonRead(report, stored, fingerprint(report), exported)


def _stamp(doc: dict, key: str) -> str:
    value = doc.get(key)
    return value.strip() if isinstance(value, str) else ""
