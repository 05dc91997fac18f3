"""A new report from last year's: year + 1, exactly the listed things carried, the rest empty; carried values are
ordinary values, marked as carried until the filler changes them."""

from decimal import Decimal

import pytest

from evaldesk.model.form import FIELDS, LIST_BY_KEY
from evaldesk.model.layout import cover_text, report_title
from evaldesk.scoring.engine import State, score_report
from evaldesk.scoring.template import builtin_template
from evaldesk.templates.newyear import CARRIED_FIELDS, start_next_year

CARRIED_INPUT = "sheet.sangong_change.input.last_year_sangong"


def test_year_plus_one_carries_exactly_the_listed_fields(sample):
    new, carried = start_next_year(sample)
    assert new.year == 2022
    assert new.id is None  # not stored yet
    # The sample leaves 地区/财政局 to its Yunxi sheet: next year has them as that cover printed them.
    wording = {"cover.region": "岳阳市云溪区", "cover.bureau": "岳阳市云溪财政局（制）"}
    expected = {key: sample.fields.get(key, wording.get(key)) for key in CARRIED_FIELDS}
    assert expected["cover.department"] == "中共岳阳市云溪区委机构编制委员会办公室"
    assert expected["basic.staff_quota"] == 6
    assert new.fields == {**expected, CARRIED_INPUT: Decimal("0.73")}
    assert carried.fields == new.fields and carried.source_year == 2021


@pytest.mark.parametrize("key", ["cover.report_date", "basic.staff_actual", "basic.achievements", "self.actual",
                                 "summary.text"])
def test_dates_results_and_texts_of_the_year_start_empty(sample, key):
    assert sample.fields.get(key) is not None  # the sample has it…
    new, _ = start_next_year(sample)
    assert key not in new.fields               # …next year starts without it


def test_no_score_hand_reason_or_note_is_carried(sample):
    sample.fields["note.sangong.over_budget"] = "说明"
    new, _ = start_next_year(sample)
    assert [key for key in new.fields if key.startswith(("sheet.", "note."))] == [CARRIED_INPUT]
    sheet = score_report(new)
    assert sheet.grade is None
    assert all(result.hand is None and result.reason == "" for result in sheet.indicators.values())
    assert sheet.indicators["xiaokang"].state is State.NEEDS_HAND


def test_lists_evaluators_carry_the_rest_start_empty(sample):
    new, _ = start_next_year(sample)
    assert [item.values for item in new.lists["evaluators"]] == [item.values for item in sample.lists["evaluators"]]
    assert {item.id for item in new.lists["evaluators"]}.isdisjoint(item.id for item in sample.lists["evaluators"])
    for list_key in set(LIST_BY_KEY) - {"evaluators"}:
        assert sample.lists[list_key] and new.lists[list_key] == []


def test_units_carry_by_name_and_order_with_only_last_years_balance(sample):
    office, first, second = sample.units
    office.cells["expense.balance_total"] = Decimal("3.25")
    first.cells["expense.balance_total"] = Decimal("0")
    first.cells["income.general"] = Decimal("12")
    new, carried = start_next_year(sample)
    assert [unit.name for unit in new.units] == ["局机关", "二级机构1", "二级机构2"]
    assert [unit.cells for unit in new.units] == [
        {"income.carryover": Decimal("3.25")},  # 上年结转 ← 累计结余
        {"income.carryover": Decimal("0")},     # a 0 balance is a figure: carried as 0
        {},                                     # blank stays blank
    ]
    assert carried.cells == {(new.units[0].id, "income.carryover"): Decimal("3.25"),
                             (new.units[1].id, "income.carryover"): Decimal("0")}


def test_last_years_sangong_total_feeds_the_change_rate(sample):
    sample.units[1].cells["sangong.car_run"] = Decimal("1.27")  # 汇总: 0.73 + 1.27 = 2
    new, _ = start_next_year(sample)
    assert new.fields[CARRIED_INPUT] == Decimal("2")
    new.units[0].cells["sangong.reception"] = Decimal("2.1")  # 5% more than last year: 2.5 points deducted
    result = score_report(new).indicators["sangong_change"]
    assert result.state is State.COMPUTED and result.score == Decimal("2.5")


def test_a_blank_sangong_table_carries_nothing(sample):
    for unit in sample.units:
        unit.cells.pop("sangong.reception", None)
    new, carried = start_next_year(sample)
    assert CARRIED_INPUT not in new.fields and CARRIED_INPUT not in carried.fields
    assert score_report(new).indicators["sangong_change"].state is State.MISSING


def test_a_newer_template_decides_which_inputs_carry(sample):
    dazhou = builtin_template("sichuan-dazhou-department")
    new, carried = start_next_year(sample, dazhou)
    assert new.template is dazhou
    assert not any(key.startswith("sheet.") for key in new.fields)  # the Dazhou sheet declares no carry
    assert set(carried.fields) == set(CARRIED_FIELDS)


def test_a_county_keeps_its_region_and_bureau_on_a_region_neutral_sheet(sample):
    new, _ = start_next_year(sample, builtin_template("generic-department"))
    assert report_title(new) == "岳阳市云溪区2022年度部门整体支出绩效评价自评报告"
    assert cover_text(new, "bureau") == "岳阳市云溪财政局（制）"


def test_every_form_field_is_either_carried_or_left_empty_on_purpose(sample):
    """A field added to the form later must be placed on one side or the other (this test names it)."""
    left_empty = {"cover.report_date", "basic.staff_actual", "basic.achievements", "self.actual", "summary.text",
                  "cover.report_attachment", "cover.sheet_attachment"}  # the new sheet numbers its attachments
    assert {spec.key for spec in FIELDS} == set(CARRIED_FIELDS) | left_empty
