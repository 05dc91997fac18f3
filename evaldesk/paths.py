"""Where the user's files live: the data folder (the default data file, settings) and the cache folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DB_NAME = "evaldesk.sqlite"


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


def cache_folder() -> Path:
    """Where prepared data that can always be made again is kept (the parsed fonts): safe to delete."""
    override = os.environ.get("EVALDESK_HOME")
    if override:
        return Path(override) / "cache"
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "evaldesk" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "evaldesk"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "evaldesk"


def default_db_path() -> Path:
    return data_folder() / DB_NAME
