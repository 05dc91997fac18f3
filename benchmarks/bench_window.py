"""Window start-up as the filler waits for it, each evaldesk figure beside a bare PySide6 QMainWindow+QTabWidget
process started in turn with it (the machine is shared: the pairs meet the same load, and the ratio is per pair).

Each evaldesk child runs what the `evaldesk` command runs (evaldesk.cli.main reading its arguments, then ui.app.run
up to app.exec). Rows: the first start on a machine (no data file yet: the welcome page is painted first, then
the file is made); start → the sample report open and painted (its first paint; reopened as last time, and in a
file whose open report is not last time's, as after `evaldesk import`: the window writes which); its audit on
screen too (it follows the paint); the
first keystroke after the report is painted — once the filler has looked at it for a moment (the window has loaded
SQLAlchemy on its idle timer by then) and at once (the keystroke pays for loading it); a later keystroke. A
keystroke is typed into a line field of the first tab (textEdited, as a key press sends it): stored, rescored,
audited and the window repainted.

Both platforms by default: Qt's offscreen plugin here, then Xvfb through xvfb-run (a real X server, closer to a
desktop: fonts and painting go through X; quote these figures). Goals (issue 15): both starts ≤ 1.5× the bare window.
Run: /work/venv-main/bin/python benchmarks/bench_window.py [--quick] [--platform offscreen|xcb]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evaldesk.resources import FONT_REGULAR  # noqa: E402

QUICK = "--quick" in sys.argv
PAIRS = 5 if QUICK else 9
SCREEN = "1366x768x24"

BARE = """
import time
start = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QLabel
app = QApplication([])
window = QMainWindow(); tabs = QTabWidget()
for i in range(7): tabs.addTab(QLabel("tab"), f"tab {i}")
window.setCentralWidget(tabs); window.resize(1280, 860); window.show()
app.processEvents(); window.repaint()
print(time.perf_counter() - start)
"""

# The floor under any PySide6 program showing this report's first screen: the bare window plus only what that
# screen needs from Qt — the bundled Chinese font, Qt's namespace (alignments: PySide6 builds all its enums at the
# first touch), a menu bar, the 审核 dock, the status bar, and the cover tab's Chinese labels and line fields drawn
# with static text; none of evaldesk's code or data. argv: the font file.
FLOOR = """
import sys, time
start = time.perf_counter()
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (QApplication, QDockWidget, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QMainWindow, QScrollArea, QTabWidget, QVBoxLayout, QWidget)
app = QApplication([])
family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(sys.argv[1]))[0]
app.setFont(QFont(family, 10))
window = QMainWindow(); tabs = QTabWidget(); tabs.setDocumentMode(True)
for title in ("文件(&F)", "编辑(&E)", "报告(&R)", "评分表(&T)", "视图(&V)", "帮助(&H)"):
    menu = window.menuBar().addMenu(title)
    for i in range(6): menu.addAction(f"{title[:-4]}命令{i}…")
page = QWidget(); column = QVBoxLayout(page)
title = QLabel("云溪区委编办\\n部门整体支出绩效评价自评报告"); title.setAlignment(Qt.AlignmentFlag.AlignCenter)
font = title.font(); font.setPointSizeF(font.pointSizeF() * 1.5); font.setBold(True); title.setFont(font)
column.addWidget(title)
form = QFormLayout(); form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
for label in ("部门(单位)名称", "预算编码", "评价机构", "主要负责人", "财务负责人", "联系人", "联系电话", "填报日期",
              "评价时间"):
    form.addRow(label + "：", QLineEdit("中共岳阳市云溪区委机构编制委员会办公室"))
