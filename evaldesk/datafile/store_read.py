"""Reading a report's rows back, each checked: the types the store wrote, values it can decode, and the report's
checksum (digest.py). Reads through ``sqlite_setup.Reads`` (no SQLAlchemy), in one transaction per call of
:class:`evaldesk.datafile.store.Store`."""

from __future__ import annotations

import json
from dataclasses import dataclass

from evaldesk.datafile import digest, kinds
from evaldesk.model.carried import Carried
from evaldesk.datafile.errors import StoreError, UnreadableRow
from evaldesk.model.report import Item, Report, Unit
from evaldesk.datafile.sqlite_setup import ROW_ERRORS as _ROW_ERRORS
from evaldesk.datafile.tagged import decode
from evaldesk.quoting import quote


@dataclass(frozen=True)
class ReportInfo:
    """One report of a data file as a list shows it, without loading it."""

    id: int
    year: int
    department: str
    budget_code: str
    template_name: str
    updated_at: str
    problem: str = ""  # why the report cannot be opened (its rows are damaged); '' when it can

    def title(self) -> str:
        if self.problem:
            return f"报告 {self.id}（无法打开：{self.problem}）"
        return f"{self.year}年度 {self.department or '（未填部门名称）'}"


def _expect(record, **types) -> None:
    """A row read back must have the types the store wrote (a damaged file can hold anything)."""
    for name, kind in types.items():
        if type(getattr(record, name)) is not kind:
            raise TypeError(name)


def list_reports(c) -> list[ReportInfo]:
    rows = c.all(
        "SELECT r.id, r.year, r.template_json, r.updated_at, "
        "(SELECT value FROM field f WHERE f.report_id = r.id AND f.key = 'cover.department'), "
        "(SELECT value FROM field f WHERE f.report_id = r.id AND f.key = 'cover.budget_code') "
        "FROM report r ORDER BY r.year DESC, r.id")
    c.commit()
    infos = []
    for rid, year, template_json, updated, department, code in rows:
        if type(rid) is not int:
            raise TypeError("id")  # no report can be named: the file itself is damaged
        try:
            name = json.loads(template_json).get("name", "")
            info = ReportInfo(rid, year, decode(department) if department else "",
                              decode(code) if code else "", name, updated)
            _expect(info, year=int, department=str, budget_code=str, template_name=str, updated_at=str)
        except (UnreadableRow, *_ROW_ERRORS):  # one report's damaged row: that report alone cannot be opened
            info = ReportInfo(rid, 0, "", "", "", "", problem="目录信息无法读取")
        infos.append(info)
    return infos


def load(c, report_id: int, Template) -> Report:  # noqa: N803 - scoring's Template class, passed in by store.py
    """Report ``report_id`` without its draft score sheet (read apart: an unreadable draft is dropped). The store
    keeps templates as data; ``Template`` (scoring's, imported by store.py alone) reads them."""

    row = c.first("SELECT year, template_json FROM report WHERE id = :id", {"id": report_id})
    if row is None:
        c.commit()
        raise StoreError(f"数据文件中没有编号为 {report_id} 的报告")
    from decimal import Decimal as _D

    if type(row[0]) is not int:
        raise TypeError("year")
    report = Report(year=row[0], template=Template(json.loads(row[1], parse_float=_D)), id=report_id)
    for key, value in c.execute("SELECT key, value FROM field WHERE report_id = :id", {"id": report_id}):
        report.fields[key] = decode(value)
    units = {}
    for unit_id, name in c.execute("SELECT id, name FROM unit WHERE report_id = :id ORDER BY position",
                                   {"id": report_id}):
        units[unit_id] = Unit(unit_id, name)
        report.units.append(units[unit_id])
    for unit_id, key, value in c.execute("SELECT unit_id, key, value FROM cell WHERE report_id = :id",
                                         {"id": report_id}):
        units[unit_id].cells[key] = decode(value)
    for list_key, item_id, data in c.execute(
            "SELECT list_key, id, data FROM item WHERE report_id = :id ORDER BY list_key, position",
            {"id": report_id}):
        values = json.loads(data)
        if not (isinstance(values, dict) and all(isinstance(v, str) for v in values.values())):
            raise ValueError(data)
        if list_key in report.lists:
            report.lists[list_key].append(Item(item_id, values))
    for unit in report.units:
        _expect(unit, id=str, name=str)
    if not all(isinstance(key, str) for key in report.fields):
        raise TypeError("field key")
    wrong = kinds.wrong_kind(report)
    if wrong is not None:  # a figure stored as text, a date as a number: scoring or printing would fail on it
        raise UnreadableRow(f"“{quote(wrong, 40)}”的值与其类型不符")
    # Readable rows may still not be the ones written (a bit flip in a digit or a character): the checksum,
    # kept in the same transaction as every write, says whether they are.
    if not digest.matches(c, report_id):
        raise UnreadableRow("数据与保存时的校验值不符，可能已被改动或损坏")
    c.commit()
    return report


def carried(c, report_id: int) -> Carried:
    year = c.scalar("SELECT source_year FROM carried WHERE report_id = :id", {"id": report_id})
    rows = c.all("SELECT unit_id, key, value FROM carried_value WHERE report_id = :id", {"id": report_id})
    c.commit()  # before decoding: a value that cannot be read must not leave the file locked
    if year is not None and type(year) is not int:
        raise TypeError("source_year")
    carried = Carried(source_year=year)
    for unit_id, key, value in rows:
        try:
            decoded = decode(value)
        except UnreadableRow:
            continue  # a mark is only a hint on screen (as an unreadable draft, it is dropped, not fatal)
        if unit_id:
            carried.cells[(unit_id, key)] = decoded
        else:  # '' marks a field of the report (schema.py)
            carried.fields[key] = decoded
    return carried

