"""A checksum per report: a bit flip that leaves readable but different values is noticed when the report is read
(DamagedReport, the file untouched), every write keeps the checksum true, and a version 3 file gets one."""

import sqlite3

import pytest

from evaldesk.datafile import digest, schema
from evaldesk.model.edits import (
    InsertItem,
    InsertUnit,
    RemoveUnit,
    RenameUnit,
    SetCell,
    SetField,
    SetTemplateDraft,
)
from evaldesk.datafile.errors import DamagedReport
from evaldesk.model.report import Item, Unit
from evaldesk.datafile.store import Store
from tests import raw_file


@pytest.fixture
def saved(tmp_path, sample):
    path = tmp_path / "data.sqlite"
    store = Store(path)
    sample.fields["basic.contact"] = "联系人甲"
    sample.fields["basic.staff_quota"] = 654321
    store.add(sample)
    store.close()
    return path


def _flip(path, old: bytes, new: bytes):
    """Change bytes inside the file as a failing disk would: no SQL, the page stays readable."""
    data = path.read_bytes()
    assert data.count(old) == 1
    path.write_bytes(data.replace(old, new))


@pytest.mark.parametrize("old, new", [
    ("联系人甲".encode(), "联系人乙".encode()),   # one character of a text
    (b"i:654321", b"i:654329"),                 # one digit of a figure
])
def test_a_readable_bit_flip_is_damage_not_different_data(saved, old, new):
    _flip(saved, old, new)
    before = saved.read_bytes()
    store = Store(saved)  # the file itself is whole: quick_check passes
    try:
        with pytest.raises(DamagedReport) as caught:
            store.load(1)
        assert "校验值不符" in str(caught.value) and "备份" in str(caught.value)
        assert "无法打开" in store.list_reports()[0].title()
    finally:
        store.close()
    assert saved.read_bytes() == before


def _matches(store, report_id):
    with raw_file.connect(store.path) as raw:
        stored = raw.execute("SELECT digest FROM report_digest WHERE report_id = ?", (report_id,)).fetchone()[0]
    other = Store(store.path, read_only=True)
    try:
        return stored == digest.computed(other.connection, report_id)
    finally:
        other.close()


def test_every_kind_of_write_keeps_the_checksum_true(tmp_path, sample, blank_report):
    store = Store(tmp_path / "data.sqlite")
    try:
        store.add(sample)
        store.add(blank_report)
        unit_id = sample.units[0].id
        for edit in [SetField("basic.contact", "王五"), SetField("basic.contact", ""),
                     SetCell(unit_id, "income.general", "12.5"), RenameUnit(unit_id, "新名称"),
                     InsertUnit(0, Unit("u-new", "新增单位")), RemoveUnit("u-new"),
                     InsertItem("tasks", 0, Item("t-new", {"text": "新任务"})),
                     SetTemplateDraft(sample.template.data)]:
            store.apply(sample, edit)
            assert _matches(store, sample.id), edit
            assert store.load(sample.id).fields.get("basic.contact") == sample.fields.get("basic.contact")
        first, second = sample.id, blank_report.id
        store.replace(second, sample)  # an import that replaces: the whole report rewritten
        assert _matches(store, second)
        store.delete(first)
        assert store.load(second).department == sample.department
    finally:
        store.close()


def test_a_version_3_file_gets_its_checksums_and_then_notices_a_flip(saved):
    with raw_file.connect(saved) as raw:  # back to version 3 as that program left it
        for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            raw.execute(f"DROP TRIGGER {name}")
        raw.execute("DROP TABLE report_digest")
        raw.execute("PRAGMA user_version = 3")
    store = Store(saved)
    try:
        assert store.load(1).fields["basic.contact"] == "联系人甲"
    finally:
        store.close()
    with raw_file.connect(saved) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 4
    _flip(saved, "联系人甲".encode(), "联系人乙".encode())
    store = Store(saved)
    try:
        with pytest.raises(DamagedReport):
            store.load(1)
    finally:
        store.close()


def test_a_program_that_does_not_keep_the_checksum_cannot_write_a_report(saved):
    with pytest.raises(sqlite3.OperationalError, match="evaldesk_digest"):
        with sqlite3.connect(saved) as raw:
            raw.execute("UPDATE field SET value = 't:别人' WHERE key = 'basic.contact'")
    store = Store(saved)
    try:
        assert store.load(1).fields["basic.contact"] == "联系人甲"
    finally:
        store.close()


@pytest.mark.parametrize("table, values", [("field", ("cover.department", "云溪区委编办")), ("cell", ("u1", "a.b", 5)),
                                           ("item", ("tasks", "i1", 0, "\ud800 a lone surrogate"))])
def test_a_rows_hash_is_the_blake2b_every_stored_digest_was_made_with(table, values):
    """The digest imports blake2b without hashlib (faster open): the hashes, and so every file's digests, are the
    ones hashlib.blake2b gives, as when the files were written."""
    import hashlib

    data = repr((table, *values)).encode("utf-8", "surrogatepass")
    assert digest.row_hash(table, values) == int.from_bytes(hashlib.blake2b(data, digest_size=16).digest(), "big")
