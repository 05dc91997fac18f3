"""Quoting back what a user typed or a file held, inside a message: one line, printable, short."""

from __future__ import annotations

QUOTE_LIMIT = 40
"""At most this many characters of anything the user typed or a file held are quoted back in a message."""


def quote(text: object, limit: int = QUOTE_LIMIT) -> str:
    """``text`` as it may appear inside a message: one line, printable, at most ``limit`` characters."""
    text = str(text)
    shown = "".join(ch if ch.isprintable() else "�" for ch in text[: limit + 1])
    shown = shown.encode("utf-8", "replace").decode("utf-8")  # a lone surrogate must not break printing
    return shown if len(text) <= limit else shown[:limit] + f"…（共 {len(text)} 个字符）"
