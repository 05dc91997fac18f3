"""Counts a real report never reaches are refused, at entry and at import, in Chinese naming the limit; a report
at every count limit at once prints and exports (the time it takes: benchmarks/bench_limits.py)."""

import json
from decimal import Decimal

import pytest

from evaldesk.app.output import export_workbook, json_bytes, pdf_bytes
from evaldesk.exchange.report_json import ExchangeError, loads
from evaldesk.model import limits
from evaldesk.model.document import to_document
from evaldesk.model.edits import InsertItem, InsertUnit, SetField, SetItemValue
from evaldesk.model.form import LISTS
from evaldesk.model.report import Item, Unit, new_id
from evaldesk.model.values import Rejected
from evaldesk.scoring.template import Template, TemplateError, builtin_template, DEFAULT_TEMPLATE_ID


def sheet_of(scored: int) -> dict:
    """A template of ``scored`` 三级指标 under 10 一级 (hand-scored; 分值 adding up to 100)."""
    yunxi = builtin_template(DEFAULT_TEMPLATE_ID).data
    per_root, weight = scored // 10, Decimal(100) / scored
    indicators = []
    for root in range(10):
        indicators.append({"id": f"r{root}", "name": f"一级{root}", "weight": str(weight * per_root)})
        indicators += [{"id": f"r{root}l{leaf}", "parent": f"r{root}", "name": f"三级{root}.{leaf}",
                        "weight": str(weight), "rule": {"kind": "hand"}} for leaf in range(per_root)]
    return {**{key: yunxi[key] for key in ("format", "version", "cover", "grades")}, "id": f"big-{scored}",
            "name": f"{scored}项评分表", "total": 100, "indicators": indicators}


def fill_to_the_limits(report) -> None:
    model_unit = report.units[0]
    report.units = [Unit(new_id(), f"二级机构{n}", dict(model_unit.cells)) for n in range(limits.UNIT_COUNT)]
    for spec in LISTS:
        values = {name: (spec.choices.get(name) or [f"{spec.label}的一条"])[0] for name, _ in spec.fields}
        report.lists[spec.key] = [Item(new_id(), dict(values)) for _ in range(limits.ITEM_COUNT)]


def test_a_unit_past_the_limit_is_refused_at_entry_naming_it(sample):
    fill_to_the_limits(sample)
    with pytest.raises(Rejected, match="机构最多 100 个"):
        InsertUnit(0, Unit(new_id(), "又一个机构")).apply(sample)
    assert len(sample.units) == limits.UNIT_COUNT


def test_a_list_entry_past_the_limit_is_refused_at_entry_naming_it(sample):
    fill_to_the_limits(sample)
    with pytest.raises(Rejected, match="“年度主要工作内容”的条目最多 100 个"):
        InsertItem("tasks", 0, Item(new_id(), {"text": "又一项任务"})).apply(sample)
    assert len(sample.lists["tasks"]) == limits.ITEM_COUNT


def test_a_note_past_the_limit_is_refused_but_an_existing_one_can_change(sample):
    for n in range(limits.NOTE_COUNT):
        sample.fields[f"note.finding{n}"] = "已说明"
    with pytest.raises(Rejected, match="说明最多 5,000 个"):
        SetField("note.another", "新说明").apply(sample)
    SetField("note.finding0", "改过的说明").apply(sample)
    assert sample.fields["note.finding0"] == "改过的说明"


def test_text_past_the_report_total_is_refused_and_what_was_typed_stays(sample):
    sample.fields["summary.text"] = "字" * 999_000   # (past its own limit: only the total is tried here)
    with pytest.raises(Rejected, match="文字总量最多 1,000,000 个字符"):
        SetField("self.actual", "字" * 20_000).apply(sample)
    with pytest.raises(Rejected, match="文字总量最多 1,000,000 个字符"):
        SetItemValue("tasks", sample.lists["tasks"][0].id, "text", "字" * 2_000).apply(sample)
    assert sample.text("self.actual") != "字" * 20_000
    SetField("self.actual", "短一些的文字").apply(sample)   # what fits is still taken


@pytest.mark.parametrize("part, count", [("units", 101), ("tasks", 101), ("notes", 5_001)])
def test_an_imported_file_past_a_count_is_refused_naming_the_limit(sample, part, count):
    doc = to_document(sample)
    if part == "units":
        doc["units"] = [{"name": f"机构{n}", "cells": {}} for n in range(count)]
    elif part == "tasks":
        doc["lists"]["tasks"] = [{"text": f"任务{n}"} for n in range(count)]
    else:
        doc["notes"] = {f"finding{n}": "说明" for n in range(count)}
    with pytest.raises(ExchangeError, match=f"最多 {count - 1:,} 个，现有 {count:,} 个"):
        loads(json.dumps(doc, ensure_ascii=False, default=str))


def test_a_template_past_2000_scored_indicators_is_refused_naming_the_limit():
    with pytest.raises(TemplateError, match="评分指标（三级）最多 2,000 个，现有 2,010 个"):
        Template(sheet_of(2_010))


def test_a_sheet_of_2000_scored_indicators_is_accepted(sample):
    """The window takes a 2,000-indicator sheet (issue 22's benchmarks): the limit is not below it."""
    sample.template = Template(sheet_of(2_000))
    again = loads(json_bytes(sample).decode("utf-8"))
    assert len(again.template.leaves) == 2_000


def test_a_report_at_the_unit_and_list_limits_prints_and_exports(sample, tmp_path):
    """100 units and 100 entries in each list: accepted, so it prints and exports (with a 2,000-indicator sheet
    too, and the text total reached: benchmarks/bench_limits.py, a few seconds each)."""
    fill_to_the_limits(sample)
    assert limits.refusal(sample) is None
    again = loads(json_bytes(sample).decode("utf-8"))    # the JSON form takes it back
    assert len(again.units) == limits.UNIT_COUNT and len(again.lists["quant"]) == limits.ITEM_COUNT
    assert pdf_bytes(sample).startswith(b"%PDF")
    export_workbook(sample, tmp_path / "at-the-limits.xlsx")
    assert (tmp_path / "at-the-limits.xlsx").stat().st_size > 0
