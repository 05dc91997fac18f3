"""The command and the data file: a mistyped --db, a file the window holds, messages in Chinese and short."""

import os

from evaldesk.app.datafile import add_sample
from evaldesk.cli import main
from evaldesk.datafile.store import Store


def _error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err  # one line
    return err


def test_a_db_in_a_missing_folder_is_refused_and_nothing_is_made(tmp_path, capsys):
    target = tmp_path / "打错的文件夹" / "x.sqlite"
    assert main(["--db", str(target), "list"]) == 2
    assert "不存在" in _error(capsys)
    assert not target.parent.exists()


def test_writes_are_refused_while_the_window_holds_the_file_and_reads_work(tmp_path, capsys):
    path = tmp_path / "data.sqlite"
    window = Store(path)  # what the window holds
    add_sample(window)
    try:
        assert main(["--db", str(path), "sample"]) == 2
        err = _error(capsys)
        assert "正由" in err and "编辑" in err
        assert len(window.list_reports()) == 1
        assert main(["--db", str(path), "list"]) == 0  # reading goes on, read-only
        assert "岳阳市云溪区" in capsys.readouterr().out
        assert main(["--db", str(path), "score"]) == 0
    finally:
        window.close()
    assert main(["--db", str(path), "sample"]) == 0  # once the window is closed
    assert len(Store(path, read_only=True).list_reports()) == 2


def test_a_pipe_as_db_is_refused_without_hanging(tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert main(["--db", str(fifo), "list"]) == 2
    assert "不是普通文件" in _error(capsys)


def test_an_unknown_command_lists_the_commands_as_they_are(capsys):
    assert main(["prnt"]) == 2
    err = _error(capsys)
    assert "'print'" in err and "整数" not in err


def test_a_wrong_number_says_integer_and_does_not_echo_a_pasted_file(capsys):
    assert main(["new", "--year", "x" * 100_000]) == 2
    err = _error(capsys)
    assert "整数" in err and len(err) < 400


def test_a_damaged_file_is_one_line_naming_the_newest_good_backup(tmp_path, capsys):
    import sqlite3

    from evaldesk.datafile import backups

    path = tmp_path / "data.sqlite"
    store = Store(path)
    add_sample(store)
    copy = backups.make_backup(store)
    store.close()
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA user_version = -1")
    before = path.read_bytes()
    assert main(["--db", str(path), "list"]) == 2
    err = _error(capsys)
    assert "已损坏" in err and str(copy) in err and "1 份报告" in err
    assert path.read_bytes() == before


def test_importing_a_pipe_is_refused_without_hanging(tmp_path, capsys):
    fifo = tmp_path / "报告.json"
    os.mkfifo(fifo)
    assert main(["--db", str(tmp_path / "data.sqlite"), "import", str(fifo)]) != 0
    assert "不是普通文件" in _error(capsys)
