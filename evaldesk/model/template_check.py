"""Everything wrong with template data, found in one place for everyone who asks.

Loading a template (:class:`.template.Template`) refuses it at the first problem; the editor shows a draft with
every problem at once, each next to the indicator it is about. Both ask :func:`problems`, so a sheet that the
editor calls sound is one that loads, and the two never word a problem differently.

Each :class:`Problem` is tagged with where it is — the indicator's id and which part (``field``) — so a window can
point at it without reading its words. The words name the place too, for people: ``指标“预算配置”：…`` for an
indicator, ``评分表模板：…`` for the sheet itself. Loading puts the template's name before the indicators' ones
(:meth:`Problem.refusal`), since a refused file or report is read away from the sheet it came from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from evaldesk.quoting import quote
from evaldesk.model.limits import ENTRY_COUNT, INDICATOR_COUNT, too_many
from evaldesk.model.operands import TemplateError, to_decimal
from evaldesk.model.placeholders import placeholders
from evaldesk.model.rule_params import rule_from_data
from evaldesk.model.template_tree import Tree
from evaldesk.model.values import decimal_text as num

FORMAT = "evaldesk-template"
VERSION = 1
SHEET = "评分表模板"  # how a message names the sheet itself

COVER_KEYS = ("region", "bureau", "report_attachment", "sheet_attachment", "report_title", "sheet_title",
              "sheet_footnote")

# Cover wording a region-neutral template may leave blank ("") for each filler to set on the cover (issue 11).
BLANK_COVER_KEYS = ("region", "bureau")

# What an indicator may ask of the audit (docs/template-format.md): the rate over ``must_deduct_above`` must not
# keep full marks given by hand; over ``explain_above`` it needs a reason (``what`` names the matter).
AUDIT_KEYS = ("must_deduct_above", "explain_above", "what")


@dataclass(frozen=True)
class Problem:
    """One thing wrong. ``indicator``: the id of the indicator it is about (None: the sheet, or an entry without a
    usable id). ``field``: the part — of an indicator ``id``/``name``/``weight``/``parent``/``rule``/``audit``/
    ``children``; of the sheet ``format``/``version``/``id``/``name``/``total``/``cover``/``grades``/``indicators``.
    ``join``: how loading puts the template's name before the message ("" when the message names the sheet)."""

    message: str
    indicator: str | None = None
    field: str | None = None
    join: str = ""

    def refusal(self, template_name) -> str:
        """The message as loading says it: ``模板“name” 指标“…”：…`` for what is in the indicator list."""
        if self.join and isinstance(template_name, str):
            return f"模板“{template_name}”{self.join}{self.message}"
        return self.message


