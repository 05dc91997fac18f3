"""The one-way flow: only evaldesk/ui imports Qt; no float anywhere a figure or a score could pass."""

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "evaldesk"


def sources_outside_ui():
    files = [path for path in PACKAGE.rglob("*.py") if "ui" not in path.relative_to(PACKAGE).parts[:1]]
    assert len(files) > 10   # the scan really saw the package
    return files


def test_no_qt_outside_ui():
    offenders = []
    for path in sources_outside_ui():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(PACKAGE)}: {name}" for name in names
                          if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6")]
    assert offenders == []


def test_no_float_outside_ui():
    offenders = [f"{path.relative_to(PACKAGE)}:{number}"
                 for path in sources_outside_ui()
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if re.search(r"\bfloat\(", line)]
    assert offenders == []


# ---------------------------------------------------------------- the rooms and their one-way doors
#
#   ui, cli, __main__          the callers: a window and a command line
#        ↓
#   app                        opening a data file, editing with undo, import/export/print, next year — no Qt
#        ↓
#   printing · exchange · templates     services: paper, files, template files; none imports another
#        ↓
#   datafile                   the SQLite data file: store, schema, lock, backups, checksums, its errors
#        ↓
#   audit → scoring → model    the domain: the report, its places and layout, the score sheet, the checks
#        ↓
#   files, resources, paths, quoting     bytes, bundled data, the user's folders, quoting input in a message

RANKS = {"files": 0, "resources": 0, "paths": 0, "quoting": 0, "model": 1, "scoring": 2, "audit": 3, "datafile": 4,
         "printing": 5, "exchange": 5, "templates": 5, "drafts": 5, "app": 6, "ui": 7, "cli": 7, "__main__": 7}
SERVICES = {"printing", "exchange", "templates", "drafts"}


def room(module: str) -> str:
    return module.split(".")[0]


def evaldesk_imports():
    """(importing module, imported module) for every import of evaldesk code, including those inside functions."""
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        module = ".".join(p for p in parts if p != "__init__") or "__init__"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            for name in names:
                if name.startswith("evaldesk.") and name != "evaldesk.__version__":
                    target = name[len("evaldesk."):]
                    if room(target) in RANKS:
                        yield module, target


def test_imports_point_down_the_layers_only():
    offenders = set()
    for module, target in evaldesk_imports():
        here, there = room(module), room(target)
        if here == there:
            continue
        if RANKS[there] > RANKS[here] or (here in SERVICES and there in SERVICES):
            offenders.add(f"{module} → {target}")
    assert sorted(offenders) == []


def test_the_layer_scan_sees_every_room():
    assert {room(module) for module, _ in evaldesk_imports()} >= {"model", "scoring", "audit", "datafile", "printing",
                                                                 "exchange", "ui", "cli"}


def test_only_the_entry_points_start_the_window():
    """The window is a caller, never a library: outside ui/ only the command (cli/, __main__.py) imports it."""
    offenders = {f"{module} → {target}" for module, target in evaldesk_imports()
                 if room(target) == "ui" and room(module) not in ("ui", "cli", "__main__")}
    assert offenders == set()
