"""Does every pinned dependency have a wheel for each promised platform and Python? (make check-platforms)

For each platform × Python, pip resolves the pinned requirements as if installing there (--dry-run with
--platform/--python-version, --only-binary: no building on the filler's PC). It reads the index's metadata, not
the 100 MB wheels. Prints a table and the wheel chosen for each package; exits 1 if a promised platform fails.
Needs the network (PyPI) — at build time only; the program itself never does.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from platforms import PLATFORMS, PYTHONS, platform_args, requirements


def resolve(platform, python: str) -> tuple[bool, str]:
    """(resolved?, the wheels chosen or pip's last error line)."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        command = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
                   "--target", str(Path(scratch) / "target"), "--report", str(report),
                   *platform_args(platform, python), *requirements()]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            lines = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
            return False, (lines[0] if lines else result.stderr.strip()[-200:])
        chosen = json.loads(report.read_text())["install"]
        return True, " ".join(sorted(item["download_info"]["url"].rsplit("/", 1)[-1] for item in chosen))


def main() -> int:
    failed = False
    print(f"{'平台':<44} {'Python':<7} 结果")
    details = []
    for platform in PLATFORMS:
        for python in PYTHONS:
            ok, detail = resolve(platform, python)
            verdict = "可安装" if ok else ("缺少 wheel" if platform.promised else "缺少 wheel（不承诺）")
            failed |= platform.promised and not ok
            print(f"{platform.name:<44} {python:<7} {verdict}", flush=True)
            details.append(f"  {platform.name} / {python}: {detail}")
    print("\n".join(["", "所选 wheel / 错误："] + details))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
