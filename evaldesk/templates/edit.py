"""Edits of a score sheet, as pure functions: each takes template data (the dict a template file holds) and returns
NEW data; the old dict is never touched, so the window can keep it for undo.

How the window uses them::

    draft = edit.set_weight(report.template.data, "staff_control", "6")
    template, problems = edit.validated(draft)   # problems: every one, in Chinese, for showing in place
    if template is not None:
        store.apply(report, SetTemplate(template))  # scores follow; undo gives the old template back
    # else: keep scoring with report.template (the last valid one) and show ``problems``

An edit refuses only what cannot be written down at all (an unknown indicator id, a value that is not a number,
a move that would make a cycle) with :class:`TemplateError`. Everything else — children that do not add up, a whole
that is not 100, a rule with missing parameters — is allowed in a draft and reported by :func:`check` (the words)
or :func:`problems` (tagged with the indicator each is about): both ask scoring.template_check, as loading does.
Indicator ids never change: a report's entries (``sheet.<id>.…``) stay with their indicator across renames.
"""

from __future__ import annotations

import copy
import re

from evaldesk.model.places import SheetPlace, value_place
from evaldesk.scoring import template_check
from evaldesk.scoring.rules import TemplateError, to_decimal
from evaldesk.scoring.template import COVER_KEYS, Template
from evaldesk.scoring.template_check import Problem
from evaldesk.scoring.template_tree import Tree, walk
from evaldesk.scoring.template_tree import subtree_ids as tree_subtree_ids

_KEEP = object()  # "leave as it is" for optional arguments whose meaningful values include None


# ---------------------------------------------------------------- helpers


def _number(value, where: str, what: str) -> int | str:
    """A number as template files write it: whole numbers as JSON numbers, the rest as exact text ("0.5")."""
    number = to_decimal(value if not isinstance(value, str) else value.strip(), where, what)
    return int(number) if number == number.to_integral_value() else str(number.normalize())


def _indicators(data: dict) -> list[dict]:
    indicators = data.get("indicators")
    if not isinstance(indicators, list):
        raise TemplateError("评分表模板：缺少指标列表 indicators")
    return indicators


def _entry(data: dict, indicator_id: str) -> dict:
    for entry in _indicators(data):
        if isinstance(entry, dict) and entry.get("id") == indicator_id:
            return entry
    raise TemplateError(f"评分表中没有编号为“{indicator_id}”的指标")


def _rule(data: dict, indicator_id: str, kind: str | None = None) -> dict:
    entry = _entry(data, indicator_id)
    rule = entry.get("rule")
    if not isinstance(rule, dict):
        raise TemplateError(f"指标“{entry.get('name', indicator_id)}”没有评分规则（它是分组指标）")
    if kind is not None and rule.get("kind") != kind:
        raise TemplateError(f"指标“{entry.get('name', indicator_id)}”的评分规则不是 {kind}")
    return rule


def _list_item(items, index: int, what: str):
    if not isinstance(items, list) or not -len(items) <= index < len(items):
        raise TemplateError(f"没有第 {index + 1} 个{what}")
    return items[index]


def _put(data: dict, entry: dict, index: int | None) -> None:
    """Make ``entry`` (in the list, under the parent it names) the ``index``-th of its siblings (None: the last) and
    write the list in tree order. The walk orders siblings as the file does, so the entry goes just before the
    sibling that is to follow it."""
    indicators = _indicators(data)
    tree = Tree(data)
    siblings = [s for s in tree.children.get(tree.parent(entry["id"]), []) if s != entry["id"]]
    siblings.insert(len(siblings) if index is None else index, entry["id"])
    following = siblings[siblings.index(entry["id"]) + 1:]
    del indicators[_position(indicators, entry)]
    before = tree.by_id[following[0]] if following else None
    indicators.insert(_position(indicators, before) if before is not None else len(indicators), entry)
    data["indicators"] = _in_tree_order(data)


def _position(indicators: list, entry: dict) -> int:
    return next(i for i, candidate in enumerate(indicators) if candidate is entry)


def _in_tree_order(data: dict) -> list:
    """Entries in tree order (each group followed by its subtree), which is how files and the printed sheet go.
    Entries the walk cannot reach (a cycle, a repeated id, no id) keep their order at the end, so nothing is lost."""
    walked = [node.entry for node in walk(data)]
    reached = {id(entry) for entry in walked}
    return walked + [entry for entry in _indicators(data) if id(entry) not in reached]


