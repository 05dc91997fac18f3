"""Scoring again after an edit (scoring/incremental.py) gives exactly the sheet a whole scoring gives, whatever the
edits; an indicator the edit cannot change keeps its result object; the audit with a memo finds what the audit
without one finds — after edits of figures, scores, 说明, long texts and list entries alike (the quotation and
contradiction checks read the texts and the 定量目标 rows)."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from evaldesk.audit.engine import audit_report
from evaldesk.audit.memo import AuditMemo
from evaldesk.audit.texts import PROSE_FIELDS
from evaldesk.exchange.report_json import read_json
from evaldesk.model.edits import InsertItem, InsertUnit, RemoveItem, RemoveUnit, SetCell, SetField, SetItemValue
from evaldesk.model.form import GRIDS, LIST_BY_KEY
from evaldesk.model.values import format_amount
from evaldesk.resources import SAMPLE_REPORT
from evaldesk.model.places import Changes, FieldPlace, SheetPlace
from evaldesk.model.report import Item, Unit, new_id, sheet_key
from evaldesk.model.totals import summary_row
from evaldesk.scoring.engine import score_report
from evaldesk.scoring.incremental import affected, rescore
from evaldesk.scoring.template import Template

from .strategies import YUNXI, _input_value, amounts, hand_scores, reports

CELLS = [f"{grid.key}.{column.key}" for grid in GRIDS for column in grid.typed_columns]

# What a filler writes in the long texts: the sample's own sentences (figures, 无结余, 满意度 …), cut at 。
_SAMPLE = read_json(SAMPLE_REPORT)
SENTENCES = sorted({sentence + "。" for key in PROSE_FIELDS for sentence in _SAMPLE.text(key).split("。")
                    if sentence.strip()})
QUANT_VALUES = ["100%", "≥95%", "按时完成", "98.5%", "未完成", "0万元", "12项"]


@st.composite
def long_texts(draw, report):
    """A text quoting the report's figures now and then, rightly or not (the quotation check compares them), its
    score, else the sample's sentences, or nothing."""
    row = summary_row(report)
    quoted = [f"{label}{format_amount(row[key] + off)}万元。"
              for key, label in (("expense.total", "全年支出"), ("sangong.total", "三公经费")) if row.get(key) is not None
              for off in (0, 1)] + ["综合得分95分，评价等次为优秀。", "满意度达到90%以上。"]
    pieces = draw(st.lists(st.sampled_from(SENTENCES + quoted), max_size=6))
    return "".join(pieces) or None


@st.composite
def list_edits(draw, report):
    """An entry of a list added, removed or changed: a task, or a 定量目标 row's target or result."""
    list_key = draw(st.sampled_from(["quant", "tasks"]))
    items = report.items(list_key)
    if items and draw(st.booleans()):
        item = draw(st.sampled_from(items))
        if draw(st.booleans()):
            return RemoveItem(list_key, item.id)
        name = draw(st.sampled_from([name for name, _ in LIST_BY_KEY[list_key].fields]))
        choices = LIST_BY_KEY[list_key].choices.get(name)
        return SetItemValue(list_key, item.id, name,
                            draw(st.sampled_from(choices) if choices else st.sampled_from(QUANT_VALUES + SENTENCES)))
    values = {"text": draw(st.sampled_from(SENTENCES))} if list_key == "tasks" else \
        {"kind": draw(st.sampled_from(LIST_BY_KEY["quant"].choices.get("kind") or ["数量指标"])),
         "name": "完成率", "target": draw(st.sampled_from(QUANT_VALUES)), "actual": draw(st.sampled_from(QUANT_VALUES))}
    return InsertItem(list_key, draw(st.integers(0, len(items))), Item(new_id(), values))


