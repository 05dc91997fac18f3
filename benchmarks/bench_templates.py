"""How long the window waits on a sheet edit: one edit function, check() of the draft, and loading the template;
and how long a new year takes to build. Prints figures; not a test."""

import time

from evaldesk.exchange.report_json import read_json
from evaldesk.resources import SAMPLE_REPORT
from evaldesk.templates import edit, newyear


def per_call(work, repeat: int = 300) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        work()
    return (time.perf_counter() - start) / repeat * 1000


sample = read_json(SAMPLE_REPORT)
data = sample.template.data
print(f"set_weight (copy of the Yunxi sheet)   {per_call(lambda: edit.set_weight(data, 'staff_control', 6)):.3f} ms")
print(f"check() of a valid draft               {per_call(lambda: edit.check(data)):.3f} ms")
broken = edit.set_weight(data, 'staff_control', 7)
print(f"check() of a draft with a problem      {per_call(lambda: edit.check(broken)):.3f} ms")
print(f"validated() (check + load)             {per_call(lambda: edit.validated(data)):.3f} ms")
print(f"start_next_year from the sample        {per_call(lambda: newyear.start_next_year(sample)):.3f} ms")
