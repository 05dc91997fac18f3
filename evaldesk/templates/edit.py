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
that is not 100, a rule with missing parameters — is allowed in a draft and reported by :func:`check`.
Indicator ids never change: a report's entries (``sheet.<id>.…``) stay with their indicator across renames.
"""

from __future__ import annotations

import copy
import graphlib
from decimal import Decimal

from evaldesk.scoring.rules import TemplateError, num, rule_from_data, to_decimal
from evaldesk.scoring.template import COVER_KEYS, FORMAT, VERSION, Template, _grades

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


def _children_order(indicators: list[dict]) -> dict:
    """parent id (None for 一级) → ids of its children, in file order."""
    order: dict = {}
    ids = {entry.get("id") for entry in indicators}
    for entry in indicators:
        parent = entry.get("parent")
        order.setdefault(parent if parent in ids else None, []).append(entry.get("id"))
    return order


def _flatten(indicators: list[dict], order: dict) -> list[dict]:
    """Entries in tree order (each group followed by its subtree), which is how files and the printed sheet go.
    Entries the walk cannot reach (only a cycle does that) keep their place at the end, so nothing is lost."""
    by_id = {entry.get("id"): entry for entry in indicators}
    out, seen = [], set()

    def walk(parent):
        for child in order.get(parent, []):
            if child not in seen:
                seen.add(child)
                out.append(by_id[child])
                walk(child)

    walk(None)
    out += [entry for entry in indicators if entry.get("id") not in seen]
    return out


def subtree_ids(data: dict, indicator_id: str) -> list[str]:
    """``indicator_id`` and every indicator below it."""
    _entry(data, indicator_id)
    order = _children_order(_indicators(data))
    found, todo = [], [indicator_id]
    while todo:
        current = todo.pop(0)
        if current not in found:
            found.append(current)
            todo += order.get(current, [])
    return found


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
    prefixes = tuple(f"sheet.{ind}." for ind in subtree_ids(data, indicator_id))
    return sorted(key for key in report.fields if key.startswith(prefixes))


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
    """Change 分值. The parent's and the whole's sums are not adjusted: check() says what no longer adds up."""
    new = copy.deepcopy(data)
    entry = _entry(new, indicator_id)
    entry["weight"] = _number(weight, f"指标“{entry.get('name', indicator_id)}”", "分值")
    return new


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
    order = _children_order(indicators)
    siblings = order[parent]
    siblings.remove(indicator_id)
    siblings.insert(len(siblings) if index is None else index, indicator_id)
    new["indicators"] = _flatten(indicators, order)
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
    indicators = _indicators(new)
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
    order = _children_order(indicators)
    siblings = order[entry.get("parent")]
    siblings.remove(indicator_id)
    siblings.insert(max(0, min(index, len(siblings))), indicator_id)
    new["indicators"] = _flatten(indicators, order)
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


def check(data) -> list[str]:
    """Every problem of a draft template, in Chinese, each naming where — not just the first, as loading does.
    An empty list means Template(data) loads (the last line makes sure of it)."""
    if not isinstance(data, dict):
        return ["评分表模板：内容应为 JSON 对象"]
    problems: list[str] = []
    where = "评分表模板"
    if data.get("format") != FORMAT:
        problems.append(f"{where}：不是 evaldesk 评分表模板（format 应为 “{FORMAT}”）")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        problems.append(f"{where}：缺少版本号 version")
    elif version > VERSION:
        problems.append(f"{where}：模板格式版本 {version} 比本程序支持的 {VERSION} 新，请升级 evaldesk")
    for key, label in (("id", "模板编号"), ("name", "模板名称")):
        if not isinstance(data.get(key), str) or not data[key].strip():
            problems.append(f"{where}：缺少{label}（{key}）")
    cover = data.get("cover")
    if not isinstance(cover, dict):
        problems.append(f"{where}：缺少封面措辞 cover")
    else:
        problems += [f"{where}：封面措辞缺少“{key}”" for key in COVER_KEYS
                     if not isinstance(cover.get(key), str) or not cover[key].strip()]
    try:
        _grades(data.get("grades"), where)
    except TemplateError as err:
        problems.append(str(err))
    problems += _indicator_problems(data)
    if not problems:
        try:
            Template(data)
        except TemplateError as err:  # anything the loader refuses that the checks above did not word
            problems.append(str(err))
    return problems


def _indicator_problems(data: dict) -> list[str]:
    raw = data.get("indicators")
    if not isinstance(raw, list) or not raw:
        return ["评分表模板：缺少指标列表 indicators"]
    problems: list[str] = []
    entries: dict[str, dict] = {}
    weights: dict[str, Decimal] = {}
    for i, entry in enumerate(raw, 1):
        if not isinstance(entry, dict):
            problems.append(f"第{i}个指标：应为对象")
            continue
        ind_id, name = entry.get("id"), entry.get("name")
        if not isinstance(ind_id, str) or not ind_id.strip():
            problems.append(f"第{i}个指标：缺少编号 id")
            continue
        if ind_id in entries:
            problems.append(f"第{i}个指标：编号“{ind_id}”重复")
            continue
        at = f"指标“{name}”（{ind_id}）" if isinstance(name, str) and name.strip() else f"指标 {ind_id}"
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{at}：缺少名称")
        entries[ind_id] = entry
        try:
            weights[ind_id] = to_decimal(entry.get("weight"), at, "分值")
            if weights[ind_id] < 0:
                problems.append(f"{at}：分值不能为负")
        except TemplateError as err:
            problems.append(str(err))
        if "rule" in entry:
            try:
                rule = rule_from_data(entry["rule"], at)
                if ind_id in weights:
                    rule.check_against(weights[ind_id], at)
            except TemplateError as err:
                problems.append(str(err))

    def label(ind_id: str) -> str:
        return str(entries[ind_id].get("name") or ind_id)

    children: dict[str, list[str]] = {}
    graph = {}
    for ind_id, entry in entries.items():
        parent = entry.get("parent")
        if parent is not None and parent not in entries:
            problems.append(f"指标“{label(ind_id)}”：上级“{parent}”不存在")
            parent = None
        graph[ind_id] = {parent} if parent else set()
        if parent:
            children.setdefault(parent, []).append(ind_id)
    try:
        list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as err:
        problems.append("指标的上下级关系成环：" + " → ".join(label(i) for i in err.args[1]))
        return problems
    for ind_id, entry in entries.items():
        kids = children.get(ind_id, [])
        if "rule" in entry and kids:
            problems.append(f"指标“{label(ind_id)}”有评分规则，不能再有下级指标")
        elif "rule" not in entry and not kids:
            problems.append(f"指标“{label(ind_id)}”既无下级指标也无评分规则（rule）")
        elif kids and ind_id in weights and all(kid in weights for kid in kids):
            total = sum((weights[kid] for kid in kids), Decimal(0))
            if total != weights[ind_id]:
                problems.append(f"指标“{label(ind_id)}”：下级分值之和 {num(total)} 不等于其分值 {num(weights[ind_id])}")
    roots = [ind_id for ind_id, entry in entries.items() if graph[ind_id] == set()]
    try:
        whole = to_decimal(data.get("total", 100), "评分表模板", "总分 total")
    except TemplateError as err:
        return problems + [str(err)]
    if all(root in weights for root in roots):
        total = sum((weights[root] for root in roots), Decimal(0))
        if total != whole:
            problems.append(f"一级指标分值之和 {num(total)} 不等于总分 {num(whole)}")
    return problems


def validated(data) -> tuple[Template | None, list[str]]:
    """(the template, []) when the draft is sound; (None, every problem) otherwise."""
    problems = check(data)
    if problems:
        return None, problems
    return Template(data), []
