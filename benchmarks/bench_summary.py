"""How fast the bureau's summary reads a folder, and how much memory it takes as the folder grows.

    PYTHONPATH=. /work/venv-main/bin/python benchmarks/bench_summary.py [COUNT ...]   (default: 100 300 1000)

For each count a folder is generated (benchmarks/summary_files.py: varied departments, units and scores, plus
files edited after export, copies, an older version, another year, another score sheet and broken files), then
summarised in a fresh process (so each peak is its own) and the summary workbook written. Prints files/s and the
peak RSS of the main process and of the largest worker. Goal (issue 14): 300 files ≤ 30 s on the 2-core office
PC, memory flat as the count grows; issue 25: 1,000 files ≤ 60 s. The folder holds every trick of
benchmarks/summary_files.py (.xls, zips and a zip bomb, rar, Word renamed .xlsx, PDF, scans, files tampered on
the data sheet, on the visible sheet and in Notepad, twins, a later file with 错误, a reworded sheet). The CPU
time of all processes is printed too: it does not depend on what else runs on the machine. Other programs using the cores while this runs slow it down: say so when
reporting.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MEASURE = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from evaldesk.app.summary import summarise
from evaldesk.exchange.summary_workbook import write_summary_workbook
start = time.perf_counter()
summary = summarise({folder!r})
read = time.perf_counter() - start
write_summary_workbook(summary, {output!r})
total = time.perf_counter() - start
me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime
print(json.dumps({{"files": summary.files_seen, "ranked": len(summary.ranked), "read": read, "total": total,
                   "unreadable": len(summary.unreadable), "aside": len(summary.set_aside), "cpu": cpu,
                   "rss_main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                   "rss_worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024}}))
"""


def measure(count: int, work: Path) -> dict:
    from benchmarks.summary_files import generate

    folder = work / f"files-{count}"
    started = time.perf_counter()
    with ProcessPoolExecutor(2) as pool:
        generate(folder, count, seed=count, pool=pool)
    made = time.perf_counter() - started
    script = MEASURE.format(root=str(ROOT), folder=str(folder), output=str(work / f"汇总-{count}.xlsx"))
    result = json.loads(subprocess.run([sys.executable, "-c", script], check=True, capture_output=True,
                                       text=True).stdout)
    result["generated"] = made
    return result


def main(counts: list[int]) -> None:
    with tempfile.TemporaryDirectory() as temp:
        for count in counts:
            r = measure(count, Path(temp))
            print(f"{count:>5} departments → {r['files']} files ({r['ranked']} ranked, {r['aside']} set aside, "
                  f"{r['unreadable']} unreadable): read {r['read']:.1f} s, with the workbook {r['total']:.1f} s, "
                  f"{r['files'] / r['read']:.1f} files/s; CPU {r['cpu']:.0f} s in all processes, "
                  f"{1000 * r['cpu'] / r['files']:.0f} ms a file (on two idle cores: {2 * r['files'] / r['cpu']:.0f} "
                  f"files/s); peak RSS main {r['rss_main']} MB, largest worker {r['rss_worker']} MB  "
                  f"(generating took {r['generated']:.0f} s; load average at the end {os.getloadavg()[0]:.1f})",
                  flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 300, 1000])
