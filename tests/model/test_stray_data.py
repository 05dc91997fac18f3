"""Values a damaged or foreign data file may hold that no place of the form names: a report that carries them
still exports, prints, imports and opens, and the stray values are not passed on as the report's data."""

import json

from tests import raw_file

import pytest

from evaldesk.cli import main
from evaldesk.exchange.report_json import ExchangeError, dumps, loads
from evaldesk.model.carried import Carried
from evaldesk.model.document import fingerprint, to_document
from evaldesk.datafile.errors import StoreError
from evaldesk.datafile.tagged import decode


@pytest.fixture
def stored(store, sample):
    store.add(sample)
    return store, sample


@pytest.mark.parametrize("key", ["foo", "sheet.x", "sheet.satisfaction.hand2", "note."])
def test_a_key_no_place_names_is_left_out_of_the_document(stored, key):
    store, sample = stored
    before = store.load(sample.id)
    with raw_file.connect(store.path) as raw:
        raw.execute("INSERT INTO field (report_id, key, value) VALUES (?, ?, 't:x')", (sample.id, key))
    report = store.load(sample.id)
    assert key in report.fields  # kept as it is in the file …
    assert to_document(report) == to_document(before)  # … but not the report's data
    assert fingerprint(report) == fingerprint(before)


def test_the_cli_exports_and_prints_such_a_report(stored, tmp_path, capsys):
    store, sample = stored
    with raw_file.connect(store.path) as raw:
        raw.execute("INSERT INTO field (report_id, key, value) VALUES (?, 'foo', 't:x')", (sample.id,))
    store.close()  # the command must be the file's only writer
    for args in (["export", "-o", str(tmp_path / "a.json")], ["export", "-o", str(tmp_path / "a.xlsx")],
                 ["print", "-o", str(tmp_path / "a.pdf")], ["import", str(tmp_path / "a.json")]):
        assert main(["--db", str(store.path), *args]) == 0, capsys.readouterr()
    assert "内部错误" not in capsys.readouterr().err


def test_a_note_without_a_finding_is_refused_at_import(sample):
    doc = json.loads(dumps(sample))
    doc["notes"][""] = "说明"
    with pytest.raises(ExchangeError, match="说明：须对应一条审核结果"):
        loads(json.dumps(doc, ensure_ascii=False))


@pytest.mark.parametrize("raw", ["x:1", "d:abc", "d:NaN", "i:1.5", "b:2", "D:2021-13-01", "d:"])
def test_a_value_the_store_did_not_write_is_refused_in_chinese(raw):
    with pytest.raises(StoreError, match="无法识别的值"):
        decode(raw)


def test_an_unreadable_carried_mark_is_dropped_not_fatal(stored):
    store, sample = stored
    unit = sample.units[0]
    store.set_carried(sample.id, Carried({"basic.staff_quota": 6}, {(unit.id, "income.carryover"): 1}, 2020))
    with raw_file.connect(store.path) as raw:
        raw.execute("UPDATE carried_value SET value = 'x:1' WHERE unit_id = ''")
    carried = store.carried(sample.id)
    assert carried.fields == {} and list(carried.cells) == [(unit.id, "income.carryover")]
