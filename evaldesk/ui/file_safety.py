"""Opening a data file calmly: the questions asked when it cannot simply be opened, and a read-only window's pages.

- A file that cannot be written now (another window holds its lock, a read-only file or folder, a full disk) is
  offered read-only; in a read-only window nothing can be typed and the title says 只读.
- A damaged file is never written; the filler is offered the newest good backup.
- Any other failure is a dialog: the window never vanishes.

What the window does with the file once open (and when another program changes it) is :mod:`.file_actions`'.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from evaldesk.app import datafile
from evaldesk.quoting import quote
from evaldesk.datafile.lock import BREAK_WARNING, FileLocked, break_lock, lock_path
from evaldesk.datafile.errors import CannotWrite, DamagedFile, StoreError
from evaldesk.ui import dialogs

if TYPE_CHECKING:
    from evaldesk.datafile.store import Store


def open_with_questions(parent: QWidget | None, path: Path, *, create: bool = True,
                        before_asking: Callable[[], None] | None = None) -> Store | None:
    """The store on ``path``, after asking what the filler wants when it cannot simply be opened; None if the
    filler chose nothing (every refusal has been shown in a dialog). ``before_asking`` is called before the first
    dialog (the window, shown but not yet painted at start, shows what it is opening behind it)."""
    try:
        return datafile.open_data_file(path, create=create)
    except Exception as err:  # noqa: BLE001 - every failure is answered, in a dialog (_answer)
        if before_asking is not None:
            before_asking()
        return _answer(parent, path, err, create)


def _answer(parent: QWidget | None, path: Path, err: Exception, create: bool) -> Store | None:
    """What the filler wants done about a file that could not be opened as it is (``err`` says why)."""
    if isinstance(err, CannotWrite):
        options = ["以只读方式打开"] + (["强制解除锁定…"] if isinstance(err, FileLocked) else [])
        choice = dialogs.decide(parent, "只能以只读方式打开", f"{err}\n\n要以只读方式打开吗？（只能查看、导出和打印，"
                                "不能修改）", options)
        if choice == 1 and _break_lock(parent, path):
            return open_with_questions(parent, path, create=create)
        if choice != 0:
            return None
        return _open_read_only(parent, path)
    if isinstance(err, DamagedFile):
        return offer_backup(parent, path, str(err))
    if isinstance(err, StoreError):
        dialogs.error(parent, "无法打开数据文件", str(err))
        return None
    # The last line of defence: a dialog, never a vanished parent.
    dialogs.error(parent, "无法打开数据文件", f"打开“{path}”时出现意外错误，文件未作任何修改。\n"
                  f"（{type(err).__name__}：{quote(err, 120)}）\n请把这段信息告诉技术人员。")
    return None


def _break_lock(parent: QWidget | None, path: Path) -> bool:
    """强制解除: only after the filler read what it risks; whether the lock is gone."""
    if not dialogs.ask(parent, "强制解除锁定", f"{BREAK_WARNING}\n\n将删除锁文件“{lock_path(path)}”。确实要强制解除吗？"):
        return False
    try:
        break_lock(path)
    except StoreError as err:
        dialogs.error(parent, "未能解除锁定", str(err))
        return False
    return True


def _open_read_only(parent: QWidget | None, path: Path) -> Store | None:
    try:
        return datafile.open_data_file(path, create=False, read_only=True)
    except DamagedFile as err:
        return offer_backup(parent, path, str(err))
    except StoreError as err:
        dialogs.error(parent, "无法打开数据文件", str(err))
        return None


def offer_backup(parent: QWidget | None, path: Path, why: str) -> Store | None:
    from evaldesk.datafile import backups  # only for a damaged file: ~15 ms of imports (shutil's) kept off the start

    good = backups.newest_good_backup(path)
    if good is None:
        dialogs.error(parent, "数据文件已损坏", f"{why}\n\n备份文件夹“{backups.folder_of(path)}”中没有可用的备份。")
        return None
    choice = dialogs.decide(parent, "数据文件已损坏", f"{why}\n\n最近一份完好的备份：\n{good.describe()}\n\n"
                            "要用它恢复吗？损坏的文件会先保留在备份文件夹中，不会丢失。", ["从这份备份恢复"])
    if choice != 0:
        return None
    try:
        backups.restore(good.path, path)
    except StoreError as err:
        dialogs.error(parent, "未能从备份恢复", str(err))
        return None
    return open_with_questions(parent, path, create=False)


# ---------------------------------------------------------------- a read-only parent


LOCKED = "editing_locked"   # set on a locked page: one that builds more later (the score sheet) locks that too
VIEWING = "changes_the_view"  # set on a button that changes what the page shows, not the report: never locked


def lock_editing(pages: Iterable[QWidget]) -> None:
    """In a read-only parent nothing on the report's pages accepts typing (so nothing is typed and then lost)."""
    for page in pages:
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
