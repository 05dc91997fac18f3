"""Reading a data file needs no SQLAlchemy (it costs 0.13–0.7 s to import); the first write loads it, over the same
connection, and what it writes is what a reader then finds."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from evaldesk.exchange.report_json import read_json
from evaldesk.model.edits import SetField
from evaldesk.datafile.store import Store
from evaldesk.resources import SAMPLE_REPORT

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "数据 #1?.sqlite"  # characters a SQLite URI would otherwise cut the path at
    store = Store(path)
    store.add(read_json(SAMPLE_REPORT))
    store.set_state("open_report", "1")
    store.close()
    return path


def _run(code: str, *args) -> dict:
    """``code`` in a fresh Python process (this one has imported SQLAlchemy long ago); it prints JSON."""
    done = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


OPEN_READ_WRITE = """
import json, sys
from pathlib import Path
from evaldesk.app.datafile import open_data_file, report_to_open
from evaldesk.model.edits import SetField
store = open_data_file(sys.argv[1], read_only=sys.argv[2] == "ro")  # a writable open also makes its backup
report = store.load(report_to_open(store))
store.carried(report.id); store.saved_templates(); store.changed_elsewhere()
store.copy_to(Path(sys.argv[1]).with_name("副本.sqlite"))
seen = {"after_reads": "sqlalchemy" in sys.modules, "department": report.department}
if sys.argv[2] == "rw":
    store.apply(report, SetField("basic.contact", "王五"))
    seen["after_write"] = "sqlalchemy" in sys.modules
store.close()
print(json.dumps(seen, ensure_ascii=False))
"""


@pytest.mark.parametrize("mode", ["ro", "rw"])
def test_opening_and_reading_a_file_does_not_load_sqlalchemy_and_the_first_write_does(saved, mode):
    seen = _run(OPEN_READ_WRITE, saved, mode)
    assert seen["department"] == "中共岳阳市云溪区委机构编制委员会办公室"
    assert seen["after_reads"] is False
    if mode == "rw":
        assert seen["after_write"] is True
        again = Store(saved, read_only=True)
        try:
            assert again.load(1).fields["basic.contact"] == "王五"
        finally:
            again.close()
    copy = Store(saved.with_name("副本.sqlite"), read_only=True)  # the copy made without SQLAlchemy is whole
    try:
        assert copy.load(1).department == "中共岳阳市云溪区委机构编制委员会办公室"
    finally:
        copy.close()


COMMAND = """
import json, sys
from evaldesk.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "sqlalchemy": "sqlalchemy" in sys.modules}))
"""


@pytest.mark.parametrize("command", [["score"], ["audit"], ["list"], ["export", "-o", "{out}.xlsx"],
                                     ["print", "-o", "{out}.pdf"]])
def test_commands_that_only_read_do_not_load_sqlalchemy(saved, tmp_path, command):
    args = [part.format(out=tmp_path / "out") for part in command]
    seen = _run(COMMAND, "--db", saved, *args)
    assert seen["code"] in (0, 1)  # audit exits 1 when the report has errors
    assert seen["sqlalchemy"] is False
    if args[0] in ("export", "print"):
        assert Path(args[-1]).stat().st_size > 1000


def test_a_write_after_warming_up_is_stored_and_keeps_the_checksum(saved):
    store = Store(saved)
    try:
        report = store.load(1)
        store.warm_up()
        store.apply(report, SetField("basic.contact", "赵六"))
        assert store.load(1).fields["basic.contact"] == "赵六"  # load checks the checksum the triggers kept
    finally:
        store.close()


def test_a_read_only_store_does_not_warm_up(saved):
    store = Store(saved, read_only=True)
    try:
        store.warm_up()
        assert store._writer is None
    finally:
        store.close()


def test_a_write_holds_the_write_lock_from_its_first_statement(saved):
    """BEGIN IMMEDIATE, as before the connection was shared: a second writer waits for the whole transaction."""
    store = Store(saved)
    try:
        report = store.load(1)
        tried = []

        def spy(_connection):
            other = sqlite3.connect(saved, timeout=0)
            try:
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("BEGIN IMMEDIATE")
                tried.append(True)
            finally:
                other.close()

        store._write(spy)
        assert tried == [True]
        store.apply(report, SetField("basic.contact", "钱七"))
    finally:
        store.close()


def test_a_writer_that_cannot_be_made_is_a_chinese_error_and_the_edit_is_not_kept(saved, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from evaldesk.datafile import store as store_module
    from evaldesk.datafile.errors import StoreError

    def broken(_connection):
        raise OperationalError("PRAGMA read_uncommitted", {}, sqlite3.OperationalError("disk I/O error"))

    store = Store(saved)
    try:
        monkeypatch.setattr(store_module, "writer", broken)
        store.warm_up()  # left for the first write
        report = store.load(1)
        before = report.fields["basic.contact"]
        with pytest.raises(StoreError) as caught:
            store.apply(report, SetField("basic.contact", "孙八"))
        assert "读写磁盘时出错" in str(caught.value)
        assert report.fields["basic.contact"] == before
    finally:
        store.close()
