"""Text left for the filler to replace (``resources/audit/unfinished.json``): nothing unfinished reaches paper or the
bureau.

* a prompt the program or a template put in a text — the drafts' 【可在此补写…】 / 【待填：…】, a template's
  “（请写明文件名称和文号）” in a 评分标准 or its cover wording — an 错误 naming each place, so the copy prints as
  草稿 and the export refuses until the filler writes their own words;
* a score sheet of another region or year printing its wording on this report (a 2023 report of 某县 on the
  云溪 2021 sheet: “岳阳市云溪区2023年度…”, 岳云发〔2020〕7号) — an 错误 at 封面的地区;
* a numbered entry holding the next entry (“任务4：…” typed inside 任务3): printed as a line of 任务3, with the
  numbers after it off by one — a 警告.

What each part reads: ``prompt_findings`` every text of the report (``Report.fields`` values that are text — the
form's fields, the sheet's reasons and the 说明 — and every list entry) and the template's cover wording and
评分标准; ``sheet_findings`` the template's name and region, the report's year and its 地区 field;
``numbered_findings`` the entries of the numbered lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

from evaldesk.audit import places
from evaldesk.audit.context import AuditContext
from evaldesk.audit.data import load, regex
from evaldesk.audit.findings import Finding, Severity
from evaldesk.model.form import FIELD_BY_KEY, LIST_BY_KEY, SECTION_COVER
from evaldesk.model.layout import cover_text
from evaldesk.model.places import FieldPlace, ItemPlace, Place, SectionPlace, SheetPlace, value_place


@lru_cache(maxsize=None)
def rules() -> dict:
    data = load("unfinished")
    for entry in data["numbered_inside"]["lists"]:
        LIST_BY_KEY[entry]  # an unknown list in the data file fails here, naming it
    return data


@lru_cache(maxsize=None)
def _prompts() -> tuple[tuple[dict, re.Pattern], ...]:
    return tuple((entry, regex(entry["pattern"])) for entry in rules()["prompts"])


@lru_cache(maxsize=4096)
def prompts_in(text: str) -> tuple[str, ...]:
    """The prompts ``text`` still holds, in order, each once (cached: the same texts come back on every keystroke)."""
    if "【" not in text and "请" not in text:
        return ()
    found = [match.group(0) for _, pattern in _prompts() for match in pattern.finditer(text)]
    return tuple(dict.fromkeys(sorted(found, key=text.find)))


def _shown(prompt: str) -> str:
    return prompt if len(prompt) <= 40 else prompt[:38] + "…" + prompt[-1]


def _report_texts(ctx: AuditContext):
    """(place, how a message names it, text) for every text the filler owns."""
    report = ctx.report
    for key, value in report.fields.items():
        if isinstance(value, str) and ("【" in value or "请" in value):
            where = value_place(key)
            if where is not None:
                yield where, where.phrase(report), value
    for spec in LIST_BY_KEY.values():
        for number, item in enumerate(report.items(spec.key), 1):
            for name, label in spec.fields:
                value = item.values.get(name, "")
                if "【" in value or "请" in value:
                    yield ItemPlace(spec.key, item.id, name), f"{spec.item_label}{number}的{label}", value


def prompt_findings(ctx: AuditContext) -> list[Finding]:
    """Each text holding a prompt, and the template's wording holding one (one finding per prompt, naming every
    indicator whose 评分标准 holds it: the neutral sheet's six 职责履行 standards are one thing to fix)."""
    findings = []
    for where, label, text in _report_texts(ctx):
        found = prompts_in(text)
        if found:
            quoted = "、".join(f"“{_shown(p)}”" for p in found)
            findings.append(Finding(f"unfinished/{where}", Severity.ERROR,
                                    f"{label}还留有待填写的提示{quoted}：请改写为本单位的内容或删去",
                                    where, "text.unfinished"))
    template = ctx.report.template
    findings += ctx.recall(("unfinished_template",), _template_findings, template, _cover_wording(ctx))
    return findings


def _cover_wording(ctx: AuditContext) -> tuple[tuple[str, str], ...]:
    return tuple((key, cover_text(ctx.report, key)) for key in ctx.report.template.cover if key != "report_title")


