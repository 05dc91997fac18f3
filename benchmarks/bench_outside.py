"""What the filler waits for, timed from outside the program by the X server's own events (issue 22).

An in-process hook returns before the window is even mapped and misses a paint deferred to a later turn of the
event loop; these figures come from the screen. Under Xvfb at 1366×768 with openbox (a window manager, as every
office desktop has), each evaldesk figure is taken beside its peer in the same run, in turn (A B A B), and the
ratio is per pair: the machine is shared.

- `outside/xpaint.c` starts a command and logs when the X server sees its windows mapped and drawn (DAMAGE on the
  root window). First paint = the first drawn area of ≥ 100k px; settled = the last drawn area of ≥ 400 px before a
  quiet spell.
- `outside/xkey.c` sends keys and clicks through XTest and times the screen's answer: echo = first damage after the
  event, settled = last damage before a quiet spell (the 审核 list included: it is on the screen).

Rows:
  first start (no data file yet) → the welcome page painted, beside a bare QMainWindow+QTabWidget;
  start → the sample report painted and settled, beside its floor: the same first screen as static widgets with the
  declared stack imported (PySide6, SQLAlchemy, the bundled font) and no evaldesk code;
  a keystroke in the cover's 部门名称 and in the 评分表's first hand score, beside a bare QLineEdit;
  the 评分表 tab clicked (first and later), beside a bare QTabWidget's tab;
  the window's resident memory: opened, 评分表 shown, 打印预览 open, after it closes — beside the bare window.
On the sample (23 三级指标) and on generated sheets of 500 and 2,000 三级指标.

The program under test is the `evaldesk` command itself for the starts. For keys and clicks it is started through
a small driver (DRIVER below) that runs the same command and answers, on its stdin, where the 评分表 tab is and
which field to focus — it takes no part in the timing, which is all the X server's.

Needs: Xvfb, openbox, a C compiler with libx11-dev libxdamage-dev libxtst-dev libxext-dev (Debian).
Run: .venv/bin/python benchmarks/bench_outside.py [--quick] [--sizes sample,500,2000]
"""

from __future__ import annotations

import json
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = Path(__file__).resolve().parent / "outside"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

QUICK = "--quick" in sys.argv
PAIRS = 3 if QUICK else 7
SCREEN = "1366x768x24"
BIG_AREA = 100_000

BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QLabel
app = QApplication([])
window = QMainWindow(); tabs = QTabWidget()
for i in range(7): tabs.addTab(QLabel(f"第 {i} 页"), f"页 {i}")
window.setCentralWidget(tabs); window.resize(1280, 700); window.show()
app.exec()
"""

# The report's first screen as static widgets: the declared stack imported (SQLAlchemy, the bundled font, PySide6),
# menus, the dock, the status bar, the cover's labels and fields; none of evaldesk's code or data. argv: the font.
FLOOR = """
import sys
import sqlalchemy  # the declared stack: the data file is read through it
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (QApplication, QDockWidget, QFormLayout, QFrame, QGridLayout, QGroupBox, QLabel,
    QLineEdit, QListWidget, QMainWindow, QScrollArea, QTabWidget, QVBoxLayout, QWidget)
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
form = QFormLayout()
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
scroll = QScrollArea(); scroll.setWidgetResizable(True); scroll.setWidget(page)
tabs.addTab(scroll, "封面")
for name in ("基本情况", "部门支出", "绩效目标", "绩效评价", "问题与建议", "评分表"): tabs.addTab(QWidget(), name)
window.setCentralWidget(tabs)
dock = QDockWidget("审核", window); findings = QListWidget()
findings.addItems([f"【警告】某项说明第 {i} 条" for i in range(12)]); dock.setWidget(findings)
window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
window.statusBar().addPermanentWidget(QLabel("审核：错误 0　警告 8　提示 3"))
window.statusBar().addPermanentWidget(QLabel("总分 92.5　等次 优秀"))
window.resize(1280, 700); window.show()
app.exec()
"""

# A bare window that answers on stdin as the driver does: where its tabs are (or its line field), its memory.
# argv: "tabs" (a QMainWindow with a QTabWidget) or "line" (a QLineEdit with the focus).
BARE_ANSWERING = """
import json, sys
from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMainWindow, QTabWidget
app = QApplication([])
if sys.argv[1] == "tabs":
    shown = QMainWindow(); tabs = QTabWidget()
    for i in range(7): tabs.addTab(QLabel(f"第 {i} 页"), f"页 {i}")
    shown.setCentralWidget(tabs); shown.resize(1280, 700)
