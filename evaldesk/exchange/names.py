"""File names the bureau expects, made safe for Windows."""

from __future__ import annotations

import re

from evaldesk.model.report import Report

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_file_name(name: str, limit_bytes: int = 180) -> str:
    """Characters Windows refuses become _, trailing dots and spaces go, reserved names get a prefix, and the
    name stays within ``limit_bytes`` of UTF-8 (Linux allows 255 bytes, a Chinese character takes 3, and the
    suffix and the temporary file's prefix need room)."""
    name = _FORBIDDEN.sub("_", name).strip().rstrip(". ")
    if name.split(".")[0].upper() in _RESERVED:
        name = "_" + name
    while len(name.encode("utf-8")) > limit_bytes:
        name = name[:-1]
    return name.rstrip(". ") or "报告"


def default_file_name(report: Report, suffix: str = ".xlsx") -> str:
    """``{年度}_{预算编码}_{部门名称}_部门整体支出绩效自评.xlsx``."""
    code = report.text("cover.budget_code").strip() or "无编码"
    department = report.department.strip() or "未填部门"
    return safe_file_name(f"{report.year}_{code}_{department}_部门整体支出绩效自评") + suffix
