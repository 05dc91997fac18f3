"""The wheel on its own: built from a copy of the source, installed into a fresh virtualenv, and used from there
with no source tree anywhere on the path — the way a PC that got only the wheel (or the wheelhouse) runs it.

The fresh venv gets evaldesk from the wheel alone; its dependencies (PySide6, reportlab …) are borrowed from the
test venv by a plain path line, which Python does not scan for .pth files, so the test venv's editable evaldesk
stays invisible. Building needs no network: setuptools comes from the test extras (--no-build-isolation).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

import evaldesk

SOURCE = Path(__file__).resolve().parents[2]
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
                                    "tests", "docs", "benchmarks")


def run(*command, cwd: Path, env: dict[str, str] | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"{command}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    return result


def build_wheel(workdir: Path) -> Path:
    copy = workdir / "source"
    shutil.copytree(SOURCE, copy, ignore=NOT_SOURCE)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", workdir / "dist",
        copy, cwd=workdir)
    (wheel,) = (workdir / "dist").glob("evaldesk-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(wheel, venv folder, environment for running it): the wheel installed into a venv of its own."""
    workdir = tmp_path_factory.mktemp("wheel")
    wheel = build_wheel(workdir)
    target = workdir / "venv"
    venv.create(target, with_pip=False)
    bin_dir = target / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=workdir)
                .stdout.strip())
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel,
        cwd=workdir)
    home = workdir / "home"
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(EVALDESK_HOME=str(home), QT_QPA_PLATFORM="offscreen", PATH=f"{bin_dir}{os.pathsep}{env['PATH']}")
    return wheel, target, env, workdir


def cli(installed, *args) -> str:
    _, target, env, workdir = installed
    return run(target / "bin" / "evaldesk-cli", *args, cwd=workdir, env=env).stdout


def test_the_wheel_carries_every_resource_its_licences_and_both_entry_points(installed):
    wheel = installed[0]
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(archive.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt"))
    shipped = {str(path.relative_to(SOURCE / "resources")).replace(os.sep, "/")
               for path in (SOURCE / "resources").rglob("*") if path.is_file()}
    assert shipped and {f"evaldesk/_resources/{name}" for name in shipped} <= names
    assert any(n.endswith("licenses/LICENSE") for n in names) and any(n.endswith("licenses/resources/fonts/OFL.txt")
                                                                      for n in names)
    assert "[gui_scripts]\nevaldesk = evaldesk.cli:main" in entry_points
    assert "[console_scripts]\nevaldesk-cli = evaldesk.cli:main" in entry_points
    assert f"evaldesk-{evaldesk.__version__}-" in wheel.name  # one version: the package's


def test_the_installed_program_reads_its_resources_from_itself(installed):
    _, target, env, workdir = installed
    probe = ("import evaldesk, evaldesk.resources as r; "
             "print(evaldesk.__file__); print(r.SAMPLE_REPORT); print(r.TEMPLATES); print(evaldesk.__version__)")
    package, sample, templates, version = run(target / "bin" / "python", "-I", "-c", probe, cwd=workdir,
                                              env=env).stdout.split("\n")[:4]
    assert Path(package).is_relative_to(target) and not Path(package).is_relative_to(SOURCE)
    assert Path(sample).is_relative_to(target) and Path(sample).is_file()
    assert Path(templates).is_relative_to(target)
    assert version == evaldesk.__version__
    assert cli(installed, "--version").strip() == f"evaldesk {evaldesk.__version__}"


def test_sample_score_print_export_from_the_installed_wheel(installed):
    workdir = installed[3]
    cli(installed, "sample")
    listing = cli(installed, "list")
    assert "云溪区委" in listing or "编办" in listing or "机构编制" in listing, listing
    score = json.loads(cli(installed, "score", "--json"))
    assert str(score["total"]) == "92.5" and score["grade"] == "优秀"
    cli(installed, "print", "-o", workdir / "报告.pdf")
    from pypdf import PdfReader

    pdf = PdfReader(workdir / "报告.pdf")
    assert len(pdf.pages) > 5 and "绩效评价自评报告" in pdf.pages[0].extract_text()
    cli(installed, "export", "-o", workdir / "报送.xlsx")
    from openpyxl import load_workbook

    assert load_workbook(workdir / "报送.xlsx", read_only=True).sheetnames
    cli(installed, "new", "--year", "2024", "--department", "测试局")  # a built-in template is found
    assert "测试局" in cli(installed, "list")


def test_the_installed_window_opens_with_its_font_and_icon(installed):
    _, target, env, workdir = installed
    probe = ("from evaldesk.ui.app import create_app, open_window; from PySide6.QtGui import QFontInfo; "
             "app = create_app(); window = open_window(); window.show(); app.processEvents(); "
             "print(QFontInfo(app.font()).family(), app.windowIcon().isNull(), window.isVisible(), sep='|')")
    family, icon_missing, visible = run(target / "bin" / "python", "-I", "-c", probe, cwd=workdir,
                                        env=env).stdout.strip().split("|")
    assert family == "Noto Sans SC", family
    assert icon_missing == "False" and visible == "True"
