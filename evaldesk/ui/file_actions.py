"""The window's data file and its lock: which file is open (``store``), opening another, 另存为, backups, the recent
files, the reports in the file (new, the sample, delete), a damaged file or report, and noticing that another
program changed the file (a read-only reader re-reads it). The work is the application layer's
(:mod:`evaldesk.app.datafile`, :mod:`evaldesk.datafile.backups`); the questions asked on opening are
:mod:`.file_safety`'s; here is the state and the dialogs around them.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMenu

from evaldesk.app import datafile
from evaldesk.datafile.errors import DamagedFile, StoreError
from evaldesk.paths import data_folder, default_db_path
from evaldesk.model.values import Rejected
from evaldesk.ui import dialogs
from evaldesk.ui.file_safety import offer_backup, open_with_questions

if TYPE_CHECKING:
    from evaldesk.datafile.store import Store
    from evaldesk.ui.settings import Settings
    from evaldesk.ui.shell import ReportShell

WATCH_EVERY_MS = 3000


def make_action(parent: QObject, text: str, slot, shortcut=None) -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
    action.triggered.connect(slot)
    return action


class Files(QObject):
    """The open data file (``store``, None before one opens or after it was given up) and what the window does
    with files. Its actions: ``open_action``, ``save_as_action``, ``back_up_action``, ``restore_action``,
    ``folder_action``; the 最近打开 menu is ``recent_menu``."""

    def __init__(self, shell: ReportShell, settings: Settings):
        super().__init__(shell)
        self.shell, self.settings = shell, settings
        self.store: Store | None = None
        self.open_action = make_action(shell, "打开数据文件…", self.choose_and_open, QKeySequence.StandardKey.Open)
        self.save_as_action = make_action(shell, "另存为…", self.save_as, QKeySequence.StandardKey.SaveAs)
        self.back_up_action = make_action(shell, "备份到…", self.back_up_to)
        self.restore_action = make_action(shell, "从备份恢复…", self.restore_from_backup)
        self.folder_action = make_action(shell, "打开数据文件夹", self.open_data_folder)
        self.recent_menu = QMenu("最近打开", shell)
        self.watcher = QTimer(self)  # another program changed the file: read it again (look_for_changes)
        self.watcher.setInterval(WATCH_EVERY_MS)
        self.watcher.timeout.connect(self.look_for_changes)
        self.watcher.start()
        self.fill_recent_menu()

    # ---------------------------------------------------------------- the file shown

    def use(self, store: Store) -> None:
        """Show ``store``: the report that was open last time, else the first, else the welcome page."""
        if self.store is not None and self.store is not store:
            self.give_up()
        self.store = store
        self.settings.remember_file(store.path)
        self.fill_recent_menu()
        self.shell.show_file()

    def give_up(self) -> Path | None:
        """Close the open report and the file (its lock goes with it); the file's path."""
        store = self.store
        if store is None:
            return None
        self.shell.close_document()
        store.close()
        self.store = None
        return store.path

    def attach(self, path: Path) -> None:
        """Open ``path``. Whatever goes wrong is a dialog (read-only offered, a damaged file offered its newest good
        backup, anything else explained) and the window stays, on its welcome page, without a file."""
        store = open_with_questions(self.shell, path, before_asking=lambda: self.shell.show_welcome(opening=path))
        if store is not None:
            try:
                self.use(store)
                return
            except DamagedFile as err:  # found in a row read after opening
                self.damaged_while_open(str(err))
                if self.store is not None:
                    return
            except StoreError as err:
                self.store = store
                self.give_up()
                dialogs.error(self.shell, "无法打开数据文件", str(err))
        self.shell.show_missing_file(f"未打开数据文件（{path}）。可用“文件 → 打开数据文件”选择其他文件，"
                                     "或“文件 → 从备份恢复”。")

    def file_in_view(self) -> Path:
        """The data file open here, or the one opened last."""
        if self.store is not None:
            return self.store.path
        return Path(self.settings.get("last_db") or default_db_path())

    # ---------------------------------------------------------------- where the filler was

    def report_to_open(self) -> int | None:
        report, _tab = self.settings.place_in(self.store.path)
        return datafile.report_to_open(self.store, report)

    def tab_to_show(self) -> int | None:
        return self.settings.place_in(self.store.path)[1]

    def remember_place(self, *, report: int | None = None, tab: int | None = None) -> None:
        """Which report and tab the window shows, in the filler's settings, never in the data file: a write there
        would tell every reader of the file that the report changed."""
        if self.store is not None:
            self.settings.remember_place(self.store.path, report=report, tab=tab)

    # ---------------------------------------------------------------- recent files

    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        for path in self.settings.recent_files():
            action = QAction(path, menu)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
            menu.addAction(action)
        menu.setEnabled(bool(self.settings.recent_files()))

    # ---------------------------------------------------------------- opening and copying files

    def open_path(self, path: str) -> bool:
        if not self.shell.may_leave_report("打开另一个数据文件"):
            return False
        if self.store is not None and Path(path).resolve() == self.store.path.resolve():
            return True  # already open here (opening it again would meet this window's own lock)
        store = open_with_questions(self.shell, Path(path), create=False)
        if store is None:
            return False
        try:
            self.use(store)
        except StoreError as err:
            dialogs.error(self.shell, "无法打开数据文件", str(err))
            return False
        return True

    def choose_and_open(self) -> None:
        folder = str(self.store.path.parent if self.store else data_folder())
        path = dialogs.open_file(self.shell, "打开数据文件", folder, "evaldesk 数据文件 (*.sqlite *.db);;所有文件 (*)")
        if path:
            self.open_path(path)

    def save_as(self) -> None:
        if self.store is None:
            return
        suggested = str(self.store.path.with_name(self.store.path.stem + "-副本.sqlite"))
        path = dialogs.save_file(self.shell, "另存为", suggested, "evaldesk 数据文件 (*.sqlite)")
        if not path:
            return
        try:
            datafile.save_as(self.store, path)
        except StoreError as err:
            dialogs.error(self.shell, "另存为失败", str(err))
            return
        self.open_path(path)
        self.shell.say(f"已另存为 {path}，现在编辑的是这个副本")

    def back_up_to(self) -> None:
        """A copy of the whole file where the filler chooses (a USB stick), without switching to it."""
        if self.store is None:
            return
        suggested = str(Path.home() / f"{self.store.path.stem}-备份-{_dt.date.today():%Y%m%d}.sqlite")
        path = dialogs.save_file(self.shell, "备份到", suggested, "evaldesk 数据文件 (*.sqlite)")
        if not path:
            return
        try:
            datafile.save_as(self.store, path)
        except StoreError as err:
            dialogs.error(self.shell, "备份失败", str(err))
            return
        self.shell.say(f"已备份到 {path}（仍在编辑原来的文件）")

    def restore_from_backup(self) -> None:
        """Pick one of the file's automatic backups (with its reports and date) and put it in place of the file."""
        from evaldesk.datafile import backups  # when needed: ~15 ms of imports (shutil's) kept off the start

        target = self.file_in_view()
        usable = [backup for backup in backups.list_backups(target) if backup.reports is not None]
        if not usable:
            dialogs.inform(self.shell, "从备份恢复", f"备份文件夹“{backups.folder_of(target)}”中还没有可用的备份。\n"
                           "evaldesk 在每次打开数据文件时和编辑期间每天自动备份。")
            return
        index = dialogs.choose(self.shell, "从备份恢复", f"用哪一份备份替换“{target.name}”？\n"
                               "（现在的文件会先保留在备份文件夹中）", [backup.describe() for backup in usable])
        if index is None or not self.shell.may_leave_report("从备份恢复"):
            return
        self.give_up()  # the file and its lock: restoring replaces it
        try:
            kept = backups.restore(usable[index].path, target)
        except StoreError as err:
            dialogs.error(self.shell, "未能从备份恢复", str(err))
            kept = None
        self.attach(target)
        if kept is not None:
            self.shell.say(f"已从备份恢复；恢复前的文件保留为 {kept.name}", 15000)

    def open_data_folder(self) -> None:
        folder = self.file_in_view().parent
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            dialogs.inform(self.shell, "打开数据文件夹", f"数据文件在这个文件夹中：\n{folder}")

    # ---------------------------------------------------------------- reports in the file

    def create_report(self, year: int, department: str, template=None, *, region: str = "", bureau: str = "") -> None:
        self._add_and_open(lambda store: datafile.create_report(store, year, department, template, region=region,
                                                                bureau=bureau))

    def add_sample(self) -> None:
        self._add_and_open(datafile.add_sample)

    def _add_and_open(self, add) -> None:
        if not self.shell.may_leave_report("换到另一份报告"):
            return
        try:
            report = add(self.store)
        except (StoreError, Rejected) as err:
            dialogs.error(self.shell, "无法新建报告", str(err))
            return
        self.shell.open_report(report.id, tab=0)

    def delete_report(self) -> None:
        document = self.shell.document
        if document is None:
            return
        report = document.report
        if not dialogs.ask(self.shell, "删除报告", f"确定删除“{report.year}年度 {report.department}”？此操作不能撤销。"
                                                   "（建议先“导出 JSON”留底）"):
            return
        self.shell.close_document()
        try:
            datafile.delete_report(self.store, report.id)
        except StoreError as err:
            dialogs.error(self.shell, "未能删除报告", str(err))
        self.use(self.store)

    # ---------------------------------------------------------------- damage found after opening

    def damaged_while_open(self, message: str) -> None:
        """A row read after opening turned out damaged: give the file up (it is never written) and offer the newest
        good backup, as at start."""
        path = self.give_up()
        if path is None:
            return
        restored = offer_backup(self.shell, path, message)
        if restored is not None:
            self.use(restored)
        else:
            self.shell.show_missing_file(f"数据文件“{path}”已损坏，未打开。可用“文件 → 从备份恢复…”或“文件 → 打开数据文件…”。")

    def damaged_report(self, message: str) -> None:
        """One report's rows are damaged (the file's others are fine): say why, offer the newest good backup of the
        whole file — saying what restoring it means for the other reports — else stay on the file without it."""
        from evaldesk.datafile import backups  # when needed, as in restore_from_backup

        store = self.store
        good = backups.newest_backup_without(store.path, set(store.damaged_reports))
        if good is None:
            dialogs.error(self.shell, "报告已损坏", f"{message}\n\n备份文件夹“{backups.folder_of(store.path)}”中没有可用的备份。")
            choice = 1
        else:
            choice = dialogs.decide(self.shell, "报告已损坏", f"{message}\n\n最近一份完好的备份：\n{good.describe()}\n\n"
                                    "要用它恢复整个数据文件吗？其他报告也会回到备份时的内容；现在的文件会先保留在备份文件夹中，"
                                    "不会丢失。", ["从这份备份恢复"])
        if choice == 0:
            path = self.give_up()
            try:
                backups.restore(good.path, path)
            except StoreError as err:
                dialogs.error(self.shell, "未能从备份恢复", str(err))
            restored = open_with_questions(self.shell, path, create=False)
            if restored is not None:
                self.use(restored)
                return
        if self.shell.document is None:
            self.shell.show_missing_file(f"{message[:80]}…\n其他报告可从“报告”菜单打开。" if self.store else "未打开数据文件。")

    # ---------------------------------------------------------------- another program changed the file

    def look_for_changes(self) -> bool:
        """Whether another program changed the report data (then the window reads it again)."""
        if self.store is None or not self.store.changed_elsewhere():
            return False
        self.shell.read_again("数据文件已被其他程序修改，已重新读取。")
        return True
