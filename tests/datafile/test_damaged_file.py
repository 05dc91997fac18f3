"""A damaged data file is met calmly: refused with a Chinese message, or found at the row that cannot be read,
and never written to afterwards."""


from tests import raw_file

import pytest

from evaldesk.model.edits import SetField
from evaldesk.datafile.errors import DamagedFile, DamagedReport, StoreError
from evaldesk.datafile.store import Store


@pytest.fixture
def saved(tmp_path, sample):
    path = tmp_path / "data.sqlite"
    store = Store(path)
    store.add(sample)
    store.close()
    return path


def _damage(path, *statements):
    with raw_file.connect(path) as raw:
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


@pytest.fixture
def two_reports(tmp_path, sample):
    path = tmp_path / "data.sqlite"
    store = Store(path)
    store.add(sample)
    from evaldesk.exchange.report_json import read_json
    from evaldesk.resources import SAMPLE_REPORT

    store.add(read_json(SAMPLE_REPORT))
    store.close()
    return path


@pytest.mark.parametrize("statement", [
    "UPDATE field SET value = 'd:九十' WHERE key = 'cover.department' AND report_id = 1",
    "UPDATE field SET value = 'D:2021-13-45' WHERE key = 'cover.department' AND report_id = 1",
    "UPDATE field SET value = 'x:?' WHERE key = 'cover.department' AND report_id = 1",
    "UPDATE item SET data = '{\"text\": ' WHERE rowid = (SELECT min(rowid) FROM item)",
    "UPDATE item SET data = '[1, 2]' WHERE rowid = (SELECT min(rowid) FROM item)",
    "UPDATE report SET template_json = '{\"name\": 5}'",
    "UPDATE report SET year = 'abc'",
    "UPDATE unit SET name = x'00ff' WHERE report_id = 1",
    # an accepted import of old could poison a report: a template operand label stored as a number
    "UPDATE report SET template_json = replace(template_json, '\"label\": \"', '\"label\": 5, \"x\": \"')",
])
def test_a_report_whose_rows_cannot_be_read_alone_is_damaged_the_other_opens(two_reports, statement):
    _damage(two_reports, statement + " WHERE id = 1" if statement.startswith("UPDATE report") else statement)
    store = Store(two_reports)
    try:
        listed = {info.id: info for info in store.list_reports()}
        assert set(listed) == {1, 2}
        with pytest.raises(DamagedReport) as caught:
            store.load(1)
        assert "报告 1 已损坏" in str(caught.value) and "其他报告不受影响" in str(caught.value)
        assert not store.damaged
        assert "无法打开" in store.list_reports()[[i.id for i in store.list_reports()].index(1)].title()
        before = two_reports.read_bytes()
        with pytest.raises(DamagedReport):
            store.apply(_empty_report_with_id(1), SetField("basic.contact", "张三"))
        assert two_reports.read_bytes() == before  # the damaged report is never written
        other = store.load(2)  # the other report opens, scores and is edited normally
        store.apply(other, SetField("basic.contact", "李四"))
        assert store.load(2).fields["basic.contact"] == "李四"
    finally:
        store.close()


def _empty_report_with_id(report_id):
    report = _empty_report()
    report.id = report_id
    return report


def _empty_report():
    from evaldesk.model.report import new_report
    from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID, builtin_template

    return new_report(2022, builtin_template(DEFAULT_TEMPLATE_ID), "")


def test_a_file_failing_the_quick_check_is_not_opened(saved):
    with raw_file.connect(saved) as raw:
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