def json_number(value):
    """Decimals go into template JSON as they came: whole numbers as numbers, the rest as text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else str(value)
    raise TypeError(f"{type(value).__name__} 不能写入模板")


def problems(data) -> list[Problem]:
    """Every problem of template ``data`` (the dict a template file holds), sheet first, then each indicator in
    file order, then the tree. An empty list means the data loads."""
    try:
        json.dumps(data, default=json_number)
    except (TypeError, ValueError):
        return [Problem(f"{SHEET}：内容不是有效的 JSON 数据")]
    if not isinstance(data, dict):
        return [Problem(f"{SHEET}：内容应为 JSON 对象")]
    found = _sheet(data) + _cover(data.get("cover")) + _grades(data.get("grades"))
    raw = data.get("indicators")
    if not isinstance(raw, list) or not raw:
        return found + [Problem(f"{SHEET}：缺少指标列表 indicators", field="indicators")]
    scored = sum(1 for entry in raw if isinstance(entry, dict) and "rule" in entry)
    if len(raw) > ENTRY_COUNT or scored > INDICATOR_COUNT:   # refused before each entry is read: 100,000 would crawl
        what, count, limit = (("评分指标（三级）", scored, INDICATOR_COUNT) if scored > INDICATOR_COUNT
                              else ("指标", len(raw), ENTRY_COUNT))
        return found + [Problem(f"{SHEET}：{too_many(what, count, limit)}", field="indicators")]
    seen: set[str] = set()
    weights: dict[str, Decimal] = {}
    for i, entry in enumerate(raw, 1):
        found += _entry(i, entry, seen, weights)
    return found + _tree(data, weights)


def _missing_text(value) -> bool:
    return not isinstance(value, str) or not value.strip()


def _sheet(data: dict) -> list[Problem]:
    found = []
    if data.get("format") != FORMAT:
        found.append(Problem(f"{SHEET}：不是 evaldesk 评分表模板（format 应为 “{FORMAT}”）", field="format"))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        found.append(Problem(f"{SHEET}：缺少版本号 version", field="version"))
    elif version > VERSION:
        found.append(Problem(f"{SHEET}：模板格式版本 {version} 比本程序支持的 {VERSION} 新，请升级 evaldesk",
                             field="version"))
    for key, label in (("id", "模板编号"), ("name", "模板名称")):
        if _missing_text(data.get(key)):
            found.append(Problem(f"{SHEET}：缺少{label}（{key}）", field=key))
    try:
        total = to_decimal(data.get("total", 100), SHEET, "总分")
        if total != 100:  # the national scheme: the whole sheet is worth 100, the grades assume it
            found.append(Problem(f"{SHEET}：总分 total 应为 100，收到 {num(total)}", field="total"))
    except TemplateError as err:
        found.append(Problem(str(err), field="total"))
    return found


def _cover(cover) -> list[Problem]:
    if not isinstance(cover, dict):
        return [Problem(f"{SHEET}：缺少封面措辞 cover", field="cover")]
    found = [Problem(f"{SHEET}：封面措辞缺少“{key}”", field="cover") for key in COVER_KEYS
             if (not isinstance(cover.get(key), str) if key in BLANK_COVER_KEYS else _missing_text(cover.get(key)))]
    if not found:
        # The title is filled by name only (model/placeholders.py): anything else in braces is a slip to refuse.
        unknown = placeholders(cover["report_title"]) - {"region", "year"}
        if unknown:
            shown = "、".join(quote(name, 20) for name in sorted(unknown)[:3])
            found.append(Problem(f"{SHEET} cover：report_title 只能含 {{region}} 和 {{year}} 两个占位符（另有 {shown}）",
                                 field="cover"))
    return found


def _grades(raw) -> list[Problem]:
    if not isinstance(raw, list) or not raw:
        return [Problem(f"{SHEET}：缺少评价等次 grades", field="grades")]
    found, bands = [], []
    for i, band in enumerate(raw, 1):
        at = f"{SHEET} 第{i}个等次"
        if not isinstance(band, dict):
            found.append(Problem(f"{at}：应为对象", field="grades"))
            continue
        if _missing_text(band.get("label")):
            found.append(Problem(f"{at}：缺少“label”（应为文字）", field="grades"))
        try:
            bands.append((band.get("label"), to_decimal(band.get("min"), at, "min")))
        except TemplateError as err:
            found.append(Problem(str(err), field="grades"))
    if found:  # the order of the edges is judged once every edge is a number
        return found
    if bands[-1][1] > 0:
        found.append(Problem(f"{SHEET}：最低的等次“{bands[-1][0]}”的下限应为 0，否则低分报告没有等次", field="grades"))
    for (higher, top), (lower, bottom) in zip(bands, bands[1:]):
        if bottom >= top:
            found.append(Problem(f"{SHEET}：等次应按下限从高到低排列（“{higher}”之后是“{lower}”）", field="grades"))
    return found


def _entry(i: int, entry, seen: set[str], weights: dict[str, Decimal]) -> list[Problem]:
    """What is wrong with the ``i``-th entry of the indicator list on its own. Its id goes into ``seen`` (ids met so
    far), its 分值, when it is a number, into ``weights``."""
    if not isinstance(entry, dict):
        return [Problem(f"第{i}个指标：应为对象", field="indicators", join=" ")]
    ind_id, name = entry.get("id"), entry.get("name")
    if _missing_text(ind_id):
        return [Problem(f"第{i}个指标：缺少编号 id", field="indicators", join=" ")]
    if ind_id in seen:
        return [Problem(f"第{i}个指标：编号“{ind_id}”重复", ind_id, "id", " ")]
    seen.add(ind_id)

    def problem(text: str, field: str) -> Problem:
        return Problem(text, ind_id, field, " ")

    at = f"指标 {ind_id}" if _missing_text(name) else f"指标“{name}”（{ind_id}）"
    found = [problem(f"{at}：缺少名称", "name")] if _missing_text(name) else []
    try:
        weights[ind_id] = to_decimal(entry.get("weight"), at, "分值")
        if weights[ind_id] < 0:
            found.append(problem(f"{at}：分值不能为负", "weight"))
    except TemplateError as err:
        found.append(problem(str(err), "weight"))
    if entry.get("parent") is not None and not isinstance(entry.get("parent"), str):
        found.append(problem(f"{at}：parent 应为上级指标的编号", "parent"))
    if "rule" in entry:
        try:
            rule = rule_from_data(entry["rule"], at)
            if "." in ind_id:  # the report keys its entries sheet.<id>.<part>
                found.append(problem(f"{at}：评分指标的编号不能含“.”（可用“-”或“_”，如 3-1-1）", "id"))
            if ind_id in weights:
                rule.check_against(weights[ind_id], at)
        except TemplateError as err:
            found.append(problem(str(err), "rule"))
    found += [problem(text, "audit") for text in _audit(entry.get("audit"), at)]
    return found


def _audit(raw, at: str) -> list[str]:
    if raw is None:
        return []
    if not isinstance(raw, dict):  # (it applies only while the rule has a rate; otherwise it rests)
        return [f"{at}：audit 应为对象"]
    found = []
    unknown = set(raw) - set(AUDIT_KEYS)
    if unknown:
        found.append(f"{at}：audit 中有未知的项 {'、'.join(sorted(map(str, unknown)))}")
    for key in AUDIT_KEYS[:2]:
        if key in raw:
            try:
                to_decimal(raw[key], at, key)
            except TemplateError as err:
                found.append(str(err))
    if "what" in raw and _missing_text(raw["what"]):
        found.append(f"{at}：缺少“what”（应为文字）")
    return found


def _tree(data: dict, weights: dict[str, Decimal]) -> list[Problem]:
    """Parents that exist, no cycle, groups with children and leaves without, 分值 that add up."""
    tree = Tree(data)

    def label(ind_id: str) -> str:
        return str(tree.by_id[ind_id].get("name") or ind_id)

    found = []
    for ind_id, entry in tree.by_id.items():
        parent = entry.get("parent")
        if isinstance(parent, str) and parent not in tree.by_id:
            found.append(Problem(f"指标“{label(ind_id)}”：上级“{parent}”不存在", ind_id, "parent", " "))
    if tree.unreached:
        cycle = _cycle(tree)
        return found + [Problem("指标的上下级关系成环：" + " → ".join(label(i) for i in cycle), cycle[0], "parent",
                                "：")]
    for ind_id, entry in tree.by_id.items():
        kids = tree.children.get(ind_id, [])
        if "rule" in entry and kids:
            found.append(Problem(f"指标“{label(ind_id)}”有评分规则，不能再有下级指标", ind_id, "children", " "))
        elif "rule" not in entry and not kids:
            found.append(Problem(f"指标“{label(ind_id)}”既无下级指标也无评分规则（rule）", ind_id, "children", " "))
        elif kids and ind_id in weights and all(kid in weights for kid in kids):
            total = sum((weights[kid] for kid in kids), Decimal(0))
            if total != weights[ind_id]:
                found.append(Problem(f"指标“{label(ind_id)}”：下级分值之和 {num(total)} 不等于其分值 {num(weights[ind_id])}",
                                     ind_id, "weight", " "))
    try:
        whole = to_decimal(data.get("total", 100), SHEET, "总分")
    except TemplateError:
        return found  # (said already)
    if all(root in weights for root in tree.roots):
        total = sum((weights[root] for root in tree.roots), Decimal(0))
        if total != whole:
            found.append(Problem(f"一级指标分值之和 {num(total)} 不等于总分 {num(whole)}", None, "total", "："))
    return found


def _cycle(tree: Tree) -> list[str]:
    """A parent cycle, named from the first unreachable indicator in file order up its parents until one repeats
    (an indicator below a cycle leads into it): ``[a, b, a]``."""
    chain = [tree.unreached[0]]
    while chain[-1] not in chain[:-1]:
        chain.append(tree.by_id[chain[-1]]["parent"])
    return chain[chain.index(chain[-1]):]


def refusal(data) -> str | None:
    """What loading says of ``data``: the first problem, or None when it loads."""
    found = problems(data)
    return found[0].refusal(data.get("name") if isinstance(data, dict) else None) if found else None


__all__ = ["Problem", "problems", "refusal", "FORMAT", "VERSION", "COVER_KEYS", "AUDIT_KEYS", "json_number"]
