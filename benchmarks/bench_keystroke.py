"""A keystroke on the score sheet as the filler waits for it, on the sample and on generated sheets of 500 and
2,000 indicators worded like the sample's (bench_sheet_settle.worded): the text typed into a hand score's editor
(textEdited, as a key press sends it), then stored, rescored, audited and the whole window repainted. Also how long
the window takes to open each report on the score-sheet tab (the whole sheet painted). Medians; the machine is
shared, so the sample is the peer in the same run. In-process figures, for profiling.

Goals (issue 22): ≤ 16 ms on the sample, ≤ 40 ms on 2,000.
Run: QT_QPA_PLATFORM=offscreen /work/venv-main/bin/python benchmarks/bench_keystroke.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402

from bench_sheet_settle import cases  # noqa: E402

from evaldesk.model.layout import LAYOUT  # noqa: E402
from evaldesk.datafile.store import Store  # noqa: E402
from evaldesk.scoring.rules import num  # noqa: E402

SHEET_TAB = len(LAYOUT) - 1
KEYSTROKES = 60


def measure(app, db: Path) -> tuple[float, float, float]:
    from evaldesk.ui.app import open_window

    start = time.perf_counter()
    window = open_window(db)
    window.tabs.setCurrentIndex(SHEET_TAB)
    window.show()
    app.processEvents()
    window.repaint()
    opened = time.perf_counter() - start
    sheet = window.pages[SHEET_TAB]
    rows = sheet.model.plan.leaves
    same_row = [keystroke(app, window, sheet, rows[0], i) for i in range(KEYSTROKES)]
    # The filler moves on: each keystroke in another row than the one before (far apart on a long sheet); the
    # editor is opened there first (F2), not counted.
    row_to_row = [keystroke(app, window, sheet, rows[(i * 37) % len(rows)], i) for i in range(KEYSTROKES)]
    window.close_document()   # not close(): that asks whether to leave a report with open 扣分原因
    window.hide()
    window.deleteLater()   # gone before the next run: a run among the widgets of the earlier ones measures those too
    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return opened, statistics.median(same_row), statistics.median(row_to_row)


def keystroke(app, window, sheet, leaf, i: int) -> float:
    """One keystroke into ``leaf``'s hand score: 0 and the full 分值 in turn, so every keystroke is accepted and
    changes the score, the subtotals, the total and the row's finding (a value above the 分值 would be refused:
    another path)."""
    text = ("0", num(leaf.weight))[i % 2]
    editor = sheet.view.editor
    if editor is None or editor.typing.key != f"sheet.{leaf.id}.hand":
        editor = sheet.edit(leaf.id, "hand")
        app.processEvents()
    started = time.perf_counter()
    editor.setText(text)
    editor.textEdited.emit(text)
    app.processEvents()
    window.repaint()
    return time.perf_counter() - started


def main() -> None:
    from evaldesk.ui.app import create_app

    app = create_app()
    with tempfile.TemporaryDirectory() as folder:
        peer = None
        for (name, report), goal in zip(cases(), (16, 16, 40)):
            db = Path(folder) / f"{name[:4]}.sqlite"
            store = Store(db)
            store.add(report)
            store.close()
            opened, same_row, row_to_row = measure(app, db)
            peer = peer or same_row
            for what, figure in (("keystroke → stored, rescored, audited, repainted", same_row),
                                 ("the same, each keystroke in another row", row_to_row)):
                print(f"{name:>17}: {what:49s} {figure * 1000:7.1f} ms ({figure / peer:5.1f}× the sample; "
                      f"goal ≤ {goal} ms {'ok' if figure * 1000 <= goal else 'MISSED'})")
            print(f"{name:>17}: opened on the sheet tab in {opened:.2f} s")


if __name__ == "__main__":
    main()