def subtree_ids(data: dict, indicator_id: str) -> list[str]:
    """``indicator_id`` and every indicator below it."""
    _entry(data, indicator_id)
    return tree_subtree_ids(data, indicator_id)


def new_indicator_id(data: dict, stem: str = "custom") -> str:
    """An id no indicator of ``data`` uses yet: ``custom1``, ``custom2`` …"""
    taken = {entry.get("id") for entry in _indicators(data) if isinstance(entry, dict)}
    number = 1
    while f"{stem}{number}" in taken:
        number += 1
    return f"{stem}{number}"


def entered_keys(report, data: dict, indicator_id: str) -> list[str]:
    """The report's sheet entries (inputs, hand score, reason) that belong to ``indicator_id`` or anything below it:
    what would lose its place if the indicator were removed, so the window can ask first."""
    below = set(subtree_ids(data, indicator_id))
    return sorted(key for key in report.fields
                  if isinstance(place := value_place(key), SheetPlace) and place.indicator in below)


# ---------------------------------------------------------------- the template as a whole


def set_identity(data: dict, template_id: str | None = None, name: str | None = None) -> dict:
    """A new id and/or name, e.g. when a filler's adjusted sheet becomes a template of its own."""
    new = copy.deepcopy(data)
    if template_id is not None:
        new["id"] = template_id.strip()
    if name is not None:
        new["name"] = name.strip()
    return new


def set_cover(data: dict, key: str, text: str) -> dict:
    """Cover wording: region, bureau, attachment labels, titles, footnote (see template.COVER_KEYS)."""
    if key not in COVER_KEYS:
        raise TemplateError(f"封面措辞没有“{key}”这一项（可用 {'、'.join(COVER_KEYS)}）")
    new = copy.deepcopy(data)
    new.setdefault("cover", {})[key] = text
    return new


# ---------------------------------------------------------------- one indicator


def rename_indicator(data: dict, indicator_id: str, name: str) -> dict:
    new = copy.deepcopy(data)
    _entry(new, indicator_id)["name"] = name.strip()
    return new


def set_weight(data: dict, indicator_id: str, weight) -> dict:
    """Change 分值. The parent's and the whole's sums are not adjusted: check() says what no longer adds up.
    The 评分标准 text's full marks (“计5分”, “得5分”) follow the new 分值, so the printed sheet does not quote the
    old points; other figures in it (a band's 4分) are the filler's to check (:func:`points_over_weight`)."""
    new = copy.deepcopy(data)
    entry = _entry(new, indicator_id)
    old = entry.get("weight")
    entry["weight"] = _number(weight, f"指标“{entry.get('name', indicator_id)}”", "分值")
    if old is not None and isinstance(entry.get("standard"), str) and str(old) != str(entry["weight"]):
        entry["standard"] = re.sub(rf"(?<![\d.．]){re.escape(str(old))}(?:\.0+)?(?=\s*分)", str(entry["weight"]),
                                   entry["standard"], count=1)  # the first mention is the full marks
    return new


_POINTS = re.compile(r"(?<![\d.．])(\d+(?:\.\d+)?)\s*分")


def points_over_weight(entry: dict) -> list[str]:
    """The points the 评分标准 text gives that are more than the indicator's 分值 (“计4分” under a 分值 of 3)."""
    try:
        weight = to_decimal(entry.get("weight"), "", "")
    except TemplateError:
        return []
    text = str(entry.get("standard") or "")
    return [match.group(0) for match in _POINTS.finditer(text) if to_decimal(match.group(1), "", "") > weight]


def set_standard(data: dict, indicator_id: str, text: str) -> dict:
    """Change the 评分标准 text printed on the sheet (the rule's parameters are changed separately)."""
    new = copy.deepcopy(data)
    _entry(new, indicator_id)["standard"] = text
    return new


def set_rule(data: dict, indicator_id: str, rule: dict) -> dict:
    """Give a 三级指标 another rule: ``{"kind": "bands", "rate": …, "bands": […]}`` (kinds in scoring.rules)."""
    if not isinstance(rule, dict) or not rule.get("kind"):
        raise TemplateError("评分规则应写明类型 kind")
    new = copy.deepcopy(data)
    _entry(new, indicator_id)["rule"] = copy.deepcopy(rule)
    return new


