"""How long the filler waits on the score sheet, outside keystrokes: from the click on the 评分表 tab to the sheet
painted and answering; then the longest block of the event loop until every row is built and every cell held
(the sheet settles), the time that takes; the longest block after its width changes; and the cost of a refused
keystroke (the hand-score box says why under it). On the sample, 500 and 2,000 indicators; medians of several
runs. The machine is shared: the sample is the peer in the same run.

Run: QT_QPA_PLATFORM=offscreen /work/venv-main/bin/python benchmarks/bench_sheet_settle.py
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

SHEET_TAB = len(LAYOUT) - 1
RUNS = 3
REFUSALS = 10


def longest_block(app, seconds: float, done=lambda: False) -> tuple[float, float]:
    """Run the event loop for ``seconds`` or until ``done()``; the longest time between two turns of it (what the
    filler waits when clicking or typing at the worst moment), and how long it ran."""
    longest, last = 0.0, time.perf_counter()
    start, end = last, last + seconds
    while (now := time.perf_counter()) < end and not done():
        app.processEvents()
        after = time.perf_counter()
        longest = max(longest, after - now, now - last)
        last = after
        time.sleep(0.002)
    return longest, time.perf_counter() - start


def settled(sheet) -> bool:
    """Every row built and every cell held (the 总分 row is the last one held)."""
    return sheet.hold.is_held(sheet.total_label) and not sheet.slices.busy


def measure(app, db: Path) -> tuple[float, float, float, float, float]:
    from evaldesk.ui.app import open_window

    window = open_window(db)
    window.tabs.setCurrentIndex(0)
    window.show()
    app.processEvents()
    started = time.perf_counter()
    window.tabs.setCurrentIndex(SHEET_TAB)   # the click on the tab: the page is built, laid out and painted
    app.processEvents()
    window.repaint()
    app.processEvents()   # answering: the next turn of the event loop has come
    opened = time.perf_counter() - started
    sheet = window.pages[SHEET_TAB]
    shown, settling = longest_block(app, 120, lambda: settled(sheet))
    assert settled(sheet), "the sheet did not settle"
    window.resize(window.width() - 40, window.height())
    widened, _ = longest_block(app, 2.5)
    assert settled(sheet)
    row = next(iter(sheet.rows.values()))
    editor = row.hand.editor
    refused = []
    for i in range(REFUSALS):  # a letter typed into the hand score: refused, said under the box, then taken back
        for text in ("5x", ""):
            started = time.perf_counter()
            editor.setText(text)
            editor.textEdited.emit(text)
            app.processEvents()
            window.repaint()
            if text:
                refused.append(time.perf_counter() - started)
    window.close_document()
    window.hide()
    window.deleteLater()   # gone before the next run: a run among the widgets of the earlier ones measures those too
    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return opened, shown, settling, widened, statistics.median(refused)


def main() -> None:
    from evaldesk.ui.app import create_app

    app = create_app()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        cases = [("sample", read_json(SAMPLE_REPORT)),
                 ("500 indicators", generated_report(generated_template(5, 10, 10))),
                 ("2,000 indicators", generated_report(generated_template(5, 20, 20)))]
        peer = None
        for name, report in cases:
            runs = []
            for run in range(RUNS):  # a file of its own each time (the closed window's file is not opened again)
                db = Path(folder) / f"{name[:4]}-{run}.sqlite"
                store = Store(db)
                store.add(report)
                store.close()
                runs.append(measure(app, db))
            opened, shown, settling, widened, refused = (statistics.median(figures) for figures in zip(*runs))
            peer = peer or (opened, shown, refused)
            print(f"{name:>17}: tab click → sheet painted and answering {opened * 1000:6.0f} ms "
                  f"({opened / peer[0]:4.1f}× the sample); then the longest block {shown * 1000:5.0f} ms "
                  f"({shown / peer[1]:4.1f}×) until every row is built and held ({settling:5.1f} s); "
                  f"after a width change {widened * 1000:6.0f} ms; a refused keystroke {refused * 1000:5.1f} ms "
                  f"({refused / peer[2]:4.1f}×)", flush=True)
    print(f"(medians of {RUNS} runs; load average at the start {load:.2f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