frame = QFrame(); frame.setLayout(form); frame.setMaximumWidth(720); column.addWidget(frame)
grid = QGridLayout()
for row in range(2):
    for col in range(2):
        grid.addWidget(QLabel("封面地区："), row, col * 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(QLineEdit(), row, col * 2 + 1)
box = QGroupBox("封面与报送措辞"); box.setLayout(grid); column.addWidget(box)
column.addWidget(QLabel("年度：2021　　评分表：岳阳市云溪区 2021 年度部门整体支出绩效评价评分表"))
scroll = QScrollArea(); scroll.setWidgetResizable(True); scroll.setWidget(page)
tabs.addTab(scroll, "封面")
for name in ("基本情况", "部门支出", "绩效目标", "绩效评价", "问题与建议", "评分表"): tabs.addTab(QWidget(), name)
window.setCentralWidget(tabs)
dock = QDockWidget("审核", window); dock.setWidget(QLabel("【警告】某项说明"))
window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
window.statusBar().addPermanentWidget(QLabel("审核：错误 0　警告 8　提示 3"))
window.statusBar().addPermanentWidget(QLabel("总分 92.5　等次 优秀"))
window.resize(1280, 860); window.show()
app.processEvents(); window.repaint()
print(time.perf_counter() - start)
"""

# What the `evaldesk` command does (its arguments read, then ui.app.run, which is start() then app.exec()), up to
# app.exec. argv: the data file. ``marks`` gets the time of the welcome page's paint, when it is shown first.
STARTED = """
import sys, time
start = time.perf_counter()
from evaldesk.ui import app as ui_app
marks, started = [], []
def painted(window):  # the welcome page, shown first when the data file is still to be made
    window.repaint(); marks.append(time.perf_counter() - start)
ui_app.run = lambda db=None: started.append(ui_app.start(db, painted)) or 0
from evaldesk.cli import main
main(["--db", sys.argv[1]])
app, window = started[0]
"""

# argv: data file, then "idle" (the filler looks at the report for a second before typing) or "now".
# Prints: the report painted (as the bare window is measured: the events handled once, then a repaint), the
# report's audit on screen too, and two keystrokes.
EVALDESK = STARTED + """
settled = []
window.report_settled.connect(lambda: settled.append(time.perf_counter() - start))
app.processEvents(); window.repaint()
ready = time.perf_counter() - start
while not settled:  # the audit and its panel follow the report's first paint
    app.processEvents()
if sys.argv[2] == "idle":
    from PySide6.QtTest import QTest
    QTest.qWait(1000)
from evaldesk.ui.fields import LineField
field = window.tabs.currentWidget().findChildren(LineField)[0]  # the first line of the tab shown (封面: 部门名称)
typed = field.editor.text()

def keystroke(text):
    started = time.perf_counter()
    field.editor.setText(text); field.editor.textEdited.emit(text)
    app.processEvents(); window.repaint()
    return time.perf_counter() - started

first = keystroke(typed + "甲")
later = keystroke(typed + "甲乙")
assert window.store.load(window.document.report.id).fields[field.key] == typed + "甲乙"  # stored, not only shown
print(ready, settled[0], first, later)
"""


def _env(platform: str, folder: Path) -> dict:
    """Children run with compiled bytecode (a private pycache folder, warmed once), as an installed program has it,
    whatever PYTHONDONTWRITEBYTECODE says here; settings and data folder in ``folder``."""
    env = dict(os.environ, QT_QPA_PLATFORM=platform, PYTHONPATH=str(ROOT), EVALDESK_HOME=str(folder / "home"),
               PYTHONPYCACHEPREFIX=str(folder / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _probe(env: dict, code: str, *args: str) -> list[float]:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env,
                         cwd=ROOT)  # python -c puts the working folder first on sys.path
    return [float(x) for x in out.stdout.strip().splitlines()[-1].split()]


def _sample_file(folder: Path, *, reopened: bool = True) -> Path:
    """The sample in a data file: as a filler reopening it finds it, or (``reopened=False``) a file whose open
    report is not last time's (one made by `evaldesk import`, or another report), which the window writes down."""
    from evaldesk.exchange.report_json import read_json
    from evaldesk.datafile.store import Store
    from evaldesk.resources import SAMPLE_REPORT

    db = folder / ("bench.sqlite" if reopened else "new.sqlite")
    store = Store(db)
    store.add(read_json(SAMPLE_REPORT))
    if reopened:
        store.set_state("open_report", "1")
    store.close()
    return db


def _first_start(env: dict, folder: Path) -> float:
    """Start → the welcome page painted, on a data file still to be made (the first start on a machine)."""
    first = folder / "first.sqlite"
    painted = _probe(env, EVALDESK_FIRST, str(first))[0]
    for made in folder.glob("first.sqlite*"):
        made.unlink()
    return painted


# argv: a data file that does not exist yet. Prints start → the welcome page painted.
EVALDESK_FIRST = STARTED + "print(marks[0])\n"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:5.0f} ms"


