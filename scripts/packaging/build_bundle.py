"""make bundle: the Linux program folder that runs on glibc 2.28 (统信UOS 20, 银河麒麟 V10 x86, Debian 10+), built on
this newer Debian without a 2.28 system, and its tarball out/evaldesk-VERSION-linux-x86_64-glibc2.28.tar.gz.

1. A Python 3.11 linked against glibc 2.28 (glibc228/build-python.sh: zig cc, Debian's sources; once, about 10-30
   minutes, kept in build/glibc228/python).
2. The pinned wheels for manylinux_2_28 x86_64 / CPython 3.11 (pip download, here with the network), installed with
   PyInstaller into a venv of that Python: every compiled file comes from those wheels or that Python.
3. PyInstaller (evaldesk.spec) makes out/bundle/evaldesk; the system libraries it found on this machine are left
   out (the target desktop has its own: evaldesk.spec says which and why), the licences go in (licences.py).
4. check_glibc.py fails the build if any ELF file in the folder needs more than glibc 2.28 / GCC 8's libstdc++.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile

from platforms import PLATFORMS, ROOT, platform_args, requirements

HERE = ROOT / "scripts" / "packaging"
WORK = ROOT / "build" / "glibc228"
PYTHON = WORK / "python" / "bin" / "python3.11"
VENV = WORK / "venv"
WHEELS = WORK / "wheels"
DIST = ROOT / "out" / "bundle"
FOLDER = DIST / "evaldesk"
GLIBC = "2.28"
BUNDLE_TOOLS = ["pyinstaller==6.22.3"]


def run(*command, **kwargs) -> None:
    print("$", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True, **kwargs)


def version() -> str:
    namespace: dict = {}
    exec((ROOT / "evaldesk" / "__init__.py").read_text(encoding="utf-8"), namespace)
    return namespace["__version__"]


def main() -> int:
    if not PYTHON.exists():
        run("bash", HERE / "glibc228" / "build-python.sh", WORK)
    linux = next(p for p in PLATFORMS if p.promised and "Linux x86_64" in p.name)
    shutil.rmtree(WHEELS, ignore_errors=True)
    run(sys.executable, "-m", "pip", "download", "--quiet", "--isolated", "--dest", WHEELS,
        *platform_args(linux, "3.11"), *requirements(), *BUNDLE_TOOLS)
    shutil.rmtree(VENV, ignore_errors=True)
    run(PYTHON, "-m", "venv", VENV)
    run(VENV / "bin" / "python", "-m", "pip", "install", "--quiet", "--isolated", "--no-index", "--find-links",
        WHEELS, "--disable-pip-version-check", *requirements(), *BUNDLE_TOOLS)
    shutil.rmtree(ROOT / "build" / "pyinstaller", ignore_errors=True)
    run(VENV / "bin" / "pyinstaller", "--noconfirm", "--clean", "--log-level", "WARN", "--distpath", DIST,
        "--workpath", ROOT / "build" / "pyinstaller", HERE / "evaldesk.spec",
        env=os.environ | {"EVALDESK_BUNDLE_GLIBC": GLIBC})
    for link in [path for path in FOLDER.rglob("*") if path.is_symlink() and not path.exists()]:
        link.unlink()  # PyInstaller's top-level links to the Qt libraries evaldesk.spec left out
    for name in ("install-menu.sh", "evaldesk.desktop", "evaldesk.sh"):
        shutil.copy(HERE / name, FOLDER / name)
    run(VENV / "bin" / "python", HERE / "licences.py", "--folder", FOLDER, "--python", WORK / "python",
        "--sources", WORK)
    run(sys.executable, HERE / "check_glibc.py", FOLDER, "--glibc", GLIBC)
    tarball = ROOT / "out" / f"evaldesk-{version()}-linux-x86_64-glibc{GLIBC}.tar.gz"
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(FOLDER, arcname="evaldesk")
    size = sum(p.stat().st_size for p in FOLDER.rglob("*") if p.is_file()) / 1e6
    print(f"{FOLDER}: {size:.0f} MB; {tarball.name}: {tarball.stat().st_size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
