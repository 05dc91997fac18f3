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


@dataclass(frozen=True)
class SheetShape:
    """The score sheet a file was scored with, reduced to what the summary's columns need."""

    template_id: str
    template_name: str
    roots: tuple[tuple[str, str, Decimal], ...]   # the 一级 indicators: (id, name, 分值)
    leaves: tuple[Leaf, ...]
    grades: tuple[str, ...]                         # the template's 等次, best first
    digest: str                                     # the whole template's digest: equal digests, equal sheets


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


@dataclass(frozen=True)
class Unreadable:
    """A file that could not be read, with the reason in Chinese."""

    path: str
    reason: str


@dataclass(frozen=True)
class SetAside:
    """A readable file left out of the ranking, and why (a duplicate, another year, another score sheet)."""

    kind: str          # DUPLICATE / OTHER_YEAR / OTHER_TEMPLATE
    file: FileScore
    reason: str


DUPLICATE = "重复"
OTHER_YEAR = "其他年度"
OTHER_TEMPLATE = "其他评分表"
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

    @property
    def to_check(self) -> list[tuple[FileScore, str]]:
        """Ranked files a reviewer should look at twice: changed after export, or a 总分 that does not agree."""
        out = []
        for _rank, row in self.ranked:
            reasons = []
            if row.fingerprint_status == FINGERPRINT_CHANGED:
                reasons.append("数据在导出后被改动（指纹不符），已按改动后的数据重新评分")
            if row.claim == CLAIM_DIFFERS:
                reasons.append(f"文件所载总分 {row.claimed_total}，按其数据重新计算为 "
                               f"{_figure(row.total) or '（未评完）'}")
            if reasons:
                out.append((row, "；".join(reasons)))
        return out


def _figure(value: Decimal | None) -> str:
    from evaldesk.scoring.rules import num

    return "" if value is None else num(value)
