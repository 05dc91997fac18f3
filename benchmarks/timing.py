"""The one way the benchmarks time an action: the median of ``runs`` wall-clock runs (the machine is shared, so
one run says little)."""

from __future__ import annotations

import statistics
import time


def median_time(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
