"""Score-sheet templates, for the window and the command alike: the sheets a report may use (built in, or
imported into the data file), importing a template file, and exporting a report's sheet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from evaldesk.templates.files import TemplateFileError, default_template_file_name, import_template_file, \
    write_template_file
from evaldesk.templates.library import NEUTRAL_TEMPLATE_ID, Entry, LibraryError, entries, find, offered

if TYPE_CHECKING:
    from evaldesk.datafile.store import Store
    from evaldesk.scoring.template import Template

TemplateRefused = (TemplateFileError, LibraryError)  # a template file that cannot be imported; the text says why


def choices(store: Store | None) -> list[Entry]:
    """The sheets a report in ``store`` may use: the built-in ones, then those imported into the file."""
    return entries(store)


def for_region(store: Store | None, region: str) -> list[Entry]:
    """The sheets a new report for ``region`` is offered, the one worded for it (else the neutral one) first."""
    return offered(store, region)


def sheet(template_id: str | None, store: Store | None = None) -> Template:
    """The sheet ``template_id`` (built in or imported into ``store``); the region-neutral one when None.
    LibraryError when there is none by that id."""
    return find(template_id or NEUTRAL_TEMPLATE_ID, store)


def describe(entry: Entry) -> str:
    """A sheet as a list offers it: its name, where it comes from and its id."""
    return f"{entry.template.name}（{'内置' if entry.builtin else '已导入'}，编号 {entry.template.id}）"


def import_file(store: Store, path: Path | str, *, replace: bool = False) -> tuple[Template, bool]:
    """Keep the template in ``path`` in the data file; it and whether it was new (an identical one is not added
    again). Raises one of :data:`TemplateRefused`."""
    return import_template_file(store, path, replace=replace)


def file_name(template: Template) -> str:
    """The file name a template is exported under."""
    return default_template_file_name(template)


def export(template: Template, path: Path | str) -> None:
    """Write ``template`` as a template file, whole or not at all (WriteFailed)."""
    write_template_file(template, path)
