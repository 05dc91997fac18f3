"""What the bureau's summary is made of: one small record per file read, and the summary they are arranged into.

The records are plain data (strings, Decimals, tuples) so a worker process can build one per file and send it
back cheaply; nothing here holds a report. The arranging itself (which year, which files are the same report)
is ``evaldesk.app.summary_groups``; the workbook is ``evaldesk.exchange.summary_workbook``.
See ``docs/summary.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# 指纹 status of a file, as the 汇总 sheet words it.
FINGERPRINT_OK = "一致"
FINGERPRINT_CHANGED = "导出后被改动"
FINGERPRINT_NONE = "无指纹"

# What the visible sheets show, against what the data gives (the workbook is written from the data).
SHOWN_OK = "一致"
SHOWN_CHANGED = "表上被改动"
SHOWN_NONE = ""            # a JSON file has no visible sheets

# How the score the file claims compares with the score recomputed from its data.
CLAIM_AGREES = "一致"
CLAIM_DIFFERS = "不符"
CLAIM_NONE = "文件未载"


@dataclass(frozen=True)
class Leaf:
    """One 三级 indicator as the 指标明细 sheet heads its column."""

    id: str
    path: tuple[str, ...]   # names from the 一级 down to this indicator
    weight: Decimal
    rule: str = ""          # digest of how it is scored (its rule and audit limits, without their wording)


@dataclass(frozen=True)
class SheetShape:
    """The score sheet a file was scored with, reduced to what the summary's columns need."""

    template_id: str
    template_name: str
    roots: tuple[tuple[str, str, Decimal], ...]   # the 一级 indicators: (id, name, 分值)
    leaves: tuple[Leaf, ...]
    grades: tuple[str, ...]                         # the template's 等次, best first
    digest: str                                     # the whole template's digest: equal digests, equal sheets
    scoring: str = ""        # digest of what it scores (ids, weights, rules, grade bands) without the wording:
                             # sheets with the same scoring are one comparison group whatever their names
    grade_bands: tuple[tuple[str, Decimal], ...] = ()   # (等次, lowest 总分)
    region: str = ""                                 # the template's region (岳阳市云溪区), '' when it has none
    bureau: str = ""                                 # the bureau line without “（制）”


@dataclass
class FileScore:
    """One department's file, read, re-scored and re-audited from its data."""

    path: str                      # relative to the folder summarised, with / between parts
    modified_ns: int               # the file's modification time
    year: int
    department: str
    budget_code: str
    report_date: str               # 报告日期 as YYYY-MM-DD, '' when not filled
    fingerprint: str               # of the data as read now
    fingerprint_status: str        # FINGERPRINT_*
    claimed_total: str             # 总分 as the file states it ('' when it states none, as a JSON file)
    roots: dict[str, Decimal]      # 一级 indicator id → subtotal
    total: Decimal | None          # recomputed 总分, None while indicators are unscored
    partial_total: Decimal         # the sum so far
    pending: int                   # indicators without a score
    grade: str                     # '' while the sheet is incomplete
    errors: int
    warnings: int
    infos: int
    leaves: dict[str, Decimal | None]   # 三级 indicator id → score
    shape: SheetShape | None = None     # dropped once the summary has kept one copy of each sheet (see digest)
    digest: str = ""
    exported_at: str = ""               # when the file was exported (ISO), '' when it does not say
    shown_status: str = SHOWN_NONE      # SHOWN_*: the visible sheets against the data
    shown_changes: tuple[tuple[str, str, str, str], ...] = ()   # (sheet, cell, shown, what the data gives)
    shown_change_count: int = 0
    other_version: str = ""             # the program that exported it, when not this version
    error_texts: tuple[str, ...] = ()   # the audit's 错误, first few, as the audit words them

    @property
    def verified(self) -> bool:
        """The data is what was exported (its fingerprint agrees)."""
        return self.fingerprint_status == FINGERPRINT_OK

    @property
    def claim(self) -> str:
        """CLAIM_*: whether the 总分 the file states is what its data gives."""
        if not self.claimed_total:
            return CLAIM_NONE
        try:
            claimed = Decimal(self.claimed_total)
        except ArithmeticError:
            return CLAIM_DIFFERS
        return CLAIM_AGREES if self.total is not None and claimed == self.total else CLAIM_DIFFERS


