"""How long sending the form to a printer takes, and how much memory, at the resolutions printers report (the
pages are rendered at most at evaldesk.ui.preview.PRINT_DPI whatever the printer says). The "printer" is Qt's
PDF output, so this runs without a printer:

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_printer.py
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evaldesk.exchange.report_json import read_json
from evaldesk.printing import proofs
from evaldesk.printing.pdf import build_pdf
from evaldesk.resources import SAMPLE_REPORT


def main() -> None:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from evaldesk.ui.preview import PRINT_DPI, load_pdf, render_to_printer

    QApplication.instance() or QApplication([])
    sample = read_json(SAMPLE_REPORT)
    for name, report in (("参考样例", sample), ("重负载报告", proofs.heavy(sample))):
        data = build_pdf(report)
        for dpi in (600, 1200):
            with tempfile.TemporaryDirectory() as folder:
                printer = QPrinter(QPrinter.PrinterMode.HighResolution)
                printer.setResolution(dpi)
                printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
                printer.setOutputFileName(str(Path(folder) / "out.pdf"))
                start = time.perf_counter()
                render_to_printer(data, printer)
                took = time.perf_counter() - start
                count = load_pdf(data).pageCount()
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{name}：打印机 {dpi} dpi，按 {PRINT_DPI} dpi 渲染 {count} 页，用时 {took:.2f} s"
                  f"（每页 {took / count:.2f} s），进程峰值内存 {peak:.0f} MB")


if __name__ == "__main__":
    main()
