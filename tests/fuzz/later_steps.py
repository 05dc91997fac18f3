"""What every accepted report must survive: the steps a filler takes after importing it."""

from __future__ import annotations

import os
import time

FUZZ_LONG = os.environ.get("EVALDESK_FUZZ") == "long"
"""``make fuzz`` sets EVALDESK_FUZZ=long: many more examples than the suite's quick, bounded run."""

LATER_STEPS_BOUND = 30.0
"""Seconds all later steps of one accepted report may take at most. Not a speed goal (benchmarks/ hold those): a
bound that catches the pathologies the issue found (a title printing for 90 s, a cell that makes export crawl)."""


def examples(quick: int, long: int) -> int:
    return long if FUZZ_LONG else quick


def run_later_steps(report, store=None) -> float:
    """list (if stored), score, audit, the sheet as text and data, the JSON form, the workbook and the paper; the
    seconds they took. Any exception here is a failure of the import that accepted the report."""
    from evaldesk.app.output import json_bytes, pdf_bytes
    from evaldesk.audit.engine import audit_report
    from evaldesk.exchange.workbook import ExportRefused, workbook_bytes
    from evaldesk.scoring.engine import score_report
    from evaldesk.scoring.report_text import sheet_as_data, sheet_as_text

    start = time.perf_counter()
    if store is not None:
        report.id = store.add(report)
        for info in store.list_reports():
            score_report(store.load(info.id)).summary_line()
    sheet = score_report(report)
    audit_report(report, sheet)
    sheet_as_text(report, sheet)
    sheet_as_data(report, sheet)
    json_bytes(report)
    try:
        workbook_bytes(report)
    except ExportRefused as refused:  # the bureau's workbook needs a report without errors: a refusal, in Chinese
        assert "审核发现" in str(refused) and "Error" not in str(refused)
    pdf_bytes(report)
    return time.perf_counter() - start
