"""Memory of the real window process (goal ≤ 200 MB) with 20 and 200 reports in its data file, and with one report
on a 2,000-indicator score sheet worded like the sample's (its 评分表 tab shown whole), beside a bare PySide6 window
(QMainWindow + QTabWidget) measured in the same run.

Each figure is a child process of its own: the window opens the data file as a filler's does (the report opened
last), every tab is visited (tabs are built when first shown), then the RSS is read from /proc; then the form's
打印预览 is opened and the form printed (to a PDF file standing in for the printer), and the peak (VmHWM) read.

    /work/venv-main/bin/python benchmarks/bench_memory.py [--quick]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUICK = "--quick" in sys.argv
RUNS = 1 if QUICK else 3

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget
app = QApplication([])
window = QMainWindow(); tabs = QTabWidget()
for n in range(7):
    tabs.addTab(QWidget(), f"第{n}页")
window.setCentralWidget(tabs); window.resize(1366, 768); window.show()
for _ in range(20):
    app.processEvents()
"""

WINDOW = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from evaldesk.ui import app as ui_app, dialogs
app = ui_app.create_app()
window = ui_app.open_window(sys.argv[1])
window.resize(1366, 768); window.show()
for index in range(window.tabs.count()):
    window.tabs.setCurrentIndex(index)
    for _ in range(5):
        app.processEvents()
"""

AFTER_PRINT = """
window.output.print_preview()
for _ in range(10):
    app.processEvents()
dialogs.print_setup = lambda parent, printer: printer.setOutputFileName(sys.argv[2]) or True
window.output.print_report()
window.preview.close()
from PySide6.QtCore import QEvent
app.sendPostedEvents(None, QEvent.Type.DeferredDelete)   # what the window's event loop does after a close
for _ in range(10):
    app.processEvents()
"""

READ = """
import json, re
status = open("/proc/self/status").read()
kb = lambda key: int(re.search(key + r":\\s+(\\d+)", status).group(1))
print(json.dumps({"rss": kb("VmRSS") / 1024, "peak": kb("VmHWM") / 1024}))
"""


def measure(code: str, *args: str, home: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", EVALDESK_HOME=str(home))
    runs = []
    for _ in range(RUNS):
        result = subprocess.run([sys.executable, "-c", code + READ, *args], env=env, check=True,
                                capture_output=True, text=True)
        runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def data_file(folder: Path, count: int) -> Path:
    sys.path.insert(0, str(ROOT))
    from evaldesk.exchange.report_json import read_json
    from evaldesk.datafile.store import Store
    from evaldesk.resources import SAMPLE_REPORT

    path = folder / f"reports-{count}.sqlite"
    store = Store(path)
    for n in range(count):
        report = read_json(SAMPLE_REPORT)
        report.fields["cover.department"] = f"{report.fields.get('cover.department', '')}{n}"
        store.add(report)
    store.close()
    return path


def big_data_file(folder: Path) -> Path:
    """One report on a generated 2,000-indicator sheet (benchmarks/bench_sheet_settle.py)."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_scoring import generated_report, generated_template
    from bench_sheet_settle import worded

    from evaldesk.datafile.store import Store

    path = folder / "sheet-2000.sqlite"
    store = Store(path)
    store.add(generated_report(worded(generated_template(5, 20, 20))))
    store.close()
    return path


def main() -> None:
    print(f"medians of {RUNS}; machine load at start {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        bare = measure(BARE, home=folder / "home")
        print(f"bare PySide6 window (QMainWindow + QTabWidget):  RSS {bare['rss']:5.0f} MB")
        for count in (20, 200):
            db = data_file(folder, count)
            opened = measure(WINDOW, str(db), home=folder / "home")
            printed = measure(WINDOW + AFTER_PRINT, str(db), str(folder / "printed.pdf"), home=folder / "home")
            verdict = "ok" if max(opened["rss"], printed["peak"]) <= 200 else "MISSED"
            print(f"window, {count:3d} reports, every tab shown:     RSS {opened['rss']:5.0f} MB "
                  f"({opened['rss'] / bare['rss']:.1f}× the bare window); after 打印预览 and 打印: "
                  f"RSS {printed['rss']:5.0f} MB, peak {printed['peak']:5.0f} MB   goal ≤ 200 MB {verdict}")
        big = measure(WINDOW, str(big_data_file(folder)), home=folder / "home")
        verdict = "ok" if big["rss"] <= 200 else "MISSED"
        print(f"window, one report on a 2,000-indicator sheet, every tab shown: RSS {big['rss']:5.0f} MB "
              f"({big['rss'] / bare['rss']:.1f}× the bare window)   goal ≤ 200 MB {verdict}")


if __name__ == "__main__":
    main()
