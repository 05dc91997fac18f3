"""One writer per data file: the lock, read-only opening, and a write refused after another program's change."""

import json
import os
import socket
import subprocess
import sys

import pytest

from evaldesk.model.edits import SetField
from evaldesk.datafile.lock import FileLocked, lock_path, read_holder
from evaldesk.datafile.errors import CannotWrite, ChangedElsewhere
from evaldesk.datafile.store import Store


def test_a_second_writer_is_told_who_holds_the_file(store):
    with pytest.raises(FileLocked) as caught:
        Store(store.path)
    message = str(caught.value)
    holder = caught.value.holder
    assert holder.pid == os.getpid() and holder.host == socket.gethostname()
    assert "正由" in message and socket.gethostname() in message and "只读" in message


def test_the_lock_goes_when_the_file_is_closed(tmp_path):
    path = tmp_path / "data.sqlite"
    first = Store(path)
    assert lock_path(path).exists()
    first.close()
    assert not lock_path(path).exists()
    Store(path).close()  # a second writer may now open it


def test_a_lock_left_by_a_crashed_program_is_recovered(tmp_path):
    path = tmp_path / "data.sqlite"
    Store(path).close()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    lock_path(path).write_text(json.dumps({"user": "张三", "host": socket.gethostname(), "since": "2026-01-01T08:00:00",
                                           "pid": int(dead.stdout)}), encoding="utf-8")
    assert read_holder(path) is None
    Store(path).close()


def test_a_lock_from_another_computer_is_not_taken_over(tmp_path):
    path = tmp_path / "data.sqlite"
    Store(path).close()
    lock_path(path).write_text(json.dumps({"user": "李四", "host": "财务室电脑", "since": "2026-03-01T09:30:00",
                                           "pid": 1}), encoding="utf-8")
    with pytest.raises(FileLocked) as caught:
        Store(path)
    assert "李四" in str(caught.value) and "财务室电脑" in str(caught.value) and "2026-03-01 09:30" in str(caught.value)
    # … and the message says how to clear it once the filler knows that computer no longer writes
    assert "--break-lock" in str(caught.value) and "强制解除" in str(caught.value)
    assert lock_path(path).name in str(caught.value)


def test_the_command_breaks_a_stale_lock_from_another_computer_when_asked(tmp_path, capsys):
    from evaldesk.cli import main

    path = tmp_path / "data.sqlite"
    Store(path).close()
    lock_path(path).write_text(json.dumps({"user": "李四", "host": "财务室电脑", "since": "2026-03-01T09:30:00",
                                           "pid": 1}), encoding="utf-8")
    assert main(["--db", str(path), "sample"]) == 2  # refused, saying how
    assert "--break-lock" in capsys.readouterr().err
    assert main(["--db", str(path), "--break-lock", "sample"]) == 0
    err = capsys.readouterr().err
    assert "已强制解除" in err and "李四" in err and "互相覆盖" in err  # the same warning as the window's
    assert not lock_path(path).exists()  # the command's own lock is gone again too
    assert main(["--db", str(path), "list"]) == 0 and "2021" in capsys.readouterr().out


def test_a_reader_opens_while_the_writer_holds_the_lock_and_cannot_write(store, sample):
    store.add(sample)
    reader = Store(store.path, read_only=True)
    try:
        assert reader.load(sample.id).department == sample.department
        with pytest.raises(CannotWrite):
            reader.apply(reader.load(sample.id), SetField("cover.department", "改名"))
    finally:
        reader.close()


def test_a_write_after_another_programs_change_is_refused_and_writes_nothing(tmp_path, sample):
    from tests import raw_file

    path = tmp_path / "data.sqlite"
    store = Store(path)
    store.add(sample)
    stale = store.load(sample.id)
    with raw_file.connect(path) as other:  # another program (one that ignores the lock) changes the report
        other.execute("UPDATE field SET value = 't:别处改的' WHERE key = 'basic.contact'")
    with pytest.raises(ChangedElsewhere):
        store.apply(stale, SetField("cover.department", "这边改的"))
    fresh = store.load(sample.id)
    assert fresh.fields["basic.contact"] == "别处改的" and fresh.department == sample.department
    store.apply(fresh, SetField("cover.department", "这边改的"))  # once read again, editing goes on
    assert store.load(sample.id).department == "这边改的"
    store.close()


