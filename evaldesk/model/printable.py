"""Which characters the printed form can show: what some bundled face has (resources/fonts/coverage.txt, written by
scripts/make_font_coverage.py so the domain never imports printing). A character outside it — an astral CJK
character such as 𠀀 (U+20000), an emoji — would print as an empty box on the paper leaders sign."""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from evaldesk.resources import FONTS

_LAYOUT = "\n\r\t"  # line breaks and tabs are layout, not glyphs


@cache
def _ranges() -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for line in (FONTS / "coverage.txt").read_text(encoding="ascii").splitlines():
        if line and not line.startswith("#"):
            start, end = line.split("-")
            starts.append(int(start, 16))
            ends.append(int(end, 16))
    return starts, ends


def printable(char: str) -> bool:
    if char in _LAYOUT:
        return True
    starts, ends = _ranges()
    index = bisect_right(starts, ord(char)) - 1
    return index >= 0 and ord(char) <= ends[index]


def first_unprintable(text: str) -> str | None:
    """The first character of ``text`` the printing faces lack, or None."""
    if all(printable(char) for char in set(text)):  # each distinct character once: quick on long texts
        return None
    return next(char for char in text if not printable(char))
