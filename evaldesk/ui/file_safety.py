"""Opening a data file calmly, and keeping the window true to it.

- A file that cannot be written now (another window holds its lock, a read-only file or folder, a full disk) is
  offered read-only; in a read-only window nothing can be typed and the title says 只读.
- A damaged file is never written; the filler is offered the newest good backup.
- Any other failure is a dialog: the window never vanishes.
- The window looks every few seconds whether another program changed the file, and reads it again (a write that
  would overwrite another's change is refused by the store and read again too).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from evaldesk.datafile.errors import CannotWrite, DamagedFile, StoreError
from evaldesk.ui import dialogs

if TYPE_CHECKING:
    from evaldesk.datafile.store import Store
    from evaldesk.ui.main_window import MainWindow

WATCH_EVERY_MS = 3000


def open_with_questions(window: MainWindow | None, path: Path, *, create: bool = True,
                        before_asking: Callable[[], None] | None = None) -> Store | None:
    """The store on ``path``, after asking what the filler wants when it cannot simply be opened; None if the
    filler chose nothing (every refusal has been shown in a dialog). ``before_asking`` is called before the first
    dialog (the window, shown but not yet painted at start, shows what it is opening behind it)."""
    from evaldesk.app.datafile import open_data_file

    try:
        return open_data_file(path, create=create)
    except Exception as err:  # noqa: BLE001 - every failure is answered, in a dialog (_answer)
        if before_asking is not None:
            before_asking()
        return _answer(window, path, err, create)


def _answer(window: MainWindow | None, path: Path, err: Exception, create: bool) -> Store | None:
    """What the filler wants done about a file that could not be opened as it is (``err`` says why)."""
    if isinstance(err, CannotWrite):
        from evaldesk.datafile.lock import FileLocked

        options = ["以只读方式打开"] + (["强制解除锁定…"] if isinstance(err, FileLocked) else [])
        choice = dialogs.decide(window, "只能以只读方式打开", f"{err}\n\n要以只读方式打开吗？（只能查看、导出和打印，"
                                "不能修改）", options)
        if choice == 1 and _break_lock(window, path):
            return open_with_questions(window, path, create=create)
        if choice != 0:
            return None
        return _open_read_only(window, path)
    if isinstance(err, DamagedFile):
        return _offer_backup(window, path, str(err))
    if isinstance(err, StoreError):
        dialogs.error(window, "无法打开数据文件", str(err))
        return None
    # The last line of defence: a dialog, never a vanished window.
    from evaldesk.quoting import quote

    dialogs.error(window, "无法打开数据文件", f"打开“{path}”时出现意外错误，文件未作任何修改。\n"
                  f"（{type(err).__name__}：{quote(err, 120)}）\n请把这段信息告诉技术人员。")
    return None


def _break_lock(window, path: Path) -> bool:
    """强制解除: only after the filler read what it risks; whether the lock is gone."""
    from evaldesk.datafile.lock import BREAK_WARNING, break_lock, lock_path

    if not dialogs.ask(window, "强制解除锁定", f"{BREAK_WARNING}\n\n将删除锁文件“{lock_path(path)}”。确实要强制解除吗？"):
        return False
    try:
        break_lock(path)
    except StoreError as err:
        dialogs.error(window, "未能解除锁定", str(err))
        return False
    return True


def _open_read_only(window, path: Path) -> Store | None:
    from evaldesk.app.datafile import open_data_file

    try:
        return open_data_file(path, create=False, read_only=True)
    except DamagedFile as err:
        return _offer_backup(window, path, str(err))
    except StoreError as err:
        dialogs.error(window, "无法打开数据文件", str(err))
        return None


def _offer_backup(window, path: Path, why: str) -> Store | None:
    from evaldesk.datafile import backups

    good = backups.newest_good_backup(path)
    if good is None:
        dialogs.error(window, "数据文件已损坏", f"{why}\n\n备份文件夹“{backups.folder_of(path)}”中没有可用的备份。")
        return None
    choice = dialogs.decide(window, "数据文件已损坏", f"{why}\n\n最近一份完好的备份：\n{good.describe()}\n\n"
                            "要用它恢复吗？损坏的文件会先保留在备份文件夹中，不会丢失。", ["从这份备份恢复"])
    if choice != 0:
        return None
    try:
        backups.restore(good.path, path)
    except StoreError as err:
        dialogs.error(window, "未能从备份恢复", str(err))
        return None
    return open_with_questions(window, path, create=False)


def damaged_while_open(window: MainWindow, message: str) -> None:
    """A row read after opening turned out damaged: give the file up (it is never written) and offer the newest
    good backup, as at start."""
    store = window.store
    if store is None:
        return
    path = store.path
    window.close_document()
    store.close()
    window.store = None
    restored = _offer_backup(window, path, message)
    if restored is not None:
        window.use_store(restored)
    else:
        window.show_welcome()
        window.welcome.where.setText(f"数据文件“{path}”已损坏，未打开。可用“文件 → 从备份恢复…”或“文件 → 打开数据文件…”。")


def damaged_report(window: MainWindow, message: str) -> None:
    """One report's rows are damaged (the file's others are fine): say why, offer the newest good backup of the
    whole file — saying what restoring it means for the other reports — else stay on the file without that report."""
    from evaldesk.datafile import backups

    store = window.store
    good = backups.newest_backup_without(store.path, set(store.damaged_reports))
    if good is None:
        dialogs.error(window, "报告已损坏", f"{message}\n\n备份文件夹“{backups.folder_of(store.path)}”中没有可用的备份。")
        choice = 1
    else:
        choice = dialogs.decide(window, "报告已损坏", f"{message}\n\n最近一份完好的备份：\n{good.describe()}\n\n"
                                "要用它恢复整个数据文件吗？其他报告也会回到备份时的内容；现在的文件会先保留在备份文件夹中，"
                                "不会丢失。", ["从这份备份恢复"])
    if choice == 0:
        path = store.path
        window.close_document()
        store.close()
        window.store = None
        try:
            backups.restore(good.path, path)
        except StoreError as err:
            dialogs.error(window, "未能从备份恢复", str(err))
        restored = open_with_questions(window, path, create=False)
        if restored is not None:
            window.use_store(restored)
            return
    if window.document is None:
        window.show_welcome()
        window.welcome.where.setText(f"{message[:80]}…\n其他报告可从“报告”菜单打开。" if window.store else
                                     "未打开数据文件。")


# ---------------------------------------------------------------- a read-only window


def show_read_only(window: MainWindow) -> None:
    """A red note at the left of the status bar while the file is open read-only (the title also says 只读)."""
    from PySide6.QtWidgets import QLabel

    label = getattr(window, "read_only_label", None)
    if label is None:
        label = window.read_only_label = QLabel("  只读：此数据文件正由他人编辑或不可写入，只能查看、导出和打印  ")
        label.setStyleSheet("color: white; background: #b03030; padding: 2px 6px;")
        window.statusBar().insertPermanentWidget(0, label)
    label.setVisible(window.store is not None and window.store.read_only)


LOCKED = "editing_locked"   # set on a locked page: one that builds more later (the score sheet) locks that too
VIEWING = "changes_the_view"  # set on a button that changes what the page shows, not the report: never locked


def lock_editing(window: MainWindow) -> None:
    """In a read-only window nothing on the report's pages accepts typing (so nothing is typed and then lost)."""
    for page in window.pages:
        lock_widgets(page)
        page.setProperty(LOCKED, True)


