"""A score sheet template: the indicator tree, 分值, rule texts and kinds, grade bands, the cover wording.

Templates are JSON files (``resources/templates/*.json``, format described in ``docs/template-format.md``). They
are checked when they load — unique ids, known parents, no cycles, children's 分值 adding up to the parent's,
the whole to the stated total, known rule kinds with complete parameters — and a broken one is refused with a
:class:`TemplateError` that names the problem and where.
"""

from __future__ import annotations

import graphlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from evaldesk.files import UnreadableJson, parse_json, read_json_file
from evaldesk.scoring.rules import InputSpec, Rule, TemplateError, num, rule_from_data, to_decimal

FORMAT = "evaldesk-template"
VERSION = 1

COVER_KEYS = ("region", "bureau", "report_attachment", "sheet_attachment", "report_title", "sheet_title",
              "sheet_footnote")


@dataclass
class Indicator:
    id: str
    name: str
    weight: Decimal
    parent: str | None = None
    standard: str = ""
    rule: Rule | None = None  # None for 一级/二级 groups
    audit: dict = field(default_factory=dict)  # reviewer's checks this indicator asks for (AUDIT_KEYS)
    level: int = 1
    children: list["Indicator"] = field(default_factory=list)

    @property
    def is_leaf(self) -> bool:
        return self.rule is not None

    @property
    def rows(self) -> tuple[str, ...]:
        """The names printed on the sheet's rows: one, or several for a shared cell (经济/社会/生态效益)."""
        return getattr(self.rule, "rows", None) or (self.name,)

    def inputs(self) -> list[InputSpec]:
        return self.rule.inputs() if self.rule else []

    def input_spec(self, name: str) -> InputSpec | None:
        for spec in self.inputs():
            if spec.name == name:
                return spec
        return None


@dataclass(frozen=True)
class GradeBand:
    label: str
    minimum: Decimal
    inclusive: bool = True

    def admits(self, total: Decimal) -> bool:
        return total > self.minimum or (self.inclusive and total == self.minimum)


class Template:
    """A loaded, checked template. ``data`` is the file's content, kept so the template can be saved as it came."""

    def __init__(self, data: dict):
        # Kept as it will be written back (numbers read as Decimal become int or text), so a template saved and
        # read again, in a data file or a report's JSON, compares equal to the one that was loaded.
        try:
            self.data = json.loads(json.dumps(data, ensure_ascii=False, default=_json_number))
        except (TypeError, ValueError):
            raise TemplateError("评分表模板：内容不是有效的 JSON 数据") from None
        where = "评分表模板"
        if not isinstance(data, dict):
            raise TemplateError(f"{where}：内容应为 JSON 对象")
        if data.get("format") != FORMAT:
            raise TemplateError(f"{where}：不是 evaldesk 评分表模板（format 应为 “{FORMAT}”）")
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise TemplateError(f"{where}：缺少版本号 version")
        if version > VERSION:
            raise TemplateError(f"{where}：模板格式版本 {version} 比本程序支持的 {VERSION} 新，请升级 evaldesk")
        self.id = _text(data, "id", where)
        self.name = _text(data, "name", where)
        where = f"模板“{self.name}”"
        self.source = str(data.get("source", ""))
        self.total = to_decimal(data.get("total", 100), where, "total")
        if self.total != 100:  # the national scheme: the whole sheet is worth 100, the grades assume it
            raise TemplateError(f"{where}：总分 total 应为 100，收到 {num(self.total)}")
        cover = data.get("cover")
        if not isinstance(cover, dict):
            raise TemplateError(f"{where}：缺少封面措辞 cover")
        self.cover = {key: _text(cover, key, f"{where} cover") for key in COVER_KEYS}
        try:  # the title is filled in for every printout, export and window title: refuse a broken one now
            self.cover["report_title"].format(region=self.cover["region"], year=2000)
        except (KeyError, IndexError, ValueError) as err:
            raise TemplateError(f"{where} cover：report_title 只能含 {{region}} 和 {{year}} 两个占位符（{err}）") from None
        self.grades = _grades(data.get("grades"), where)
        self.indicators = _indicators(data.get("indicators"), where)
        self.by_id = {ind.id: ind for ind in self.indicators}
        self.roots = [ind for ind in self.indicators if ind.parent is None]
        self.leaves = [ind for ind in self.indicators if ind.is_leaf]
        _check_weights(self, where)

    def indicator(self, indicator_id: str) -> Indicator:
        return self.by_id[indicator_id]

    def grade(self, total: Decimal) -> str:
        for band in self.grades:
            if band.admits(total):
                return band.label
        return self.grades[-1].label

    def title(self, year: int) -> str:
        return self.cover["report_title"].format(region=self.cover["region"], year=year)

    def to_json(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=2, default=_json_number)

    def __eq__(self, other) -> bool:
        return isinstance(other, Template) and self.to_json() == other.to_json()

    def __hash__(self) -> int:  # pragma: no cover - templates are not used as keys
        return hash(self.id)


