"""The indicator tree of template data, read one way for every reader.

A template file lists its indicators flat, each naming its ``parent``. The loader (:mod:`.template`), the checker
(:mod:`.template_check`), the pure edits (:mod:`evaldesk.templates.edit`) and the editor window all need the tree
made of that list; they read it here, with :func:`walk`, so they cannot disagree on what the tree of a file is.

A draft may be unsound, so nothing here refuses anything; it decides, once for all readers:

* an indicator is an entry that is an object with a non-empty text ``id``; of two with the same id the first
  counts (the checker reports the second);
* a ``parent`` that names no indicator (or is not text) makes the entry a 一级 (the checker reports it);
* entries in a parent cycle, and everything below them, cannot be reached from the 一级: the walk leaves them out
  and :attr:`Tree.unreached` lists them (the checker reports the cycle).

The walk is iterative, so a hostile file with thousands of nested levels cannot exhaust the stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

from evaldesk.model.operands import TemplateError, to_decimal


@dataclass(frozen=True)
class Node:
    """One indicator where the walk meets it: its entry as the file has it, its parent's id (None for a 一级) and
    its depth (1 for a 一级, 2 for a 二级 …)."""

    entry: dict
    id: str
    parent: str | None
    depth: int


def indicator_entries(data) -> dict[str, dict]:
    """id → entry for every indicator of ``data`` in file order (the first of a repeated id)."""
    raw = data.get("indicators") if isinstance(data, dict) else None
    found: dict[str, dict] = {}
    for entry in raw if isinstance(raw, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str) and entry["id"].strip():
            found.setdefault(entry["id"], entry)
    return found


def parent_of(entry: dict, entries: dict) -> str | None:
    """The entry's parent id, or None when it is a 一级 (no parent, or one that names no indicator)."""
    parent = entry.get("parent")
    return parent if isinstance(parent, str) and parent in entries else None


def walk(data) -> Iterator[Node]:
    """Every indicator reachable from the 一级, each group followed by its subtree, siblings in file order — the
    order of files and of the printed sheet."""
    entries = indicator_entries(data)
    children: dict[str | None, list[str]] = {}
    for ind_id, entry in entries.items():
        children.setdefault(parent_of(entry, entries), []).append(ind_id)
    stack = [(ind_id, None, 1) for ind_id in reversed(children.get(None, []))]
    while stack:
        ind_id, parent, depth = stack.pop()
        yield Node(entries[ind_id], ind_id, parent, depth)
        stack += [(kid, ind_id, depth + 1) for kid in reversed(children.get(ind_id, []))]


def subtree_ids(data, indicator_id: str) -> list[str]:
    """``indicator_id`` and every indicator below it (a subtree is one run of the walk)."""
    found: list[str] = []
    depth = None
    for node in walk(data):
        if depth is not None and node.depth <= depth:
            break
        if node.id == indicator_id:
            depth = node.depth
        if depth is not None:
            found.append(node.id)
    return found or [indicator_id]


class Tree:
    """The walk kept for questions about one indicator: its parent, children, siblings, level, path."""

    def __init__(self, data):
        self.by_id = indicator_entries(data)
        self.nodes = {node.id: node for node in walk(data)}  # in walk order
        self.children: dict[str | None, list[str]] = {}
        for node in self.nodes.values():
            self.children.setdefault(node.parent, []).append(node.id)

    @property
    def roots(self) -> list[str]:
        return self.children.get(None, [])

    @property
    def unreached(self) -> list[str]:
        """Indicators the walk cannot reach (in a parent cycle or below one), in file order."""
        return [ind_id for ind_id in self.by_id if ind_id not in self.nodes]

    def parent(self, indicator_id: str) -> str | None:
        return self.nodes[indicator_id].parent

    def level(self, indicator_id: str) -> int:
        return self.nodes[indicator_id].depth

    def path(self, indicator_id: str) -> list[str]:
        """Ids from the 一级 down to ``indicator_id``."""
        path = [indicator_id]
        while (parent := self.parent(path[0])) is not None:
            path.insert(0, parent)
        return path

    def root_of(self, indicator_id: str) -> str:
        return self.path(indicator_id)[0]

    def is_leaf(self, indicator_id: str) -> bool:
        return "rule" in self.by_id[indicator_id]

    def siblings(self, indicator_id: str) -> list[str]:
        return self.children.get(self.parent(indicator_id), [])

    def weight_sum(self, ids: list[str]) -> Decimal | None:
        """The sum of these indicators' 分值, or None while one of them is not a number."""
        try:
            return sum((to_decimal(self.by_id[i].get("weight"), "", "") for i in ids), Decimal(0))
        except TemplateError:
            return None
