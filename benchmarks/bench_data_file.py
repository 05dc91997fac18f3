"""What trusting the data file costs: opening (lock, quick_check, version), a backup (VACUUM INTO), one edit with the
change check and the checksum triggers (and without them, to compare), loading with the checksum, and the daily-backup look — for a file with the reference sample and for one with 40 reports.

Run: .venv/bin/python benchmarks/bench_data_file.py
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evaldesk.datafile import backups  # noqa: E402
from evaldesk.exchange.report_json import read_json  # noqa: E402
from evaldesk.datafile import digest  # noqa: E402
from evaldesk.model.edits import SetField  # noqa: E402
from evaldesk.datafile.store import Store  # noqa: E402
from evaldesk.resources import SAMPLE_REPORT  # noqa: E402


def ms(action, runs: int) -> str:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return f"median {statistics.median(times):7.2f} ms  max {max(times):7.2f} ms  ({runs} runs)"


def measure(reports: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.sqlite"
        store = Store(path)
        for _ in range(reports):
            store.add(read_json(SAMPLE_REPORT))
        store.close()
        size = path.stat().st_size // 1024
        print(f"-- {reports} report(s), {size} KB")
        print("open + close (lock, quick_check)   ", ms(lambda: Store(path).close(), 30))
        store = Store(path)
        report = store.load(1)
        texts = iter(range(10**9))
        print("one edit (change check + write)    ",
              ms(lambda: store.apply(report, SetField("basic.contact", f"联系人{next(texts)}")), 100))
        print("load (rows checked, checksum)      ", ms(lambda: store.load(1), 30))
        print("checksum alone (recomputed on load)", ms(lambda: _checksum(store), 30))
        store.close()
        _without_checksum(path)  # the same edit once the triggers that keep the checksum are gone
        store = Store(path)
        report = store.load(1)
        print("one edit, no checksum triggers     ",
              ms(lambda: store.apply(report, SetField("basic.contact", f"联系人{next(texts)}")), 100))
        print("backup (VACUUM INTO, rotation)     ", ms(lambda: backups.make_backup(store), 10))
        print("backup look while editing (not due)", ms(lambda: backups.back_up_while_editing(store), 100))
        print("list the backups with their reports", ms(lambda: backups.list_backups(path), 5))
        store.close()


def _checksum(store) -> None:
    digest.computed(store.connection, 1)
    store.connection.commit()


def _without_checksum(path: Path) -> None:
    with sqlite3.connect(path) as raw:
        for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            raw.execute(f"DROP TRIGGER {name}")


if __name__ == "__main__":
    measure(1)
    measure(40)
