"""The window (PySide6). The only package that imports Qt."""

from evaldesk.ui.none_guard import hold_none

hold_none()  # before any Qt call: see none_guard.py
