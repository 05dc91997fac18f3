"""What must be filled in (``resources/audit/completeness.json``): the cover, the contact, the staff figures,
the evaluators, the content lists, and a 报告日期 after the fiscal year's end.

错误 where the bureau cannot identify the report, reach its people, or check its figures without the entry;
警告 for content a reviewer expects (prose, tasks, goals, the filler's line, which can also be written by hand).
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache

from evaldesk.audit.context import AuditContext
from evaldesk.audit.data import load
from evaldesk.audit.findings import Finding, Severity
from evaldesk.model.form import FIELD_BY_KEY, LIST_BY_KEY
from evaldesk.model.layout import has_wording
from evaldesk.model.places import FieldPlace, ItemPlace
from evaldesk.model.values import format_date_cn


@lru_cache(maxsize=None)
def rules() -> dict:
    data = load("completeness")
    for entry in data["fields"]:
        FIELD_BY_KEY[entry["key"]]  # an unknown field in the data file fails here, naming it
    for entry in data["lists"] + data["items"]:
        LIST_BY_KEY[entry["list"]]
    return data


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _worded(report, key: str) -> bool:
    """A field of the cover wording left blank is filled by the template's wording, if the template has any (a
    region-neutral template leaves 地区 and 财政局 to the filler)."""
    wording = FIELD_BY_KEY[key].wording
    return bool(wording) and has_wording(report, wording)


def field_findings(ctx: AuditContext) -> list[Finding]:
    findings = []
    for entry in rules()["fields"]:
        key = entry["key"]
        if _blank(ctx.report.get(key)) and not _worded(ctx.report, key):
            spec = FIELD_BY_KEY[key]
            findings.append(Finding(f"required/{key}", Severity(entry["severity"]),
                                    f"“{spec.label}”未填写", FieldPlace(key),
                                    "complete.field"))
    return findings


def list_findings(ctx: AuditContext) -> list[Finding]:
    findings = []
    for entry in rules()["lists"]:
        spec = LIST_BY_KEY[entry["list"]]
        field_label = dict(spec.fields)[entry["needs"]]
        filled = [item for item in ctx.report.items(spec.key) if not _blank(item.values.get(entry["needs"]))]
        if len(filled) < entry["min"]:
            need = "至少一" if entry["min"] == 1 else f"至少 {entry['min']} "
            findings.append(Finding(f"required_list/{spec.key}", Severity(entry["severity"]),
                                    f"“{spec.label}”{need}条须填写{field_label}（现有 {len(filled)} 条）",
                                    ItemPlace(spec.key), "complete.list"))
    for entry in rules()["items"]:
        spec = LIST_BY_KEY[entry["list"]]
        items = ctx.report.items(spec.key)
        if not items:
            continue
        field_label = dict(spec.fields)[entry["field"]]
        for number, item in enumerate(items, 1):
            if _blank(item.values.get(entry["field"])) and any(not _blank(v) for v in item.values.values()):
                findings.append(Finding(f"required_item/{spec.key}/{number}/{entry['field']}",
                                        Severity(entry["severity"]),
                                        f"“{spec.label}”第 {number} 条的{field_label}未填写",
                                        ItemPlace(spec.key, item.id, entry["field"]), "complete.item"))
    return findings


def date_findings(ctx: AuditContext) -> list[Finding]:
    """A self-evaluation of a year is written after that year: its 报告日期 must be after 12月31日."""
    entry = rules()["report_date"]
    value = ctx.report.get(entry["key"])
    year_end = _dt.date(ctx.report.year, 12, 31)
    if isinstance(value, _dt.date) and value <= year_end:
        return [Finding("report_date", Severity(entry["severity"]),
                        f"报告日期 {format_date_cn(value)} 不在评价年度结束（{format_date_cn(year_end)}）之后："
                        f"{ctx.report.year} 年度的自评报告应在 {ctx.report.year + 1} 年填报", FieldPlace(entry["key"]),
                        "complete.date")]
    return []


def check(ctx: AuditContext) -> list[Finding]:
    return field_findings(ctx) + list_findings(ctx) + date_findings(ctx)
