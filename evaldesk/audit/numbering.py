"""Heading numbers in part 五 (``resources/audit/numbering.json``): a number used twice (the copy's two （四）),
a gap (the copy's 一、二、四、, where “部门整体支出绩效情况” lost its 三、), or a number that goes backwards.

A 警告: the paper reads wrong and the reviewer will ask for it to be fixed, but the figures are not affected.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from evaldesk.audit.context import AuditContext
from evaldesk.audit.data import load, regex
from evaldesk.audit.findings import Finding, Severity
from evaldesk.audit.texts import Text, fields

DIGITS = "一二三四五六七八九"


def chinese_number(text: str) -> int | None:
    """一 … 九十九 → 1 … 99; None for anything else."""
    if not text or any(ch not in DIGITS + "十" for ch in text):
        return None
    if "十" not in text:
        return DIGITS.index(text) + 1 if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return None
    return (DIGITS.index(tens) + 1 if tens else 1) * 10 + (DIGITS.index(ones) + 1 if ones else 0)


def chinese_numeral(n: int) -> str:
    if n < 10:
        return DIGITS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else DIGITS[tens - 1]) + "十" + (DIGITS[ones - 1] if ones else "")


@dataclass(frozen=True)
class Heading:
    """A numbered heading found in a long text (一、 / （一） / 1.), with its line."""

    level: int
    number: int
    line: int
    text: str


@lru_cache(maxsize=None)
def rules() -> dict:
    return load("numbering")


def _shown(level: dict, n: int) -> str:
    return level["shown"].format(n=chinese_numeral(n) if level["numerals"] == "chinese" else n)


def headings(text: str) -> tuple[list[Heading], list[str]]:
    levels = rules()["levels"]
    patterns = [regex(level["pattern"]) for level in levels]
    lines = text.split("\n")
    found = []
    for index, line in enumerate(lines):
        for depth, (level, pattern) in enumerate(zip(levels, patterns)):
            match = pattern.match(line)
            if not match:
                continue
            raw = match.group(1)
            number = chinese_number(raw) if level["numerals"] == "chinese" else int(raw)
            if number:
                found.append(Heading(depth, number, index, line.strip()))
            break
    return found, lines


def _unnumbered_heading(lines: list[str], after: int, before: int) -> str | None:
    """A short line between two headings that looks like a heading without its number."""
    limit = int(rules()["heading_max"])
    for line in lines[after + 1:before]:
        line = line.strip()
        if line and len(line) <= limit and not line.endswith(("。", "：", ":", "；")):
            return line
    return None


def _excerpt(heading: Heading) -> str:
    return heading.text if len(heading.text) <= 20 else heading.text[:20] + "…"


def slips(source: Text) -> list[Finding]:
    levels = rules()["levels"]
    found, lines = headings(source.text)
    findings = []
    last: dict[int, Heading] = {}
    seen: dict[int, dict[int, Heading]] = {}

    def report(kind: str, level: dict, shown: str, message: str, cause: str = ""):
        parents = ".".join(str(last[d].number) for d in sorted(last) if d < levels.index(level))
        findings.append(Finding(f"numbering/{level['id']}/{parents}/{kind}/{shown}", Severity.WARNING,
                                f"{source.label}：{message}", source.where, "text.numbering",
                                cause=f"{source.label}：{cause}" if cause else ""))

    for heading in found:
        level = levels[heading.level]
        for deeper in [d for d in last if d > heading.level]:  # a heading starts its sub-levels afresh
            del last[deeper]
            seen.pop(deeper, None)
        numbers = seen.setdefault(heading.level, {})
        previous = last.get(heading.level)
        expected = previous.number + 1 if previous else 1
        shown = _shown(level, heading.number)
        if heading.number in numbers:
            first = numbers[heading.number]
            report("twice", level, shown, f"{level['label']}“{shown}”用了两次：“{_excerpt(first)}”和"
                                          f"“{_excerpt(heading)}”", cause=f"{level['label']}“{shown}”重复使用")
        elif heading.number > expected:
            gap = "、".join(_shown(level, n) for n in range(expected, heading.number))
            after = f"“{_shown(level, previous.number)}”之后" if previous else "开头"
            candidate = _unnumbered_heading(lines, previous.line if previous else -1, heading.line)
            hint = f"（“{candidate}”一段可能漏了编号）" if candidate and heading.level == 0 else ""
            report("gap", level, shown, f"{level['label']}{after}是“{shown}”，缺少“{gap}”{hint}")
        elif heading.number < expected:
            report("order", level, shown, f"{level['label']}“{shown}”排在“{_shown(level, previous.number)}”之后，"
                                          f"顺序颠倒")
        numbers.setdefault(heading.number, heading)
        last[heading.level] = heading
    return findings


def check(ctx: AuditContext) -> list[Finding]:
    findings = []
    for source in fields(ctx.report, rules()["fields"]):
        findings += slips(source)
    return findings
