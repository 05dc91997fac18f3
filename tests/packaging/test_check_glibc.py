"""check_glibc.py, the ELF scan that fails `make bundle` when the program folder needs a newer glibc or libstdc++
than 统信UOS 20 / 银河麒麟 V10 have. Checked on this machine's own libraries (Debian 12: glibc 2.36, GCC 12)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts" / "packaging"))
import check_glibc  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("objdump") is None, reason="needs objdump (binutils)")
LIBSTDCXX = next(Path("/usr/lib").glob("*-linux-gnu/libstdc++.so.6"), None)


@pytest.mark.skipif(LIBSTDCXX is None, reason="needs the system's libstdc++")
def test_a_folder_with_this_machine_s_libstdcxx_fails_and_names_it(tmp_path, capsys):
    shutil.copy(LIBSTDCXX, tmp_path / "libstdc++.so.6")
    (tmp_path / "notes.txt").write_text("not an ELF file")
    assert check_glibc.main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "libstdc++.so.6: needs GLIBC_2." in out


def test_a_file_needing_old_versions_only_passes_and_an_empty_folder_fails(tmp_path, monkeypatch):
    (tmp_path / "tool").write_bytes(b"\x7fELF")
    monkeypatch.setattr(check_glibc, "needed_versions", lambda path: {"GLIBC": "2.17", "GLIBCXX": "3.4.25"})
    assert check_glibc.main([str(tmp_path)]) == 0
    monkeypatch.setattr(check_glibc, "needed_versions", lambda path: {"GLIBC": "2.29"})
    assert check_glibc.main([str(tmp_path)]) == 1
    assert check_glibc.main([str(tmp_path / "nothing")]) == 1
