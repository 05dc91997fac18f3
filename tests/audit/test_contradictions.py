"""Texts that contradict each other on one subject."""

from evaldesk.audit.findings import Severity

from .helpers import findings_of, quant_row, replace_in, type_field, type_item, type_reason


def _agree_on_growth(report, words="负增长"):
    type_field(report, "self.actual", f"按政策要求圆满完成了各项改革和管理工作任务，全区财政供养人员继续实现{words}")
    row = quant_row(report, "经济效益")
    type_item(report, "quant", row, "target", f"全区财政供养人员继续实现{words}")
    type_item(report, "quant", row, "actual", f"全区财政供养人员继续实现{words}。")


def test_all_texts_saying_the_same_is_no_finding(sample):
    _agree_on_growth(sample, "正增长")
    assert findings_of(sample, "text.contradiction") == []  # 正增长, 正增长, 净增35名 all say up


def test_down_against_up(sample):
    _agree_on_growth(sample)
    type_reason(sample, "benefits", "财政供养人员负增长目标完成")
    # only part 五's 净增35名 still says up
    [finding] = findings_of(sample, "text.contradiction")
    assert finding.severity is Severity.WARNING
    assert "净增35名" in finding.message and "负增长" in finding.message and "正增长" not in finding.message


def test_two_different_counts_in_the_same_direction(sample):
    _agree_on_growth(sample, "正增长")
    type_field(sample, "self.actual", "全区财政供养人员净增30名")
    [finding] = findings_of(sample, "text.contradiction")
    assert "净增30名" in finding.message and "净增35名" in finding.message


def test_a_claim_far_from_the_subject_is_not_read_as_about_it(sample):
    _agree_on_growth(sample, "正增长")
    type_field(sample, "self.actual", "全区财政供养人员总量控制在基数范围内，三公经费实现负增长")
    assert findings_of(sample, "text.contradiction") == []


def test_a_claim_in_the_next_sentence_is_not_about_the_subject(sample):
    _agree_on_growth(sample, "正增长")
    type_field(sample, "self.actual", "财政供养人员。负增长")
    assert findings_of(sample, "text.contradiction") == []


def test_the_note_explains_it(sample):
    type_field(sample, "note.contradiction/staff_growth", "净增35名不含事权下放人员；含下放人员为负增长")
    [finding] = findings_of(sample, "text.contradiction")
    assert finding.explained


def test_the_place_moves_with_the_first_claim(sample):
    replace_in(sample, "self.actual", "，全区财政供养人员继续实现负增长", "")
    [finding] = findings_of(sample, "text.contradiction")
    assert str(finding.where).startswith("list/quant/") and str(finding.where).endswith("/target")
