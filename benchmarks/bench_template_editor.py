"""Template editor speed: one change typed into the editor → stored, rescored, editor and score-sheet tab repainted.

Two kinds of step: a change that leaves the sheet unsound (kept as a draft: the score sheet is not rebuilt) and one
that makes it sound again (the report's sheet changes: the score-sheet tab rebuilds itself).
Goal: well under the 100 ms a filler perceives as a delay.
Run: QT_QPA_PLATFORM=offscreen /work/venv-main/bin/python benchmarks/bench_template_editor.py
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# This checkout's evaldesk, not whichever one the virtualenv has installed (it measured another branch's code).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("EVALDESK_HOME", tempfile.mkdtemp())

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from evaldesk.ui.app import create_app, open_window  # noqa: E402

ROUNDS = 20


def timed(app, action) -> float:
    start = time.perf_counter()
    action()
    app.processEvents()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    app = create_app()
    with tempfile.TemporaryDirectory() as temp:
        window = open_window(Path(temp) / "bench.sqlite")
        window.show()
        window.files.add_sample()
        window.tabs.setCurrentIndex(6)  # the score sheet in view: the costly case
        editor = window.templates.edit_template()
        app.processEvents()
        editor.select("staff_control")

        def weight(text):  # typed, then Enter (a real key press: Python-side emit() has its own cost here)
            editor.panel.weight.setText(text)
            QTest.keyClick(editor.panel.weight, Qt.Key.Key_Return)

        to_draft, to_valid = [], []
        for _ in range(ROUNDS):
            to_draft.append(timed(app, lambda: weight("6")))   # 预算配置 no longer adds up: a draft
            to_valid.append(timed(app, lambda: weight("5")))   # sound again: the report's sheet changes
        undo = [timed(app, window.menus.undo_action.trigger) for _ in range(ROUNDS)]
        for label, figures in (("change kept as a draft", to_draft), ("change that applies (sheet rebuilt)", to_valid),
                               ("undo of a template step", undo)):
            print(f"{label:38s} median {statistics.median(figures):6.1f} ms   max {max(figures):6.1f} ms")
        window.close()


if __name__ == "__main__":
    main()
