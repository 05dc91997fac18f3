"""A score sheet template as data: the indicator tree, 分值, standards, each rule's kind and parameters (what it
reads: :mod:`.rule_params`, :mod:`.operands`), grade bands, the cover wording. Scoring computes with it
(:mod:`evaldesk.scoring`); the model reads it alone (places, layout, validation, the data file).

Templates are JSON files (``resources/templates/*.json``, format described in ``docs/template-format.md``). They
are checked when they load — unique ids, known parents, no cycles, children's 分值 adding up to the parent's,
the whole to the stated total, known rule kinds with complete parameters — and a broken one is refused with a
:class:`TemplateError` that names the first problem and where. The checks are :mod:`.template_check`'s, the same
the editor lists a draft's problems with; the tree is read with :mod:`.template_tree`'s walk.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from evaldesk.files import UnreadableJson, parse_json, read_json_file
from evaldesk.model.operands import InputSpec, TemplateError, to_decimal
from evaldesk.model.rule_params import Rule, rule_from_data
from evaldesk.model.template_check import AUDIT_KEYS, COVER_KEYS, FORMAT, VERSION, json_number, refusal
from evaldesk.model.template_tree import walk

__all__ = ["Template", "Indicator", "GradeBand", "TemplateError", "FORMAT", "VERSION", "COVER_KEYS", "AUDIT_KEYS",
           "parse_template", "load_template", "builtin_templates", "builtin_template", "DEFAULT_TEMPLATE_ID"]

T = TypeVar("T")


@dataclass
class Indicator:
    """One indicator of a template's tree, with its weight and (for a leaf) its rule."""

    id: str
    name: str
    weight: Decimal
    parent: str | None = None
    standard: str = ""
    rule: Rule | None = None  # the rule's kind and parameters (None for 一级/二级 groups); scoring computes it
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
    """One grade of the sheet and the lowest total that reaches it."""

    label: str
    minimum: Decimal
    inclusive: bool = True

    def admits(self, total: Decimal) -> bool:
        return total > self.minimum or (self.inclusive and total == self.minimum)


class Template:
    """A loaded, checked template. ``data`` is the file's content, kept so the template can be saved as it came."""

    def __init__(self, data: dict):
        refused = refusal(data)  # every check is in template_check: what is built below is sound
        if refused is not None:
            raise TemplateError(refused)
        # Kept as it will be written back (numbers read as Decimal become int or text), so a template saved and
        # read again, in a data file or a report's JSON, compares equal to the one that was loaded.
        self.data = json.loads(json.dumps(data, ensure_ascii=False, default=json_number))
        self.id = data["id"]
        self.name = data["name"]
        self.source = str(data.get("source", ""))
        self.total = to_decimal(data.get("total", 100), "", "")
        self.cover = {key: data["cover"][key] for key in COVER_KEYS}
        self.grades = [GradeBand(band["label"], to_decimal(band["min"], "", ""), bool(band.get("inclusive", True)))
                       for band in data["grades"]]
        self.indicators = [_indicator(entry, f"模板“{self.name}” 指标“{entry['name']}”（{entry['id']}）")
                           for entry in data["indicators"]]
        self.by_id = {ind.id: ind for ind in self.indicators}
        for node in walk(data):  # children in file order
            self.by_id[node.id].level = node.depth
            if node.parent is not None:
                self.by_id[node.parent].children.append(self.by_id[node.id])
        self.roots = [ind for ind in self.indicators if ind.parent is None]
        self.leaves = [ind for ind in self.indicators if ind.is_leaf]
        self._derived: dict[str, object] = {}

    def derived(self, name: str, compute: Callable[[], T]) -> T:
        """``compute()``, worked out once for this template object (a changed template is a new object): what
        scoring and the audit read from the tree on every keystroke — who reads which field, the money inputs."""
        if name not in self._derived:
            self._derived[name] = compute()
        return self._derived[name]  # type: ignore[return-value]

    def indicator(self, indicator_id: str) -> Indicator:
        return self.by_id[indicator_id]

    def grade(self, total: Decimal) -> str:
        for band in self.grades:
            if band.admits(total):
                return band.label
        return self.grades[-1].label

    def title(self, year: int) -> str:
        """The template's own title, with its own region (a template seen without a report); a report's title is
        ``model.layout.report_title``, which names the filler's region."""
        from evaldesk.model.layout import title

        return title(self.cover, self.cover["region"], year)

    def to_json(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=2, default=json_number)

    def __eq__(self, other) -> bool:
        return isinstance(other, Template) and self.to_json() == other.to_json()

    def __hash__(self) -> int:  # pragma: no cover - templates are not used as keys
        return hash(self.id)


def _indicator(entry: dict, where: str) -> Indicator:
    """One checked entry as an Indicator (its level and children are set from the walk)."""
    rule = rule_from_data(entry["rule"], where) if "rule" in entry else None
    raw = entry.get("audit") or {}
    audit = {key: to_decimal(raw[key], where, key) for key in AUDIT_KEYS[:2] if key in raw}
    if "what" in raw:
        audit["what"] = raw["what"]
    return Indicator(entry["id"], entry["name"], to_decimal(entry["weight"], where, "分值"), entry.get("parent"),
                     str(entry.get("standard", "")), rule, audit)


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