def lock_widgets(page) -> None:
    """The editors in ``page`` take no typing."""
    from PySide6.QtWidgets import (   # here, not at start: PySide6 makes each class's enums when it is imported
        QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit,
    )

    for box in page.findChildren(QLineEdit) + page.findChildren(QAbstractSpinBox):
        box.setReadOnly(True)
    for box in page.findChildren(QPlainTextEdit) + page.findChildren(QTextEdit):
        box.setReadOnly(True)
    for view in page.findChildren(QAbstractItemView):
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    for widget in page.findChildren(QComboBox) + page.findChildren(QAbstractButton):
        if not widget.property(VIEWING):
            widget.setEnabled(False)


# ---------------------------------------------------------------- another program changed the file


def watch(window: MainWindow) -> QTimer:
    """A timer that reads the report again when another program changed the file under the window."""
    timer = QTimer(window)
    timer.setInterval(WATCH_EVERY_MS)
    timer.timeout.connect(lambda: look_for_changes(window))
    timer.start()
    return timer


def look_for_changes(window: MainWindow) -> bool:
    store = window.store
    if store is None or not store.changed_elsewhere():
        return False
    reload(window, "数据文件已被其他程序修改，已重新读取。")
    return True


def reload(window: MainWindow, message: str) -> None:
    """Read the open report again from the file (or show what the file now holds, if it was deleted there)."""
    store = window.store
    if store is None:
        return
    report_id = window.document.report.id if window.document is not None else None
    tab = window.tabs.currentIndex()  # the filler stays where they were reading (closing removes the tabs)
    reading = getattr(window.tabs.currentWidget(), "view_place", lambda: None)()   # and at the row (score sheet)
    window.close_document()
    try:
        ids = [info.id for info in store.list_reports()]
    except StoreError as err:
        dialogs.error(window, "无法读取数据文件", str(err))
        window.show_welcome()
        return
    if report_id in ids:
        window.open_report(report_id, tab=tab)
        if reading is not None and window.tabs.currentIndex() == tab:
            window.tabs.currentWidget().show_view_place(reading)
    else:
        window.use_store(store)
        message += "正在编辑的报告已在那边被删除。" if report_id is not None else ""
    window.statusBar().showMessage(message, 15000)


def report_stale(window: MainWindow, message: str) -> None:
    """A write was refused because the file changed under the window: read it again and say so."""
    reload(window, "数据文件已被其他程序修改，已重新读取；您刚才的一步修改未保存。")
    dialogs.inform(window, "数据文件已在别处修改", message)
