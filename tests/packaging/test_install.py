"""install.sh and uninstall.sh as a filler's PC meets them: a 0.1.0 wheelhouse installed, then a newer one over it
(the program really upgraded, and says so), the data file untouched throughout, 0.1.0's program moved out of the
data folder, and uninstall.sh removing the program but never the data. The wheelhouses hold only evaldesk's wheel,
built here with two versions (EVALDESK_PIP_OPTIONS=--no-deps: `--version` needs no dependency), so no network."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2]
PACKAGING = SOURCE / "scripts" / "packaging"
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "out", "*.egg-info", "__pycache__",
                                    ".pytest_cache", "tests", "docs", "benchmarks")

pytestmark = pytest.mark.skipif(sys.platform != "linux" or shutil.which("sh") is None, reason="Linux install.sh")


def wheelhouse(tmp_path: Path, version: str) -> Path:
    """A folder like `make wheelhouse`'s: evaldesk's wheel at ``version``, install.sh, uninstall.sh, the .desktop."""
    source = tmp_path / f"source-{version}"
    shutil.copytree(SOURCE, source, ignore=NOT_SOURCE)
    init = source / "evaldesk" / "__init__.py"
    init.write_text(re.sub(r'__version__ = "[^"]+"', f'__version__ = "{version}"', init.read_text()))
    folder = tmp_path / f"wheelhouse-{version}"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", folder,
                    source], check=True, capture_output=True, timeout=300)
    for name in ("install.sh", "uninstall.sh", "evaldesk.desktop"):
        shutil.copy(PACKAGING / name, folder / name)
    return folder


def sh(script: Path, home: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EVALDESK_", "XDG_", "PIP_", "VIRTUAL_ENV"))}
    env |= {"HOME": str(home), "EVALDESK_PIP_OPTIONS": "--no-deps"}
    result = subprocess.run(["sh", str(script), *args], env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def version(home: Path) -> str:
    return subprocess.run([home / ".local/bin/evaldesk-cli", "--version"], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_a_newer_wheelhouse_upgrades_and_uninstall_keeps_the_data(tmp_path):
    old, new = wheelhouse(tmp_path, "0.1.0"), wheelhouse(tmp_path, "0.1.1")
    home = tmp_path / "home 张三"  # a path with a space and Chinese, as a real user name can give
    data = home / ".local/share/evaldesk"
    data.mkdir(parents=True)
    (data / "evaldesk.sqlite").write_bytes(b"the filler's report")

    assert "已安装：evaldesk 0.1.0" in sh(old / "install.sh", home, sys.executable)
    assert version(home) == "evaldesk 0.1.0"

    out = sh(new / "install.sh", home, sys.executable)
    assert "已升级：evaldesk 0.1.0 → evaldesk 0.1.1" in out, out
    assert version(home) == "evaldesk 0.1.1"
    assert (home / ".local/lib/evaldesk/pyvenv.cfg").is_file() and not (data / "venv").exists()
    desktop = (home / ".local/share/applications/evaldesk.desktop").read_text()
    assert str(home / ".local/lib/evaldesk/bin/evaldesk") in desktop

    out = sh(home / ".local/lib/evaldesk/uninstall.sh", home)
    assert "数据未删除" in out
    assert not (home / ".local/lib/evaldesk").exists() and not (home / ".local/bin/evaldesk").exists()
    assert not (home / ".local/share/applications/evaldesk.desktop").exists()
    assert (data / "evaldesk.sqlite").read_bytes() == b"the filler's report"


def test_the_program_0_1_0_kept_in_the_data_folder_moves_out_and_the_data_stays(tmp_path):
    old, new = wheelhouse(tmp_path, "0.1.0"), wheelhouse(tmp_path, "0.1.1")
    home = tmp_path / "home"
    data = home / ".local/share/evaldesk"
    # 0.1.0's install.sh: the venv inside the data folder, beside the data file
    subprocess.run([sys.executable, "-m", "venv", data / "venv"], check=True, timeout=300)
    subprocess.run([data / "venv/bin/python", "-m", "pip", "install", "-q", "--no-index", "--no-deps",
                    *old.glob("evaldesk-*.whl")], check=True, capture_output=True, timeout=300)
    (data / "evaldesk.sqlite").write_bytes(b"the filler's report")

    out = sh(new / "install.sh", home, sys.executable)
    assert "已升级：evaldesk 0.1.0 → evaldesk 0.1.1" in out, out
    assert not (data / "venv").exists()
    assert (data / "evaldesk.sqlite").read_bytes() == b"the filler's report"


def test_the_windows_scripts_have_crlf_line_endings_and_pick_a_promised_64_bit_python():
    for name in ("install.bat", "uninstall.bat"):
        text = (PACKAGING / name).read_bytes()
        assert text.count(b"\r\n") == text.count(b"\n"), f"{name}: cmd needs CRLF (.gitattributes)"
    install = (PACKAGING / "install.bat").read_text(encoding="utf-8")
    assert "py -3 -" not in install and "-%%v-64" in install and "--upgrade" in install
