"""The JSON form of one report: lossless round trip; a bad file refused whole, the database untouched."""

import json
from datetime import datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings

from evaldesk.cli import main
from evaldesk.exchange.report_json import ExchangeError, dumps, loads, read_json, read_json_export
from evaldesk.model.document import fingerprint, to_document
from evaldesk.datafile.store import Store
from evaldesk.resources import SAMPLE_REPORT
from scoring.strategies import reports


def test_sample_round_trip_is_lossless(sample):
    again = loads(dumps(sample))
    assert to_document(again) == to_document(sample)
    assert fingerprint(again) == fingerprint(sample)
    when = datetime(2022, 7, 15, 9, 30)
    assert dumps(again, when) == dumps(sample, when)


def test_document_holds_what_was_typed_and_nothing_computed(sample):
    doc = json.loads(dumps(sample))
    assert doc["format"] == "evaldesk-report" and doc["version"] == 1
    assert doc["units"][0]["cells"] == {"income.general": "90.5", "expense.personnel": "60.9",
                                        "expense.public": "29.6", "sangong.reception": "0.73",
                                        "assets.in_use": "11.3"}
    assert set(doc) == {"format", "version", "fingerprint", "exported_at", "year", "template", "fields", "units",
                        "lists", "sheet", "notes"}
    assert doc["fingerprint"] == fingerprint(sample)     # what the data gave at export, checked on reading
    assert all(set(entry) <= {"inputs", "hand", "reason"} for entry in doc["sheet"].values())
    assert "hand" not in doc["sheet"]["budget_adjustment"]          # its 0.5 is computed, not typed
    assert not any(key.endswith(".total") or key == "expense.basic" for key in doc["units"][0]["cells"])
    assert doc["sheet"]["budget_adjustment"]["inputs"] == {"adjusted_budget": "90.5", "initial_budget": "73.5"}
    assert doc["fields"]["basic.staff_quota"] == 6 and doc["fields"]["cover.report_date"] == "2022-07-15"


def test_fingerprint_changes_with_the_data(sample):
    before = fingerprint(sample)
    assert len(before) == 19 and before.count("-") == 3
    sample.units[0].cells["income.general"] = Decimal("90.6")
    assert fingerprint(sample) != before


def test_round_trip_through_the_store(store, sample):
    store.add(sample)
    assert to_document(store.load(sample.id)) == to_document(sample)
    assert fingerprint(store.load(sample.id)) == fingerprint(sample)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(with_texts=True))
def test_generated_reports_round_trip(report):
    again = loads(dumps(report))
    assert to_document(again) == to_document(report)
    assert fingerprint(again) == fingerprint(report)


# ---------------------------------------------------------------- refused files, through the command line


def _count(db):
    opened = Store(db)
    try:
        return len(opened.list_reports())
    finally:
        opened.close()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "reports.sqlite"
    assert main(["--db", str(path), "sample"]) == 0
    return path


def _sample_doc():
    return json.loads(SAMPLE_REPORT.read_text(encoding="utf-8"))


def _refused(tmp_path, db, capsys, content, *fragments):
    bad = tmp_path / "bad.json"
    bad.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False),
                   encoding="utf-8")
    before_bytes = db.read_bytes()
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(bad)]) != 0
    out, err = capsys.readouterr()
    assert _count(db) == 1
    assert db.read_bytes() == before_bytes
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("evaldesk：未导入："), err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, err
    return err


def test_malformed_json(tmp_path, db, capsys):
    _refused(tmp_path, db, capsys, '{"format": "evaldesk-report", "version": 1,', "不是有效的 JSON", "第 1 行")


def test_wrong_format(tmp_path, db, capsys):
    _refused(tmp_path, db, capsys, {"format": "someone-elses", "version": 1}, "不是 evaldesk 导出的报告文件")


def test_json_that_is_not_an_object(tmp_path, db, capsys):
    _refused(tmp_path, db, capsys, "[1, 2, 3]", "不是 evaldesk 导出的报告文件")


