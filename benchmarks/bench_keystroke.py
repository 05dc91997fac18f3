"""A keystroke on the score sheet as the filler waits for it, on the sample and on generated sheets of 500 and
2,000 indicators: the text typed into a hand-score box (textEdited, as a key press sends it), then stored,
rescored, audited and the whole window repainted, once every row of the sheet is built (its later rows are
built on the event loop: bench_sheet_settle.py). Also how long the window takes to open each report on the
score-sheet tab (its first rows built and painted). Medians; the machine is shared, so the sample is the peer in the same run.

Goals (issue 15): ≤ 16 ms on the sample and on 500 indicators, ≤ 40 ms on 2,000.
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

from bench_scoring import generated_report, generated_template  # noqa: E402

from evaldesk.exchange.report_json import read_json  # noqa: E402
from evaldesk.model.layout import LAYOUT  # noqa: E402
from evaldesk.datafile.store import Store  # noqa: E402
from evaldesk.resources import SAMPLE_REPORT  # noqa: E402
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
    while sheet.slices.busy or not sheet.hold.is_held(sheet.total_label):   # every row built and held
        app.processEvents()
    rows = list(sheet.rows.values())
    same_row = [keystroke(app, window, rows[0], i) for i in range(KEYSTROKES)]
    # The filler moves on: each keystroke in another row than the one before (far apart on a long sheet).
    row_to_row = [keystroke(app, window, rows[(i * 37) % len(rows)], i) for i in range(KEYSTROKES)]
    window.close_document()   # not close(): that asks whether to leave a report with open 扣分原因
    window.hide()
    window.deleteLater()   # gone before the next run: a run among the widgets of the earlier ones measures those too
    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return opened, statistics.median(same_row), statistics.median(row_to_row)


def keystroke(app, window, row, i: int) -> float:
    """One keystroke into ``row``'s hand score: 0 and the full 分值 in turn, so every keystroke is accepted and
    changes the score, the subtotals, the total and the row's finding (a value above the 分值 would be refused:
    another path)."""
    text = ("0", num(row.indicator.weight))[i % 2]
    editor = row.hand.editor
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
        cases = [("sample", read_json(SAMPLE_REPORT), 16)]
        cases.append(("500 indicators", generated_report(generated_template(5, 10, 10)), 16))
        cases.append(("2,000 indicators", generated_report(generated_template(5, 20, 20)), 40))
        peer = None
        for name, report, goal in cases:
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
