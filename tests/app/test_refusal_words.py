"""Refusals say in Chinese what happened: no Python exception named in English, input quoted short and without
control characters (issue 26, point 7)."""

import re

import pytest

from evaldesk.app import importing
from evaldesk.exchange.report_json import ExchangeError
from evaldesk.model.values import Rejected, parse_integer, parse_money
from evaldesk.resources import SAMPLE_REPORT

ENGLISH_NAME = re.compile(r"[A-Za-z]+(Error|Exception)")


def test_a_file_a_reader_slips_on_is_refused_without_naming_the_exception(tmp_path, monkeypatch):
    import evaldesk.exchange.report_json as report_json

    def slips(_path):
        raise UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed")

    monkeypatch.setattr(report_json, "read_json", slips)
    target = tmp_path / "报告.json"
    target.write_bytes(SAMPLE_REPORT.read_bytes())
    with pytest.raises(ExchangeError) as refused:
        importing.read_report_file(target)
    assert "未导入" in str(refused.value) and not ENGLISH_NAME.search(str(refused.value))


def test_a_report_a_later_step_cannot_handle_is_refused_without_naming_the_exception(monkeypatch):
    import evaldesk.scoring.engine as engine
    from evaldesk.exchange.report_json import read_json

    report = read_json(SAMPLE_REPORT)

    def breaks(*_args, **_kwargs):
        raise ValueError("whatever")

    monkeypatch.setattr(engine, "score_report", breaks)
    with pytest.raises(ExchangeError) as refused:
        importing.try_later_steps(report)
    assert "未导入" in str(refused.value) and not ENGLISH_NAME.search(str(refused.value))


@pytest.mark.parametrize("parse", [parse_integer, parse_money])
def test_a_typed_figure_is_quoted_back_short_and_without_control_characters(parse):
    with pytest.raises(Rejected) as refused:
        parse("1\x1b[2J" + "2" * 10_000 + ".5x")
    message = str(refused.value)
    assert "\x1b" not in message and len(message) < 120
