"""The window's data-file commands: open a file, 另存为, the recent files, the window's settings, and the reports in
the file (new, the sample, delete). The work is the application layer's (:mod:`evaldesk.app.datafile`); here are
the dialogs around it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from evaldesk.model.paths import StoreError, data_folder
from evaldesk.ui import dialogs

if TYPE_CHECKING:
    from evaldesk.ui.main_window import MainWindow

RECENT_LIMIT = 8


# ---------------------------------------------------------------- settings (recent files, the export folder)


def _settings_path() -> Path:
    return data_folder() / "settings.json"


def load_settings() -> dict:
    try:
        return json.loads(_settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save_settings(settings: dict) -> None:
    from evaldesk.files import WriteFailed, write_atomic

    try:
        _settings_path().parent.mkdir(parents=True, exist_ok=True)
        write_atomic(_settings_path(), json.dumps(settings, ensure_ascii=False, indent=2).encode("utf-8"))
    except (OSError, WriteFailed):
        pass  # the list of recent files is a convenience; never a reason to bother the filler


def remember(window: MainWindow, path: Path) -> None:
    """``path`` goes first in the recent files and is the file opened next time."""
    from evaldesk.ui import menus

    recent = [p for p in window.settings.get("recent", []) if p != str(path)]
    window.settings["recent"] = [str(path)] + recent[: RECENT_LIMIT - 1]
    window.settings["last_db"] = str(path)
    save_settings(window.settings)
    menus.fill_recent_menu(window)


# ---------------------------------------------------------------- data files


def open_path(window: MainWindow, path: str) -> bool:
    from evaldesk.app.datafile import open_data_file

    if not window.may_leave_report("打开另一个数据文件"):
        return False
    try:
        store = open_data_file(path, create=False)
    except StoreError as err:
        dialogs.error(window, "无法打开数据文件", str(err))
        return False
    window.use_store(store)
    return True


def choose_and_open(window: MainWindow) -> None:
    folder = str(window.store.path.parent if window.store else data_folder())
    path = dialogs.open_file(window, "打开数据文件", folder, "evaldesk 数据文件 (*.sqlite *.db);;所有文件 (*)")
    if path:
        open_path(window, path)


def save_as(window: MainWindow) -> None:
    from evaldesk.app import datafile

    if window.store is None:
        return
    suggested = str(window.store.path.with_name(window.store.path.stem + "-副本.sqlite"))
    path = dialogs.save_file(window, "另存为", suggested, "evaldesk 数据文件 (*.sqlite)")
    if not path:
        return
    try:
        datafile.save_as(window.store, path)
    except StoreError as err:
        dialogs.error(window, "另存为失败", str(err))
        return
    open_path(window, path)
    window.statusBar().showMessage(f"已另存为 {path}，现在编辑的是这个副本", 8000)


# ---------------------------------------------------------------- reports in the file


def create_report(window: MainWindow, year: int, department: str, template=None, *, region: str = "",
                  bureau: str = "") -> None:
    from evaldesk.app import datafile

    _add_and_open(window, lambda store: datafile.create_report(store, year, department, template, region=region,
                                                               bureau=bureau))


def add_sample(window: MainWindow) -> None:
    from evaldesk.app import datafile

    _add_and_open(window, datafile.add_sample)


def _add_and_open(window: MainWindow, add) -> None:
    from evaldesk.model.values import Rejected

    if not window.may_leave_report("换到另一份报告"):
        return
    try:
        report = add(window.store)
    except (StoreError, Rejected) as err:
        dialogs.error(window, "无法新建报告", str(err))
        return
    window.open_report(report.id)
    window.tabs.setCurrentIndex(0)


def delete_report(window: MainWindow) -> None:
    from evaldesk.app import datafile

    if window.document is None:
        return
    report = window.document.report
    if not dialogs.ask(window, "删除报告", f"确定删除“{report.year}年度 {report.department}”？此操作不能撤销。"
                                          "（建议先“导出 JSON”留底）"):
        return
    rid = report.id
    window.close_document()
    try:
        datafile.delete_report(window.store, rid)
    except StoreError as err:
        dialogs.error(window, "未能删除报告", str(err))
    window.use_store(window.store)
