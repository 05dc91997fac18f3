"""Writing files so that an existing file is never left half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class WriteFailed(OSError):
    """The file could not be written; ``str(err)`` says why in Chinese. The old file, if any, is untouched."""


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it over ``path``."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise WriteFailed(f"无法在“{folder}”中写入文件：{_why(err)}") from None
    try:
        os.chmod(temp, _mode_for(path))  # mkstemp makes 0600: a colleague or the bureau could not open the file
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as err:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise WriteFailed(f"无法写入“{path}”：{_why(err)}") from None


def _mode_for(path: Path) -> int:
    """The file being replaced keeps its permissions; a new file gets the usual ones (0666 less the umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _why(err: OSError) -> str:
    import errno

    reasons = {
        errno.EACCES: "没有写入权限（文件夹只读，或文件正被其他程序打开）",
        errno.EPERM: "没有写入权限",
        errno.ENOSPC: "磁盘空间不足",
        errno.EROFS: "文件夹位于只读磁盘",
        errno.ENOENT: "文件夹不存在",
        errno.EISDIR: "目标是一个文件夹",
    }
    return reasons.get(err.errno, err.strerror or str(err))