UNREADABLE = "无法读取"
NOT_A_REPORT = "非报送文件"


@dataclass(frozen=True)
class Unreadable:
    """A file that could not be read (UNREADABLE) or is no report at all (NOT_A_REPORT), the reason in Chinese."""

    path: str
    reason: str
    kind: str = UNREADABLE


@dataclass(frozen=True)
class SetAside:
    """A readable file left out of the ranking, and why (a duplicate, another year, another score sheet)."""

    kind: str          # DUPLICATE / OTHER_YEAR / OTHER_TEMPLATE
    file: FileScore
    reason: str


DUPLICATE = "重复"
OTHER_YEAR = "其他年度"
OTHER_TEMPLATE = "其他评分表"
DATA_CHANGED = "数据被改动"      # changed after export: not ranked, never scored on the changed data
TO_CHECK = "需核对"


@dataclass
class Summary:
    folder: str
    year: int | None
    shape: SheetShape | None                     # the score sheet the ranked files were scored with
    ranked: list[tuple[int | None, FileScore]]   # (排名, file), best first; unscored files last, without a rank
    set_aside: list[SetAside] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    files_seen: int = 0
    expected: list[str] | None = None            # the departments the bureau expects (None: no list given)
    expected_source: str = ""                    # where the list came from
    missing: list[str] = field(default_factory=list)        # expected, but no file of this year's ranked
    unexpected: list[FileScore] = field(default_factory=list)   # ranked, department not on the list
    received: dict[str, str] = field(default_factory=dict)  # expected department → why it has no rank, if so
    shapes: dict[str, SheetShape] = field(default_factory=dict)   # every score sheet read, by digest
    region: str = ""         # for the title: given, else the score sheet's
    bureau: str = ""         # 编制单位: given, else the score sheet's bureau line

    @property
    def to_check(self) -> list[tuple[FileScore, str]]:
        """Ranked files a reviewer should look at twice: 错误 in the audit, figures changed on the visible
        sheets, a stated 总分 that does not agree (files whose data was changed are not ranked: set_aside)."""
        out = []
        for _rank, row in self.ranked:
            reasons = check_reasons(row)
            if reasons:
                out.append((row, "；".join(reasons)))
        return out

    @property
    def not_reports(self) -> list[Unreadable]:
        return [bad for bad in self.unreadable if bad.kind == NOT_A_REPORT]

    @property
    def broken(self) -> list[Unreadable]:
        return [bad for bad in self.unreadable if bad.kind != NOT_A_REPORT]


def check_reasons(row: FileScore) -> list[str]:
    reasons = []
    if row.errors:
        listed = "；".join(row.error_texts)
        reasons.append(f"审核有 {row.errors} 个错误" + (f"：{listed}" if listed else ""))
    if row.shown_status == SHOWN_CHANGED:
        reasons.append(shown_text(row) + "；排名按数据重新计算")
    if row.claim == CLAIM_DIFFERS:
        reasons.append(f"文件所载总分 {row.claimed_total}，按其数据重新计算为 {_figure(row.total) or '（未评完）'}")
    return reasons


def shown_text(row: FileScore) -> str:
    """The cells changed on the visible sheets, as a clerk would look them up: 评分表 H30 显示“99”，按数据应为“89.3”."""
    listed = "；".join(f"“{sheet}”表 {cell} 显示“{_short(shown) or '（空）'}”，按数据应为“{_short(data) or '（空）'}”"
                      for sheet, cell, shown, data in row.shown_changes)
    more = f"等 {row.shown_change_count} 处" if row.shown_change_count > len(row.shown_changes) else ""
    version = (f"（文件由 {row.other_version} 导出，与本程序版本不同，部分差异可能来自版式变化）"
               if row.other_version else "")
    return f"表上的内容与数据不符{more}：{listed}{version}"


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _figure(value: Decimal | None) -> str:
    from evaldesk.scoring.rules import num

    return "" if value is None else num(value)
