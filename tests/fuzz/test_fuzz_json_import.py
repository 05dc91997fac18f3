"""Fuzzed report JSON: every file is either refused with a Chinese message, or accepted and then survives every
later step (list, score, audit, export, print) within a bound. Quick in the suite; ``make fuzz`` runs many more."""

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaldesk.app.importing import NotAReportFile, read_report_file
from evaldesk.exchange.report_json import ExchangeError
from evaldesk.datafile.store import Store
from evaldesk.resources import SAMPLE_REPORT
from tests.fuzz.later_steps import LATER_STEPS_BOUND, examples, run_later_steps

SAMPLE = json.loads(SAMPLE_REPORT.read_text(encoding="utf-8"))


def _paths(node, prefix=()):
    """Every place in the sample document: (path of keys and indexes)."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, prefix + (index,))


PATHS = [path for path in _paths(SAMPLE) if path]

TRICKY_TEXT = st.sampled_from([
    "", " ", "{year:99999999999}", "{region!r:>99999999}", "{region.__class__}", "{0}", "{{}}", "\ud800", "𠀀𠀁",
    "=1+1", "#N/A", "\x00\x07", "9" * 40, "-0", "1e999999", "NaN", "１２．５万元", "a" * 3000, "<b>&amp;</b>",
    "2021-02-30", "field:basic.staff_quota", "input:rate", "money", "percent",
])
LEAF = st.one_of(st.none(), st.booleans(), st.integers(min_value=-10**30, max_value=10**30),
                 st.floats(allow_nan=False, allow_infinity=False), TRICKY_TEXT, st.text(max_size=30))
VALUE = st.recursive(LEAF, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                    st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                     max_leaves=6)
MUTATION = st.tuples(st.sampled_from(PATHS), st.one_of(VALUE, st.just("<delete>")))


def _mutated(mutations) -> dict:
    doc = json.loads(json.dumps(SAMPLE))
    for path, value in mutations:
        parent = doc
        try:
            for key in path[:-1]:
                parent = parent[key]
            if value == "<delete>":
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed the way there
    return doc


@settings(max_examples=examples(40, 2500), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(MUTATION, min_size=1, max_size=3))
def test_a_fuzzed_json_report_is_refused_in_chinese_or_survives_every_later_step(mutations):
    doc = _mutated(mutations)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "报告.json"
        path.write_text(json.dumps(doc, ensure_ascii=False, default=str), encoding="utf-8", errors="surrogatepass")
        try:
            read = read_report_file(path)
        except (ExchangeError, NotAReportFile) as err:
            message = str(err)
            assert message and "Error" not in message and "Traceback" not in message
            assert len(message) < 1200, message[:200]
            return
        store = Store(Path(folder) / "data.sqlite")
        try:
            assert run_later_steps(read.report, store) < LATER_STEPS_BOUND
        finally:
            store.close()
