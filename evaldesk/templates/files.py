"""Template files: what a finance bureau hands out and what a filler sends back.

The format is the very JSON that ``resources/templates`` holds (``docs/template-format.md``): a file exported here
can be dropped into ``resources/templates`` and the other way round. Reading checks everything the template loader
checks (format, version, ids, parents, cycles, weights, rule kinds and their parameters) and names the problem and
where; importing stores nothing unless the whole file is sound.
"""

from __future__ import annotations

from pathlib import Path

from evaldesk.files import UnreadableJson, read_json_file, write_atomic
from evaldesk.scoring.rules import TemplateError
from evaldesk.scoring.template import Template
from evaldesk.templates import library

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024  # the Yunxi sheet is 20 KB; anything this big is not a template


class TemplateFileError(ValueError):
    """A template file that cannot be used; ``str(err)`` names the file, the problem and where, in Chinese."""


def read_template_file(path: Path | str) -> Template:
    """The checked template in ``path``; TemplateFileError otherwise."""
    path = Path(path)
    name = path.name

    def refuse(why: str) -> TemplateFileError:
        return TemplateFileError(f"模板文件“{name}”不能使用：{why}")

    try:
        data = read_json_file(path, MAX_TEMPLATE_BYTES)
    except UnreadableJson as err:
        raise refuse(str(err)) from None
    try:
        return Template(data)
    except TemplateError as err:
        raise refuse(str(err)) from None


def import_template_file(store, path: Path | str, *, replace: bool = False) -> tuple[Template, bool]:
    """Read ``path`` and keep the template in the data file. Returns (template, whether anything was added).

    Raises TemplateFileError (bad file) or library.LibraryError (id taken); either way nothing is stored."""
    template = read_template_file(path)
    return template, library.add(store, template, replace=replace)


def template_file_bytes(template: Template) -> bytes:
    return (template.to_json() + "\n").encode("utf-8")


def write_template_file(template: Template, path: Path | str) -> None:
    """Write ``template`` to ``path`` atomically (an existing file is replaced whole or not at all).
    Raises evaldesk.files.WriteFailed with a Chinese message."""
    write_atomic(Path(path), template_file_bytes(template))


def default_template_file_name(template: Template) -> str:
    return f"{template.id}.json"
