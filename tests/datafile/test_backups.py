"""Automatic backups: a dated copy on opening, after a stretch of editing and at closing, kept by a rotation,
listed with their reports, restored only from a good copy and never without keeping the file as it was."""

import datetime as dt
import os
import time

import pytest

from evaldesk.datafile import backups
from evaldesk.app.datafile import add_sample, open_data_file
from evaldesk.model.edits import SetField
from evaldesk.datafile.errors import StoreError
from evaldesk.datafile.store import Store


def _folder(path):
    return sorted(p.name for p in backups.folder_of(path).iterdir())


def test_opening_a_changed_file_leaves_one_dated_copy_beside_it(tmp_path):
    path = tmp_path / "data.sqlite"
    store = open_data_file(path)  # a new, empty file: nothing to back up
    assert backups.list_backups(path) == []
    add_sample(store)
    store.close()
    os.utime(path, (time.time() - 5, time.time() - 5))  # changed before any backup (none yet), not after it
    again = open_data_file(path)
    again.close()
    listed = backups.list_backups(path)
    assert len(listed) == 1 and backups.folder_of(path).name == "备份"
    newest = listed[0]
    assert [info.department for info in newest.reports] == ["中共岳阳市云溪区委机构编制委员会办公室"]
    assert "1 份报告" in newest.describe() and "2021年度" in newest.describe()
    third = open_data_file(path)  # nothing changed since: no new copy
    third.close()
    assert len(backups.list_backups(path)) == 1


def _changed_file_with_the_sample(tmp_path):
    path = tmp_path / "data.sqlite"
    store = open_data_file(path, backup=False)
    add_sample(store)
    store.close()
    os.utime(path, (time.time() - 60, time.time() - 60))
    assert backups.list_backups(path) == []
    return path


def test_the_copy_on_opening_waits_for_the_first_write_and_holds_the_file_as_it_was(tmp_path):
    path = _changed_file_with_the_sample(tmp_path)
    store = open_data_file(path)
    report = store.load(1)
    assert backups.list_backups(path) == []  # the report is read and shown without waiting for the copy
    store.apply(report, SetField("basic.contact", "王五"))
    [made] = backups.list_backups(path)
    copy = Store(made.path, read_only=True)
    assert copy.load(1).get("basic.contact") != "王五"  # as it was before the write
    copy.close()
    store.close()
    now = Store(path, read_only=True)
    assert now.load(1).get("basic.contact") == "王五"
    now.close()
    at_close, before = backups.list_backups(path)  # closing keeps a copy of the session's work too
    assert before.path == made.path
    copy = Store(at_close.path, read_only=True)
    assert copy.load(1).get("basic.contact") == "王五"
    copy.close()


@pytest.mark.parametrize("then", ["warm_up", "close"])
def test_a_window_idle_after_the_paint_or_closing_makes_the_copy_without_a_write(tmp_path, then):
    path = _changed_file_with_the_sample(tmp_path)
    store = open_data_file(path)
    store.load(1)
    getattr(store, then)()
    assert len(backups.list_backups(path)) == 1
    store.close()


def test_a_read_only_open_makes_no_copy(tmp_path):
    path = _changed_file_with_the_sample(tmp_path)
    open_data_file(path, read_only=True).close()
    assert backups.list_backups(path) == []


def test_the_newest_ten_and_one_a_day_are_kept_and_a_copy_is_made_after_a_stretch_of_editing(tmp_path):
    path = tmp_path / "data.sqlite"
    store = open_data_file(path)
    add_sample(store)
    start = dt.datetime(2026, 3, 1, 9, 0, 0)
    for day in range(12):
        backups.make_backup(store, start + dt.timedelta(days=day))
    for minute in range(30):  # a script importing thirty files one morning
        backups.make_backup(store, start + dt.timedelta(days=12, minutes=minute))
    names = _folder(path)
    assert names[:12] == [f"data-202603{day:02}-090000.sqlite" for day in range(1, 13)]  # one of each day kept
    assert len(names) == 22 and names[-1] == "data-20260313-092900.sqlite"
    now = start + dt.timedelta(days=12, minutes=35)
    assert backups.back_up_while_editing(store, now) is None  # the newest is 6 minutes old
    store.apply(store.load(1), SetField("basic.contact", "王五"))
    os.utime(path, (time.time() + 5, time.time() + 5))  # changed after the newest copy
    made = backups.back_up_while_editing(store, now + dt.timedelta(minutes=5))
    assert made is not None and made.name == "data-20260313-094000.sqlite"
    store.close()


def test_two_copies_in_one_second_keep_both(tmp_path):
    path = tmp_path / "data.sqlite"
    store = open_data_file(path)
    add_sample(store)
    second = dt.datetime(2026, 3, 1, 9, 0, 0)
    first = backups.make_backup(store, second)
    store.apply(store.load(1), SetField("basic.contact", "王五"))
    again = backups.make_backup(store, second)
    assert first != again and first.exists() and again.exists()
    assert [backup.path for backup in backups.list_backups(path)] == [again, first]  # the later one is the newest
    store.close()


