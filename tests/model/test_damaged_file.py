"""A damaged data file is met calmly: refused with a Chinese message, or found at the row that cannot be read,
and never written to afterwards."""

import sqlite3

import pytest

from evaldesk.model.edits import SetField
from evaldesk.model.paths import DamagedFile, StoreError
from evaldesk.model.store import Store


@pytest.fixture
def saved(tmp_path, sample):
    path = tmp_path / "data.sqlite"
    store = Store(path)
    store.add(sample)
    store.close()
    return path


def _damage(path, *statements):
    with sqlite3.connect(path) as raw:
        for statement in statements:
            raw.execute(statement)


def test_a_negative_data_version_is_damage(saved):
    _damage(saved, "PRAGMA user_version = -1")
    before = saved.read_bytes()
    with pytest.raises(DamagedFile) as caught:
        Store(saved)
    assert "已损坏" in str(caught.value) and "备份" in str(caught.value)
    assert saved.read_bytes() == before


def test_a_missing_table_is_damage_not_a_database_message(saved):
    _damage(saved, "DROP TABLE carried_value")
    with pytest.raises(DamagedFile) as caught:
        Store(saved)
    assert "carried_value" in str(caught.value) and "no such" not in str(caught.value)


@pytest.mark.parametrize("statement, where", [
    ("UPDATE field SET value = 'd:九十' WHERE key = 'cover.department'", "报告 1"),
    ("UPDATE field SET value = 'D:2021-13-45' WHERE key = 'cover.department'", "报告 1"),
    ("UPDATE field SET value = 'x:?' WHERE key = 'cover.department'", "报告 1"),
    ("UPDATE item SET data = '{\"text\": ' WHERE rowid = (SELECT min(rowid) FROM item)", "报告 1"),
    ("UPDATE item SET data = '[1, 2]' WHERE rowid = (SELECT min(rowid) FROM item)", "报告 1"),
    ("UPDATE report SET template_json = '{\"name\": 5}'", "报告目录"),
    ("UPDATE report SET year = 'abc'", "报告 1"),
    ("UPDATE unit SET name = x'00ff'", "报告 1"),
])
def test_a_row_that_cannot_be_read_marks_the_file_damaged_and_nothing_is_written(saved, statement, where):
    _damage(saved, statement)
    store = Store(saved)
    try:
        with pytest.raises(DamagedFile) as caught:
            for info in store.list_reports():
                store.load(info.id)
        assert where in str(caught.value) or "已损坏" in str(caught.value)
        before = saved.read_bytes()
        with pytest.raises(DamagedFile):
            store.add(_empty_report())
        store.set_state("tab", "3")  # silently not kept
        assert saved.read_bytes() == before
    finally:
        store.close()


def _empty_report():
    from evaldesk.model.report import new_report
    from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID, builtin_template

    return new_report(2022, builtin_template(DEFAULT_TEMPLATE_ID), "")


def test_a_file_failing_the_quick_check_is_not_opened(saved):
    with sqlite3.connect(saved) as raw:
        root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'field'").fetchone()[0]
        page = raw.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(saved.read_bytes())
    data[(root - 1) * page: (root - 1) * page + 8] = b"\x00" * 8  # the field table's page header overwritten
    saved.write_bytes(bytes(data))
    before = saved.read_bytes()
    with pytest.raises(StoreError) as caught:
        store = Store(saved)
        for info in store.list_reports():
            store.load(info.id)
        store.close()
    assert "损坏" in str(caught.value)
    assert saved.read_bytes() == before


def test_a_pipe_is_refused_at_once(tmp_path):
    import os

    fifo = tmp_path / "pipe.sqlite"
    os.mkfifo(fifo)
    with pytest.raises(StoreError) as caught:
        Store(fifo)
    assert "不是普通文件" in str(caught.value)


def test_a_looping_link_is_called_a_loop(tmp_path):
    loop = tmp_path / "loop.sqlite"
    loop.symlink_to(loop)
    with pytest.raises(StoreError) as caught:
        Store(loop)
    assert "循环" in str(caught.value)


def test_edits_after_a_clean_open_still_work(saved, sample):
    store = Store(saved)
    report = store.load(1)
    store.apply(report, SetField("cover.department", "照常"))
    assert store.load(1).department == "照常"
    store.close()
