"""Report + its template → every indicator's score, state and explanation; subtotals, total, grade.

Pure and fast (the whole Yunxi sheet in well under a millisecond): the window recomputes everything on every
edit and repaints what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from evaldesk.model.report import Report, sheet_key
from evaldesk.model.totals import summary_row
from evaldesk.model.template import Indicator, Template
from evaldesk.scoring.rules import Figures, num, round_score, scorer


class State(str, Enum):
    COMPUTED = "computed"
    HAND = "hand"
    OVERRIDDEN = "overridden"
    NEEDS_HAND = "needs_hand"
    MISSING = "missing"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]

    @property
    def scored(self) -> bool:
        return self in (State.COMPUTED, State.HAND, State.OVERRIDDEN)


STATE_LABELS = {
    State.COMPUTED: "已计算",
    State.HAND: "手工评分",
    State.OVERRIDDEN: "已改分",
    State.NEEDS_HAND: "待手工评分",
    State.MISSING: "缺少数据",
}


@dataclass(frozen=True)
class IndicatorResult:
    """One scored indicator: its state, score, what decided it and what is missing."""

    indicator: Indicator
    state: State
    score: Decimal | None         # what the sheet shows as 自评得分
    computed: Decimal | None      # what the rule gave (kept beside an override)
    hand: Decimal | None          # what the filler typed
    rate: Decimal | None
    explanation: str
    missing: tuple[str, ...]
    reason: str
    problems: tuple[str, ...]     # what the filler still owes (a reason for a deduction or an override)

    @property
    def id(self) -> str:
        return self.indicator.id

    @property
    def deducted(self) -> bool:
        return self.score is not None and self.score < self.indicator.weight


@dataclass(frozen=True)
class GroupResult:
    """A 一级/二级 indicator: the sum of its children's scores."""

    indicator: Indicator
    score: Decimal        # sum of the children's scores that exist
    complete: bool        # every indicator below has a score


@dataclass(frozen=True)
class SheetResult:
    """The whole score sheet scored: each indicator, each group, the total and the grade."""

    template: Template
    indicators: dict[str, IndicatorResult]
    groups: dict[str, GroupResult]
    total: Decimal
    complete: bool
    grade: str | None     # only once every indicator has a score

    def result(self, indicator_id: str) -> IndicatorResult | GroupResult:
        return self.indicators.get(indicator_id) or self.groups[indicator_id]

    @property
    def pending(self) -> list[IndicatorResult]:
        return [r for r in self.indicators.values() if r.score is None]

    @property
    def problems(self) -> list[tuple[IndicatorResult, str]]:
        return [(r, p) for r in self.indicators.values() for p in r.problems]

    @property
    def final_total(self) -> Decimal | None:
        """The 总分 to print or send: only once every indicator has a score (a partial sum is not a result)."""
        return self.total if self.complete else None

    def total_text(self) -> str:
        """总分 as shown on screen: the figure, or how far scoring has got."""
        if self.complete:
            return num(self.total)
        return f"待定（已评 {num(self.total)} 分，尚有 {len(self.pending)} 项未评分）"

    def summary_line(self) -> str:
        return f"总分 {self.total_text()}　评价等次 {self.grade or '待定'}"


def score_indicator(indicator: Indicator, report: Report, summary: dict) -> IndicatorResult:
    fields = report.fields
    figures = Figures(fields, summary, lambda name: fields.get(sheet_key(indicator.id, "input", name)))
    outcome = scorer(indicator.rule).evaluate(indicator.rule, figures, indicator.weight)
    computed = None if outcome.score is None else round_score(outcome.score)
    hand = fields.get(sheet_key(indicator.id, "hand"))
    reason = str(fields.get(sheet_key(indicator.id, "reason")) or "").strip()
    explanation = outcome.explanation
    problems: list[str] = []
    stored_hand = hand
    if hand is not None and not 0 <= hand <= indicator.weight:
        # Given before the sheet lowered this indicator's 分值: it cannot count; the filler scores it again.
        problems.append(f"手工评分 {num(hand)} 超出现在的分值 {num(indicator.weight)}，须重新评分")
        hand = None

    if computed is not None:
        if hand is not None and hand != computed:
            state, score = State.OVERRIDDEN, hand
            explanation = f"{explanation}；已手工改为 {num(hand)} 分"
            if not reason:
                problems.append(f"计算得分 {num(computed)}，手工改为 {num(hand)}，须说明理由")
        else:
            state, score = State.COMPUTED, computed
    elif hand is not None:
        state, score = State.HAND, hand
        if indicator.rule.hand_only:
            explanation = f"手工评分 {num(hand)} 分"
        else:
            explanation = f"{outcome.explanation}　→ 手工评分 {num(hand)} 分"
            if not reason:
                problems.append("无法按规则计算，手工评分须说明理由")
    else:
        score = None
        state = State.MISSING if outcome.missing else State.NEEDS_HAND

    if score is not None and score < indicator.weight and not reason and not problems:
        problems.append(f"得分 {num(score)} 低于分值 {num(indicator.weight)}，须填写扣分原因")
    return IndicatorResult(indicator, state, score, computed, stored_hand, outcome.rate, explanation,
                           outcome.missing, reason, tuple(problems))


def score_report(report: Report, template: Template | None = None, summary: dict | None = None) -> SheetResult:
    """Every indicator of ``template`` (the report's own by default) scored; ``summary`` is the report's 汇总 row
    when the caller already has it."""
    template = template or report.template
    summary = summary_row(report) if summary is None else summary
    return sheet_of(template, {ind.id: score_indicator(ind, report, summary) for ind in template.leaves})


def sheet_of(template: Template, results: dict[str, IndicatorResult]) -> SheetResult:
    """The sheet made of its indicators' results: subtotals, total and grade."""
    groups: dict[str, GroupResult] = {}

    def walk(ind: Indicator) -> None:
        if not ind.is_leaf:
            for child in ind.children:
                walk(child)
            groups[ind.id] = group_of(ind, results, groups)

    for root in template.roots:
        walk(root)
    return sheet_with(template, results, groups)


def part_of(ind: Indicator, results: dict[str, IndicatorResult], groups: dict[str, GroupResult]) -> tuple[Decimal, bool]:
    """What ``ind`` adds to its parent's subtotal: its score (blank counting as 0) and whether it has one."""
    if ind.is_leaf:
        score = results[ind.id].score
        return (score or Decimal(0)), score is not None
    group = groups[ind.id]
    return group.score, group.complete


def group_of(ind: Indicator, results: dict[str, IndicatorResult], groups: dict[str, GroupResult]) -> GroupResult:
    """``ind``'s subtotal from its children's results (the groups among them already summed). The one sum the
    whole sheet and the incremental one both use, so they agree to the last digit and exponent."""
    parts = [part_of(child, results, groups) for child in ind.children]
    return GroupResult(ind, sum((p[0] for p in parts), Decimal(0)), all(p[1] for p in parts))


def sheet_with(template: Template, results: dict[str, IndicatorResult], groups: dict[str, GroupResult]) -> SheetResult:
    """The sheet from its indicators' results and every subtotal: total and grade."""
    parts = [part_of(root, results, groups) for root in template.roots]
    total = sum((p[0] for p in parts), Decimal(0))
    complete = all(p[1] for p in parts)
    return SheetResult(template, results, groups, total, complete, template.grade(total) if complete else None)