def test_restoring_after_three_sessions_brings_back_the_last_sessions_work(tmp_path):
    from tests import raw_file

    path = tmp_path / "data.sqlite"
    store = open_data_file(path)
    add_sample(store)
    store.close()
    for session in ("一", "二", "三"):
        store = open_data_file(path)
        store.apply(store.load(1), SetField("basic.contact", f"第{session}次"))
        store.close()
    with raw_file.connect(path) as raw:  # a damaged page, a bit flip: the report no longer matches its checksum
        raw.execute("UPDATE field SET value = 't:第三欠' WHERE key = 'basic.contact'")
    good = backups.newest_good_backup(path)
    backups.restore(good.path, path)
    restored = Store(path, read_only=True)
    assert restored.load(1).get("basic.contact") == "第三次"
    restored.close()


def test_restoring_keeps_the_file_as_it_was_and_brings_back_the_backups_reports(tmp_path, sample):
    path = tmp_path / "data.sqlite"
    store = Store(path)
    store.add(sample)
    copy = backups.make_backup(store)
    store.apply(sample, SetField("cover.department", "后来改坏的"))
    store.close()
    kept = backups.restore(copy, path)
    assert "恢复前" in kept.name
    reopened = Store(path, read_only=True)
    assert reopened.load(sample.id).department == "中共岳阳市云溪区委机构编制委员会办公室"
    reopened.close()
    before = Store(kept, read_only=True)
    assert before.load(sample.id).department == "后来改坏的"
    before.close()


def test_a_damaged_backup_is_listed_as_unusable_and_never_restored(tmp_path, sample):
    path = tmp_path / "data.sqlite"
    store = Store(path)
    store.add(sample)
    copy = backups.make_backup(store)
    store.close()
    copy.write_bytes(b"SQLite format 3\x00" + b"\x07" * 3000)
    assert backups.list_backups(path)[0].reports is None
    assert "无法读取" in backups.list_backups(path)[0].describe()
    assert backups.newest_good_backup(path) is None
    before = path.read_bytes()
    with pytest.raises(StoreError):
        backups.restore(copy, path)
    assert path.read_bytes() == before


def test_a_file_someone_else_writes_is_not_restored_under_them(tmp_path, sample):
    from evaldesk.datafile.lock import FileLocked

    path = tmp_path / "data.sqlite"
    writer = Store(path)
    writer.add(sample)
    copy = backups.make_backup(writer)
    try:
        before = path.read_bytes()
        with pytest.raises(FileLocked):
            backups.restore(copy, path)
        assert path.read_bytes() == before
    finally:
        writer.close()


def test_only_names_backups_write_are_read_as_backups(tmp_path):
    from evaldesk.datafile.backups import _backups_of, folder_of

    data = tmp_path / "数据.sqlite"
    folder = folder_of(data)
    folder.mkdir()
    for name in ("数据-20250102-030405.sqlite", "数据-20251301-000000.sqlite", "数据-2025010-2030405.sqlite",
                 "数据-２０２５0102-030405.sqlite", "数据-恢复前-20250102-030405.sqlite", "其他-20250102-030405.sqlite",
                 "数据-20250102-030406.txt"):
        (folder / name).write_bytes(b"")
    assert [(made, path.name) for made, path in _backups_of(data)] == [
        (dt.datetime(2025, 1, 2, 3, 4, 5), "数据-20250102-030405.sqlite")]


def test_a_write_in_the_same_second_as_the_copy_before_it_is_backed_up_at_the_next_open(tmp_path):
    # The copy waits for the first write, so the two usually fall in the same second (a command's import, a
    # window's first save): the file then differs from its newest copy, though both carry that second.
    path = _changed_file_with_the_sample(tmp_path)
    reader = Store(path, read_only=True)
    made = backups.make_backup(reader, dt.datetime(2026, 3, 2, 10, 0, 0))
    reader.close()
    copied, written = (dt.datetime(2026, 3, 2, 10, 0, 0, tenths * 100_000).timestamp() for tenths in (2, 6))
    os.utime(made, (copied, copied))
    os.utime(path, (written, written))  # written 0.4 s after the copy, in its second
    store = open_data_file(path)
    store.apply(store.load(1), SetField("basic.contact", "王五"))  # the next open writes: copy first
    store.close()
    _at_close, newest_before = backups.list_backups(path)[:2]
    assert newest_before.path != made
    copy = Store(newest_before.path, read_only=True)
    assert copy.load(1).get("basic.contact") != "王五"  # the file as the earlier write left it
    copy.close()


def test_a_file_found_holding_a_damaged_report_is_not_copied_over_its_good_backups(tmp_path):
    """The copy waiting for the first write would be the newest 'good' backup (its report list reads), the one
    offered for restoring the damaged report: it would bring the damage back."""
    from tests import raw_file

    from evaldesk.datafile.errors import DamagedReport

    path = _changed_file_with_the_sample(tmp_path)
    reader = Store(path, read_only=True)
    good = backups.make_backup(reader, dt.datetime.now() - dt.timedelta(seconds=30))
    reader.close()
    os.utime(good, (time.time() - 30, time.time() - 30))  # made before the damage
    with raw_file.connect(path) as raw:
        raw.execute("UPDATE field SET value = 'd:九十' WHERE key = 'basic.contact'")
    store = open_data_file(path)
    with pytest.raises(DamagedReport):
        store.load(1)
    store.close()
    assert [backup.path for backup in backups.list_backups(path)] == [good]
    copy = Store(good, read_only=True)
    assert copy.load(1).get("basic.contact")  # the report whole, to restore it from
    copy.close()
