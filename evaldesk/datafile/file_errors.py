"""What went wrong with a data file, in Chinese, with what to do: one table for SQLite's messages and one for the
operating system's error numbers, so no English from either library reaches the filler.

Light to import (no SQLAlchemy): the window names these before its first paint.
"""

from __future__ import annotations

import errno
from pathlib import Path

from evaldesk.datafile.errors import CannotWrite, DamagedFile, StoreError

def place(path: Path | str) -> str:
    """A file's name for a message: the path, shortened in the middle if it is very long."""
    text = str(path)
    return text if len(text) <= 120 else text[:40] + "…" + text[-70:]


# The operating system's error numbers → what happened and what to do.
OS_ERRORS = {
    errno.ENOSPC: "磁盘空间已满。请删除不需要的文件、清空回收站后再试",
    errno.EDQUOT: "磁盘配额已用完。请删除不需要的文件后再试",
    errno.EACCES: "没有读写权限（文件或文件夹只读，或正被其他程序占用）。请把文件复制到“文档”等可写的文件夹后再打开",
    errno.EPERM: "没有读写权限。请把文件复制到“文档”等可写的文件夹后再打开",
    errno.EROFS: "文件位于只读的磁盘或光盘上。请把文件复制到电脑硬盘上的文件夹后再打开",
    errno.ENOENT: "文件或文件夹不存在。请检查路径是否写错",
    errno.ENOTDIR: "路径中有一段不是文件夹。请检查路径是否写错",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ELOOP: "路径中的快捷方式（符号链接）循环指向自身。请选择实际的文件",
    errno.ENAMETOOLONG: "文件名或路径过长。请把文件放到路径较短的文件夹中",
    errno.EIO: "读写磁盘时出错（磁盘或U盘可能已损坏或已拔出）。请检查磁盘后再试，并尽快备份",
    errno.EBUSY: "文件正被其他程序占用。请关闭那个程序后再试",
    errno.EMFILE: "打开的文件过多。请关闭一些程序后再试",
}


def os_reason(err: OSError) -> str:
    return OS_ERRORS.get(err.errno, "无法读写该文件（系统错误 %s）。请检查文件所在的磁盘后再试" % (err.errno or "未知"))


# Fragments of SQLite's own messages (lower case) → (the error's kind, what happened and what to do); the first match
# wins. Kinds are the store's error classes: CannotWrite (the file can be read but not written now), DamagedFile,
# StoreError (anything else).
SQLITE_ERRORS = (
    (("database or disk is full", "disk is full"), CannotWrite, "磁盘空间已满，本次修改未保存。请删除不需要的文件、清空回收站后再试"),
    (("disk i/o error",), StoreError, "读写磁盘时出错，本次修改未保存（磁盘或U盘可能已损坏或已拔出）。请检查磁盘，并尽快把数据文件复制到别处"),
    (("readonly", "read-only", "attempt to write a readonly"), CannotWrite,
     "文件或所在文件夹是只读的，无法保存修改。请把文件复制到“文档”等可写的文件夹后再打开"),
    (("permission", "access permission denied", "authorization denied"), CannotWrite,
     "没有读写该文件的权限。请把文件复制到“文档”等可写的文件夹后再打开"),
    (("locked", "busy"), CannotWrite, "文件正被另一个程序使用（可能已在另一个 evaldesk 窗口中打开）。请关闭那个程序后再试"),
    (("constraint failed",), StoreError,
     "这一步修改与文件中现有的数据不符（报告可能已在别处被删除或改动），修改未保存。请重新打开这份报告后再试"),
    (("unable to open",), StoreError, "无法打开该文件（文件夹不存在、只读，或文件正被占用）。请检查路径后再试"),
    (("file is not a database", "not a database", "malformed", "corrupt", "no such table", "no such column",
      "already exists", "datatype mismatch", "file is encrypted", "could not decode"), DamagedFile,
     "数据文件已损坏，或不是 evaldesk 的数据文件，未作任何修改。可从备份恢复（文件 → 从备份恢复…）"),
)


def sqlite_reason(message: str) -> tuple[type[StoreError], str]:
    """(kind, Chinese sentence) for one of SQLite's messages."""
    lowered = message.lower()
    for fragments, kind, reason in SQLITE_ERRORS:
        if any(fragment in lowered for fragment in fragments):
            return kind, reason
    return StoreError, "无法读写数据文件。请检查文件所在的磁盘后再试；若反复出现，请从备份恢复（文件 → 从备份恢复…）"


_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS}


def explain(err: BaseException, path: Path | str) -> tuple[type[StoreError], str]:
    """(kind, one Chinese sentence) for ``err`` met while using the data file at ``path``; kinds as SQLITE_ERRORS."""
    original = getattr(err, "orig", None) or err
    if isinstance(original, OSError) and original.errno is not None:
        kind = CannotWrite if original.errno in _WRITE_ERRNOS else StoreError
        return kind, f"“{place(path)}”：{os_reason(original)}。"
    kind, reason = sqlite_reason(str(original))
    return kind, f"“{place(path)}”：{reason}。"


def store_error(err: BaseException, path: Path | str) -> StoreError:
    """The store's error for a database or system error met at ``path``: its kind, with its Chinese sentence."""
    kind, sentence = explain(err, path)
    return kind(sentence)
