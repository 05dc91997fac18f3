"""Which templates a filler can pick: the built-in ones shipped in ``resources/templates`` and the ones imported
into the data file (kept there by :meth:`Store.save_template`, so they travel with the file).

A report never points at a library entry: it keeps its own copy of the template it was filled with (the store
writes the snapshot with the report), so adding or replacing a template here never changes an old report's scores.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from evaldesk.scoring.rules import TemplateError
from evaldesk.scoring.template import Template, builtin_templates

# The sheet a new report gets when nothing says otherwise: worded for no county (the Yunxi reference is
# yueyang-yunxi-2021, the sample's sheet, offered first to a filler whose region is 云溪区).
NEUTRAL_TEMPLATE_ID = "generic-department"


class LibraryError(ValueError):
    """A template that cannot be added or found; the message says why, in Chinese."""


@dataclass(frozen=True)
class Entry:
    """A template of the library, built in or imported."""

    template: Template
    builtin: bool

    @property
    def origin(self) -> str:
        return "内置" if self.builtin else "已导入"


def imported_templates(store) -> list[Template]:
    """The templates imported into ``store``'s data file, oldest first. One that no longer loads is skipped: it was
    checked when it came in, so this only happens if a newer evaldesk wrote it; the reports keep their own copies."""
    templates = []
    for text in store.saved_templates():
        try:
            templates.append(Template(json.loads(text, parse_float=Decimal)))
        except (TemplateError, ValueError):
            continue
    return templates


def entries(store=None) -> list[Entry]:
    """Built-in templates first (the region-neutral one, which any county can use, then by file name — the Yunxi
    reference among them), then the imported ones (oldest first)."""
    builtin = sorted(builtin_templates(), key=lambda template: template.id != NEUTRAL_TEMPLATE_ID)
    found = [Entry(template, True) for template in builtin]
    if store is not None:
        found += [Entry(template, False) for template in imported_templates(store)]
    return found


def worded_for(template: Template, region: str) -> bool:
    """Whether ``template``'s cover names ``region`` (云溪区 is the Yunxi reference's 岳阳市云溪区)."""
    own, region = template.cover["region"].strip(), region.strip()
    return bool(own and region) and (region in own or own in region)


def offered(store=None, region: str = "") -> list[Entry]:
    """The sheets offered for a new report, the one to pick first at the top: a built-in sheet worded for the
    filler's region if there is one (the Yunxi reference for 云溪区), else the region-neutral sheet; then the rest
    in :func:`entries` order. A county other than Yunxi thus starts on a sheet with no Yunxi wording."""
    found = entries(store)
    first = next((entry for entry in found if entry.builtin and worded_for(entry.template, region)), None)
    first = first or next((entry for entry in found if entry.template.id == NEUTRAL_TEMPLATE_ID), found[0])
    return [first] + [entry for entry in found if entry is not first]


def default_for(region: str = "", store=None) -> Template:
    """The sheet a new report gets unless the filler names one: the region's own built-in sheet (云溪区: the Yunxi
    reference), else — no region, or any other county — the region-neutral sheet."""
    return offered(store, region)[0].template


def find(template_id: str, store=None) -> Template:
    for entry in entries(store):
        if entry.template.id == template_id:
            return entry.template
    known = "、".join(entry.template.id for entry in entries(store))
    raise LibraryError(f"没有编号为“{template_id}”的评分表模板（现有：{known}）")


def add(store, template: Template, *, replace: bool = False) -> bool:
    """Keep ``template`` in the data file. Returns False when the very same template is already there.

    A template whose id is a built-in one, or an imported one with other content, is refused unless ``replace``
    (imported ones only): two different sheets under one id would make "the template in use" ambiguous."""
    for entry in entries(store):
        if entry.template.id != template.id:
            continue
        if entry.template == template:
            return False
        if entry.builtin:
            raise LibraryError(f"模板编号“{template.id}”已是内置模板“{entry.template.name}”的编号，内容却不同；"
                               "请在模板文件中改用另一个编号（id）后再导入")
        if not replace:
            raise LibraryError(f"已导入过编号为“{template.id}”的模板“{entry.template.name}”，内容不同；"
                               "如要以新文件替换它，请选择“替换”")
    store.save_template(template)
    return True
