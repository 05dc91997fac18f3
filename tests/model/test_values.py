"""What people type into a figure, and what is refused with a message that says what was expected."""

import copy
from decimal import Decimal

import pytest

from evaldesk.exchange.report_json import to_document
from evaldesk.model.edits import SetCell, SetField
from evaldesk.model.values import Rejected, parse_integer, parse_money, parse_percent, parse_score

D = Decimal


@pytest.mark.parametrize("typed, value", [
    ("90.5", "90.5"),
    ("９０．５", "90.5"),          # full-width digits and point
    ("1,234.50", "1234.50"),       # thousands separators
    ("1，234.5", "1234.5"),        # a full-width comma from a Chinese keyboard
    ("  90.5 ", "90.5"),
    ("9 0.5", "90.5"),
    ("\u300090.5", "90.5"),        # ideographic space
    ("90.5万元", "90.5"),
    ("90.5 万元", "90.5"),
    ("９０．５万元", "90.5"),
    ("0.73", "0.73"),
    (".5", "0.5"),
])
def test_money_accepts_what_people_type(typed, value):
    assert parse_money(typed) == D(value)


@pytest.mark.parametrize("blank", ["", "   ", None])
def test_blank_is_blank_not_zero(blank):
    assert parse_money(blank) is None


@pytest.mark.parametrize("junk", ["abc", "1.2.3", "1e5", "--1", "12,34", "九十", "90.5元", "5%", "NaN", "Infinity"])
def test_money_refuses_junk_with_a_message(junk):
    with pytest.raises(Rejected) as caught:
        parse_money(junk, what="公共财政拨款")
    message = str(caught.value)
    assert message.startswith("公共财政拨款应为数字") and "例如 90.5" in message
    assert junk in message


def test_money_refuses_a_float():
    with pytest.raises(Rejected):
        parse_money(90.5)


def test_money_is_never_negative_except_this_years_balance(blank_report):
    unit = blank_report.units[0].id
    with pytest.raises(Rejected, match="局机关的人员支出不能为负数"):
        SetCell(unit, "expense.personnel", "-1").apply(blank_report)
    SetCell(unit, "expense.balance_year", "-5.5").apply(blank_report)   # a year that drew on its carry-over
    assert blank_report.units[0].cells["expense.balance_year"] == D("-5.5")
    with pytest.raises(Rejected, match="累计结余不能为负数"):
        SetCell(unit, "expense.balance_total", "-5.5").apply(blank_report)


def test_computed_total_cannot_be_typed(blank_report):
    with pytest.raises(Rejected, match="收入合计.*自动合计"):
        SetCell(blank_report.units[0].id, "income.total", "90.5").apply(blank_report)


@pytest.mark.parametrize("typed, value", [("6", 6), ("６", 6), ("6人", 6), ("1,200", 1200), ("6.0", 6)])
def test_staff_numbers_are_whole(typed, value):
    assert parse_integer(typed) == value


@pytest.mark.parametrize("typed, message", [("6.5", "应为整数"), ("-1", "不能为负数"), ("六", "应为数字")])
def test_staff_numbers_refused(blank_report, typed, message):
    with pytest.raises(Rejected, match=f"人员编制{message}"):
        SetField("basic.staff_quota", typed).apply(blank_report)


@pytest.mark.parametrize("typed, value", [("92", "92"), ("92%", "92"), ("９２％", "92"), ("0", "0"), ("100", "100")])
def test_survey_percent(typed, value):
    assert parse_percent(typed) == D(value)


@pytest.mark.parametrize("typed", ["100.01", "-1", "120%"])
def test_survey_percent_outside_0_100(blank_report, typed):
    with pytest.raises(Rejected, match="应在 0～100 之间"):
        SetField("sheet.satisfaction.input.survey", typed).apply(blank_report)


@pytest.mark.parametrize("typed", ["5.01", "-0.5", "6", "abc"])
def test_hand_score_outside_0_to_weight(blank_report, typed):
    with pytest.raises(Rejected, match="财政供养人员控制率"):
        SetField("sheet.staff_control.hand", typed).apply(blank_report)