def measure(platform: str) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = _env(platform, folder)
        db = str(_sample_file(folder))
        _probe(env, EVALDESK, db, "idle")  # bytecode compiled once, as an installed program has it
        pairs, new, first_start, floor = [], [], [], []
        for _ in range(PAIRS):
            pairs.append((_probe(env, BARE)[0], *_probe(env, EVALDESK, db, "idle")))
            new.append(_probe(env, EVALDESK, str(_sample_file(folder, reopened=False)), "idle")[0] / pairs[-1][0])
            (folder / "new.sqlite").unlink()
            first_start.append(_first_start(env, folder) / pairs[-1][0])
            floor.append(_probe(env, FLOOR, str(FONT_REGULAR))[0] / pairs[-1][0])
        at_once = [_probe(env, EVALDESK, db, "now")[2] for _ in range(max(3, PAIRS // 2))]
    bare, ready, settled, first, later = (statistics.median(column) for column in zip(*pairs))
    ready_ratio = statistics.median(r / b for b, r, *_ in pairs)
    settled_ratio = statistics.median(s / b for b, _, s, *_ in pairs)
    print(f"\nplatform {platform}; {PAIRS} pairs (bare window, evaldesk) started in turn; medians; "
          f"load at end {os.getloadavg()[0]:.2f}")
    print(f"  start → painted, bare QMainWindow+QTabWidget:       {_ms(bare)}")
    print(f"  first start, no data file yet → welcome painted:    {statistics.median(first_start):.2f}× the bare window "
          f"(goal ≤ 1.5×)")
    print(f"  start → the sample report open and painted:         {_ms(ready)} = {ready_ratio:.2f}× the bare window "
          f"(goal ≤ 1.5× {'ok' if ready_ratio <= 1.5 else 'MISSED'}; it is the first paint)")
    print(f"  … and its audit on screen too:                      {_ms(settled)} = {settled_ratio:.2f}× the bare window")
    print(f"  the floor: that first screen as static Qt widgets:  {statistics.median(floor):.2f}× the bare window "
          f"(the bundled font, Qt's namespace, menus, dock, cover labels and fields; no evaldesk code or data)")
    print(f"  the same, a report other than last time's:          {statistics.median(new):.2f}× the bare window "
          f"(its state written after the paint)")
    print(f"  first keystroke, 1 s after the report is painted:   {_ms(first)} (stored, rescored, audited, repainted)")
    print(f"  first keystroke at once (it loads SQLAlchemy):      {_ms(statistics.median(at_once))} "
          f"(median of {len(at_once)})")
    print(f"  a later keystroke:                                  {_ms(later)}")


def main() -> None:
    if "--platform" in sys.argv:
        measure(sys.argv[sys.argv.index("--platform") + 1])
        return
    measure("offscreen")
    if not shutil.which("xvfb-run"):
        print("\nxvfb-run not installed: the Xvfb rows are skipped (apt-get install xvfb)")
        return
    sys.stdout.flush()
    subprocess.run(["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN}", sys.executable, __file__, "--platform", "xcb",
                    *(["--quick"] if QUICK else [])], check=True)


if __name__ == "__main__":
    main()
