"""Files evaldesk writes: whole or not at all, and readable by others as any file the user makes."""

import os
import stat

from evaldesk.files import write_atomic


def test_a_new_file_follows_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        target = tmp_path / "报送.xlsx"
        write_atomic(target, b"data")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_bytes() == b"data"


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "报告.pdf"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    write_atomic(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.pdf"]  # no temporary file left behind
