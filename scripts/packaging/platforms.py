"""The platforms evaldesk promises (README → 安装), and the pinned requirements every one of them must get as
wheels. Shared by check_platforms.py and make_wheelhouse.py, so the promise is written once."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHONS = ("3.11", "3.12", "3.13")


def manylinux(glibc_minor: int, arch: str) -> tuple[str, ...]:
    """Every manylinux tag a machine with glibc 2.<glibc_minor> accepts (pip takes them as a list)."""
    tags = [f"manylinux_2_{minor}_{arch}" for minor in range(glibc_minor, 16, -1)]
    return tuple(tags + [f"manylinux2014_{arch}"])


@dataclass(frozen=True)
class Platform:
    name: str
    tags: tuple[str, ...]
    promised: bool  # False: listed to show why it is not promised


PLATFORMS = (
    Platform("Windows 10/11 x64", ("win_amd64",), True),
    Platform("Linux x86_64 glibc≥2.28（统信UOS 20、银河麒麟 V10 x86）", manylinux(28, "x86_64"), True),
    Platform("Linux aarch64 glibc 2.28（银河麒麟 V10 飞腾/鲲鹏）", manylinux(28, "aarch64"), False),
)


def requirements() -> list[str]:
    """The pinned runtime dependencies from pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return list(project["dependencies"])


def platform_args(platform: Platform, python: str) -> list[str]:
    args = ["--only-binary=:all:", "--implementation", "cp", "--python-version", python]
    for tag in platform.tags:
        args += ["--platform", tag]
    return args
