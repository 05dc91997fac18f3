"""What a file holds is checked before it is used (issue 26): values of the wrong kind, an unfinished save left by
a killed writer, an older file read by a command, a 0-byte file, the same file reached through two names."""

import os
import sqlite3

import pytest

from tests import raw_file

from evaldesk.app.datafile import add_sample
from evaldesk.cli import main
from evaldesk.datafile.errors import DamagedReport
from evaldesk.datafile.store import Store


def _one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err


def _sample_file(tmp_path):
    path = tmp_path / "data.sqlite"
    store = Store(path)
    add_sample(store)
    store.close()
    return path


def _figures_as_text(path):
    """Every figure stored as text ('d:12.5' → 't:12.5'), the checksum kept consistent (as another program could)."""
    with raw_file.connect(path) as raw:
        raw.execute("UPDATE cell SET value = 't:' || substr(value, 3) WHERE value GLOB 'd:*'")
        raw.execute("UPDATE field SET value = 't:' || substr(value, 3) WHERE value GLOB 'd:*'")


def test_figures_stored_as_text_are_a_damaged_report_not_an_internal_error(tmp_path, capsys):
    path = _sample_file(tmp_path)
    _figures_as_text(path)
    store = Store(path, read_only=True)
    with pytest.raises(DamagedReport, match="类型不符"):
        store.load(1)
    store.close()
    assert main(["--db", str(path), "score"]) == 2
    err = _one_line(capsys)
    assert "已损坏" in err and "内部错误" not in err
    code = main(["--db", str(path), "list"])
    said = "".join(capsys.readouterr())
    assert code in (0, 2) and "损坏" in said and "内部错误" not in said
