"""Inserting or replacing one section of the filler's 综述 with its draft, and marking sections whose quoted
figures have since changed."""

from evaldesk.drafts.sections import find_sections, insert_section, replace_section, replaced_words, stale_sections
from evaldesk.drafts.summary import draft_summary
from evaldesk.model.edits import SetField
from evaldesk.scoring.engine import score_report
from tests.audit.helpers import type_cell


def test_the_copys_own_sections_are_found_even_unnumbered(sample):
    text = sample.text("summary.text")
    spans = find_sections(text, draft_summary(sample))
    assert set(spans) == {"overview", "spending", "performance", "problems"}
    assert text[spans["performance"].start:].startswith("部门整体支出绩效情况")
    assert text[spans["problems"].start:].startswith("四、建议")


def test_replacing_a_section_keeps_every_other_word_of_the_filler(sample):
    text = sample.text("summary.text")
    draft = draft_summary(sample)
    new = replace_section(text, draft, "spending")
    spans = find_sections(text, draft)
    assert new.startswith(text[:spans["spending"].start])
    assert new.endswith(text[spans["spending"].end:])
    drafted = draft.section("spending").text.replace("\n【可在此补写本单位加强预算管理、规范资金使用的主要做法】", "")
    assert drafted in new and "我办全年支出90.5万元" not in new  # the figures restated by the draft's
    # the filler's own 209 characters stay where the draft's prompt asked for them: never a prompt for their words
    assert "近年来，我办严格贯彻执行" in new and "【可在此补写" not in new
    assert replaced_words(text, draft, "spending") == [
        "我办全年支出90.5万元，其中基本支出90.5万元，（人员经费支出60.9万元，公用支出29.6万元），三公经费0.73万元，固定资产合计11.3万元。"]


def test_a_section_with_no_words_of_the_fillers_own_gets_the_drafts_prompt(sample):
    draft = draft_summary(sample)
    text = "二、一般公共预算支出情况\n全年支出90.5万元。"
    assert "【可在此补写" in replace_section(text, draft, "spending")


def test_inserting_puts_a_missing_section_in_the_forms_order(sample):
    draft = draft_summary(sample)
    text = "一、部门（单位）概况\n我办概况。\n四、存在的问题及建议\n问题。"
    new = insert_section(text, draft, "spending")
    assert new.index("二、一般公共预算支出情况") < new.index("四、存在的问题及建议")
    assert new.startswith("一、部门（单位）概况\n我办概况。\n二、")
    assert insert_section("", draft, "overview") == draft.section("overview").text


def test_a_drafted_section_whose_figures_changed_is_marked(sample):
    draft = draft_summary(sample)
    SetField("summary.text", draft.text).apply(sample)
    assert stale_sections(sample, score_report(sample), draft) == {}
    type_cell(sample, "expense.personnel", "65")
    stale = stale_sections(sample, score_report(sample), draft_summary(sample))
    assert set(stale) == {"spending"}
    assert any("人员经费60.90万元" in words and "65.00" in words for words in stale["spending"])
