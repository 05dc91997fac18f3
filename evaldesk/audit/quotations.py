"""Figures the texts quote, against the figures the form holds (``resources/audit/quotations.json``):

* part 五 quotes part 二 (“全年支出90.5万元”, “三公经费0.73万元”, “固定资产合计11.3万元”) — each quote must equal
  the 汇总 row;
* a text that quotes the 综合得分 or 评价等次 must agree with the score sheet;
* a text that quotes the 满意度 is compared with the survey result typed on the sheet.

These read prose with patterns, which can misread a sentence that quotes some other figure; so a mismatch is a
警告 (fix it, or say in a 说明 why the text means something else), never an 错误 that a misreading could make
impossible to clear.
"""

from __future__ import annotations

from collections import Counter

import re
from decimal import Decimal
from functools import lru_cache

from evaldesk.audit import places
from evaldesk.audit.context import AuditContext
from evaldesk.audit.data import load, regex
from evaldesk.audit.findings import Finding, Severity
from evaldesk.audit.texts import fields, readable
from evaldesk.model.form import SUMMARY_ROW_LABEL
from evaldesk.model.places import CellPlace, SheetPlace
from evaldesk.model.values import decimal_text, format_amount
from evaldesk.scoring.report_text import score_text


@lru_cache(maxsize=None)
def rules() -> dict:
    return load("quotations")


@lru_cache(maxsize=None)
def figure_patterns() -> tuple[tuple[dict, re.Pattern], ...]:
    data = rules()
    spec = data["figures"]
    compiled = []
    for quote in spec["quotes"]:
        places.cell_label(quote["figure"])  # an unknown figure in the data file fails here, naming it
        compiled.append((quote, regex(f"(?:{quote['phrase']}){spec['connector']}{data['number']}{spec['unit']}")))
    return tuple(compiled)


def _excluded(text: str, start: int) -> bool:
    """The phrase follows a word such as 上年 or 比: the figure is another year's or a comparison."""
    return any(text[:start].endswith(word) for word in rules()["figures"]["exclude_before"])


def _wrong(pattern: re.Pattern, text: str, actual: Decimal):
    """The quotations of one figure in ``text`` that differ from ``actual``."""
    for match in pattern.finditer(text):
        if not _excluded(text, match.start()) and Decimal(match.group(1)) != actual:
            yield match


def figure_findings(ctx: AuditContext) -> list[Finding]:
    findings = []
    sources = fields(ctx.report, rules()["figures"]["fields"])
    for quote, pattern in figure_patterns():
        actual = ctx.figure(quote["figure"])
        wrong = [(source, match) for source in sources for match in _wrong(pattern, source.text, actual)]
        if wrong:
            source = wrong[0][0]
            times = Counter(f"“{s.quote(m.start(), m.end(), 0)}”" for s, m in wrong)  # one quotation once, counted
            quoted = "；".join(quote_ if n == 1 else f"{quote_}（{n} 处）" for quote_, n in times.items())
            label = places.cell_label(quote["figure"])
            findings.append(Finding(
                f"quote/{quote['id']}", Severity.WARNING,
                f"{source.label}引用的{quote['label']}与第二部分不符：文中写{quoted}，{SUMMARY_ROW_LABEL}的{label}是 "
                f"{format_amount(actual)} 万元。请核对文字或收支表", source.where, "quote.figure",
                related=(CellPlace(None, quote["figure"]),)))
    return findings


@lru_cache(maxsize=None)
def _grade_pattern(labels: tuple[str, ...]) -> re.Pattern:
    return regex(rules()["grade"].replace("{grades}", "|".join(re.escape(label) for label in labels)))


def score_findings(ctx: AuditContext) -> list[Finding]:
    """A text quoting the 综合得分 or 评价等次 agrees with the sheet (once the sheet is complete)."""
    sheet = ctx.sheet
    if not sheet.complete:
        return []
    score_pattern = regex(rules()["score"])
    grade_pattern = _grade_pattern(tuple(band.label for band in sheet.template.grades))
    findings = []
    for source in ctx.texts:
        for match in score_pattern.finditer(source.text):
            if Decimal(match.group(1)) != sheet.total:
                findings.append(Finding(
                    f"score_quote/{source.key}", Severity.WARNING,
                    f"{source.label}写“{source.quote(match.start(), match.end(), 0)}”，评分表总分是 "
                    f"{score_text(sheet.total)} 分", source.where, "quote.score"))
                break
        for match in grade_pattern.finditer(source.text):
            if match.group(1) != sheet.grade:
                findings.append(Finding(
                    f"grade_quote/{source.key}", Severity.WARNING,
                    f"{source.label}写“{source.quote(match.start(), match.end(), 0)}”，评分表的评价等次是"
                    f"“{sheet.grade}”", source.where, "quote.grade"))
                break
    return findings


