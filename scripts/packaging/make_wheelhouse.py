"""make wheelhouse: one folder (out/wheelhouse/) that installs evaldesk on a PC with no network, on every promised
platform and Python: the evaldesk wheel, every dependency's wheel (pip download --only-binary), a setuptools wheel
(an offline `pip install -e .` from a source tree needs it), and install.sh / install.bat beside them.

Needs the network here (PyPI), at build time only. The target PC needs Python 3.11–3.13 already installed (UOS 20 and
Kylin V10 ship 3.7/3.8: there, use the bundle — make bundle — which carries its own Python).
"""

from __future__ import annotations

import shutil
import subprocess
import sys

from platforms import PLATFORMS, PYTHONS, ROOT, platform_args, requirements

OUT = ROOT / "out" / "wheelhouse"
HERE = ROOT / "scripts" / "packaging"


def pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", *args], check=True)


def main() -> int:
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    pip("wheel", "--no-deps", "--quiet", "--wheel-dir", str(OUT), str(ROOT))
    for platform in PLATFORMS:
        if not platform.promised:
            continue
        for python in PYTHONS:
            print(f"== {platform.name} / Python {python}", flush=True)
            pip("download", "--quiet", "--dest", str(OUT), *platform_args(platform, python), *requirements())
    pip("download", "--quiet", "--no-deps", "--dest", str(OUT), "--only-binary=:all:", "setuptools==84.2.1")
    for name in ("install.sh", "uninstall.sh", "install.bat", "uninstall.bat", "evaldesk.desktop"):
        shutil.copy(HERE / name, OUT / name)
    (OUT / "install.sh").chmod(0o755)
    size = sum(path.stat().st_size for path in OUT.iterdir()) / 1e6
    print(f"{OUT}: {len(list(OUT.glob('*.whl')))} wheels, {size:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
