"""Places: one text form each, read back by one parser; their sections and words as a filler reads them."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evaldesk.model.edits import Batch, InsertItem, RemoveUnit, SetCell, SetField, SetItemValue
from evaldesk.model.form import FIELDS, SECTION_FINANCE, SECTION_PEOPLE, SECTION_SHEET
from evaldesk.model.places import (
    CellPlace, DraftPlace, FieldPlace, ItemPlace, NotePlace, PlaceError, SectionPlace, SheetPlace, TemplatePlace,
    UnitPlace, UnitsPlace, parse_key, parse_place,
)
from evaldesk.model.report import Item

ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_", min_size=1, max_size=12)
places = st.one_of(
    st.sampled_from([FieldPlace(spec.key) for spec in FIELDS]),
    st.builds(SheetPlace, ids, st.sampled_from(["hand", "reason"])),
    st.builds(lambda i, n: SheetPlace(i, "input", n), ids, ids),
    st.builds(NotePlace, st.text(min_size=1, max_size=30)),
    st.builds(CellPlace, st.one_of(st.none(), ids), st.sampled_from(["income.general", "expense.total"])),
    st.builds(UnitPlace, ids),
    st.just(UnitsPlace()), st.just(TemplatePlace()), st.just(DraftPlace()),
    st.builds(ItemPlace, st.sampled_from(["tasks", "quant"])),
    st.builds(ItemPlace, st.sampled_from(["tasks", "quant"]), ids),
    st.builds(ItemPlace, st.sampled_from(["tasks", "quant"]), ids, st.sampled_from(["text", "name"])),
    st.builds(SectionPlace, st.sampled_from(["封面", SECTION_SHEET])),
)


@given(places)
def test_every_place_reads_back_from_its_text(place):
    assert parse_place(str(place)) == place


@pytest.mark.parametrize("text", ["", "cover.nothing", "sheet.x", "sheet.x.input", "sheet.x.hands", "unit/",
                                  "unit/a/b/c", "list/", "section/", "whatever"])
def test_texts_that_name_no_place_are_refused_in_chinese(text):
    with pytest.raises(PlaceError, match="报告中"):
        parse_place(text)


def test_a_stored_key_is_the_places_text():
    assert parse_key("sheet.budget.input.adjusted") == SheetPlace("budget", "input", "adjusted")
    assert SheetPlace("budget", "input", "adjusted").key == "sheet.budget.input.adjusted"
    assert NotePlace("required/basic.contact").key == "note.required/basic.contact"


def test_sections_follow_the_form(sample):
    unit = sample.units[0]
    assert CellPlace(unit.id, "income.general").section == SECTION_FINANCE
    assert ItemPlace("evaluators", "x", "name").section == SECTION_PEOPLE
    assert SheetPlace("budget_adjustment", "reason").section == SECTION_SHEET
    assert FieldPlace("people.filler").section == SECTION_PEOPLE


def test_words_for_a_reviewer_and_for_an_undo_text(sample):
    unit = sample.units[0]
    task = sample.items("tasks")[2]
    assert CellPlace(unit.id, "income.general").label(sample) == f"年度收入情况（万元） · {unit.name} · 公共财政拨款"
    assert CellPlace(unit.id, "income.general").phrase(sample) == f"{unit.name}的公共财政拨款"
    assert CellPlace(None, "income.general").phrase(sample) == "局机关及二级机构汇总的公共财政拨款"
    assert ItemPlace("tasks", task.id, "text").phrase(sample) == "任务3的工作内容"
    assert SheetPlace("budget_adjustment", "reason").label(sample) == "评分表 · “预算调整率” · 扣分原因"
    assert SheetPlace("budget_adjustment", "reason").phrase(sample) == "“预算调整率”的扣分原因"
    assert FieldPlace("basic.contact").phrase(sample) == "联系人"
    # an entry of an indicator the sheet no longer has (kept for undo) is still named
    assert SheetPlace("gone", "hand").label(sample) == "评分表 · 指标“gone” · 手工评分"


def test_edits_say_which_places_they_change(sample):
    unit = sample.units[0]
    assert list(SetField("basic.contact", "李").changes()) == [FieldPlace("basic.contact")]
    assert list(SetCell(unit.id, "income.general", "1").changes()) == [CellPlace(unit.id, "income.general")]
    assert list(SetItemValue("tasks", "t1", "text", "x").changes()) == [ItemPlace("tasks", "t1", "text")]
    batch = Batch([InsertItem("tasks", 0, Item("t2")), RemoveUnit(unit.id)])
    changes = batch.changes()
    assert changes.units and not changes.score_sheet
    assert changes.of(ItemPlace) == [ItemPlace("tasks", "t2"), ItemPlace("tasks")]