def test_a_reader_sees_the_writers_change(store, sample):
    store.add(sample)
    reader = Store(store.path, read_only=True)
    try:
        assert not reader.changed_elsewhere()
        store.apply(sample, SetField("cover.department", "改名"))
        assert reader.changed_elsewhere()
        assert not reader.changed_elsewhere()  # told once
        assert reader.load(sample.id).department == "改名"
    finally:
        reader.close()


def test_a_lock_from_before_the_computer_restarted_is_recovered_even_if_its_number_is_taken(tmp_path):
    path = tmp_path / "data.sqlite"
    Store(path).close()
    # The number of a process that runs now (this one's parent), but a lock taken long before the last start.
    lock_path(path).write_text(json.dumps({"user": "张三", "host": socket.gethostname(), "since": "2001-01-01T08:00:00",
                                           "pid": os.getppid()}), encoding="utf-8")
    assert read_holder(path) is None
    Store(path).close()


def test_another_process_holds_the_file_until_it_is_killed(tmp_path):
    import signal

    path = tmp_path / "data.sqlite"
    Store(path).close()
    code = ("import sys, time; from evaldesk.datafile.store import Store; s = Store(sys.argv[1]); "
            "print('opened', flush=True); time.sleep(60)")
    other = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True,
                             cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    try:
        assert other.stdout.readline().strip() == "opened"
        with pytest.raises(FileLocked) as caught:
            Store(path)
        assert caught.value.holder.pid == other.pid
    finally:
        other.send_signal(signal.SIGKILL)
        other.wait()
    Store(path).close()  # the killed process's lock is recovered


def test_a_lock_that_cannot_be_written_leaves_no_empty_lock_and_offers_read_only(tmp_path, monkeypatch):
    import errno

    path = tmp_path / "data.sqlite"
    Store(path).close()
    real_fdopen = os.fdopen

    def full_disk(fd, *args, **kwargs):
        handle = real_fdopen(fd, *args, **kwargs)
        handle.write = lambda text: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device"))
        return handle

    monkeypatch.setattr(os, "fdopen", full_disk)
    with pytest.raises(CannotWrite) as caught:
        Store(path)
    assert "磁盘空间已满" in str(caught.value) and "No space" not in str(caught.value)
    assert not lock_path(path).exists()


def test_a_busy_file_while_looking_for_changes_does_not_refuse_the_next_edit(tmp_path, sample):
    # The window looks for another program's changes every few seconds; if that program holds the file at that
    # moment, the look fails quietly — and must not leave a read open that turns the filler's next edit into
    # "无法读写数据文件".
    import sqlite3

    path = tmp_path / "data.sqlite"
    store = Store(path)
    store.add(sample)
    report = store.load(sample.id)
    store.connection.raw.execute("PRAGMA busy_timeout = 50")  # the test need not wait the real 2 s
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        assert store.changed_elsewhere() is False
    finally:
        other.rollback()
        other.close()
    store.apply(report, SetField("basic.contact", "李四"))
    assert store.load(sample.id).fields["basic.contact"] == "李四"
    store.close()


def test_the_window_started_with_break_lock_breaks_the_stale_lock_first(tmp_path, capsys, monkeypatch):
    """`evaldesk --break-lock` promises to clear the lock before writing: the window then opens the file writable."""
    import evaldesk.ui.app as ui_app
    from evaldesk.cli import main

    path = tmp_path / "data.sqlite"
    Store(path).close()
    lock_path(path).write_text(json.dumps({"user": "李四", "host": "财务室电脑", "since": "2026-03-01T09:30:00",
                                           "pid": 1}), encoding="utf-8")
    opened = []
    monkeypatch.setattr(ui_app, "run", lambda db=None: opened.append((db, lock_path(path).exists())) or 0)
    assert main(["--db", str(path)]) == 0 and opened[-1] == (str(path), True)  # not asked: the lock stays
    assert main(["--db", str(path), "--break-lock"]) == 0
    assert opened[-1] == (str(path), False)
    err = capsys.readouterr().err
    assert "已强制解除" in err and "李四" in err and "互相覆盖" in err
