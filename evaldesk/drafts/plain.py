"""What a rule found, in a report's words rather than its formula: “预算调整率为23.13%，超过20%” where the score
sheet shows “预算调整率 = |90.5 − 73.5| ÷ 73.5 = 23.13%，属 (20%, 30%] 档”.

A rate scored by bands or per point over a threshold is said as its value and the edge it crossed — the edge
between its band and the better one next to it. Other rule kinds (a checklist, cases, 结余) already explain
themselves in words: their explanation is used as it is, without the score it gave.
"""

from __future__ import annotations

import re

from evaldesk.drafts.wording import Wording, fill
from evaldesk.scoring.engine import IndicatorResult
from evaldesk.scoring.params import num, pct
from evaldesk.scoring.rules import Balance, Band, Bands, Checklist, PerPoint

# The rule's explanation ends with the score it gave (and per-point rules with the points taken off): a reason
# says what was deducted instead, so those tails are taken off before the wording adds its own.
_SCORE_TAIL = re.compile(r"(?:，扣 [\d.]+ 分(?:（扣完为止）)?)?，得 [\d.]+ 分$")


def rule_explanation(result: IndicatorResult) -> str:
    """What the rule found, without the score it gave: 预算调整率 = |90.5 − 73.5| ÷ 73.5 = 23.13%，属 (20%, 30%] 档."""
    return _SCORE_TAIL.sub("", result.explanation)


def _band_edge(bands: list[Band], rate) -> tuple[str, str] | None:
    """(the wording's comparison key, the edge) between the rate's band and a better-scoring one beside it."""
    band = next((b for b in bands if b.contains(rate)), None)
    if band is None:
        return None
    better = [b for b in bands if b.score > band.score]
    above = band.upper is not None and any(b.lower is not None and b.lower >= band.upper for b in better)
    below = band.lower is not None and any(b.upper is not None and b.upper <= band.lower for b in better)
    if above == below:   # better on both sides, or on neither: no one edge to name
        return None
    edge = band.upper if above else band.lower
    if any(b.lower == b.upper == edge for b in better):   # the better band is the edge itself (=0): nothing to add
        return "none", ""
    if above:
        return ("at_most" if band.upper_inclusive else "below"), f"{num(edge)}%"
    return ("at_least" if band.lower_inclusive else "above"), f"{num(edge)}%"


# The 资金结余 rule's comparison as the sheet writes it: 累计结余 56.5 > 上年结转 15.5.
_COMPARED = re.compile(r"^(\S+) (-?[\d.]+) ([>≤]) (\S+) (-?[\d.]+)，[^，]*$")
_ITEM = re.compile(r"第(\d+)项")
_ITEM_SHOWN = 24   # characters of a requirement named in a sentence


def _in_words(result: IndicatorResult, wording: Wording) -> str:
    """A rule's own explanation in a report's words: a comparison of amounts with 万元 and 超过/未超过, never
    “56.5 > 15.5”; a checklist's “第5项不符合” with the requirement it names."""
    rule, explanation = result.indicator.rule, rule_explanation(result)
    items = wording.items["finding"]
    compared = _COMPARED.match(explanation) if isinstance(rule, Balance) else None
    if compared:
        left, left_value, sign, right, right_value = compared.groups()
        return fill(items["balance_over" if sign == ">" else "balance_within"],
                    {"balance": left, "amount": left_value, "carryover": right, "carryover_amount": right_value},
                    wording.gap, {})
    if isinstance(rule, Checklist):
        def named(found: re.Match) -> str:
            number = int(found.group(1))
            if not 1 <= number <= len(rule.items):
                return found.group(0)
            text = rule.items[number - 1][1].strip().rstrip("。；;")
            return "“" + (text if len(text) <= _ITEM_SHOWN else text[:_ITEM_SHOWN] + "…") + "”"
        return _ITEM.sub(named, explanation).replace("”、“", "”“")
    return explanation


def plain_finding(result: IndicatorResult, wording: Wording) -> str:
    """The rule's finding as a sentence of the report; the explanation itself when there is no plainer way."""
    rule, rate = result.indicator.rule, result.rate
    edge = None
    if isinstance(rule, Bands) and rate is not None:
        edge = _band_edge(rule.bands, rate)
    elif isinstance(rule, PerPoint) and rate is not None:
        edge = ("above" if rule.direction == "over" else "below"), f"{num(rule.threshold)}%"
    if edge is None:
        return _in_words(result, wording)
    comparison, at = edge
    items = wording.items["finding"]
    text = items["measured"] + ("" if comparison == "none" else "，" + items[comparison])
    # A typed value (a survey's 92%) is said as typed; a computed rate as the sheet shows it (23.13%).
    value = f"{num(rate)}%" if rule.rate.formula == "value" else pct(rate)
    return fill(text, {"measure": rule.rate.label, "value": value, "edge": at}, wording.gap, {})
