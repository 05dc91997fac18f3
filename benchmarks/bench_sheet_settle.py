"""How long the window stops answering on a big score sheet, outside keystrokes: the longest block of the event
loop while the sheet settles after it is shown (its cells are held at their size) and after its width changes,
and the cost of a refused keystroke (the hand-score box says why under it). On the sample, 500 and 2,000
indicators; medians of several runs. The machine is shared: the sample is the peer in the same run.

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

from bench_scoring import generated_report, generated_template  # noqa: E402

from evaldesk.exchange.report_json import read_json  # noqa: E402
from evaldesk.model.layout import LAYOUT  # noqa: E402
from evaldesk.model.store import Store  # noqa: E402
from evaldesk.resources import SAMPLE_REPORT  # noqa: E402

SHEET_TAB = len(LAYOUT) - 1
RUNS = 3
REFUSALS = 10


def longest_block(app, seconds: float) -> float:
    """Run the event loop for ``seconds``; the longest time between two turns of it (what the filler waits when
    clicking or typing at the worst moment)."""
    longest, last = 0.0, time.perf_counter()
    end = last + seconds
    while (now := time.perf_counter()) < end:
        app.processEvents()
        after = time.perf_counter()
        longest = max(longest, after - now, now - last)
        last = after
        time.sleep(0.002)
    return longest


def settled(app, sheet) -> bool:
    return sheet.hold.is_held(sheet.total_label)


def measure(app, db: Path) -> tuple[float, float, float]:
    from evaldesk.ui.app import open_window

    window = open_window(db)
    window.tabs.setCurrentIndex(0)
    window.show()
    app.processEvents()
    sheet = window.pages[SHEET_TAB]
    window.tabs.setCurrentIndex(SHEET_TAB)
    app.processEvents()
    window.repaint()
    shown = longest_block(app, 2.5)   # the sheet settles: its cells are held
    assert settled(app, sheet), "the cells were not held"
    window.resize(window.width() - 40, window.height())
    widened = longest_block(app, 2.5)
    assert settled(app, sheet)
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
    app.processEvents()
    return shown, widened, statistics.median(refused)


def main() -> None:
    from evaldesk.ui.app import create_app

    app = create_app()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        cases = [("sample", read_json(SAMPLE_REPORT)),
                 ("500 indicators", generated_report(generated_template(5, 10, 10))),
                 ("2,000 indicators", generated_report(generated_template(5, 20, 20)))]
        for name, report in cases:
            runs = []
            for run in range(RUNS):  # a file of its own each time (the closed window's file is not opened again)
                db = Path(folder) / f"{name[:4]}-{run}.sqlite"
                store = Store(db)
                store.add(report)
                store.close()
                runs.append(measure(app, db))
            shown, widened, refused = (statistics.median(figures) for figures in zip(*runs))
            print(f"{name:>17}: longest block after the sheet is shown {shown * 1000:6.0f} ms, after a width change "
                  f"{widened * 1000:6.0f} ms; a refused keystroke {refused * 1000:6.1f} ms", flush=True)
    print(f"(medians of {RUNS} runs; load average at the start {load:.2f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