def test_newer_version(tmp_path, db, capsys):
    doc = _sample_doc()
    doc["version"] = 2
    _refused(tmp_path, db, capsys, doc, "格式版本为 2", "升级 evaldesk")


def test_text_in_a_figure(tmp_path, db, capsys):
    doc = _sample_doc()
    doc["units"][0]["cells"]["income.general"] = "九十点五"
    _refused(tmp_path, db, capsys, doc, "局机关", "公共财政拨款应为数字")


def test_bad_values_are_all_counted(tmp_path, db, capsys):
    doc = _sample_doc()
    doc["fields"]["basic.staff_quota"] = "6.5"
    doc["sheet"]["satisfaction"]["inputs"]["survey"] = "120"
    doc["sheet"]["xiaokang"]["hand"] = "6"
    _refused(tmp_path, db, capsys, doc, "3 处", "人员编制应为整数", "应在 0～100 之间", "应在 0～5 分之间")


def test_broken_template_inside(tmp_path, db, capsys):
    doc = _sample_doc()
    doc["template"]["indicators"][2]["weight"] = 6
    _refused(tmp_path, db, capsys, doc, "评分表有误", "下级分值之和 16")


def test_not_utf8(tmp_path, db, capsys):
    bad = tmp_path / "gbk.json"
    bad.write_bytes(SAMPLE_REPORT.read_text(encoding="utf-8").encode("gbk", errors="replace"))
    assert main(["--db", str(db), "import", str(bad)]) != 0
    assert "不是 UTF-8" in capsys.readouterr().err
    assert _count(db) == 1


def test_read_json_of_a_missing_file(tmp_path):
    with pytest.raises(ExchangeError, match="无法读取文件"):
        read_json(tmp_path / "absent.json")


def test_export_then_import_through_the_cli(tmp_path, db, capsys):
    out = tmp_path / "out.json"
    assert main(["--db", str(db), "export", "--format", "json", "-o", str(out)]) == 0
    assert main(["--db", str(db), "import", str(out)]) == 0
    assert _count(db) == 2
    opened = Store(db)
    try:
        first, second = (opened.load(info.id) for info in sorted(opened.list_reports(), key=lambda i: i.id))
    finally:
        opened.close()
    assert to_document(first) == to_document(second) == to_document(read_json(SAMPLE_REPORT))
    assert fingerprint(first) == fingerprint(second)


def test_import_replacing_a_report(tmp_path, db, capsys):
    doc = _sample_doc()
    doc["fields"]["basic.phone"] = "0730-8417107"
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert main(["--db", str(db), "import", str(path), "--replace", "1"]) == 0
    opened = Store(db)
    try:
        assert [info.id for info in opened.list_reports()] == [1]
        assert opened.load(1).fields["basic.phone"] == "0730-8417107"
    finally:
        opened.close()


def test_unit_names_are_cleaned_as_when_typed():
    doc = _sample_doc()
    doc["units"][0]["name"] = " 局机关\x07\r\n"
    doc["units"][1]["name"] = "\x01 "
    with pytest.raises(ExchangeError, match="第 2 个机构：机构名称不能为空"):
        loads(json.dumps(doc))
    del doc["units"][1]
    assert loads(json.dumps(doc)).units[0].name == "局机关"


def test_json_edited_by_hand_is_known_changed_and_records_when_it_was_exported(sample, tmp_path):
    path = tmp_path / "报送.json"
    path.write_text(dumps(sample, datetime(2022, 7, 15, 9, 30)), encoding="utf-8")
    read = read_json_export(path)
    assert not read.changed_after_export and read.exported_at == "2022-07-15T09:30:00"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["sheet"]["xiaokang"]["hand"] = "0.5"        # as someone editing it in Notepad
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    read = read_json_export(path)
    assert read.changed_after_export and read.stored_fingerprint == fingerprint(sample) != read.fingerprint
    del doc["fingerprint"]                           # a file of an earlier version: nothing to check against
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert not read_json_export(path).changed_after_export and read_json_export(path).stored_fingerprint == ""
