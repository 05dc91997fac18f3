"""For any figures, inputs and hand scores: every score stays within 0…分值 and every subtotal adds up."""

from decimal import Decimal

from hypothesis import HealthCheck, given, settings

from evaldesk.scoring.engine import State, score_report

from .strategies import reports

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(reports())
def test_every_score_within_0_and_its_weight(report):
    sheet = score_report(report)
    for result in sheet.indicators.values():
        if result.score is None:
            assert result.state in (State.MISSING, State.NEEDS_HAND)
            assert result.explanation
        else:
            assert 0 <= result.score <= result.indicator.weight, (result.indicator.name, result.explanation)
            assert result.score == result.score.quantize(Decimal("0.01"))   # rounded once, to 2 decimals
        if result.computed is not None:
            assert 0 <= result.computed <= result.indicator.weight


@SETTINGS
@given(reports())
def test_every_subtotal_is_the_sum_of_its_children(report):
    sheet = score_report(report)

    def score(indicator):
        if indicator.is_leaf:
            return sheet.indicators[indicator.id].score or Decimal(0)
        return sheet.groups[indicator.id].score

    for group in sheet.groups.values():
        assert group.score == sum((score(child) for child in group.indicator.children), Decimal(0))
        assert 0 <= group.score <= group.indicator.weight
    assert sheet.total == sum((score(root) for root in sheet.template.roots), Decimal(0))
    assert sheet.complete == all(r.score is not None for r in sheet.indicators.values())
    assert (sheet.grade is not None) == sheet.complete
