"""The window's data-file commands: open a file, 另存为, the recent files, the window's settings, and the reports in
the file (new, the sample, delete). The work is the application layer's (:mod:`evaldesk.app.datafile`); here are
the dialogs around it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from evaldesk.datafile.errors import StoreError
from evaldesk.paths import data_folder
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
    remembered = {"recent": [str(path)] + recent[: RECENT_LIMIT - 1], "last_db": str(path)}
    if any(window.settings.get(key) != value for key, value in remembered.items()):
        window.settings.update(remembered)
        save_settings(window.settings)  # not when reopening last time's file: nothing changed
    menus.fill_recent_menu(window)


# ---------------------------------------------------------------- data files


def open_path(window: MainWindow, path: str) -> bool:
    from evaldesk.ui import file_safety

    if not window.may_leave_report("打开另一个数据文件"):
        return False
    if window.store is not None and Path(path).resolve() == window.store.path.resolve():
        return True  # already open here (opening it again would meet this window's own lock)
    store = file_safety.open_with_questions(window, Path(path), create=False)
    if store is None:
        return False
    try:
        window.use_store(store)
    except StoreError as err:
        dialogs.error(window, "无法打开数据文件", str(err))
        return False
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


# ---------------------------------------------------------------- backups


def _file_in_view(window: MainWindow) -> Path:
    """The data file the window has open, or the one it tried to open last."""
    from evaldesk.paths import default_db_path

    if window.store is not None:
        return window.store.path
    return Path(window.settings.get("last_db") or default_db_path())


def back_up_to(window: MainWindow) -> None:
    """A copy of the whole file where the filler chooses (a USB stick), without switching to it."""
    from evaldesk.app import datafile

    if window.store is None:
        return
    suggested = str(Path.home() / f"{window.store.path.stem}-备份-{_today()}.sqlite")
    path = dialogs.save_file(window, "备份到", suggested, "evaldesk 数据文件 (*.sqlite)")
    if not path:
        return
    try:
        datafile.save_as(window.store, path)
    except StoreError as err:
        dialogs.error(window, "备份失败", str(err))
        return
    window.statusBar().showMessage(f"已备份到 {path}（仍在编辑原来的文件）", 8000)


def _today() -> str:
    import datetime as _dt

    return _dt.date.today().strftime("%Y%m%d")


def restore_from_backup(window: MainWindow) -> None:
    """Pick one of the file's automatic backups (with its reports and date) and put it in place of the file."""
    from evaldesk.datafile import backups

    target = _file_in_view(window)
    listed = backups.list_backups(target)
    usable = [backup for backup in listed if backup.reports is not None]
    if not usable:
        dialogs.inform(window, "从备份恢复", f"备份文件夹“{backups.folder_of(target)}”中还没有可用的备份。\n"
                       "evaldesk 在每次打开数据文件时和编辑期间每天自动备份。")
        return
    index = dialogs.choose(window, "从备份恢复", f"用哪一份备份替换“{target.name}”？\n"
                           "（现在的文件会先保留在备份文件夹中）", [backup.describe() for backup in usable])
    if index is None or not window.may_leave_report("从备份恢复"):
        return
    if window.store is not None:  # give up the file and its lock: restoring replaces it
        window.close_document()
        window.store.close()
        window.store = None
    try:
        kept = backups.restore(usable[index].path, target)
    except StoreError as err:
        dialogs.error(window, "未能从备份恢复", str(err))
        kept = None
    from evaldesk.ui.app import attach_store

    attach_store(window, target)
    if kept is not None:
        window.statusBar().showMessage(f"已从备份恢复；恢复前的文件保留为 {kept.name}", 15000)


def open_data_folder(window: MainWindow) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    folder = _file_in_view(window).parent
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        dialogs.inform(window, "打开数据文件夹", f"数据文件在这个文件夹中：\n{folder}")


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
