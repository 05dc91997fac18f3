"""The licence notices for what evaldesk ships, from the installed distributions' metadata.

    python scripts/packaging/licences.py --notice resources/licenses/NOTICE.txt
        the list shown in 关于 (and carried by the wheel and the folder): each runtime distribution evaldesk needs,
        its version and licence, as its metadata says (License-Expression, License or the classifiers)
    python scripts/packaging/licences.py --folder out/bundle/evaldesk --python PREFIX --sources build/glibc228
        the program folder's licenses/: every distribution's own licence files, Python's licence, the licences of
        the libraries linked into that Python (zlib, libffi, SQLite, expat) and of the system libraries carried

Run with the Python whose site-packages hold the pinned distributions (the test venv, or the bundle's venv).
tests/packaging/test_licences.py checks that NOTICE.txt is what this script makes from the pins.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from importlib import metadata
from pathlib import Path

try:
    from packaging.requirements import Requirement
except ImportError:  # under pytest, "packaging" is tests/packaging; pip's own copy is the same library
    from pip._vendor.packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
# What the Qt for Python wheels carry no text of: the licence they are used under here.
USED_UNDER = {"pyside6-essentials": "LGPL-3.0-only", "shiboken6": "LGPL-3.0-only"}
HEADER = """evaldesk 使用的第三方组件及其许可证（由 scripts/packaging/licences.py 按已安装组件的元数据生成）
Third-party components of evaldesk and their licences (generated from the installed distributions' metadata)

Qt 6、PySide6、shiboken6 按 LGPL-3.0 使用：可以用自己编译的同版本 Qt 库替换程序所带的 Qt 库（程序文件夹的
_internal/PySide6/Qt/lib，或 Python 环境中 PySide6/Qt/lib）。LGPL-3.0 与 GPL-3.0 全文见 licenses 文件夹。
程序文件夹另带 Python（PSF 许可证）及其静态链接的 zlib、libffi、SQLite、expat 的许可证，见 licenses 文件夹。
中文字体 Noto Sans SC / Noto Serif SC：SIL 开放字体许可证 1.1（fonts/OFL.txt）。evaldesk 本身：MIT。
"""


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions() -> list[metadata.Distribution]:
    """evaldesk's runtime dependencies (pyproject's pins) and theirs, in name order; extras and markers that do not
    apply here are left out."""
    import tomllib

    pins = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    todo, found = [Requirement(pin) for pin in pins], {}
    while todo:
        requirement = todo.pop()
        if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
            continue
        if _key(requirement.name) in found:
            continue
        distribution = metadata.distribution(requirement.name)
        found[_key(requirement.name)] = distribution
        todo += [Requirement(text) for text in distribution.requires or []]
    return sorted(found.values(), key=lambda d: _key(d.metadata["Name"]))


def licence_of(distribution: metadata.Distribution) -> str:
    meta = distribution.metadata
    name = _key(meta["Name"])
    text = meta.get("License-Expression") or meta.get("License") or ""
    text = text.strip().splitlines()[0] if text.strip() else ""
    if not text or len(text) > 90:
        classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
        text = "; ".join(classifiers) or text[:90]
    if name in USED_UNDER:
        text += f"（本程序按 {USED_UNDER[name]} 使用）"
    return text


def notice() -> str:
    lines = [f"{d.metadata['Name']} {d.version}：{licence_of(d)}" for d in runtime_distributions()]
    return HEADER + "\n" + "\n".join(lines) + "\n"


def licence_files(distribution: metadata.Distribution) -> list[Path]:
    files = []
    for entry in distribution.files or []:
        parts = entry.parts
        if parts and parts[0].endswith(".dist-info") and (
                "licenses" in parts or re.match(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", parts[-1], re.I)):
            files.append(Path(str(distribution.locate_file(entry))))
    return [path for path in files if path.is_file()]


def fill_folder(folder: Path, python: Path, sources: Path) -> None:
    out = folder / "licenses"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    (out / "NOTICE.txt").write_text(notice(), encoding="utf-8")
    for name in ("LGPL-3", "GPL-3"):
        shutil.copy(ROOT / "resources" / "licenses" / f"{name}.txt", out / f"{name}.txt")
    for distribution in runtime_distributions():
        target = out / f"{distribution.metadata['Name']}-{distribution.version}"
        target.mkdir()
        for path in licence_files(distribution):
            shutil.copy(path, target / path.name)
        if not any(target.iterdir()):
            (target / "LICENSE.txt").write_text(licence_of(distribution) + "\n", encoding="utf-8")
    shutil.copy(next(python.glob("lib/python3*/LICENSE.txt")), out / "Python-LICENSE.txt")
    linked = {"zlib": "build-zlib/LICENSE", "libffi": "build-libffi/LICENSE",
              "expat": "build-cpython/Modules/expat/COPYING", "sqlite": "build-sqlite/LICENSE.md"}
    for name, relative in linked.items():
        source = sources / relative
        if source.exists():
            shutil.copy(source, out / f"{name}-LICENSE.txt")
        elif name == "sqlite":
            (out / "sqlite-LICENSE.txt").write_text("SQLite is in the public domain (https://sqlite.org/copyright.html)\n")
        elif name == "zlib":
            shutil.copy(sources / "build-zlib" / "README", out / "zlib-LICENSE.txt")
    for library in sorted(folder.glob("_internal/libxcb-cursor.so*")):  # the system library carried (evaldesk.spec)
        copyright_file = Path("/usr/share/doc/libxcb-cursor0/copyright")
        if copyright_file.exists():
            shutil.copy(copyright_file, out / "libxcb-cursor-copyright.txt")
        break


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notice", type=Path)
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--python", type=Path, help="the bundled Python's prefix (its LICENSE.txt)")
    parser.add_argument("--sources", type=Path, help="glibc228/build-python.sh's folder (the linked libraries)")
    args = parser.parse_args(argv)
    if args.notice:
        args.notice.parent.mkdir(parents=True, exist_ok=True)
        args.notice.write_text(notice(), encoding="utf-8")
    if args.folder:
        fill_folder(args.folder, args.python, args.sources)
    return 0


if __name__ == "__main__":
    sys.exit(main())
