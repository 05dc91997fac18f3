"""How long exporting the reference sample to the bureau workbook, and importing it back, take (goal ≤ 0.3 s each).

Export = score + audit + four sheets + atomic write; import = file checks + data sheet + every value parsed +
fingerprint. Medians of several runs, after one warm-up run (imports, template and rule files).

Run: .venv/bin/python benchmarks/bench_workbook.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evaldesk.exchange.report_json import read_json  # noqa: E402
from evaldesk.exchange.workbook import read_workbook, write_workbook  # noqa: E402
from evaldesk.resources import SAMPLE_REPORT  # noqa: E402

RUNS = 15
GOAL_S = 0.3


def timed(action, runs: int = RUNS) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    report = read_json(SAMPLE_REPORT)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sample.xlsx"
        write_workbook(report, path)
        read_workbook(path)  # warm-up
        export = timed(lambda: write_workbook(report, path))
        imported = timed(lambda: read_workbook(path))
        size = path.stat().st_size
    ok = True
    print(f"reference sample, {RUNS} runs each; workbook {size / 1024:.1f} KB")
    for name, times in (("export", export), ("import", imported)):
        median = statistics.median(times)
        ok &= median <= GOAL_S
        print(f"{name:>6}: median {median * 1000:7.1f} ms   min {min(times) * 1000:7.1f} ms   "
              f"max {max(times) * 1000:7.1f} ms   goal ≤ {GOAL_S * 1000:.0f} ms {'ok' if median <= GOAL_S else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
