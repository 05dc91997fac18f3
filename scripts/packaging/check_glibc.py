"""Fails when any ELF file in a program folder needs a newer C or C++ runtime than the oldest PC it promises.

    python scripts/packaging/check_glibc.py out/bundle/evaldesk [--glibc 2.28]

The floor is 统信UOS 20 / 银河麒麟 V10 (x86): glibc 2.28 and GCC 8's libstdc++ (GLIBCXX_3.4.25, CXXABI_1.3.11,
libgcc_s GCC_7.0.0 — GCC 8 added none). The symbol versions an ELF file needs are its "Version References"
(`objdump -p`): the loader refuses the file, and the program shows nothing, when one of them is missing. A version
a file defines itself (a bundled libstdc++) is not a need of it: the folder then carries that runtime, and what
that runtime needs is scanned like any other file. Exit 1 and a list of the files and versions over the floor.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

FLOOR = {"GLIBC": "2.28", "GLIBCXX": "3.4.25", "CXXABI": "1.3.11", "GCC": "7.0.0"}
_VERSION = re.compile(r"^\s+0x[0-9a-f]+ 0x[0-9a-f]+ \d+ (GLIBC|GLIBCXX|CXXABI|GCC)_([0-9.]+)$")


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(4) == b"\x7fELF"
    except OSError:
        return False


def needed_versions(path: Path) -> dict[str, str]:
    """The newest version of each runtime (GLIBC, GLIBCXX, …) that the file needs."""
    dump = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout
    references = dump.split("Version References:", 1)[1] if "Version References:" in dump else ""
    newest: dict[str, str] = {}
    for line in references.splitlines():
        match = _VERSION.match(line)
        if match:
            runtime, version = match.groups()
            if runtime not in newest or _key(version) > _key(newest[runtime]):
                newest[runtime] = version
    return newest


def over_the_floor(folder: Path, floor: dict[str, str]) -> list[tuple[Path, str]]:
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)):
        for runtime, version in needed_versions(path).items():
            if runtime in floor and _key(version) > _key(floor[runtime]):
                found.append((path.relative_to(folder), f"{runtime}_{version}"))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--glibc", default=FLOOR["GLIBC"], help="the oldest glibc promised (default %(default)s)")
    args = parser.parse_args(argv)
    floor = FLOOR | {"GLIBC": args.glibc}
    elf_files = [p for p in args.folder.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]
    if not elf_files:
        print(f"{args.folder}: no ELF files — nothing was checked", file=sys.stderr)
        return 1
    found = over_the_floor(args.folder, floor)
    for path, version in found:
        print(f"  {path}: needs {version}")
    limits = ", ".join(f"{k}_{v}" for k, v in floor.items())
    if found:
        print(f"{len({p for p, _ in found})} of {len(elf_files)} ELF files need more than {limits}", file=sys.stderr)
        return 1
    print(f"{len(elf_files)} ELF files, none needs more than {limits}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