def _json_number(value):
    """Decimals read from a template file go back as they came: whole numbers as numbers, the rest as text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else str(value)
    raise TypeError(f"{type(value).__name__} 不能写入模板")


def _text(data: dict, key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise TemplateError(f"{where}：缺少“{key}”（应为文字）")
    return value


def _grades(raw, where: str) -> list[GradeBand]:
    if not isinstance(raw, list) or not raw:
        raise TemplateError(f"{where}：缺少评价等次 grades")
    bands = []
    for i, band in enumerate(raw, 1):
        at = f"{where} 第{i}个等次"
        if not isinstance(band, dict):
            raise TemplateError(f"{at}：应为对象")
        bands.append(GradeBand(_text(band, "label", at), to_decimal(band.get("min"), at, "min"),
                               bool(band.get("inclusive", True))))
    if bands[-1].minimum > 0:
        raise TemplateError(f"{where}：最低的等次“{bands[-1].label}”的下限应为 0，否则低分报告没有等次")
    for higher, lower in zip(bands, bands[1:]):
        if lower.minimum >= higher.minimum:
            raise TemplateError(f"{where}：等次应按下限从高到低排列（“{higher.label}”之后是“{lower.label}”）")
    return bands


def _indicators(raw, where: str) -> list[Indicator]:
    if not isinstance(raw, list) or not raw:
        raise TemplateError(f"{where}：缺少指标列表 indicators")
    indicators: list[Indicator] = []
    seen: dict[str, Indicator] = {}
    for i, entry in enumerate(raw, 1):
        at = f"{where} 第{i}个指标"
        if not isinstance(entry, dict):
            raise TemplateError(f"{at}：应为对象")
        ind_id = _text(entry, "id", at)
        if ind_id in seen:
            raise TemplateError(f"{at}：编号“{ind_id}”重复")
        name = _text(entry, "name", at)
        at = f"{where} 指标“{name}”（{ind_id}）"
        weight = to_decimal(entry.get("weight"), at, "分值 weight")
        if weight < 0:
            raise TemplateError(f"{at}：分值不能为负")
        parent = entry.get("parent")
        if parent is not None and not isinstance(parent, str):
            raise TemplateError(f"{at}：parent 应为上级指标的编号")
        rule = rule_from_data(entry["rule"], at) if "rule" in entry else None
        if rule is not None and "." in ind_id:  # the report keys its entries sheet.<id>.<part>
            raise TemplateError(f"{at}：评分指标的编号不能含“.”（可用“-”或“_”，如 3-1-1）")
        if rule is not None:
            rule.check_against(weight, at)
        indicator = Indicator(ind_id, name, weight, parent, str(entry.get("standard", "")), rule,
                              _audit(entry.get("audit"), rule, at))
        seen[ind_id] = indicator
        indicators.append(indicator)

    graph = {}
    for ind in indicators:
        if ind.parent is not None and ind.parent not in seen:
            raise TemplateError(f"{where} 指标“{ind.name}”：上级“{ind.parent}”不存在")
        graph[ind.id] = {ind.parent} if ind.parent else set()
    try:
        order = list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as err:
        cycle = " → ".join(seen[i].name for i in err.args[1])
        raise TemplateError(f"{where}：指标的上下级关系成环：{cycle}") from None
    for ind_id in order:
        ind = seen[ind_id]
        if ind.parent:
            parent = seen[ind.parent]
            if parent.is_leaf:
                raise TemplateError(f"{where} 指标“{parent.name}”有评分规则，不能再有下级指标")
            ind.level = parent.level + 1
    for ind in indicators:  # children in file order
        if ind.parent:
            seen[ind.parent].children.append(ind)
    for ind in indicators:
        if not ind.is_leaf and not ind.children:
            raise TemplateError(f"{where} 指标“{ind.name}”既无下级指标也无评分规则（rule）")
    return indicators


# What an indicator may ask of the audit (docs/template-format.md): the rate over ``must_deduct_above`` must not
# keep full marks given by hand; over ``explain_above`` it needs a reason (``what`` names the matter).
AUDIT_KEYS = ("must_deduct_above", "explain_above", "what")


def _audit(raw, rule: Rule | None, where: str) -> dict:
    if raw is None:
        return {}
    if not isinstance(raw, dict):  # (it applies only while the rule has a rate; otherwise it rests)
        raise TemplateError(f"{where}：audit 应为对象")
    unknown = set(raw) - set(AUDIT_KEYS)
    if unknown:
        raise TemplateError(f"{where}：audit 中有未知的项 {'、'.join(sorted(unknown))}")
    checks = {key: to_decimal(raw[key], where, key) for key in AUDIT_KEYS[:2] if key in raw}
    if "what" in raw:
        checks["what"] = _text(raw, "what", where)
    return checks


def _check_weights(template: Template, where: str) -> None:
    for ind in template.indicators:
        if ind.children:
            total = sum((child.weight for child in ind.children), Decimal(0))
            if total != ind.weight:
                raise TemplateError(f"{where} 指标“{ind.name}”：下级分值之和 {num(total)} 不等于其分值 {num(ind.weight)}")
    whole = sum((root.weight for root in template.roots), Decimal(0))
    if whole != template.total:
        raise TemplateError(f"{where}：一级指标分值之和 {num(whole)} 不等于总分 {num(template.total)}")


def parse_template(text: str, origin: str = "模板文件") -> Template:
    try:
        return Template(parse_json(text))
    except UnreadableJson as err:
        raise TemplateError(f"{origin}{err}") from None


def load_template(path: Path) -> Template:
    try:
        return Template(read_json_file(path, 5 * 1024 * 1024))
    except UnreadableJson as err:
        raise TemplateError(f"无法读取模板文件 {Path(path).name}：{err}") from None


def builtin_templates() -> list[Template]:
    from evaldesk.resources import TEMPLATES

    return [load_template(path) for path in sorted(TEMPLATES.glob("*.json"))]


def builtin_template(template_id: str) -> Template:
    for template in builtin_templates():
        if template.id == template_id:
            return template
    raise KeyError(template_id)


DEFAULT_TEMPLATE_ID = "yueyang-yunxi-2021"
