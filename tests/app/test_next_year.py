"""Next year's report through the application layer: stored, its carried marks recorded beside it and following
the filler's edits; a session on it says which values came from last year."""

from decimal import Decimal

import pytest

from evaldesk.app.next_year import carried_marks, create_next_year
from evaldesk.app.session import ReportSession
from evaldesk.model.edits import SetCell, SetField
from evaldesk.datafile.errors import StoreError
from evaldesk.scoring.template import builtin_template

CARRIED_INPUT = "sheet.sangong_change.input.last_year_sangong"


def test_stored_with_marks_that_follow_the_fillers_edits(store, sample):
    sample.units[0].cells["expense.balance_total"] = Decimal("3.25")
    old_id = store.add(sample)
    new, _ = create_next_year(store, old_id)
    loaded = store.load(new.id)
    marks = carried_marks(store, new.id)
    office = loaded.units[0]
    assert marks.field_is_carried(loaded, "cover.department")
    assert marks.field_is_carried(loaded, CARRIED_INPUT)
    assert marks.cell_is_carried(loaded, office.id, "income.carryover")
    assert not marks.field_is_carried(loaded, "basic.staff_actual")

    store.apply(loaded, SetField("basic.phone", "8417999"))  # carried values are ordinary, editable values
    store.apply(loaded, SetCell(office.id, "income.carryover", "3"))
    again = store.load(new.id)
    assert again.fields["basic.phone"] == "8417999"
    assert not carried_marks(store, new.id).field_is_carried(again, "basic.phone")
    assert not carried_marks(store, new.id).cell_is_carried(again, office.id, "income.carryover")
    assert carried_marks(store, new.id).field_is_carried(again, "basic.contact")
    # the old report is untouched, and a report not made from last year's has no marks
    assert store.load(old_id).fields["basic.phone"] == "8417107"
    assert carried_marks(store, old_id).fields == {}



def test_a_session_on_next_years_report_marks_carried_values_until_changed(store, sample):
    old_id = store.add(sample)
    new, _ = create_next_year(store, old_id)
    session = ReportSession.open(store, new.id)
    assert session.carried_from("basic.contact") == "由 2021 年度报告带入，可修改"
    session.apply(SetField("basic.contact", "王五"))
    assert session.carried_from("basic.contact") is None
    session.undo()
    assert session.carried_from("basic.contact") is not None


def test_another_template_for_next_year_is_stored_with_it(store, sample):
    old_id = store.add(sample)
    dazhou = builtin_template("sichuan-dazhou-department")
    new, _ = create_next_year(store, old_id, dazhou)
    assert store.load(new.id).template.id == dazhou.id and store.load(new.id).year == 2022


def test_an_unknown_report_is_refused_and_nothing_is_stored(store):
    with pytest.raises(StoreError, match="没有编号为 7 的报告"):
        create_next_year(store, 7)
    assert store.list_reports() == []