def test_hand_score_within_the_weight():
    assert parse_score("4.5分", D(5)) == D("4.5")
    assert parse_score("0", D(5)) == 0


def test_group_indicator_takes_no_hand_score(blank_report):
    """投入 is a sum of its children: a score typed against it would count nowhere."""
    with pytest.raises(Rejected, match="投入"):
        SetField("sheet.input.hand", "10").apply(blank_report)


@pytest.mark.parametrize("edit", [
    SetField("basic.staff_quota", "6.5"),
    SetField("sheet.satisfaction.input.survey", "abc"),
    SetField("sheet.staff_control.hand", "9"),
    SetField("cover.report_date", "2022年13月1日"),
    SetField("no.such.field", "x"),
])
def test_a_refused_value_changes_nothing(store, sample, edit):
    store.add(sample)
    before = copy.deepcopy(to_document(sample))
    with pytest.raises(Rejected):
        store.apply(sample, edit)
    assert to_document(sample) == before
    assert to_document(store.load(sample.id)) == before


def test_a_refused_cell_changes_nothing(store, sample):
    store.add(sample)
    before = copy.deepcopy(to_document(sample))
    with pytest.raises(Rejected, match="局机关的公共财政拨款应为数字"):
        store.apply(sample, SetCell(sample.units[0].id, "income.general", "九十点五"))
    assert sample.units[0].cells["income.general"] == D("90.5")
    assert to_document(sample) == before
    assert to_document(store.load(sample.id)) == before


def test_codes_and_phones_are_stored_as_the_bureau_matches_them(sample):
    from evaldesk.model.edits import SetField

    SetField("cover.budget_code", "  ３０１ ").apply(sample)
    SetField("basic.phone", "０７３０－８４１７１０７").apply(sample)
    assert sample.get("cover.budget_code") == "301"
    assert sample.get("basic.phone") == "0730-8417107"


@pytest.mark.parametrize("typed, expected", [
    ("1" * 27, "过大"),
    ("12345678901234", "过大"),
    ("0.123456789", "小数位过多"),
])
def test_numbers_no_form_holds_are_refused(typed, expected):
    from evaldesk.model.values import Rejected, parse_money

    with pytest.raises(Rejected) as err:
        parse_money(typed)
    assert expected in str(err.value)


def test_large_but_real_amounts_are_taken():
    from decimal import Decimal

    from evaldesk.model.values import parse_money

    assert parse_money("123,456,789,012.34万元") == Decimal("123456789012.34")


def test_a_character_the_printing_fonts_lack_is_refused_at_entry_saying_why(blank_report):
    import pytest

    from evaldesk.model.edits import SetField
    from evaldesk.model.values import Rejected

    for text in ("张𠀀", "进展顺利😀"):  # an astral CJK character, an emoji: both would print as empty boxes
        with pytest.raises(Rejected) as caught:
            SetField("basic.contact", text).apply(blank_report)
        assert "打印字体中没有" in str(caught.value) and "方框" in str(caught.value)
        assert "U+" in str(caught.value)
    assert blank_report.fields.get("basic.contact") in (None, "")  # nothing kept
    SetField("basic.contact", "张三丰\n（𬌗 的常用写法：合）".replace("𬌗", "")).apply(blank_report)  # common text is fine
    assert blank_report.fields["basic.contact"].startswith("张三丰")


def test_the_coverage_resource_matches_what_the_fonts_draw():
    from reportlab.pdfbase.ttfonts import TTFontFile

    from evaldesk.model.printable import printable
    from evaldesk.resources import FONT_BOLD, FONT_REGULAR, FONTS

    faces = [TTFontFile(str(face)).charToGlyph for face in (FONTS / "NotoSerifSC-Regular.ttf", FONT_REGULAR, FONT_BOLD)]
    for point in (0x41, 0x4E00, 0x9FA5, 0x3002, 0xFF08, 0x2212, 0x20000, 0x1F600, 0x80):
        assert printable(chr(point)) == any(point in face for face in faces), hex(point)
