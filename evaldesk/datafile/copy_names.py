"""Where copies of a data file go and what they are called: the 备份 folder beside it, dated names, and the kept
copies (恢复前, 升级前) that two copies in one second never share. The store and the backups both name copies."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

FOLDER = "备份"
STAMP = "%Y%m%d-%H%M%S"


def folder_of(data_file: Path) -> Path:
    return Path(data_file).parent / FOLDER


def kept_copy_path(data_file: Path, label: str) -> Path:
    """Where to keep the file as it was before a restore (``恢复前``) or an upgrade (``升级前``): in its 备份
    folder (made if need be), a name of its own, not read as a dated backup."""
    folder = folder_of(data_file)
    folder.mkdir(exist_ok=True)
    return free_name(folder, f"{Path(data_file).stem}-{label}-{_dt.datetime.now().strftime(STAMP)}")


def free_name(folder: Path, name: str) -> Path:
    """``<name>.sqlite`` in ``folder``, or ``<name>-2.sqlite``, ``-3``, … when copies in one second meet."""
    target, number = folder / f"{name}.sqlite", 1
    while target.exists():
        number += 1
        target = folder / f"{name}-{number}.sqlite"
    return target
