"""Heading numbers in part 五."""

from evaldesk.audit.findings import Severity
from evaldesk.audit.numbering import chinese_number, chinese_numeral

from .helpers import findings_of, replace_in, type_field


def test_chinese_numbers():
    for n in range(1, 100):
        assert chinese_number(chinese_numeral(n)) == n
    assert [chinese_numeral(n) for n in (1, 10, 11, 20, 35)] == ["一", "十", "十一", "二十", "三十五"]
    assert chinese_number("十十") is None and chinese_number("零") is None


def test_the_copy_corrected_has_no_slip(sample):
    replace_in(sample, "summary.text", "\n部门整体支出绩效情况\n", "\n三、部门整体支出绩效情况\n")
    replace_in(sample, "summary.text", "（四）围绕服务大局", "（六）围绕服务大局")
    assert findings_of(sample, "text.numbering") == []


def test_a_gap_among_sub_headings(sample):
    replace_in(sample, "summary.text", "\n部门整体支出绩效情况\n", "\n三、部门整体支出绩效情况\n")
    replace_in(sample, "summary.text", "（四）围绕服务大局", "（六）围绕服务大局")
    replace_in(sample, "summary.text", "（三）坚守底线", "（四）坚守底线")
    replace_in(sample, "summary.text", "（四）真改实改", "（五）真改实改")
    replace_in(sample, "summary.text", "（五）优服务", "（六）优服务")
    replace_in(sample, "summary.text", "（六）围绕服务大局", "（七）围绕服务大局")
    [finding] = findings_of(sample, "text.numbering")
    assert finding.severity is Severity.WARNING
    assert "二级标题“（二）”之后是“（四）”，缺少“（三）”" in finding.message


def test_a_heading_number_that_goes_backwards(sample):
    type_field(sample, "summary.text", "一、概况\n二、支出\n（一）甲\n（三）乙\n（二）丙")
    found = findings_of(sample, "text.numbering")
    assert [f.key.split("/")[3] for f in found] == ["gap", "order"]
    assert "“（二）”排在“（三）”之后" in found[1].message


def test_numbered_items_restart_under_each_heading(sample):
    type_field(sample, "summary.text", "一、概况\n（一）甲\n1.a\n2.b\n（二）乙\n1.c\n2.d\n二、建议\n1.e\n3.f")
    [finding] = findings_of(sample, "text.numbering")
    assert "三级标题“2.”之后是“3.”，缺少“2.”" not in finding.message
    assert "缺少“2.”" in finding.message
    assert finding.key == "numbering/item/2/gap/3."


def test_a_decimal_number_at_a_line_start_is_not_a_heading(sample):
    type_field(sample, "summary.text", "一、概况\n1.5万元用于办公\n二、建议")
    assert findings_of(sample, "text.numbering") == []


def test_the_same_slip_under_two_headings_has_two_keys(sample):
    type_field(sample, "summary.text", "一、甲\n1.a\n1.b\n二、乙\n1.c\n1.d")
    keys = [f.key for f in findings_of(sample, "text.numbering")]
    assert keys == ["numbering/item/1/twice/1.", "numbering/item/2/twice/1."]
