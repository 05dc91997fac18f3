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


class UnreadableJson(ValueError):
    """Why a file is not usable JSON, in Chinese, without the file's name (the caller says which file)."""


def parse_json(text: str):
    """JSON text → data, numbers with a point as exact Decimals; UnreadableJson otherwise."""
    import json
    from decimal import Decimal

    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as err:
        raise UnreadableJson(f"不是有效的 JSON（第 {err.lineno} 行第 {err.colno} 列：{_json_reason(err.msg)}）") from None
    except RecursionError:
        raise UnreadableJson("嵌套过深，不是 evaldesk 的文件") from None


# The json module's messages (English) → Chinese; the first whose English begins the message wins.
_JSON_REASONS = (
    ("Expecting value", "此处应有一个值"),
    ("Expecting property name", "键名应使用英文双引号"),
    ("Expecting ',' delimiter", "缺少逗号"),
    ("Expecting ':' delimiter", "缺少冒号"),
    ("Unterminated string", "引号未闭合"),
    ("Extra data", "数据之后还有多余的内容"),
    ("Invalid control character", "文字中有不允许的控制字符"),
    ("Invalid \\uXXXX escape", "有无效的 \\u 转义"),
    ("Invalid \\escape", "有无效的转义符"),
)


def _json_reason(message: str) -> str:
    return next((chinese for english, chinese in _JSON_REASONS if message.startswith(english)), "格式有误")


def read_json_file(path: Path, max_bytes: int):
    """The JSON data in ``path`` (UTF-8, with or without BOM, at most ``max_bytes``); UnreadableJson otherwise."""
    path = Path(path)
    try:
        if path.is_dir():
            raise UnreadableJson("这是一个文件夹，不是文件")
        if path.stat().st_size > max_bytes:
            raise UnreadableJson(f"过大（超过 {max_bytes // (1024 * 1024)} MB），不是 evaldesk 的文件")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableJson("找不到该文件") from None
    except OSError as err:
        raise UnreadableJson(f"无法读取（{_why(err)}）") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableJson("不是 UTF-8 编码的 JSON 文本") from None
    return parse_json(text)
