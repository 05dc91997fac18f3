"""The one-way flow: only evaldesk/ui imports Qt; no float anywhere a figure or a score could pass; imports — absolute,
relative, importlib — point down the rooms only, and no package's files import one another in a circle."""

import ast
import re
from pathlib import Path

import pytest

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


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(p for p in parts if p != "__init__") or "__init__"


MODULES = {module_name(path) for path in PACKAGE.rglob("*.py")}


def imported_names(node, module: str, is_package: bool):
    """The dotted names (without "evaldesk.") an import statement or call reaches: absolute and relative
    imports, importlib.import_module("evaldesk.…") and __import__("evaldesk.…") with a literal name."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level == 0:
            base = node.module or ""
        else:   # from . import x / from ..app import y: counted from the importing module's own package
            package = ("evaldesk." + module).split(".")
            if not is_package:
                package = package[:-1]
            package = package[:len(package) - (node.level - 1)]
            base = ".".join(package + ([node.module] if node.module else []))
        return [base] * bool(node.module) + [f"{base}.{alias.name}" for alias in node.names]
    if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
            and isinstance(node.args[0].value, str):
        function = node.func
        called = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
        if called in ("import_module", "__import__"):
            return [node.args[0].value]
    return []


def evaldesk_imports():
    """(importing module, imported module) for every import of evaldesk code, including those inside functions."""
    for path in PACKAGE.rglob("*.py"):
        module = module_name(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for name in imported_names(node, module, path.name == "__init__.py"):
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


# ---------------------------------------------------------------- no circle inside a package

def resolved(target: str) -> str:
    """The module file an imported name lands in: `model.store` itself, or `model.store` for `model.store.Store`."""
    parts = target.split(".")
    while parts and ".".join(parts) not in MODULES:
        parts.pop()
    return ".".join(parts)


def package_of(module: str) -> str:
    return module.rpartition(".")[0] or "evaldesk"


def circles_by_package() -> dict[str, list[list[str]]]:
    """The import circles among the files of each package (imports inside functions included): Tarjan's strongly
    connected components of more than one file."""
    edges: dict[str, set[str]] = {}
    for module, target in evaldesk_imports():
        there = resolved(target)
        if there and there != module and package_of(there) == package_of(module) \
                and not there.endswith("__init__") and there != package_of(module):
            edges.setdefault(module, set()).add(there)
    index, low, stack, on_stack, circles = {}, {}, [], set(), {}

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.setdefault(package_of(node), []).append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return circles


def test_no_import_circle_in_any_package():
    assert circles_by_package() == {}


def test_the_scan_reads_relative_and_importlib_imports():
    """A relative import, importlib.import_module and __import__ reach the layer and circle checks too."""
    source = ast.parse("from ..app import session\nfrom . import places\nfrom .engine import run\n"
                       "import importlib\nimportlib.import_module('evaldesk.ui.menus')\n__import__('evaldesk.cli')\n"
                       "def later():\n    from .context import Context\n")
    found = [name for node in ast.walk(source) for name in imported_names(node, "audit.memo", False)]
    assert set(found) >= {"evaldesk.app", "evaldesk.app.session", "evaldesk.audit.places", "evaldesk.audit.engine",
                          "evaldesk.audit.engine.run", "evaldesk.ui.menus", "evaldesk.cli",
                          "evaldesk.audit.context.Context"}
    in_a_package = [name for node in ast.walk(ast.parse("from .. import app\nfrom . import memo\n"))
                    for name in imported_names(node, "audit", True)]
    assert in_a_package == ["evaldesk.app", "evaldesk.audit.memo"]