else:
    shown = QLineEdit("中共岳阳市云溪区委机构编制委员会办公室"); shown.resize(600, 40)
shown.show(); shown.activateWindow(); shown.setFocus()
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
def answer():
    sys.stdin.readline()
    reply = {"rss": rss(), "tabs": {}}
    if sys.argv[1] == "tabs":
        bar = tabs.tabBar()
        for i in range(bar.count()):
            point = bar.mapToGlobal(bar.tabRect(i).center())
            reply["tabs"][bar.tabText(i)] = [point.x(), point.y()]
    print(json.dumps(reply), flush=True)
notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read); notifier.activated.connect(answer)
app.exec()
"""

# Runs the `evaldesk` command as it is (its arguments, its window, its event loop) and answers on stdin: where the
# tabs are, focus a field, open 打印预览, close the dialogs, the resident memory. argv: the data file.
DRIVER = """
import gc, json, sys
from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

def window():
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible())

def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024

def centre(widget):
    point = widget.mapToGlobal(widget.rect().center())
    return [point.x(), point.y()]

def answer():
    command = sys.stdin.readline().split()
    if not command:
        return
    w = window()
    reply = {}
    if command[0] == "where":
        bar = w.tabs.tabBar()
        reply["tabs"] = {bar.tabText(i).replace("&", ""): [bar.mapToGlobal(bar.tabRect(i).center()).x(),
                                                            bar.mapToGlobal(bar.tabRect(i).center()).y()]
                         for i in range(bar.count())}
    elif command[0] == "focus":
        from evaldesk.model.places import parse_key
        from evaldesk.model.report import sheet_key
        report = w.document.report
        key = "cover.department" if command[1] == "cover" else sheet_key(report.template.leaves[0].id, "hand")
        w.go_to(parse_key(key))
        QApplication.processEvents()
        focused = QApplication.focusWidget()
        reply["focus"] = centre(focused) if focused else None
        reply["focused"] = type(focused).__name__
    elif command[0] == "preview":
        action = next(a for a in w.findChildren(QAction) if a.text().startswith("打印预览"))
        QTimer.singleShot(0, action.trigger)
    elif command[0] == "close":
        for dialog in QApplication.topLevelWidgets():
            if isinstance(dialog, QDialog) and dialog.isVisible():
                dialog.close()
    elif command[0] == "widgets":
        reply["widgets"] = len(w.findChildren(QWidget))
    reply["rss"] = rss()
    reply["current"] = w.tabs.tabText(w.tabs.currentIndex()).replace("&", "")
    print(json.dumps(reply), flush=True)

import PySide6.QtWidgets as widgets
_exec = widgets.QApplication.exec
def exec_answering(*_ignored):  # exec is static: called on the instance it gets it
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(answer)
    return _exec()
widgets.QApplication.exec = exec_answering
from evaldesk.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


# ---- the X server, the tools

class Screen:
    """Xvfb at 1366×768 with openbox, on a display of its own."""

    def __init__(self, folder: Path):
        self.display = f":{90 + os.getpid() % 100}"
        self.xvfb = subprocess.Popen(["Xvfb", self.display, "-screen", "0", SCREEN, "-nolisten", "tcp"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.0)
        self.env = dict(os.environ, DISPLAY=self.display, PYTHONPATH=str(ROOT), EVALDESK_HOME=str(folder / "home"),
                        PYTHONPYCACHEPREFIX=str(folder / "pycache"))
        self.env.pop("QT_QPA_PLATFORM", None)
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)   # an installed program has its bytecode
        self.wm = subprocess.Popen(["openbox"], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.0)

    def close(self) -> None:
        for process in (self.wm, self.xvfb):
            process.terminate()
            process.wait(10)


def build_tools(folder: Path) -> tuple[Path, Path]:
    xpaint, xkey = folder / "xpaint", folder / "xkey"
    subprocess.run(["cc", "-O2", "-o", str(xpaint), str(TOOLS / "xpaint.c"), "-lX11", "-lXdamage"], check=True)
    subprocess.run(["cc", "-O2", "-o", str(xkey), str(TOOLS / "xkey.c"), "-lX11", "-lXdamage", "-lXtst", "-lXext"],
                   check=True)
    return xpaint, xkey


