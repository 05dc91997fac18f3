"""A partial sum is not a result: until every indicator has a score, 总分 is shown as pending, never as a figure
that could be read as the outcome (a new report is not worth 0, nor 4.52)."""

from decimal import Decimal

from evaldesk.model.report import new_report
from evaldesk.printing.pdf import build_pdf
from evaldesk.scoring.engine import score_report
from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID, builtin_template

from .filling import type_hand


def test_a_new_report_has_no_total_yet():
    report = new_report(2025, builtin_template(DEFAULT_TEMPLATE_ID), "测试局")
    type_hand(report, "xiaokang", "4.52")
    sheet = score_report(report)
    assert sheet.final_total is None and sheet.grade is None
    assert sheet.total_text() == f"待定（已评 4.52 分，尚有 {len(sheet.pending)} 项未评分）"
    assert sheet.summary_line().startswith("总分 待定") and "评价等次 待定" in sheet.summary_line()


def test_the_printed_form_leaves_the_total_blank_until_complete():
    from io import BytesIO

    from pypdf import PdfReader

    report = new_report(2025, builtin_template(DEFAULT_TEMPLATE_ID), "测试局")
    type_hand(report, "xiaokang", "4.52")
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(build_pdf(report))).pages)
    assert "4.52" in text            # the indicator's own score is printed …
    assert "综合得分4.52" not in text.replace(" ", "").replace("\n", "")  # … but not as the result


def test_the_sample_is_complete():
    from evaldesk.exchange.report_json import read_json
    from evaldesk.resources import SAMPLE_REPORT

    sheet = score_report(read_json(SAMPLE_REPORT))
    assert sheet.final_total == Decimal("92.5") and sheet.total_text() == "92.5"
