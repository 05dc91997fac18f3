"""Does every pinned dependency have a wheel for each promised platform and Python? (make check-platforms)

For each platform × Python, pip resolves the pinned requirements as if installing there (--dry-run with
--platform/--python-version, --only-binary: no building on the filler's PC). It reads the index's metadata, not
the 100 MB wheels. Prints a table and the wheel chosen for each package; exits 1 if a promised platform fails.
Needs the network (PyPI) — at build time only; the program itself never does.

pip runs --isolated (this machine's pip configuration and PIP_* variables do not change the answer). pip evaluates
environment markers for the machine it runs on, not for --platform: a dependency marked `sys_platform == "win32"`
would be dropped from the Windows resolution; so each resolved distribution's requirements are evaluated again for
the target platform and any it drops are resolved too. Last, the program folder (out/bundle/evaldesk, if built) is
scanned for ELF files needing more than glibc 2.28 (check_glibc.py): wheel tags alone do not prove the folder runs.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from platforms import PLATFORMS, PYTHONS, ROOT, platform_args, requirements

try:
    from packaging.requirements import Requirement
except ImportError:  # pip's own copy of the same library
    from pip._vendor.packaging.requirements import Requirement


def target_environment(platform, python: str) -> dict[str, str]:
    """The environment markers of a PC of ``platform`` with CPython ``python``."""
    windows = "win_amd64" in platform.tags
    machine = "AMD64" if windows else ("aarch64" if "aarch64" in platform.tags[0] else "x86_64")
    return {"sys_platform": "win32" if windows else "linux", "platform_system": "Windows" if windows else "Linux",
            "os_name": "nt" if windows else "posix", "platform_machine": machine, "python_version": python,
            "python_full_version": python + ".0", "implementation_name": "cpython",
            "platform_python_implementation": "CPython", "extra": ""}


def dropped_by_markers(chosen: list[dict], environment: dict[str, str]) -> list[str]:
    """Requirements of the resolved distributions that apply on the target but that pip left out."""
    names = {Requirement(item["metadata"]["name"]).name.lower().replace("_", "-") for item in chosen}
    dropped = []
    for item in chosen:
        for text in item["metadata"].get("requires_dist", []):
            requirement = Requirement(text)
            applies = requirement.marker is None or requirement.marker.evaluate(environment)
            if applies and requirement.name.lower().replace("_", "-") not in names:
                dropped.append(str(requirement).split(";")[0].strip())
    return dropped


def resolve(platform, python: str) -> tuple[bool, str]:
    """(resolved?, the wheels chosen or pip's last error line)."""
    wanted = requirements()
    for _ in range(4):  # each round adds what markers for this machine had dropped
        with tempfile.TemporaryDirectory() as scratch:
            report = Path(scratch) / "report.json"
            command = [sys.executable, "-m", "pip", "install", "--isolated", "--dry-run", "--ignore-installed",
                       "--quiet", "--target", str(Path(scratch) / "target"), "--report", str(report),
                       *platform_args(platform, python), *wanted]
            result = subprocess.run(command, capture_output=True, text=True)
            if result.returncode != 0:
                lines = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
                return False, (lines[0] if lines else result.stderr.strip()[-200:])
            chosen = json.loads(report.read_text())["install"]
        dropped = dropped_by_markers(chosen, target_environment(platform, python))
        if not dropped:
            return True, " ".join(sorted(item["download_info"]["url"].rsplit("/", 1)[-1] for item in chosen))
        wanted = wanted + dropped
    return False, f"markers: still missing {dropped}"


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
    folder = ROOT / "out" / "bundle" / "evaldesk"
    if folder.is_dir():
        print(f"\n程序文件夹 {folder}：")
        failed |= subprocess.run([sys.executable, str(Path(__file__).with_name("check_glibc.py")), str(folder)]
                                 ).returncode != 0
    else:
        print("\n程序文件夹未构建（make bundle）：未检查其 glibc 需求")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
