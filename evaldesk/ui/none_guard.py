"""Keeps PySide6 6.12.0 on Python 3.11 from crashing the program after a few thousand Qt calls and signals.

Measured here: with PySide6-Essentials 6.12.0 on CPython 3.11, every call of a Qt method that returns void
(``QLabel.setText``, ``setVisible``, ``setStyleSheet`` …) releases one reference to ``None`` that it never took.
``None``'s count starts in the thousands, so a filler typing for a few minutes brings it to zero and the
interpreter aborts ("Fatal Python error: none_dealloc"). Python 3.12 made ``None`` immortal, which is why the bug
does not show there. 6.11.3 does not have it, but PySide6-Pdf (the print preview) exists only for 6.12.0.

Likewise every ``Signal.emit()`` from Python releases a reference to ``True`` (three signals per keystroke), which
aborts the same way ("bool_dealloc") after about two thousand keystrokes.

So, once, before any Qt call, ``None``, ``True`` and ``False`` are given a reference count no session can exhaust
(2**40). This only adds references to objects that are never freed; it changes nothing else. tests/ui/test_none_guard.py shows
both the bug and that the guard holds; when an upgrade fixes the bug, that test says so and this goes.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40


def hold_none() -> None:
    if sys.version_info >= (3, 12) or getattr(hold_none, "done", False):
        return
    # In CPython 3.11 an object's reference count is the first field of its header, at id(obj).
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
    hold_none.done = True
