"""The audit's rules that are data (``resources/audit/*.json``), read once per process.

Each checking module compiles what it needs from these files once (regexes included), so an audit on every
keystroke costs only the matching. A file that is missing or broken is a packaging fault: it raises
:class:`AuditDataError` with a message naming the file, and the engine reports it as a finding instead of
failing the window.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from evaldesk.resources import RESOURCES

AUDIT_DATA = RESOURCES / "audit"


class AuditDataError(ValueError):
    """An audit data file that cannot be read; the message names it."""


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    path = AUDIT_DATA / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise AuditDataError(f"审核规则文件 {path.name} 无法读取：{err}") from None
    if not isinstance(data, dict):
        raise AuditDataError(f"审核规则文件 {path.name} 的内容应为 JSON 对象")
    return data


@lru_cache(maxsize=None)
def regex(pattern: str, flags: int = 0) -> re.Pattern:
    """A pattern from a data file, compiled once; a broken one names itself."""
    try:
        return re.compile(pattern, flags)
    except re.error as err:
        raise AuditDataError(f"审核规则中的正则表达式“{pattern}”有误：{err}") from None
