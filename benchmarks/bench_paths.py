"""Issue 15's table, measured in one run against each row's peer: whole `evaldesk print` / `export` processes beside
LibreOffice converting evaldesk's own workbook of the same report, the workbook export as the data grows, and
bench_print's long-text rows (实际完成, 扣分原因, 综述 of 25k–200k characters on paper). (The window rows are in bench_window.py.)

The machine these figures come from is shared, so every figure is a median and each row is also printed as a ratio
against its peer measured in the same run. Child processes run with compiled bytecode (a private pycache folder,
warmed once), as an installed program has it, whatever PYTHONDONTWRITEBYTECODE says here.

Run: /work/venv-main/bin/python benchmarks/bench_paths.py [--quick] [--processes]
"""

from __future__ import annotations

import copy
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from evaldesk.exchange.report_json import read_json  # noqa: E402
from evaldesk.model.report import Item, Unit, new_id  # noqa: E402
from evaldesk.resources import SAMPLE_REPORT  # noqa: E402

import bench_print  # noqa: E402
import timing  # noqa: E402

QUICK = "--quick" in sys.argv
RUNS = 3 if QUICK else 7


def _median_of(action, runs: int = RUNS) -> float:
    return timing.median_time(action, runs)


def _child_env(folder: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(folder / "pycache"),
               EVALDESK_HOME=str(folder / "home"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def whole_processes(folder: Path) -> None:
    """`evaldesk print` / `export` / `score` as the user runs them, in rounds (bare Python, print, export, score, and
    LibreOffice converting evaldesk's own workbook of the same report when installed), so each figure meets the
    same load as its peer; ratios are per round."""
    from evaldesk.datafile.store import Store

    db = folder / "bench.sqlite"
    store = Store(db)
    store.add(read_json(SAMPLE_REPORT))
    store.close()
    env = _child_env(folder)
    evaldesk = [sys.executable, "-m", "evaldesk", "--db", str(db)]
    commands = {
        "python": [sys.executable, "-c", "pass"],
        "print": [*evaldesk, "print", "-o", str(folder / "a.pdf")],
        "export": [*evaldesk, "export", "-o", str(folder / "a.xlsx")],
        "score": [*evaldesk, "score"],
    }
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    for command in commands.values():   # warm: bytecode compiled, fonts parsed into the cache once
        subprocess.run(command, env=env, check=True, capture_output=True)
    if soffice:
        commands["soffice"] = [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder / "office"),
                               str(folder / "a.xlsx")]
        subprocess.run(commands["soffice"], check=True, capture_output=True)
    rounds = [{name: _median_of(lambda c=command: subprocess.run(c, env=env, check=True, capture_output=True), runs=1)
               for name, command in commands.items()} for _ in range(RUNS)]
    median = {name: statistics.median(r[name] for r in rounds) for name in commands}
    per_round = lambda top, bottom: statistics.median(r[top] / r[bottom] for r in rounds)  # noqa: E731
    print(f"whole processes, {RUNS} rounds in turn, medians:")
    print(f"  bare `python -c pass`:               {median['python']:6.3f} s")
    for name, goal in (("print", None), ("export", 0.5), ("score", None)):
        verdict = f"   goal ≤ {goal} s {'ok' if median[name] <= goal else 'MISSED'}" if goal else ""
        print(f"  `evaldesk {name}` (sample), whole:{' ' * (7 - len(name))}{median[name]:6.3f} s = "
              f"{per_round(name, 'python'):4.1f}× bare Python{verdict}")
    if not soffice:
        print("  soffice not installed: the print row's peer is skipped")
        return
    ratio = per_round("soffice", "print")
    print(f"  soffice xlsx → pdf of the same report: {median['soffice']:6.3f} s; `evaldesk print` is {ratio:.2f}× faster"
          f"   goal ≥ 3× {'ok' if ratio >= 3 else 'MISSED'}")


def grown(sample, times: int):
    """The sample with its units, lists and evaluators ``times`` over (the workbook's rows and merges grow so)."""
    report = copy.deepcopy(sample)
    report.units = [Unit(new_id(), f"{unit.name}{n or ''}", dict(unit.cells))
                    for n in range(times) for unit in sample.units]
    for name, items in sample.lists.items():
        report.lists[name] = [Item(new_id(), dict(item.values)) for _ in range(times) for item in items]
    return report


def export_growth(sample) -> None:
    from evaldesk.exchange.workbook import workbook_bytes

    sizes = (1, 4, 16) if QUICK else (1, 4, 16, 64)
    figures = {n: _median_of(lambda r=grown(sample, n): workbook_bytes(r), runs=3) for n in sizes}
    per = [figures[n] / n for n in sizes]
    print("xlsx export as data grows " + " / ".join(f"{n}×" for n in sizes) + ": "
          + " / ".join(f"{figures[n]:.2f}" for n in sizes) + " s; per 1× of data: "
          + " / ".join(f"{p * 1000:.0f}" for p in per) + " ms"
          + f"   ({figures[sizes[-1]] / figures[1]:.1f}× time for {sizes[-1]}× data; linear would be ≤ {sizes[-1]}×)")


def main() -> None:
    print(f"medians; machine load at start {os.getloadavg()[0]:.2f} (shared machine: compare the ratios)")
    sample = read_json(SAMPLE_REPORT)
    with tempfile.TemporaryDirectory() as folder:
        whole_processes(Path(folder))
    if "--processes" in sys.argv:  # the start-up rows alone
        return
    export_growth(sample)
    bench_print.long_text(sample)   # the long-text rows are bench_print's, one measurement for both


if __name__ == "__main__":
    main()
