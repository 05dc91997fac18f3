"""Damaged data files (bytes overwritten anywhere): opening and reading each either works or stops with a
Chinese StoreError; never an internal error, never a write to the damaged file."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaldesk.exchange.report_json import read_json
from evaldesk.datafile.errors import StoreError
from evaldesk.datafile.store import Store
from evaldesk.resources import SAMPLE_REPORT
from evaldesk.scoring.engine import score_report
from tests.fuzz.later_steps import examples


def _saved() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.sqlite"
        store = Store(path)
        store.add(read_json(SAMPLE_REPORT))
        store.add(read_json(SAMPLE_REPORT))
        store.close()
        return path.read_bytes()


SAVED = _saved()
DAMAGE = st.lists(st.tuples(st.integers(min_value=0, max_value=len(SAVED) - 1), st.binary(min_size=1, max_size=16)),
                  min_size=1, max_size=6)


@settings(max_examples=examples(60, 3000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DAMAGE)
def test_a_damaged_file_is_read_or_refused_in_chinese_and_never_written(damage):
    data = bytearray(SAVED)
    for offset, chunk in damage:
        data[offset: offset + len(chunk)] = chunk[: len(data) - offset]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.sqlite"
        path.write_bytes(bytes(data))
        try:
            store = Store(path)
        except StoreError as err:
            assert "Error" not in str(err) and "sqlite" not in str(err).lower().replace(".sqlite", "")
            assert path.read_bytes() == bytes(data)
            return
        try:
            for info in store.list_reports():
                score_report(store.load(info.id))
                store.carried(info.id)
            store.saved_templates()
        except StoreError as err:
            assert "Error" not in str(err)
            # the whole file, or one report alone (its rows unreadable or not matching its checksum)
            assert store.damaged or store.damaged_reports or "没有编号" in str(err) or "无法读写" in str(err)
        finally:
            store.close()
        assert path.read_bytes() == bytes(data)
