"""The filler's settings: what the program remembers between starts, in one file of the data folder (settings.json).

Everything the window remembers is here, and nothing of it in a data file: the report data's change counter is
the file's alone, so a reader window re-reads only when a report changed (never because the writer switched tab).

Keys:
  ``font_size``       字号 (:data:`evaldesk.ui.screen.FONT_SIZES`)
  ``window``          the main window's geometry and whether it is maximised (:mod:`evaldesk.ui.screen`)
  ``recent``, ``last_db``  the recent data files, newest first, and the one opened at start
  ``export_folder``, ``summary_folder``  where the filler last exported, and the bureau's folder of returns
  ``printer``, ``print_duplex``, ``print_copies``  the last printer and its 双面 / 份数 (:mod:`evaldesk.ui.printer`)
  ``sheet_standards`` whether the score sheet shows its 评分标准 (显示评分标准)
  ``files``           per data file (by its full path): ``report``, the report open last, and ``tab``, its tab

Two windows (a writer and a reader of the same file) share the file: each write reads it again and changes only
the keys it names, so neither undoes the other's.
"""

from __future__ import annotations

import json
from pathlib import Path

from evaldesk.files import WriteFailed, write_atomic
from evaldesk.paths import data_folder

RECENT_LIMIT = 8
FILES_KEPT = 50  # the data files whose open report and tab are kept (the oldest forgotten first)


def settings_path() -> Path:
    return data_folder() / "settings.json"


def _read() -> dict:
    try:
        found = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _write(values: dict) -> None:
    try:
        settings_path().parent.mkdir(parents=True, exist_ok=True)
        write_atomic(settings_path(), json.dumps(values, ensure_ascii=False, indent=2).encode("utf-8"))
    except (OSError, WriteFailed):
        pass  # settings are a convenience: never a reason to bother the filler


class Settings(dict):
    """The settings as read at start; :meth:`save` writes the keys it is given (default: all) over the file."""

    @classmethod
    def load(cls) -> Settings:
        return cls(_read())

    def save(self, *keys: str) -> None:
        current = _read()
        for key in keys or tuple(self):
            if key in self:
                current[key] = self[key]
        _write(current)

    def keep(self, **values) -> None:
        """Set and save ``values`` (only where they changed: reopening last time's file writes nothing)."""
        changed = [key for key, value in values.items() if self.get(key) != value]
        self.update(values)
        if changed:
            self.save(*changed)

    # ---------------------------------------------------------------- the data files

    def recent_files(self) -> list[str]:
        recent = self.get("recent")
        return [path for path in recent if isinstance(path, str)] if isinstance(recent, list) else []

    def remember_file(self, path: Path) -> None:
        """``path`` goes first in the recent files and is the file opened next time."""
        recent = [p for p in self.recent_files() if p != str(path)]
        self.keep(recent=[str(path)] + recent[: RECENT_LIMIT - 1], last_db=str(path))

    def place_in(self, path: Path) -> tuple[int | None, int | None]:
        """The report and tab the window showed last in data file ``path`` (None where it is not known)."""
        place = self._files().get(_file_key(path), {})
        report, tab = (place.get("report"), place.get("tab")) if isinstance(place, dict) else (None, None)
        return (report if isinstance(report, int) else None, tab if isinstance(tab, int) else None)

    def remember_place(self, path: Path, *, report: int | None = None, tab: int | None = None) -> None:
        """Keep which report (and tab) the window shows in ``path``, for the next start."""
        key = _file_key(path)
        changes = {k: v for k, v in (("report", report), ("tab", tab)) if v is not None}
        place = self._files().get(key)
        if isinstance(place, dict) and changes.items() <= place.items():
            return  # as kept already: nothing to write
        current = _read()
        files = current.get("files") if isinstance(current.get("files"), dict) else {}
        kept = files.pop(key, None)
        files[key] = {**(kept if isinstance(kept, dict) else {}), **changes}  # last: kept longest when trimming
        current["files"] = dict(list(files.items())[-FILES_KEPT:])
        _write(current)
        self["files"] = current["files"]

    def _files(self) -> dict:
        files = self.get("files")
        return files if isinstance(files, dict) else {}


def _file_key(path: Path) -> str:
    return str(Path(path).resolve())