NUMBER_PARAMS = ("threshold", "per_point", "per_case", "none", "within", "over")


def set_rule_params(data: dict, indicator_id: str, **params) -> dict:
    """Change some of a rule's parameters: ``threshold``, ``per_point``, ``direction``, ``rounding``, ``per_case``,
    ``none``/``within``/``over`` (资金结余), ``rate`` … A parameter given as None is removed."""
    new = copy.deepcopy(data)
    rule = _rule(new, indicator_id)
    for key, value in params.items():
        if key == "kind":
            raise TemplateError("更换规则类型请用 set_rule（参数随类型不同）")
        if value is None:
            rule.pop(key, None)
        elif key in NUMBER_PARAMS:
            rule[key] = _number(value, "评分规则", key)
        else:
            rule[key] = copy.deepcopy(value)
    return new


# ---- bands (档位): edges and whether each edge is inclusive

BAND_NUMBERS = ("lower", "upper", "score")
BAND_FLAGS = ("lower_inclusive", "upper_inclusive")


def _band_values(changes: dict) -> dict:
    values = {}
    for key, value in changes.items():
        if key in BAND_NUMBERS:
            values[key] = None if value is None and key != "score" else _number(value, "档位", key)
        elif key in BAND_FLAGS:
            values[key] = bool(value)
        else:
            raise TemplateError(f"档位没有“{key}”这一项（可用 {'、'.join(BAND_NUMBERS + BAND_FLAGS)}）")
    return values


def set_band(data: dict, indicator_id: str, index: int, **changes) -> dict:
    """Change band ``index`` (0-based): ``lower``/``upper`` (None = open), ``lower_inclusive``/``upper_inclusive``,
    ``score``."""
    new = copy.deepcopy(data)
    band = _list_item(_rule(new, indicator_id, "bands").get("bands"), index, "档位")
    band.update(_band_values(changes))
    return new


def add_band(data: dict, indicator_id: str, index: int | None = None, **band) -> dict:
    new = copy.deepcopy(data)
    bands = _rule(new, indicator_id, "bands").setdefault("bands", [])
    entry = {"lower": None, "lower_inclusive": False, "upper": None, "upper_inclusive": False, "score": 0}
    entry.update(_band_values(band))
    bands.insert(len(bands) if index is None else index, entry)
    return new


def remove_band(data: dict, indicator_id: str, index: int) -> dict:
    new = copy.deepcopy(data)
    bands = _rule(new, indicator_id, "bands").get("bands")
    _list_item(bands, index, "档位")
    del bands[index]
    return new


# ---- checklist items (each met earns its points)


def set_checklist_item(data: dict, indicator_id: str, index: int, *, text: str | None = None, points=None) -> dict:
    new = copy.deepcopy(data)
    item = _list_item(_rule(new, indicator_id, "checklist").get("items"), index, "检查项")
    if text is not None:
        item["text"] = text
    if points is not None:
        item["points"] = _number(points, "检查项", "分数")
    return new


def add_checklist_item(data: dict, indicator_id: str, text: str, points, index: int | None = None) -> dict:
    """A new item; its id (what the report's answer is stored under) is the next unused number."""
    new = copy.deepcopy(data)
    items = _rule(new, indicator_id, "checklist").setdefault("items", [])
    taken = {str(item.get("id")) for item in items if isinstance(item, dict)}
    number = 1
    while str(number) in taken:
        number += 1
    entry = {"id": str(number), "text": text, "points": _number(points, "检查项", "分数")}
    items.insert(len(items) if index is None else index, entry)
    return new


def remove_checklist_item(data: dict, indicator_id: str, index: int) -> dict:
    new = copy.deepcopy(data)
    items = _rule(new, indicator_id, "checklist").get("items")
    _list_item(items, index, "检查项")
    del items[index]
    return new


# ---------------------------------------------------------------- the tree: add, remove, reorder


