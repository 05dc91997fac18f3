"""The PyInstaller bundle (make bundle-test builds it and runs this under Xvfb; skipped unless EVALDESK_BUNDLE
names the built folder). Its own Python, no source tree: the console evaldesk-cli adds the sample, scores, prints
and exports it; the windowed evaldesk opens on a real X display and stays up."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

import evaldesk

BUNDLE = Path(os.environ["EVALDESK_BUNDLE"]).resolve() if os.environ.get("EVALDESK_BUNDLE") else None
pytestmark = pytest.mark.skipif(BUNDLE is None, reason="make bundle-test runs this on a built bundle")


@pytest.fixture
def env(tmp_path):
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "QT_QPA_PLATFORM")}
    return clean | {"EVALDESK_HOME": str(tmp_path / "home")}


def cli(env, tmp_path, *args) -> str:
    result = subprocess.run([BUNDLE / "evaldesk-cli", *map(str, args)], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_bundle_prints_and_exports_the_sample(env, tmp_path):
    assert cli(env, tmp_path, "--version").strip() == f"evaldesk {evaldesk.__version__}"
    cli(env, tmp_path, "sample")
    score = json.loads(cli(env, tmp_path, "score", "--json"))
    assert str(score["total"]) == "92.5" and score["grade"] == "优秀"
    cli(env, tmp_path, "print", "-o", tmp_path / "报告.pdf")
    from pypdf import PdfReader

    pdf = PdfReader(tmp_path / "报告.pdf")
    assert len(pdf.pages) > 5 and "绩效评价自评报告" in pdf.pages[0].extract_text()
    cli(env, tmp_path, "export", "-o", tmp_path / "报送.xlsx")
    assert (tmp_path / "报送.xlsx").read_bytes()[:2] == b"PK"


def test_the_bundle_carries_the_licences(tmp_path):
    assert (BUNDLE / "_internal" / "LICENSE").is_file()
    assert (BUNDLE / "_internal" / "evaldesk" / "_resources" / "fonts" / "OFL.txt").is_file()
    licences = BUNDLE / "licenses"
    assert "PySide6_Essentials 6.9.3" in (licences / "NOTICE.txt").read_text(encoding="utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (licences / "LGPL-3.txt").read_text()
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in (licences / "Python-LICENSE.txt").read_text()
    assert (licences / "pillow-13.0.0").is_dir() and (licences / "zlib-LICENSE.txt").is_file()


def test_the_folder_runs_on_glibc_2_28_and_leaves_out_what_it_does_not_need():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts" / "packaging"))
    import check_glibc

    assert check_glibc.over_the_floor(BUNDLE, check_glibc.FLOOR) == []
    names = {path.name for path in BUNDLE.rglob("*")}
    assert not {name for name in names if name.startswith(("libreadline", "libgtk-3", "libqwayland", "libqeglfs",
                                                            "libqvnc", "libqgtk3", "libstdc++",
                                                            "libQt6Wayland", "libQt6EglFS"))}
    assert "libqxcb.so" in names and "libxcb-cursor.so.0" in names


def test_the_menu_launcher_explains_a_system_too_old(tmp_path):
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "getconf").write_text("#!/bin/sh\necho glibc 2.27\n")
    (fake / "getconf").chmod(0o755)
    env = {"PATH": f"{fake}:/usr/bin:/bin", "HOME": str(tmp_path)}  # no zenity etc. found: the message on stderr
    result = subprocess.run([BUNDLE / "evaldesk.sh", "--version"], env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1 and "需要 glibc 2.28" in result.stderr and "本机为 glibc 2.27" in result.stderr
    result = subprocess.run([BUNDLE / "evaldesk.sh", "--version"], capture_output=True, text=True, timeout=120,
                            env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    assert result.returncode == 0 and result.stdout.strip() == f"evaldesk {evaldesk.__version__}"


@pytest.mark.skipif(not os.environ.get("DISPLAY"), reason="needs an X display (xvfb-run)")
def test_the_windowed_program_opens_and_stays_up(env, tmp_path):
    cli(env, tmp_path, "sample")
    window = subprocess.Popen([BUNDLE / "evaldesk"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(8)  # start, paint, open the data file, score and audit the sample
        assert window.poll() is None, window.communicate()[1][-2000:]
    finally:
        window.terminate()
        window.wait(timeout=30)
