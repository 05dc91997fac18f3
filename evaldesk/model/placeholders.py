"""Filling a template's wording: ``{region}`` and ``{year}`` are replaced by name and nothing else is read.

Wording comes from files a filler imports; handing it to ``str.format`` would let ``{year:99999999999}`` ask for
gigabytes or ``{region.__class__}`` reach inside the program. Here a placeholder is a plain name in braces; any
other brace is text.
"""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)\}")


def placeholders(pattern: str) -> set[str]:
    """The names in braces, and every other brace-expression (so a checker can refuse ``{year:>9}``)."""
    names = set(_PLACEHOLDER.findall(pattern))
    others = set(re.findall(r"\{[^{}]*\}", pattern)) - {f"{{{name}}}" for name in names}
    return names | others


def fill(pattern: str, **values: object) -> str:
    """``pattern`` with each ``{name}`` among ``values`` replaced by its text; anything else left as written."""
    return _PLACEHOLDER.sub(lambda found: str(values[found.group(1)]) if found.group(1) in values
                            else found.group(0), pattern)