def paint_times(xpaint: Path, env: dict, command: list[str]) -> tuple[float, float]:
    """Start ``command``; ms to its first big paint and to its last paint before 1.5 s of quiet."""
    out = subprocess.run([str(xpaint), "-Q", "1500", "-T", "60000", "--", *command], env=env, capture_output=True,
                         text=True, timeout=120).stdout
    first = last = None
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 6 and parts[1] == "damage":
            area = int(parts[4]) * int(parts[5])
            if area >= BIG_AREA and first is None:
                first = float(parts[0])
            if area >= 400 and first is not None:
                last = float(parts[0])
    if first is None:
        raise RuntimeError(f"no paint from {command}:\n{out[-2000:]}")
    return first, last


class Driven:
    """A program started under the driver, answering on stdin."""

    def __init__(self, env: dict, code: str, *args: str):
        self.process = subprocess.Popen([sys.executable, "-c", code, *args], env=env, cwd=ROOT, text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def ask(self, command: str, timeout: float = 120) -> dict:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        if not ready:
            raise RuntimeError(f"no answer to {command!r}")
        return json.loads(self.process.stdout.readline())

    def wait_ready(self) -> dict:
        """Asked once the event loop runs (the question waits in the pipe until then)."""
        self.ask("where", 120)
        time.sleep(1.5)   # the window manager places the window; the filler looks at it a moment before typing
        return self.ask("where")

    def close(self) -> None:
        self.process.kill()
        self.process.wait(10)


def xkey(tool: Path, env: dict, *actions: str) -> list[tuple[str, float, float]]:
    """Each timed action: (name, echo ms, settled ms)."""
    out = subprocess.run([str(tool), "-Q", "400", "-T", "30000", *actions], env=env, capture_output=True, text=True,
                         timeout=300).stdout
    timed = []
    for line in out.splitlines():
        name, first, last, *_ = line.split()
        timed.append((name, float(first), float(last)))
    return timed


# ---- the data files

def data_files(folder: Path, sizes: list[str]) -> dict[str, Path]:
    """The sample and generated reports (5 一级 × n 二级 × n 三级), each in a data file of its own."""
    from evaldesk.exchange.report_json import dumps

    files = {}
    for size in sizes:
        db = folder / f"{size}.sqlite"
        if size == "sample":
            command = ["sample"]
        else:
            from bench_scoring import generated_report, generated_template

            per = {"500": 10, "2000": 20}[size]
            path = folder / f"{size}.json"
            path.write_text(dumps(generated_report(generated_template(5, per, per))), encoding="utf-8")
            command = ["import", str(path)]
        subprocess.run([sys.executable, "-m", "evaldesk", *command, "--db", str(db)], check=True, cwd=ROOT,
                       capture_output=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
        files[size] = db
    return files


# ---- the rows

def med(values) -> float:
    return statistics.median(values)


def starts(screen: Screen, xpaint: Path, db: Path, folder: Path) -> None:
    from evaldesk.resources import FONT_REGULAR

    evaldesk = [sys.executable, "-m", "evaldesk", "--db"]
    paint_times(xpaint, screen.env, [*evaldesk, str(db)])   # bytecode compiled once, as an installed program has it
    first_start, opened, floor_pairs = [], [], []
    for run in range(PAIRS):
        bare = paint_times(xpaint, screen.env, [sys.executable, "-c", BARE_WINDOW])[0]
        fresh = folder / f"first-{run}.sqlite"
        first_start.append((paint_times(xpaint, screen.env, [*evaldesk, str(fresh)])[0], bare))
        floor = paint_times(xpaint, screen.env, [sys.executable, "-c", FLOOR, str(FONT_REGULAR)])
        opened.append(paint_times(xpaint, screen.env, [*evaldesk, str(db)]))
        floor_pairs.append(floor)
    print(f"  first start → welcome page painted: {med(f for f, _ in first_start):6.0f} ms vs bare window "
          f"{med(b for _, b in first_start):5.0f} ms = {med(f / b for f, b in first_start):.2f}× (goal ≤ 1.5×)")
    print(f"  start → sample report painted:      {med(o[0] for o in opened):6.0f} ms vs its floor "
          f"{med(f[0] for f in floor_pairs):5.0f} ms = {med(o[0] / f[0] for o, f in zip(opened, floor_pairs)):.2f}× "
          f"(goal ≤ 1.3×, ≤ 500 ms quiet)")
    print(f"  … settled (audit and dock drawn):   {med(o[1] for o in opened):6.0f} ms vs its floor "
          f"{med(f[1] for f in floor_pairs):5.0f} ms = {med(o[1] / f[1] for o, f in zip(opened, floor_pairs)):.2f}×")


def keys_clicks_memory(screen: Screen, xkey_tool: Path, db: Path, size: str) -> None:
    runs = 2 if QUICK else 3
    tab_first, tab_later, bare_tab, cover_keys, hand_keys, bare_keys, bare_rss = [], [], [], [], [], [], []
    memory = []
    for _ in range(runs):
        bare = Driven(screen.env, BARE_ANSWERING, "tabs")
        second = list(bare.wait_ready()["tabs"].values())[1]
        bare_tab += [clicked[2] for clicked in xkey(xkey_tool, screen.env, f"click:{second[0]}:{second[1]}")]
        bare.close()
        program = Driven(screen.env, DRIVER, str(db))
        where = program.wait_ready()
        opened = where["rss"]
        tabs = where["tabs"]
        sheet_tab = next(xy for title, xy in tabs.items() if "评分表" in title)
        cover_tab = next(iter(tabs.values()))
        clicked = xkey(xkey_tool, screen.env, f"click:{sheet_tab[0]}:{sheet_tab[1]}")
        tab_first.append(clicked[0][2])
        shown = program.ask("widgets")
        assert "评分表" in shown["current"], shown
        for _ in range(2):
            xkey(xkey_tool, screen.env, f"click:{cover_tab[0]}:{cover_tab[1]}")
            tab_later.append(xkey(xkey_tool, screen.env, f"click:{sheet_tab[0]}:{sheet_tab[1]}")[0][2])
        hand = program.ask("focus hand")
        hand_keys += xkey(xkey_tool, screen.env, *(["key:5", "key:BackSpace"] * 4))
        xkey(xkey_tool, screen.env, f"click:{cover_tab[0]}:{cover_tab[1]}")
        program.ask("focus cover")
        cover_keys += xkey(xkey_tool, screen.env, *(["key:a", "key:BackSpace"] * 4))
        program.ask("preview")
        time.sleep(6)
        previewing = program.ask("where")["rss"]
        program.ask("close")
        time.sleep(3)
        after = program.ask("where")["rss"]
        memory.append((opened, shown["rss"], previewing, after, shown["widgets"]))
        program.close()
        line = Driven(screen.env, BARE_ANSWERING, "line")
        line.wait_ready()
        bare_keys += xkey(xkey_tool, screen.env, *(["key:a", "key:BackSpace"] * 4))
        bare_rss.append(line.ask("where")["rss"])
        line.close()
    print(f"  [{size}] 评分表 tab click → settled: first {med(tab_first):6.0f} ms, later {med(tab_later):5.0f} ms "
          f"(goal ≤ 100 ms; a bare QTabWidget's tab {med(bare_tab):4.0f} ms); the hand score's editor: {hand.get('focused')}")
    print(f"  [{size}] keystroke echo / settled:  hand score {med(e for _, e, _ in hand_keys):5.1f} / "
          f"{med(s for *_, s in hand_keys):5.1f} ms; cover 部门名称 {med(e for _, e, _ in cover_keys):5.1f} / "
          f"{med(s for *_, s in cover_keys):5.1f} ms; bare QLineEdit {med(e for _, e, _ in bare_keys):5.1f} / "
          f"{med(s for *_, s in bare_keys):5.1f} ms (goal settled ≤ 16 ms sample, ≤ 40 ms at 2,000)")
    opened, shown, previewing, after, count = (med(column) for column in zip(*memory))
    print(f"  [{size}] resident memory: opened {opened:.0f} MB, 评分表 shown {shown:.0f} MB ({count:.0f} widgets in "
          f"the window), 打印预览 open {previewing:.0f} MB, after closing it {after:.0f} MB; bare QLineEdit "
          f"{med(bare_rss):.0f} MB (goal ≤ 200 MB)")


def main() -> None:
    sizes = ["sample", "500", "2000"]
    if "--sizes" in sys.argv:
        sizes = sys.argv[sys.argv.index("--sizes") + 1].split(",")
    missing = [tool for tool in ("Xvfb", "openbox", "cc") if not shutil.which(tool)]
    if missing:
        print(f"not installed: {', '.join(missing)} (apt-get install xvfb openbox gcc libx11-dev libxdamage-dev "
              "libxtst-dev libxext-dev)")
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        xpaint, xkey_tool = build_tools(folder)
        files = data_files(folder, sizes)
        screen = Screen(folder)
        try:
            print(f"Xvfb {SCREEN} + openbox; {PAIRS} pairs in turn; medians; load {os.getloadavg()[0]:.2f} on "
                  f"{os.cpu_count()} cores")
            starts(screen, xpaint, files.get("sample") or next(iter(files.values())), folder)
            for size, db in files.items():
                keys_clicks_memory(screen, xkey_tool, db, size)
        finally:
            screen.close()
        print(f"load at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
