"""make wheelhouse: one folder (out/wheelhouse/) that installs evaldesk on a PC with no network, on every promised
platform and Python: the evaldesk wheel, every dependency's wheel (pip download --only-binary), a setuptools wheel
(an offline `pip install -e .` from a source tree needs it), install.sh / install.bat / uninstall.sh / uninstall.bat
beside them, and SHA256SUMS for checking a USB copy (install.sh checks it; on Windows: certutil -hashfile).

Every dependency's wheel is pinned with its hashes in requirements-lock.txt (all platforms and Pythons), and pip
downloads with --require-hashes: a wheel that changed on the index stops the build. `--update-lock` makes the lock
again from what the pins resolve to today (then review the diff). The evaldesk wheel is built from a clean tree:
setuptools would otherwise reuse build/lib, and a module deleted from the source would still ship.

Needs the network here (PyPI), at build time only. The target PC needs Python 3.11–3.13 already installed (UOS 20 and
Kylin V10 ship 3.7/3.8: there, use the program folder — make bundle — which carries its own Python).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from collections import defaultdict

from platforms import PLATFORMS, PYTHONS, ROOT, platform_args, requirements

OUT = ROOT / "out" / "wheelhouse"
HERE = ROOT / "scripts" / "packaging"
LOCK = HERE / "requirements-lock.txt"
SETUPTOOLS = "setuptools==84.2.1"
SCRIPTS = ("install.sh", "uninstall.sh", "install.bat", "uninstall.bat", "evaldesk.desktop")


def pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", "--isolated", *args], check=True)


def sha256(path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_lock() -> None:
    """requirements-lock.txt from the wheels downloaded: each name==version with the hash of every file."""
    files = defaultdict(list)
    for wheel in sorted(OUT.glob("*.whl")):
        name, version = wheel.name.split("-")[:2]
        if name != "evaldesk":
            files[(name.lower().replace("_", "-"), version)].append(sha256(wheel))
    lines = ["# The wheelhouse's dependencies, every platform and Python (make_wheelhouse.py --update-lock).\n"]
    for (name, version), hashes in sorted(files.items()):
        lines.append(f"{name}=={version} \\\n" + " \\\n".join(f"    --hash=sha256:{h}" for h in sorted(set(hashes)))
                     + "\n")
    LOCK.write_text("".join(lines))


def main() -> int:
    update = "--update-lock" in sys.argv
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    for stale in ("build/lib", "build/bdist.linux-x86_64", "evaldesk.egg-info"):
        shutil.rmtree(ROOT / stale, ignore_errors=True)
    pip("wheel", "--no-deps", "--quiet", "--wheel-dir", str(OUT), str(ROOT))
    lock_file = OUT / ".lock.txt"
    for platform in PLATFORMS:
        if not platform.promised:
            continue
        for python in PYTHONS:
            print(f"== {platform.name} / Python {python}", flush=True)
            if update:
                pip("download", "--quiet", "--dest", str(OUT), *platform_args(platform, python), *requirements(),
                    SETUPTOOLS)
            else:
                lock_file.write_text(LOCK.read_text())
                pip("download", "--quiet", "--dest", str(OUT), "--require-hashes", *platform_args(platform, python),
                    "-r", str(lock_file))
    lock_file.unlink(missing_ok=True)
    if update:
        write_lock()
    for name in SCRIPTS:
        text = (HERE / name).read_bytes()
        if name.endswith(".bat"):  # cmd needs CRLF, whatever git did on checkout
            text = text.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        (OUT / name).write_bytes(text)
    for name in ("install.sh", "uninstall.sh"):
        (OUT / name).chmod(0o755)
    files = sorted(path for path in OUT.iterdir() if path.is_file())
    (OUT / "SHA256SUMS").write_text("".join(f"{sha256(path)}  {path.name}\n" for path in files))
    size = sum(path.stat().st_size for path in files) / 1e6
    print(f"{OUT}: {len(list(OUT.glob('*.whl')))} wheels, {size:.0f} MB; SHA256SUMS for the copy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
