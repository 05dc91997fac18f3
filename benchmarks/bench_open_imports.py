"""What opening a report costs outside Qt, in a fresh process as the window's start pays it: importing the app
layer, opening the data file (lock, header, quick_check, version, pragmas), loading the report, importing the
session and building it — each step timed from the process's first line, then what the imports defined by then
(evaldesk modules, dataclasses and the time their definitions took in the counting run, evaldesk enums, regular
expressions compiled) and whether the heavy libraries were loaded. The peer is the same interpreter importing only
sqlite3 and reading one row, run in turn with it (the machine is shared: the ratio is per pair). Times are from
each process's first line, so the interpreter's own start (the same for both) is not in them.

The session is built as the window is to build it, without the audit (``audit=False``), which runs after the
first paint: "audit after the paint" is that later step (the audit's imports and the first audit). The backup a
changed file gets waits for the first write, the window's idle timer or the close, so it is not in the open.

Run: /work/venv-main/bin/python benchmarks/bench_open_imports.py [--quick]
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
sys.path.insert(0, str(ROOT))

QUICK = "--quick" in sys.argv
RUNS = 5 if QUICK else 11

PEER = """
import sys, time
start = time.perf_counter()
import sqlite3
connection = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
connection.execute("select count(*) from report").fetchone()
connection.close()
print(time.perf_counter() - start)
"""

# argv: the data file, then "count" to count what the imports define (it wraps dataclasses' class processing and
# re's compile, which adds to the times: the counting run is not a timing run) or "time".
OPEN = r"""
import sys, time
start = time.perf_counter()
counting = sys.argv[2] == "count"
if counting:
    import dataclasses, enum, re
    defined = {"dataclasses": 0, "dataclass_seconds": 0.0, "regexes": 0}
    process_class = dataclasses._process_class
    def timed_process_class(*args, **kwargs):
        began = time.perf_counter()
        try:
            return process_class(*args, **kwargs)
        finally:
            defined["dataclasses"] += 1
            defined["dataclass_seconds"] += time.perf_counter() - began
    dataclasses._process_class = timed_process_class
    compile_pattern = re._compile
    def counted_compile(pattern, flags):
        cached = len(re._cache)
        result = compile_pattern(pattern, flags)
        defined["regexes"] += len(re._cache) > cached
        return result
    re._compile = counted_compile
marks = []
def mark(name):
    marks.append((name, time.perf_counter() - start))
from evaldesk.app.datafile import open_data_file, report_to_open
mark("import app.datafile")
store = open_data_file(sys.argv[1])
mark("open the data file")
report = store.load(report_to_open(store))
mark("load the report")
from evaldesk.app.session import ReportSession
mark("import app.session")
try:
    session = ReportSession(store, report, audit=False)
except TypeError:  # an older checkout, measured for the figure before: its session audits at once
    session = ReportSession(store, report)
mark("build the session")
modules = sorted(name for name in sys.modules if name.startswith("evaldesk"))
heavy = [name for name in ("sqlalchemy", "reportlab", "openpyxl") if name in sys.modules]
all_modules = len(sys.modules)
at_paint = dict(defined) if counting else {}
session.run_audit()
mark("audit after the paint")
store.close()
result = {"marks": marks, "modules": modules, "heavy": heavy, "all_modules": all_modules}
if counting:
    result["enums"] = sum(1 for module in modules for value in vars(sys.modules[module]).values()
                          if isinstance(value, type) and issubclass(value, enum.Enum) and value.__module__ == module)
    result.update(at_paint)
import json
print(json.dumps(result))
"""


def _env(folder: Path) -> dict:
    """Compiled bytecode (a private pycache folder, warmed once) as an installed program has it, as
    bench_window.py runs its children; settings and data folder in ``folder``."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), EVALDESK_HOME=str(folder / "home"),
               PYTHONPYCACHEPREFIX=str(folder / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run(env: dict, code: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=ROOT)
    if done.returncode:
        sys.exit(done.stderr)
    return done.stdout.strip().splitlines()[-1]


def _sample_file(folder: Path) -> Path:
    from evaldesk.exchange.report_json import read_json
    from evaldesk.datafile.store import Store
    from evaldesk.resources import SAMPLE_REPORT

    db = folder / "bench.sqlite"
    store = Store(db)
    store.add(read_json(SAMPLE_REPORT))
    store.set_state("open_report", "1")
    store.close()
    return db


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = _env(folder)
        db = str(_sample_file(folder))
        _run(env, OPEN, db, "count")  # compiles the bytecode once
        counts = [json.loads(_run(env, OPEN, db, "count")) for _ in range(3)]
        counted = {**counts[0], "dataclass_seconds": statistics.median(c["dataclass_seconds"] for c in counts)}
        peers, runs = [], []
        for _ in range(RUNS):
            peers.append(float(_run(env, PEER, db)))
            runs.append(json.loads(_run(env, OPEN, db, "time"))["marks"])
    steps = [name for name, _ in runs[0]]
    at = [dict(marks) for marks in runs]  # per run: step → seconds from the process's first line
    print(f"the sample's open outside Qt, {RUNS} runs in turn with a bare sqlite3 read; medians; "
          f"load at end {os.getloadavg()[0]:.2f}")
    print(f"  peer: start → sqlite3 imported, one row read:  {statistics.median(peers) * 1000:6.1f} ms")
    for before, name in zip([None, *steps], steps):
        took = statistics.median(run[name] - (run[before] if before else 0.0) for run in at)
        print(f"  {name:<24} {took * 1000:6.1f} ms   (at {statistics.median(run[name] for run in at) * 1000:6.1f} ms)")
    ready = statistics.median(run["build the session"] for run in at)
    ratio = statistics.median(run["build the session"] / peer for run, peer in zip(at, peers))
    print(f"  open, ready to paint:     {ready * 1000:6.1f} ms = {ratio:.1f}× the peer")
    modules = counted["modules"]
    print(f"  by then: {len(modules)} evaldesk modules ({counted['all_modules']} in all), "
          f"{counted['dataclasses']} dataclasses defined ({counted['dataclass_seconds'] * 1000:.1f} ms, median of "
          f"3 counting runs), {counted['enums']} evaldesk enums, {counted['regexes']} regular expressions compiled")
    for heavy in ("sqlalchemy", "reportlab", "openpyxl", "evaldesk.audit.engine", "evaldesk.templates.newyear"):
        loaded = heavy in modules or heavy in counted["heavy"]
        print(f"    {heavy:<28} {'imported' if loaded else 'not imported'} by then")

if __name__ == "__main__":
    main()
