"""The one-way flow: only evaldesk/ui imports Qt; no float anywhere a figure or a score could pass."""

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


def imported_packages(path: Path) -> set[str]:
    """The evaldesk packages a module imports (evaldesk.model.form → model), lazily imported ones included."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found |= {name.split(".")[1] for name in names if name.startswith("evaldesk.") and name.count(".") >= 1}
    return found


@pytest.mark.parametrize("package, forbidden", [
    ("exchange", {"printing", "ui"}),
    ("printing", {"exchange", "ui"}),
    ("model", {"exchange", "printing", "ui", "audit"}),
    ("scoring", {"exchange", "printing", "ui", "audit"}),
    ("audit", {"exchange", "printing", "ui"}),
])
def test_imports_go_one_way(package, forbidden):
    """The paper and the files are two renderings of the domain; neither leans on the other, and the domain
    leans on neither (the fingerprint and the form's wording and layout are the domain's)."""
    offenders = [f"{path.relative_to(PACKAGE)} imports {sorted(imported_packages(path) & forbidden)}"
                 for path in (PACKAGE / package).rglob("*.py") if imported_packages(path) & forbidden]
    assert offenders == []
