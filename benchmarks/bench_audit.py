"""How long the audit of the reference sample takes — the window runs it on every keystroke (goal ≤ 5 ms).

Run: .venv/bin/python benchmarks/bench_audit.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evaldesk.audit.engine import audit_report  # noqa: E402
from evaldesk.exchange.report_json import read_json  # noqa: E402
from evaldesk.resources import SAMPLE_REPORT  # noqa: E402
from evaldesk.scoring.engine import score_report  # noqa: E402

RUNS = 300
GOAL_MS = 5.0


def timed(action, runs: int = RUNS) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    report = read_json(SAMPLE_REPORT)
    start = time.perf_counter()
    audit_report(report)  # the first run reads the rule files and compiles the patterns
    first = (time.perf_counter() - start) * 1000
    sheet = score_report(report)
    whole = timed(lambda: audit_report(report))
    given_sheet = timed(lambda: audit_report(report, sheet))
    print(f"审核参考样例（{len(audit_report(report))} 条结果），{RUNS} 次：")
    print(f"  首次（读取规则文件、编译正则）   {first:7.2f} ms")
    print(f"  含评分 中位数 {statistics.median(whole):6.2f} ms   p95 {sorted(whole)[int(RUNS * 0.95)]:6.2f} ms")
    print(f"  已有评分 中位数 {statistics.median(given_sheet):6.2f} ms   p95 "
          f"{sorted(given_sheet)[int(RUNS * 0.95)]:6.2f} ms")
    verdict = "达到" if statistics.median(whole) <= GOAL_MS else "未达到"
    print(f"  目标 ≤ {GOAL_MS:g} ms：{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
