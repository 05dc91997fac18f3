"""The drafts' wording (``resources/drafts/*.json``): read, checked, and filled in by name.

``default.json`` words the drafts for any county; a file named after a template's id (``<id>.json``) changes only
the keys it holds (a section by its id: only the heading, say), so a region rewords a section without code.
Placeholders are ``{name}`` and are replaced by name alone (never ``str.format``: a brace the wording means
literally, or a figure's own text, is never read as code). A placeholder whose value is blank becomes a visible gap (``【待填：支出合计】``), never a 0.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from evaldesk.resources import RESOURCES

DRAFTS = RESOURCES / "drafts"
FORMAT = "evaldesk-drafts"
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class WordingError(ValueError):
    """A wording file that cannot be used; the message names it and what is wrong, in Chinese."""


@dataclass(frozen=True)
class Sentence:
    text: str
    optional: bool = False   # dropped whole when any of its figures is blank
    unless: str = ""         # dropped when this value is there (a prompt for what the report already says)


@dataclass(frozen=True)
class SectionWording:
    id: str
    heading: str
    aliases: tuple[str, ...]
    paragraphs: tuple[tuple[Sentence, ...], ...]


@dataclass(frozen=True)
class Wording:
    name: str                                  # the file it came from, for messages
    gap: str
    sections: tuple[SectionWording, ...]
    items: dict
    reason: str

    def item(self, key: str) -> dict:
        entry = self.items[key]
        return entry if isinstance(entry, dict) else {"text": entry, "join": ""}


def placeholders(text: str) -> list[str]:
    return PLACEHOLDER.findall(text)


def fill(text: str, values: dict[str, str | None], gap: str, labels: dict[str, str]) -> str:
    """``text`` with each ``{name}`` replaced by its value; a blank value by the gap naming what is missing."""
    def one(match: re.Match) -> str:
        name = match.group(1)
        value = values.get(name)
        if value is None or value == "":
            return gap.replace("{what}", labels.get(name, name))
        return value
    return PLACEHOLDER.sub(one, text)


def blank_in(text: str, values: dict[str, str | None]) -> bool:
    return any(values.get(name) in (None, "") for name in placeholders(text))


def _sentence(raw, where: str) -> Sentence:
    if isinstance(raw, str):
        return Sentence(raw)
    if isinstance(raw, dict) and isinstance(raw.get("text"), str):
        return Sentence(raw["text"], bool(raw.get("optional", False)), str(raw.get("unless", "")))
    raise WordingError(f"{where}：句子应为文字或 {{\"text\": …, \"optional\": …, \"unless\": …}}")


def _section(raw, where: str) -> SectionWording:
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) and raw[k] for k in ("id", "heading")):
        raise WordingError(f"{where}：每一部分须有 id 与 heading")
    where = f"{where}“{raw['heading']}”"
    paragraphs = raw.get("paragraphs")
    if not isinstance(paragraphs, list) or not all(isinstance(p, list) for p in paragraphs):
        raise WordingError(f"{where}：paragraphs 应为段落的列表，每段是句子的列表")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise WordingError(f"{where}：aliases 应为文字的列表")
    return SectionWording(raw["id"], raw["heading"], tuple(aliases),
                          tuple(tuple(_sentence(s, where) for s in p) for p in paragraphs))


def _read(path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise WordingError(f"草稿措辞文件 {path.name} 无法读取：{err}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise WordingError(f"草稿措辞文件 {path.name} 不是 {FORMAT} 格式")
    return data


def parse(data: dict, name: str) -> Wording:
    where = f"草稿措辞文件 {name}"
    sections = data.get("sections")
    if not isinstance(sections, list) or not sections:
        raise WordingError(f"{where}：缺少 sections")
    if not isinstance(data.get("items"), dict) or not isinstance(data.get("reason"), str):
        raise WordingError(f"{where}：缺少 items 或 reason")
    gap = data.get("gap")
    if not isinstance(gap, str) or "{what}" not in gap:
        raise WordingError(f"{where}：gap 须含 {{what}}（写明缺的是什么）")
    return Wording(name, gap, tuple(_section(s, f"{where} 第{i}部分") for i, s in enumerate(sections, 1)),
                   data["items"], data["reason"])


@lru_cache(maxsize=None)
def wording_for(template_id: str) -> Wording:
    """The wording for a report scored with ``template_id``: the region's file over the default one."""
    data = _read(DRAFTS / "default.json")
    own = DRAFTS / f"{template_id}.json"
    name = "default.json"
    # An imported template's id is the filler's text: only a plain file name may pick a wording file.
    if SAFE_ID.fullmatch(template_id) and own.is_file():
        region = _read(own)
        items = {**data["items"], **region.get("items", {})}
        sections = _merged_sections(data["sections"], region.get("sections", []), own.name)
        data = {**data, **region, "items": items, "sections": sections}
        name = own.name
    return parse(data, name)


def _merged_sections(default: list, region, name: str) -> list:
    """The default sections, each with the keys the region's section of the same id changes (a heading, its
    aliases, or its paragraphs): a region that only renames a heading writes only that."""
    if not isinstance(region, list) or not all(isinstance(s, dict) and isinstance(s.get("id"), str) for s in region):
        raise WordingError(f"草稿措辞文件 {name}：sections 中每一部分须有 id")
    changes = {s["id"]: s for s in region}
    unknown = set(changes) - {s.get("id") for s in default}
    if unknown:
        raise WordingError(f"草稿措辞文件 {name}：没有这样的部分：{'、'.join(sorted(unknown))}")
    return [{**section, **changes.get(section.get("id"), {})} for section in default]
