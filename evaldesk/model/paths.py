"""Where the data file lives, and the store's error: kept apart from store.py so the window can name them
without importing SQLAlchemy before its first paint."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DB_NAME = "evaldesk.sqlite"


class StoreError(Exception):
    """The data file cannot be used; ``str(err)`` says what happened and what to do, in Chinese."""


class CannotWrite(StoreError):
    """The file can be read but not written now (read-only file or folder, full disk, another writer holds the
    lock): the window offers to open it read-only."""


class DamagedFile(StoreError):
    """The file is damaged: it is never written to; the window offers the newest good backup."""


class DamagedReport(StoreError):
    """One report's rows cannot be read or no longer match its checksum: that report is never written and cannot be
    opened; the file's other reports open normally."""


class ChangedElsewhere(StoreError):
    """Another program changed the file since this one read it: nothing was written; read the report again."""


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
