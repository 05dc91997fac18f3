"""Printing, measured against its peers in one run (medians; the machine is shared, so compare the ratios):

1. Long text: one 实际完成, 扣分原因 or 综述 of 25k / 50k / 100k / 200k characters in the sample, the PDF built in
   process beside the sample's own build. Linear means each further 10k characters costs the same.
2. In the window (offscreen, the real MainWindow, warm: the second time), what the filler waits for after
   打印预览 (the PDF built and its pages drawn), 导出PDF (built and written), and 打印 (built, every page rendered
   and the job handed over — to a print queue when one is given, else to a PDF file standing in for it), beside
   LibreOffice converting evaldesk's own workbook of the same report (`soffice --headless --convert-to pdf`) and,
   with a queue, printing it there (`soffice --headless --pt QUEUE`), each a whole process.

    QT_QPA_PLATFORM=offscreen /work/venv-main/bin/python benchmarks/bench_print.py [--quick] [--queue NAME]
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from evaldesk.exchange.report_json import read_json  # noqa: E402
from evaldesk.resources import SAMPLE_REPORT  # noqa: E402

import timing  # noqa: E402

QUICK = "--quick" in sys.argv
RUNS = 3 if QUICK else 5
QUEUE = sys.argv[sys.argv.index("--queue") + 1] if "--queue" in sys.argv else None
PLACES = {"self.actual": "实际完成", "sheet.benefits.reason": "扣分原因", "summary.text": "综述"}


def median_time(action, runs: int = RUNS) -> float:
    return timing.median_time(action, runs)


def long_text(sample) -> None:
    from evaldesk.printing.pdf import build_pdf
    from evaldesk.printing.proofs import text_of

    build_pdf(sample)   # fonts registered, modules warm
    base = median_time(lambda: build_pdf(sample))
    print(f"the sample's PDF (the peer): {base:.3f} s")
    lengths = (25_000, 50_000, 100_000) if QUICK else (25_000, 50_000, 100_000, 200_000)
    for key, name in PLACES.items():
        figures = {}
        for length in lengths:
            report = copy.deepcopy(sample)
            report.fields[key] = text_of(length)
            figures[length] = median_time(lambda r=report: build_pdf(r), runs=1 if QUICK and length > 50_000 else 3)
        # What each further 10k characters costs, between consecutive lengths (the sample's own text in that place
        # is replaced, so the sample's time is no baseline). Noise on a shared machine moves these by tens of
        # percent; quadratic work would double them at each step.
        steps = [(figures[b] - figures[a]) / (b - a) * 10_000 for a, b in zip(lengths, lengths[1:])]
        goal = figures[100_000] <= 1.5 and steps[-1] <= 2 * steps[0]
        print(f"{name} of " + " / ".join(f"{n // 1000}k" for n in lengths) + ": "
              + " / ".join(f"{figures[n]:.2f}" for n in lengths) + " s; each further 10k characters: "
              + " / ".join(f"{step:.3f}" for step in steps) + " s"
              + f"   goal: linear, 100k ≤ 1.5 s {'ok' if goal else 'MISSED'}")


def in_window(folder: Path) -> dict:
    """The window's own actions on the sample, the second time each (the first loads reportlab and the fonts)."""
    from evaldesk.ui import app as ui_app, dialogs

    os.environ["EVALDESK_HOME"] = str(folder / "home")
    app = ui_app.create_app()
    window = ui_app.open_window(folder / "window.sqlite")
    window.resize(1366, 768)
    window.show()
    window.files.add_sample()
    app.processEvents()
    target = folder / "window.pdf"
    dialogs.save_file = lambda *args: str(target)

    def preview():
        window.output.print_preview()
        app.processEvents()   # shown, its pages drawn
        window.preview.close()

    def print_it():
        window.output.print_report()

    if QUEUE:
        window.settings["printer"] = QUEUE
        dialogs.print_setup = lambda parent, printer: True   # the filler presses 打印 at once
    else:
        dialogs.print_setup = lambda parent, printer: printer.setOutputFileName(str(folder / "printed.pdf")) or True
    figures = {}
    for name, action in (("打印预览", preview), ("导出PDF", lambda: window.output.export_pdf()),
                         ("打印", print_it)):
        action()
        figures[name] = median_time(action)
    window.close()
    return figures


def soffice_peers(folder: Path) -> dict:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return {}
    from evaldesk.exchange.workbook import write_workbook

    workbook = folder / "sample.xlsx"
    write_workbook(read_json(SAMPLE_REPORT), workbook)
    convert = [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder / "office"), str(workbook)]
    run = lambda command: lambda: subprocess.run(command, check=True, capture_output=True)  # noqa: E731
    run(convert)()   # LibreOffice's first start in a profile is slower: not what an office sees every day
    peers = {"soffice --convert-to pdf": median_time(run(convert), runs=max(3, RUNS // 2))}
    if QUEUE:
        peers[f"soffice --pt {QUEUE}"] = median_time(run([soffice, "--headless", "--pt", QUEUE, str(workbook)]),
                                                     runs=max(3, RUNS // 2))
    return peers


def main() -> None:
    print(f"medians; machine load at start {os.getloadavg()[0]:.2f} (2 shared cores: compare the ratios)")
    long_text(read_json(SAMPLE_REPORT))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        window = in_window(folder)
        peers = soffice_peers(folder)
    where = f"to the queue {QUEUE}" if QUEUE else "to a PDF file as the printer"
    print(f"in the window (warm): 打印预览 {window['打印预览']:.3f} s, 导出PDF {window['导出PDF']:.3f} s, "
          f"打印 {where} {window['打印']:.3f} s")
    if not peers:
        print("soffice not installed: its peers are skipped")
        return
    office = peers["soffice --convert-to pdf"]
    for name in ("打印预览", "导出PDF"):
        ratio = office / window[name]
        print(f"soffice --convert-to pdf {office:.3f} s vs {name} {window[name]:.3f} s = {ratio:.1f}× faster"
              f"   goal ≥ 5× {'ok' if ratio >= 5 else 'MISSED'}")
    if QUEUE:
        printed = peers[f"soffice --pt {QUEUE}"]
        print(f"soffice --pt {QUEUE} {printed:.3f} s vs 打印 to the same queue {window['打印']:.3f} s = "
              f"{printed / window['打印']:.1f}×")


if __name__ == "__main__":
    main()