def _bound(prefix: str, suffix: str) -> str:
    """How a stated 满意度 is meant: "lower" (≥90%, 不低于90%, 90%以上), "upper" (≤, 不超过, 以内), "about"
    (约, 左右) or "" (the figure itself). Longer words first, so 不低于 is not read as 低于."""
    spec = rules()["satisfaction"]
    for kind in ("lower", "upper", "about"):
        if suffix and suffix in spec[kind]:
            return kind
    words = sorted(((word, kind) for kind in ("lower", "upper", "about") for word in spec[kind]),
                   key=lambda pair: -len(pair[0]))
    return next((kind for word, kind in words if word in prefix), "")


def _meets(bound: str, stated: Decimal, survey: Decimal) -> bool:
    return {"lower": survey >= stated, "upper": survey <= stated, "about": abs(survey - stated) <= 1,
            "": survey == stated}[bound]


def satisfaction_findings(ctx: AuditContext) -> list[Finding]:
    """The 满意度 as the texts state it against the survey result typed on the sheet.

    A result stated as a different figure, or as a bound the survey does not meet, is a 警告. A bound that the
    survey meets (“90%以上” for 92) is consistent, but the report then states the one figure two ways: a 提示.
    A 绩效目标 is a bound to reach, not a figure to equal (SPEC §3): “满意度≥90%” or “90%” met by 92 is no
    finding at all, and a target the survey missed is a 提示 (a result to explain, not two texts disagreeing).
    """
    spec = rules()["satisfaction"]
    if spec["indicator"] not in ctx.sheet.indicators:
        return []
    survey = ctx.report.sheet_input(spec["indicator"], spec["input"])
    if not isinstance(survey, Decimal):
        return []
    pattern = regex(spec["pattern"])
    where_typed = SheetPlace(spec["indicator"], "input", spec["input"])
    findings = []
    for source in ctx.texts:
        target = source.key.rpartition("/")[2] in spec["targets"] and source.key.startswith("quant/")
        for match in pattern.finditer(source.text):
            stated = Decimal(match.group(2))
            bound = _bound(match.group(1), match.group(3) or "") or ("lower" if target else "")
            quoted = source.quote(match.start(), match.end(), 0)
            meets = _meets(bound, stated, survey)
            if meets and (target or bound in ("", "about")):
                continue
            if target:
                severity, how = Severity.INFO, "未达到这一目标，可在完成情况或扣分原因中说明"
            elif meets:
                severity, how = Severity.INFO, "说法不同，但并不矛盾；可统一写法"
            else:
                severity, how = Severity.WARNING, "两处数字不符"
            findings.append(Finding(
                f"satisfaction_quote/{source.key}", severity,
                f"{source.label}写“{quoted}”，评分表填写的满意度调查结果是 {decimal_text(survey)}%：{how}",
                source.where, "quote.satisfaction", related=(where_typed,)))
            break
    return findings


def disagreements(ctx: AuditContext, text: str) -> list[str]:
    """What ``text`` quotes that the report's figures no longer say — the comparisons of the checks above, for a
    text that is not (yet) the report's own, such as a draft written before the figures changed. Each entry is the
    quoted words and the figure as it stands: “全年支出90.50万元”（现为 95.00 万元）."""
    text = readable(text)
    found = [f"“{match.group(0)}”（现为 {format_amount(actual)} 万元）"
             for quote, pattern in figure_patterns()
             for actual in (ctx.figure(quote["figure"]),)
             for match in _wrong(pattern, text, actual)]
    sheet = ctx.sheet
    score = regex(rules()["score"]).search(text)
    if score and (not sheet.complete or Decimal(score.group(1)) != sheet.total):
        found.append(f"“{score.group(0)}”（现为 {sheet.total_text()}）")
    grade = _grade_pattern(tuple(band.label for band in sheet.template.grades)).search(text)
    if grade and grade.group(1) != sheet.grade:
        found.append(f"“{grade.group(0)}”（现为 {sheet.grade or '待定'}）")
    return found


def check(ctx: AuditContext) -> list[Finding]:
    return figure_findings(ctx) + score_findings(ctx) + satisfaction_findings(ctx)
