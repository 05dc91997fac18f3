"""How long the filler waits on the score sheet, outside keystrokes: from the click on the 评分表 tab to the whole
sheet painted and answering (there is nothing left to build after it); the wait when the window's width changes
(every row measured again at the new widths); a refused keystroke (the cell marked, the message under the sheet).
On the sample and on generated sheets of 500 and 2,000 indicators worded like the sample's (names and 评分标准
taken from it in turn: realistic lengths); medians of several runs. The machine is shared: the sample is the peer
in the same run. In-process figures, for profiling (the outside harness measures what the X server sees).

Goal (issue 22): tab click to usable ≤ 0.1 s at 2,000 indicators.
Run: QT_QPA_PLATFORM=offscreen /work/main/.venv/bin/python benchmarks/bench_sheet_settle.py
"""

from __future__ import annotations

import copy
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
from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID, Template, builtin_template  # noqa: E402

SHEET_TAB = len(LAYOUT) - 1
RUNS = 3
REFUSALS = 10


def worded(template: Template) -> Template:
    """``template`` with the sample sheet's 三级 names and 评分标准 given to its 三级 in turn."""
    words = [(leaf.name, leaf.standard) for leaf in builtin_template(DEFAULT_TEMPLATE_ID).leaves]
    data = copy.deepcopy(template.data)
    leaves = [entry for entry in data["indicators"] if "rule" in entry]
    for number, entry in enumerate(leaves):
        name, standard = words[number % len(words)]
        entry["name"], entry["standard"] = f"{name}{number}", standard
    return Template(data)


def cases() -> list[tuple[str, object]]:
    return [("sample", read_json(SAMPLE_REPORT)),
            ("500 indicators", generated_report(worded(generated_template(5, 10, 10)))),
            ("2,000 indicators", generated_report(worded(generated_template(5, 20, 20))))]


def data_file(folder: Path, name: str, report) -> Path:
    db = Path(folder) / f"{name[:4]}-{time.perf_counter_ns()}.sqlite"
    store = Store(db)
    store.add(report)
    store.close()
    return db


def drop(app, window) -> None:
    window.close_document()   # not close(): that asks whether to leave a report with open 扣分原因
    window.hide()
    window.deleteLater()   # gone before the next run: a run among the widgets of the earlier ones measures those too
    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def measure(app, db: Path) -> tuple[float, float, float]:
    from evaldesk.ui.app import open_window

    window = open_window(db)
    window.resize(1366, 768)
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
    assert sheet.view.widths, "the sheet was not laid out"
    started = time.perf_counter()
    window.resize(window.width() - 40, window.height())
    app.processEvents()
    window.repaint()
    widened = time.perf_counter() - started
    editor = sheet.edit(sheet.model.plan.leaves[0].id, "hand")
    refused = []
    for _ in range(REFUSALS):  # a letter typed into the hand score: refused, marked, then taken back
        for text in ("5x", ""):
            started = time.perf_counter()
            editor.setText(text)
            editor.textEdited.emit(text)
            app.processEvents()
            window.repaint()
            if text:
                refused.append(time.perf_counter() - started)
    drop(app, window)
    return opened, widened, statistics.median(refused)


def main() -> None:
    from evaldesk.ui.app import create_app

    app = create_app()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        peer = None
        for name, report in cases():
            runs = [measure(app, data_file(folder, name, report)) for _run in range(RUNS)]
            opened, widened, refused = (statistics.median(figures) for figures in zip(*runs))
            peer = peer or (opened, widened, refused)
            print(f"{name:>17}: tab click → whole sheet painted and answering {opened * 1000:6.0f} ms "
                  f"({opened / peer[0]:4.1f}× the sample; goal ≤ 100 ms {'ok' if opened <= 0.1 else 'MISSED'}); "
                  f"a width change {widened * 1000:6.0f} ms; a refused keystroke {refused * 1000:5.1f} ms "
                  f"({refused / peer[2]:4.1f}×)", flush=True)
    print(f"(medians of {RUNS} runs; load average at the start {load:.2f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
