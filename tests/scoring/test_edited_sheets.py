"""Reports whose score sheet was edited after figures went in: what no longer fits the sheet does not count, does
not break export and import, and comes back exactly on undo."""

from decimal import Decimal

from evaldesk.exchange.report_json import dumps, loads
from evaldesk.model.document import fingerprint
from evaldesk.exchange.workbook import read_workbook, write_workbook
from evaldesk.model.edits import SetField, SetTemplate
from evaldesk.scoring.engine import State, score_report
from evaldesk.scoring.template import Template
from evaldesk.templates import edit


def _with(sample, data):
    return SetTemplate(Template(data)).apply(sample)


def test_a_hand_score_above_a_lowered_weight_does_not_count(sample):
    data = edit.set_weight(sample.template.data, "growth_pole", 4)   # 7 → 4 (its hand score is 7)
    data = edit.set_weight(data, "other_work", 7)                    # 4 → 7, so the sheet still adds up
    _with(sample, data)
    result = score_report(sample).indicators["growth_pole"]
    assert result.score is None and result.state is State.NEEDS_HAND
    assert "超出现在的分值 4" in result.problems[0]
    assert score_report(sample).final_total is None  # the sheet is no longer complete: no 92.5 on screen


def test_undo_puts_back_exactly_what_was_stored(sample):
    undo_weight = _with(sample, edit.set_weight(edit.set_weight(sample.template.data, "growth_pole", 4),
                                                "other_work", 7))
    undo_hand = SetField("sheet.growth_pole.hand", "3").apply(sample)
    undo_hand.apply(sample)  # back to 7, although 7 no longer fits: an undo restores, it does not re-check
    assert sample.hand_score("growth_pole") == Decimal(7)
    undo_weight.apply(sample)
    assert score_report(sample).total == Decimal("92.5")


def test_entries_of_a_removed_indicator_do_not_break_the_json_round_trip(sample):
    _with(sample, edit.set_weight(edit.remove_indicator(sample.template.data, "payment_progress"),
                                  "budget_adjustment", 6))
    assert "sheet.payment_progress.input.late_projects" in sample.fields  # kept for undo …
    again = loads(dumps(sample))                                          # … but not part of the data
    assert "sheet.payment_progress.input.late_projects" not in again.fields
    assert fingerprint(again) == fingerprint(sample)


def test_the_workbook_of_an_edited_sheet_comes_back_unchanged(sample, tmp_path):
    data = edit.set_weight(edit.remove_indicator(sample.template.data, "payment_progress"), "budget_adjustment", 6)
    _with(sample, data)
    for indicator_id in ("sangong_change", "key_spending", "sangong_control", "procurement", "card_payment"):
        SetField(f"sheet.{indicator_id}.reason", "按实际情况评分").apply(sample)
    SetField("sheet.budget_adjustment.hand", "0.5").apply(sample)
    SetField("sheet.budget_adjustment.reason", "调整率 23.13%").apply(sample)
    path = tmp_path / "edited.xlsx"
    write_workbook(sample, path)
    read = read_workbook(path)
    assert read.fingerprint_matches, read.notes
    assert fingerprint(read.report) == fingerprint(sample)
