"""An import accepts nothing that a later step (list, score, audit, export, print) would trip over, and its
refusals are Chinese and short."""

import json

import pytest

from evaldesk.app.importing import read_report_file
from evaldesk.exchange.report_json import ExchangeError
from evaldesk.resources import SAMPLE_REPORT


@pytest.fixture
def doc():
    return json.loads(SAMPLE_REPORT.read_text(encoding="utf-8"))


def _first_rate(doc):
    def walk(nodes):
        for node in nodes:
            rule = node.get("rule") or {}
            if "rate" in rule:
                return rule["rate"]
            found = walk(node.get("children", []))
            if found:
                return found
    return walk(doc["template"]["indicators"])


def _refused(tmp_path, doc, *fragments):
    path = tmp_path / "报告.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ExchangeError) as caught:
        read_report_file(path)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message, message
    assert "Error" not in message and len(message) < 600
    return message


def test_an_operand_label_written_as_a_number_is_refused(tmp_path, doc):
    _first_rate(doc)["numerator"]["label"] = 5
    _refused(tmp_path, doc, "label", "文字")


@pytest.mark.parametrize("title", ["{year:99999999999}", "{region!r:>99999999}", "{region.__class__}年度"])
def test_a_title_that_asks_more_than_its_placeholders_is_refused(tmp_path, doc, title):
    doc["template"]["cover"]["report_title"] = title
    _refused(tmp_path, doc, "report_title", "{region}")


def test_braces_in_a_title_are_never_formatted(doc):
    from evaldesk.scoring.template import Template

    doc["template"]["cover"]["report_title"] = "{region}{year}年度自评报告"
    template = Template(doc["template"])
    assert template.title(2021) == f"{doc['template']['cover']['region']}2021年度自评报告"


def test_sheet_inputs_that_are_not_an_object_are_refused(tmp_path, doc):
    doc["sheet"] = {"budget_adjustment": {"inputs": ["not", "an", "object"]}}
    _refused(tmp_path, doc, "inputs 应为对象")


def test_a_lone_surrogate_is_refused_not_a_crash(tmp_path, doc):
    doc["fields"]["basic.contact"] = "张\ud800三"
    path = tmp_path / "报告.json"
    path.write_text(json.dumps(doc, ensure_ascii=True), encoding="utf-8")  # \ud800 escaped, as JSON allows
    with pytest.raises(ExchangeError) as caught:
        read_report_file(path)
    assert "无法识别的字符" in str(caught.value)


@pytest.mark.parametrize("where, limit", [("field", 500), ("unit", 100), ("long", 200_000)])
def test_oversized_values_are_refused_with_the_limit(tmp_path, doc, where, limit):
    huge = "长" * (limit + 1)
    if where == "field":
        doc["fields"]["basic.contact"] = huge
    elif where == "unit":
        doc["units"][0]["name"] = huge
    else:
        doc["fields"]["basic.duties"] = huge
    message = _refused(tmp_path, doc, "过长", f"最多 {limit} 个")
    assert huge not in message


def test_an_unknown_key_is_quoted_short(tmp_path, doc):
    doc["fields"]["x" * 10_000] = "1"
    message = _refused(tmp_path, doc, "未知字段")
    assert "x" * 41 not in message


def test_the_sample_is_still_accepted(tmp_path, doc):
    path = tmp_path / "报告.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert read_report_file(path).report.department == doc["fields"]["cover.department"]
