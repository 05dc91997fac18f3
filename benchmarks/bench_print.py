"""How long printing the reference report takes (goal: under 1 s), beside LibreOffice converting the same report's
bureau workbook to PDF (goal: evaldesk at least 5× faster) when LibreOffice is installed.

    .venv/bin/python benchmarks/bench_print.py
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evaldesk.exchange.report_json import read_json  # noqa: E402
from evaldesk.resources import SAMPLE_REPORT  # noqa: E402

RUNS = 7


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    report = read_json(SAMPLE_REPORT)
    start = time.perf_counter()
    from evaldesk.printing.fonts import register_fonts
    from evaldesk.printing.pdf import build_pdf

    register_fonts()
    print(f"字体注册（每个进程一次）：{time.perf_counter() - start:.3f} s")
    first = timed(lambda: build_pdf(report))
    runs = [timed(lambda: build_pdf(report)) for _ in range(RUNS)]
    median = statistics.median(runs)
    print(f"参考样例 PDF：首次 {first:.3f} s；其后 {RUNS} 次中位数 {median:.3f} s（目标 < 1 s）")
    blank = statistics.median(timed(lambda: build_pdf(report, blank=True)) for _ in range(RUNS))
    print(f"空表 PDF：中位数 {blank:.3f} s")

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("对比跳过：未安装 LibreOffice（soffice 不在 PATH 上）。")
        return
    try:
        from evaldesk.exchange.workbook import write_workbook
    except ImportError as err:
        print(f"对比跳过：报送工作簿导出尚不可用（{err}）。")
        return
    with tempfile.TemporaryDirectory() as folder:
        workbook = Path(folder) / "sample.xlsx"
        write_workbook(report, workbook)
        command = [soffice, "--headless", "--convert-to", "pdf", "--outdir", folder, str(workbook)]
        converted = [timed(lambda: subprocess.run(command, check=True, capture_output=True)) for _ in range(3)]
    office = statistics.median(converted)
    print(f"LibreOffice 将报送工作簿转为 PDF：中位数 {office:.3f} s；evaldesk 快 {office / median:.1f} 倍（目标 ≥ 5 倍）")


if __name__ == "__main__":
    main()