@st.composite
def edits(draw, report):
    """One edit a filler could make next: a sheet entry, a field a rule reads, a cell, a unit, a 说明, a long text,
    an entry of a list."""
    leaf = draw(st.sampled_from(YUNXI.leaves))
    kind = draw(st.sampled_from(["input", "hand", "reason", "field", "cell", "unit", "note", "text", "list"]))
    if kind == "input" and leaf.inputs():
        spec = draw(st.sampled_from(leaf.inputs()))
        return SetField(sheet_key(leaf.id, "input", spec.name), draw(_input_value(spec.kind)))
    if kind == "hand":
        return SetField(sheet_key(leaf.id, "hand"), draw(hand_scores(leaf.weight)))
    if kind == "reason":
        return SetField(sheet_key(leaf.id, "reason"), draw(st.sampled_from([None, "", "已说明理由"]) | long_texts(report)))
    if kind == "text":
        return SetField(draw(st.sampled_from(PROSE_FIELDS)), draw(long_texts(report)))
    if kind == "list":
        return draw(list_edits(report))
    if kind == "field":
        return SetField(draw(st.sampled_from(["basic.staff_quota", "basic.staff_actual"])),
                        draw(st.none() | st.integers(0, 300)))
    if kind == "cell" and report.units:
        unit = draw(st.sampled_from(report.units))
        return SetCell(unit.id, draw(st.sampled_from(CELLS)), draw(amounts(top=10**6)))
    if kind == "unit" and len(report.units) > 1 and draw(st.booleans()):
        return RemoveUnit(draw(st.sampled_from(report.units)).id)
    if kind == "unit":
        return InsertUnit(len(report.units), Unit(new_id(), f"二级机构{len(report.units) + 1}"))
    return SetField("note.balance.total", draw(st.sampled_from([None, "已说明"])))


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_scoring_again_after_any_edits_equals_scoring_the_whole_sheet(data):
    report = data.draw(reports())
    sheet = score_report(report)
    memo = AuditMemo()
    audit_report(report, sheet, memo=memo)
    for _ in range(data.draw(st.integers(1, 8))):
        edit = data.draw(edits(report))
        edit.apply(report)
        before, sheet = sheet, rescore(sheet, report, edit.changes(), summary_row(report))
        whole = score_report(report)
        assert sheet.indicators == whole.indicators
        assert (sheet.groups, sheet.total, sheet.complete, sheet.grade) == \
            (whole.groups, whole.total, whole.complete, whole.grade)
        touched = affected(report.template, edit.changes())
        for indicator_id, result in sheet.indicators.items():  # the others were not scored again
            if touched is not None and indicator_id not in touched:
                assert result is before.indicators[indicator_id]
        assert audit_report(report, sheet, memo=memo) == audit_report(report, whole)


def test_a_hand_score_rescored_alone_and_the_rows_that_read_part_two_after_a_cell(sample):
    sheet = score_report(sample)
    edit = SetField(sheet_key("staff_control", "hand"), "4")
    edit.apply(sample)
    after = rescore(sheet, sample, edit.changes(), summary_row(sample))
    changed = [i for i, result in after.indicators.items() if result is not sheet.indicators[i]]
    assert changed == ["staff_control"]
    assert after.indicators["staff_control"].score == Decimal("4") and after.total == sheet.total - 1
    # 资金结余 reads the 汇总 row: a cell of a unit changes its score, with nothing of the sheet typed.
    assert "fund_balance" in affected(sample.template, Changes([SetCell(sample.units[0].id, "expense.balance_total", "1")
                                                                .changes().places[0]]))
    edit = SetCell(sample.units[0].id, "expense.balance_total", "10")
    edit.apply(sample)
    again = rescore(after, sample, edit.changes(), summary_row(sample))
    assert again.indicators["fund_balance"] == score_report(sample).indicators["fund_balance"]
    assert again.indicators["fund_balance"] != after.indicators["fund_balance"]


def test_a_part_one_field_rescores_the_indicators_that_read_it_and_a_new_template_all(sample):
    assert affected(sample.template, Changes([FieldPlace("basic.staff_actual")])) == {"staff_control"}
    assert affected(sample.template, Changes([SheetPlace("no_such_indicator", "hand")])) == set()
    other = Template(sample.template.data)  # equal, but another object: everything is scored again
    sheet = score_report(sample)
    sample.template = other
    again = rescore(sheet, sample, Changes(), summary_row(sample))
    assert again.template is other and all(again.indicators[i] is not sheet.indicators[i] for i in sheet.indicators)
