"""The checks a data file passes before the store uses it: a regular file (not a folder, a pipe or a looping
link), one of ours, not from a newer evaldesk, writable when it is to be written, and whole (``PRAGMA quick_check``).

Each refusal is a StoreError (DamagedFile, CannotWrite) whose text says in Chinese what to do; nothing here writes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from evaldesk.datafile.file_errors import os_reason, place
from evaldesk.datafile.errors import CannotWrite, DamagedFile, StoreError, UnfinishedSave

SQLITE_HEADER = b"SQLite format 3\x00"


def damaged(path: Path, detail: str = "") -> DamagedFile:
    detail = f"（{detail}）" if detail else ""
    return DamagedFile(f"数据文件“{place(path)}”已损坏{detail}，为免损失更多，未作任何修改。"
                       "请从备份恢复（文件 → 从备份恢复…），或把文件交给技术人员。")


def check_kind(path: Path, *, make_folder: bool) -> bool:
    """Whether ``path`` exists (as a regular file). A missing file is made only in an existing folder, or in the
    default data folder (``make_folder``): a mistyped path must not quietly become a new, empty data file."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as err:
        raise StoreError(f"无法打开“{place(path)}”：{os_reason(err)}。") from None
    if info is None:
        if path.is_symlink():
            raise StoreError(f"“{place(path)}”是一个指向不存在文件的快捷方式（符号链接）。请选择实际的文件。")
        if not path.parent.is_dir():
            if not make_folder:
                raise StoreError(f"文件夹“{place(path.parent)}”不存在，未新建数据文件。请检查路径是否写错。")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise StoreError(f"无法建立文件夹“{place(path.parent)}”：{os_reason(err)}。") from None
        return False
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"“{place(path)}”是一个文件夹，不是数据文件。")
    if not stat.S_ISREG(info.st_mode):  # a pipe or a device would hang the reader or feed it garbage
        raise StoreError(f"“{place(path)}”不是普通文件（可能是管道或设备），不是 evaldesk 数据文件。")
    return True


def check_header(path: Path) -> None:
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError as err:
        raise StoreError(f"无法读取“{place(path)}”：{os_reason(err)}。") from None
    if header and header != SQLITE_HEADER:
        if header[:6] == SQLITE_HEADER[:6]:
            raise damaged(path, "文件头已损坏")
        raise StoreError(f"“{place(path)}”不是 evaldesk 数据文件，未作任何修改。请选择扩展名为 .sqlite 的 "
                         "evaldesk 数据文件。")


def check_writable(path: Path, exists: bool) -> None:
    """A file to be written needs itself and its folder writable (SQLite writes its journal beside it)."""
    folder = path.parent
    if exists and not os.access(path, os.W_OK):
        raise CannotWrite(f"数据文件“{place(path)}”是只读的，不能保存修改。可以只读方式查看；"
                          "要填报，请把文件复制到“文档”等可写的文件夹后再打开。")
    if not os.access(folder, os.W_OK):
        raise CannotWrite(f"数据文件所在的文件夹“{place(folder)}”是只读的，不能保存修改。可以只读方式查看；"
                          "要填报，请把文件复制到“文档”等可写的文件夹后再打开。")


def check_tables(path: Path, version: int, tables: set[str], newest: int) -> None:
    """Another program's SQLite file must not gain our tables: version 0 is only created in an empty file."""
    if version < 0:
        raise damaged(path, f"数据版本 {version} 不合理")
    if version > newest:
        raise StoreError(f"“{place(path)}”由更新版本的 evaldesk 建立（数据版本 {version}，本程序支持到 "
                         f"{newest}）。请升级 evaldesk 后再打开；文件未作任何修改。")
    if version == 0 and tables:
        raise StoreError(f"“{place(path)}”是其他程序的 SQLite 文件，不是 evaldesk 数据文件，未作任何修改。")
    if version > 0 and "report" not in tables:
        if not tables:
            raise damaged(path, "没有任何数据表")
        raise StoreError(f"“{place(path)}”是其他程序的 SQLite 文件，不是 evaldesk 数据文件，未作任何修改。")
    if version == 0:
        return
    needed = {"report", "field", "unit", "cell", "item"}
    if version >= 2:
        needed |= {"app_state", "template"}
    if version >= 3:
        needed |= {"template_draft", "carried", "carried_value"}
    missing = needed - tables
    if missing:
        raise damaged(path, "缺少数据表 " + "、".join(sorted(missing)))


def quick_check(raw_connection, path: Path) -> None:
    """SQLite's own check of pages and indexes; a file that fails it is not read further."""
    rows = raw_connection.execute("PRAGMA quick_check(5)").fetchall()
    if [row[0] for row in rows] != ["ok"]:
        raise damaged(path, "完整性检查未通过")


def journal_of(path: Path) -> Path:
    """SQLite's rollback journal beside ``path``: while a save runs, and after one was cut short."""
    return path.with_name(f"{path.name}-journal")


def has_journal(path: Path) -> bool:
    try:
        return os.stat(journal_of(path)).st_size > 0
    except OSError:
        return False


def unfinished_save(path: Path, holder: str = "") -> UnfinishedSave:
    held = f"文件现在正由 {holder} 打开，" if holder else ""
    return UnfinishedSave(f"数据文件“{place(path)}”上次保存未完成（保存时程序被中断），{held}需要先恢复到最后一次完整保存时的内容："
                          "用 evaldesk 窗口打开它，或运行任一会修改它的命令，即会自动恢复。请不要单独复制这个文件"
                          f"（未完成的保存记录在旁边的“{journal_of(path).name}”中）。")
