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


def test_only_the_window_and_the_command_use_the_application_layer():
    """evaldesk/app is the top of the one-way flow below ui/ and cli.py: nothing it uses may call back into it."""
    offenders = []
    for path in sources_outside_ui():
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "app" or relative.name == "cli.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("evaldesk.app"):
                offenders.append(f"{relative}: {node.module}")
            elif isinstance(node, ast.Import):
                offenders += [f"{relative}: {a.name}" for a in node.names if a.name.startswith("evaldesk.app")]
    assert offenders == []
