"""Fuzzed bureau workbooks (the _data sheet edited as a person with Excel might, or worse): each is refused in
Chinese, or accepted and survives every later step. Quick in the suite; ``make fuzz`` runs many more."""

import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from evaldesk.app.importing import NotAReportFile, read_report_file
from evaldesk.exchange.report_json import ExchangeError, read_json
from evaldesk.exchange.workbook import workbook_bytes
from evaldesk.resources import SAMPLE_REPORT
from tests.fuzz.later_steps import LATER_STEPS_BOUND, examples, run_later_steps

EXPORTED = workbook_bytes(read_json(SAMPLE_REPORT))
ROWS = load_workbook(io.BytesIO(EXPORTED))["_data"].max_row

CELL = st.one_of(
    st.none(), st.integers(min_value=-10**20, max_value=10**20), st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(), st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20),  # what a cell can hold
    st.sampled_from(["{year:99999999999}", "=SUM(1,2)", "#N/A", "１２．５万元", "/fields/cover.department",
                     "/units/0/cells/income.general", "/template", '{"id": 5}', "[]", "2021-02-30", "a" * 5000,
                     "/units/9999/name", "/lists/goals/0/text", "/sheet/benefits/inputs", "𠀀"]))
EDIT = st.tuples(st.integers(min_value=1, max_value=ROWS + 5), st.sampled_from([1, 2]), CELL)


@settings(max_examples=examples(8, 600), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(EDIT, min_size=1, max_size=4))
def test_a_fuzzed_workbook_is_refused_in_chinese_or_survives_every_later_step(edits):
    workbook = load_workbook(io.BytesIO(EXPORTED))
    sheet = workbook["_data"]
    for row, column, value in edits:
        sheet.cell(row, column).value = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "报送.xlsx"
        workbook.save(path)
        try:
            read = read_report_file(path)
        except (ExchangeError, NotAReportFile) as err:
            message = str(err)
            assert message and "Error" not in message and "Traceback" not in message
            assert len(message) < 1200, message[:200]
            return
        assert run_later_steps(read.report) < LATER_STEPS_BOUND