def add_indicator(data: dict, indicator_id: str, name: str, weight, *, parent: str | None = None,
                  rule: dict | None = None, standard: str = "", index: int | None = None) -> dict:
    """A new indicator under ``parent`` (None: a new 一级) at sibling position ``index`` (None: last).
    With ``rule`` it is a 三级指标; without, a group that still needs children (check() says so)."""
    new = copy.deepcopy(data)
    indicators = _indicators(new)
    if any(isinstance(e, dict) and e.get("id") == indicator_id for e in indicators):
        raise TemplateError(f"指标编号“{indicator_id}”已被使用")
    if not isinstance(indicator_id, str) or not indicator_id.strip():
        raise TemplateError("指标编号不能为空")
    if parent is not None:
        parent_entry = _entry(new, parent)
        if "rule" in parent_entry:
            raise TemplateError(f"指标“{parent_entry.get('name')}”有评分规则，不能再有下级指标")
    entry: dict = {"id": indicator_id, "name": name.strip(), "weight": _number(weight, f"指标“{name}”", "分值")}
    if parent is not None:
        entry["parent"] = parent
    if standard:
        entry["standard"] = standard
    if rule is not None:
        entry["rule"] = copy.deepcopy(rule)
    indicators.append(entry)
    _put(new, entry, index)
    return new


def remove_indicator(data: dict, indicator_id: str) -> dict:
    """Remove the indicator and everything below it. (The report's entries stay in the data file, so an undo that
    brings the indicator back brings them back too; see entered_keys to ask first.)"""
    new = copy.deepcopy(data)
    gone = set(subtree_ids(new, indicator_id))
    new["indicators"] = [entry for entry in _indicators(new) if entry.get("id") not in gone]
    return new


def move_indicator(data: dict, indicator_id: str, index: int, parent=_KEEP) -> dict:
    """Put the indicator (with its subtree) at sibling position ``index``; with ``parent`` (an id, or None for 一级),
    under another group first."""
    new = copy.deepcopy(data)
    entry = _entry(new, indicator_id)
    if parent is not _KEEP and parent != entry.get("parent"):
        if parent is not None:
            if parent in subtree_ids(new, indicator_id):
                raise TemplateError(f"不能把指标“{entry.get('name')}”移到它自己或它的下级之下")
            target = _entry(new, parent)
            if "rule" in target:
                raise TemplateError(f"指标“{target.get('name')}”有评分规则，不能再有下级指标")
            entry["parent"] = parent
        else:
            entry.pop("parent", None)
    _put(new, entry, max(0, index))
    return new


# ---------------------------------------------------------------- grades (评价等次)


def set_grade(data: dict, index: int, *, label: str | None = None, minimum=None, inclusive: bool | None = None) -> dict:
    """Change grade band ``index`` (0 = the highest): its label, its lower edge, whether the edge is inclusive."""
    new = copy.deepcopy(data)
    band = _list_item(new.get("grades"), index, "评价等次")
    if label is not None:
        band["label"] = label.strip()
    if minimum is not None:
        band["min"] = _number(minimum, "评价等次", "下限")
    if inclusive is not None:
        band["inclusive"] = bool(inclusive)
    return new


def add_grade(data: dict, label: str, minimum, index: int | None = None, inclusive: bool = True) -> dict:
    new = copy.deepcopy(data)
    grades = new.setdefault("grades", [])
    entry = {"label": label.strip(), "min": _number(minimum, "评价等次", "下限")}
    if not inclusive:
        entry["inclusive"] = False
    grades.insert(len(grades) if index is None else index, entry)
    return new


def remove_grade(data: dict, index: int) -> dict:
    new = copy.deepcopy(data)
    _list_item(new.get("grades"), index, "评价等次")
    del new["grades"][index]
    return new


# ---------------------------------------------------------------- checking a draft


def problems(data) -> list[Problem]:
    """Every problem of a draft, each tagged with the indicator and the part it is about (scoring.template_check,
    the checks loading makes too)."""
    return template_check.problems(data)


def check(data) -> list[str]:
    """Every problem of a draft template, in Chinese, each naming where — not just the first, as loading does.
    An empty list means Template(data) loads."""
    return [problem.message for problem in problems(data)]


def validated(data) -> tuple[Template | None, list[str]]:
    """(the template, []) when the draft is sound; (None, every problem) otherwise."""
    found = check(data)
    if found:
        return None, found
    return Template(data), []