def _template_findings(template, cover_wording: tuple[tuple[str, str], ...]) -> list[Finding]:
    """The prompts left in the cover wording (as the report shows it) and in the template's standards."""
    findings = []
    for key, text in cover_wording:
        for prompt in prompts_in(text):
            field = next((spec.key for spec in FIELD_BY_KEY.values() if spec.wording == key), None)
            where: Place = FieldPlace(field) if field else SectionPlace(SECTION_COVER)
            findings.append(Finding(f"unfinished/cover/{key}", Severity.ERROR,
                                    f"封面措辞“{_shown(text)}”还留有待填写的提示“{_shown(prompt)}”：请在封面填写，"
                                    f"或在评分表模板中改写", where, "text.unfinished"))
    holders: dict[str, list] = {}
    for indicator in template.indicators:
        for prompt in prompts_in(indicator.standard):
            holders.setdefault(prompt, []).append(indicator)
    for prompt, indicators in holders.items():
        leaves = [ind for ind in indicators if ind.is_leaf] or indicators
        named = places.named(indicators[0].name)   # the others are its places: a reviewer's line stays short
        count = f"等 {len(indicators)} 项指标" if len(indicators) > 1 else ""
        where_of = [SheetPlace(ind.id, "hand") for ind in leaves]
        findings.append(Finding(f"unfinished/standard/{prompt}", Severity.ERROR,
                                f"评分表{named}{count}的评分标准还留有模板的提示“{_shown(prompt)}”，会原样印在评分表上："
                                f"请在评分表模板中写明", where_of[0], "text.unfinished", related=tuple(where_of[1:])))
    return findings


def sheet_findings(ctx: AuditContext) -> list[Finding]:
    """A sheet of another region or year: its cover and standards would print that region's wording."""
    report, template = ctx.report, ctx.report.template
    region = str(template.cover.get("region", "")).strip()
    own_region = report.text("cover.region").strip()
    where = FieldPlace("cover.region")
    if region and own_region and own_region != region:
        return [Finding("other_sheet/region", Severity.ERROR,
                        f"评分表模板“{template.name}”是{region}的，本报告的地区为{own_region}：评分标准和封面措辞会印"
                        f"{region}的内容。请换用本地区的评分表（或通用评分表），或在评分表模板中改为本地区的措辞",
                        where, "text.other_sheet")]
    named_year = regex(rules()["other_sheet"]["year_in_name"]).search(template.name)
    if region and not own_region and named_year and int(named_year.group(1)) != report.year:
        return [Finding("other_sheet/year", Severity.ERROR,
                        f"评分表模板“{template.name}”是{named_year.group(1)}年度{region}的，本报告为{report.year}年度："
                        f"封面会印“{region}{report.year}年度…”，评分标准引用的是{region}的文件。请在封面填写本地区"
                        f"（地区、财政局名称）并核对评分表的措辞，或换用本地区本年度的评分表", where, "text.other_sheet")]
    return []


def numbered_findings(ctx: AuditContext) -> list[Finding]:
    """An entry of a numbered list that holds, on a line of its own, the next entry's number (任务4：… in 任务3)."""
    findings = []
    for list_key in rules()["numbered_inside"]["lists"]:
        spec = LIST_BY_KEY[list_key]
        pattern = regex(rf"\n\s*{re.escape(spec.item_label)}\s*[0-9０-９]{{1,3}}\s*[：:、.．]")
        field, label = spec.fields[0]
        for number, item in enumerate(ctx.report.items(list_key), 1):
            text = item.values.get(field, "").strip()
            match = pattern.search(text)
            if match:
                inner = match.group(0).strip()
                findings.append(Finding(
                    f"numbered_inside/{list_key}/{number}", Severity.WARNING,
                    f"{spec.item_label}{number}里另起一行写了“{inner}…”：纸面上它印成{spec.item_label}{number}的一行，"
                    f"后面的编号也对不上。请把它分成单独的一条", ItemPlace(list_key, item.id, field), "text.numbered_inside"))
    return findings


def check(ctx: AuditContext) -> list[Finding]:
    return prompt_findings(ctx) + sheet_findings(ctx) + numbered_findings(ctx)
