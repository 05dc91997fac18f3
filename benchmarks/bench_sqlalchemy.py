"""What SQLAlchemy costs the data file, to say why its reads stay on sqlite3 (docs/architecture.md, "The data
file"): importing it in a fresh process beside importing sqlite3, an engine over a sqlite3 connection, Core's table
objects; and in process, loading the sample report through sqlite3 directly and through SQLAlchemy (the same SQL),
and 200 small reads each way.

Run: /work/main/.venv/bin/python benchmarks/bench_sqlalchemy.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 7
FRESH = {
    "import sqlite3": "import sqlite3",
    "import sqlalchemy": "import sqlalchemy",
    "+ engine over a sqlite3 connection, one text()": (
        "import sqlite3\nfrom sqlalchemy import create_engine, text\nfrom sqlalchemy.pool import StaticPool\n"
        "c = sqlite3.connect(':memory:')\n"
        "e = create_engine('sqlite://', creator=lambda: c, poolclass=StaticPool)\n"
        "e.connect().execute(text('select 1')).scalar()"),
    "Core: 10 Table objects, one select compiled": (
        "from sqlalchemy import Column, Integer, MetaData, Table, Text, select\nm = MetaData()\n"
        "t = [Table(f't{i}', m, Column('id', Integer, primary_key=True), Column('v', Text)) for i in range(10)]\n"
        "select(t[0]).where(t[0].c.id == 1).compile()"),
}


def load_average() -> str:
    try:
        with open("/proc/loadavg", encoding="ascii") as stat:
            return stat.read().split()[0]
    except OSError:
        return "?"


def in_fresh_process(code: str) -> float:
    timed = f"import time\nstart = time.perf_counter()\n{code}\nprint(time.perf_counter() - start)"
    done = subprocess.run([sys.executable, "-c", timed], capture_output=True, text=True, cwd=ROOT, check=True)
    return float(done.stdout.split()[-1])


def median_ms(work, runs: int = 30) -> float:
    took = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        took.append(time.perf_counter() - start)
    return statistics.median(took) * 1000


class ThroughSqlalchemy:
    """store_read's reading interface (sqlite_setup.Reads) over a SQLAlchemy Connection: the same SQL text and
    named parameters, through exec_driver_sql."""

    def __init__(self, connection):
        self.connection = connection

    def execute(self, sql, params=None):
        return self.connection.exec_driver_sql(sql, params or {})

    def first(self, sql, params=None):
        return self.execute(sql, params).first()

    def scalar(self, sql, params=None):
        return self.execute(sql, params).scalar()

    def all(self, sql, params=None):
        return self.execute(sql, params).all()

    def commit(self):
        self.connection.commit()

    def in_transaction(self):
        return self.connection.in_transaction()


def main() -> None:
    times = {name: [] for name in FRESH}
    for _ in range(RUNS):  # in turn, so a busy moment of the shared machine falls on all of them
        for name, code in FRESH.items():
            times[name].append(in_fresh_process(code))
    print(f"fresh process, medians of {RUNS} (load average {load_average()}):")
    for name, took in times.items():
        print(f"  {name:<48} {statistics.median(took) * 1000:7.1f} ms")

    from sqlalchemy import text

    from evaldesk.app.datafile import add_sample
    from evaldesk.datafile import sqlite_setup, store_read
    from evaldesk.datafile.store import Store
    from evaldesk.scoring.template import Template

    path = Path(tempfile.mkdtemp()) / "data.sqlite"
    store = Store(path)
    add_sample(store)
    store.close()
    store = Store(path, read_only=True)
    reads = store.connection
    through = ThroughSqlalchemy(sqlite_setup.writer(reads.raw))
    statement = "SELECT key, value FROM field WHERE report_id = :id"

    def many_direct():
        for _ in range(200):
            reads.all(statement, {"id": 1})
        reads.commit()

    def many_through():
        for _ in range(200):
            through.connection.execute(text(statement), {"id": 1}).all()
        through.commit()

    print("in process, the sample report, medians:")
    print(f"  load, sqlite3 directly (Reads)                   {median_ms(lambda: store_read.load(reads, 1, Template)):7.2f} ms")
    print(f"  load, through SQLAlchemy (exec_driver_sql)       {median_ms(lambda: store_read.load(through, 1, Template)):7.2f} ms")
    print(f"  200 reads of one report's fields, sqlite3        {median_ms(many_direct, 5):7.2f} ms")
    print(f"  200 reads of one report's fields, SQLAlchemy     {median_ms(many_through, 5):7.2f} ms")
    through.connection.close()
    store.close()


if __name__ == "__main__":
    main()
