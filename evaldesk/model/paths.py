"""Where the data file lives, and the store's error: kept apart from store.py so the window can name them
without importing SQLAlchemy before its first paint."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DB_NAME = "evaldesk.sqlite"


class StoreError(Exception):
    """The data file cannot be used; ``str(err)`` says what happened and what to do, in Chinese."""


def data_folder() -> Path:
    """Where the default file lives: ``EVALDESK_HOME`` if set, else the user's data folder."""
    override = os.environ.get("EVALDESK_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "evaldesk"


def default_db_path() -> Path:
    return data_folder() / DB_NAME
