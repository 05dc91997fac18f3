"""How long sending the form to a printer takes, and how much memory.

Without arguments: Qt's PDF output stands for a printer of 600 and 1200 dpi (the pages are rendered at most at
evaldesk.ui.printer.PRINT_DPI whatever the printer says), for the sample and the heavy report; runs anywhere:

    QT_QPA_PLATFORM=offscreen /work/venv-main/bin/python benchmarks/bench_printer.py

With --queue [NAME] [--two-sided] [--raster]: the window's own 打印… on a real CUPS queue (scripts/cups_office_queue.sh makes one
with cups-pdf), under an X server, with Qt's real print dialog (accepted as shown), its 1366×768 screenshots, the
progress the filler sees, the time from 打印 in the dialog until the job is in the print queue, the job's
attributes as CUPS holds them (paper, sides, copies) and, when cups-pdf has written it, the page count and size
of what the printer got (pages as PNG beside the screenshots):

    xvfb-run -a -s "-screen 0 1366x768x24" /work/venv-main/bin/python benchmarks/bench_printer.py --queue Office \\
        --two-sided --out /tmp/printed

The PDF itself goes to CUPS (ui/cups_print.py); --raster draws the pages through Qt's CUPS engine instead, as
before (the path Windows and a print to a file take). Memory is the process's VmHWM / VmRSS (/proc/self/status:
Qt's page images are not Python objects). --compare N runs N processes of each path alternately and prints the
medians side by side:

    xvfb-run -a -s "-screen 0 1366x768x24" /work/venv-main/bin/python benchmarks/bench_printer.py --queue Office \\
        --compare 5 --out /tmp/printed
"""

from __future__ import annotations

import glob
import os
import re
import statistics
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evaldesk.exchange.report_json import read_json  # noqa: E402
from evaldesk.printing import proofs  # noqa: E402
from evaldesk.printing.pdf import build_pdf  # noqa: E402
from evaldesk.resources import SAMPLE_REPORT  # noqa: E402


def _arg(name: str, default=None):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv and sys.argv.index(name) + 1 < len(sys.argv) \
        and not sys.argv[sys.argv.index(name) + 1].startswith("--") else default


def to_pdf_output() -> None:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from evaldesk.ui.printer import PRINT_DPI, load_pdf, render_to_printer

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


GET_JOB = """{
OPERATION Get-Job-Attributes
GROUP operation-attributes-tag
ATTR charset attributes-charset utf-8
ATTR naturalLanguage attributes-natural-language en
ATTR uri printer-uri $uri
ATTR integer job-id %d
ATTR keyword requested-attributes all
}
"""
JOB_OPTIONS = ("media", "sides", "copies", "Collate", "multiple-document-handling", "page-ranges", "print-scaling",
               "document-format", "job-k-octets")


def _job_attributes(queue: str, job_id: int) -> str:
    """The options CUPS holds for a job (ipptool Get-Job-Attributes; cups-ipp-utils)."""
    try:
        answer = subprocess.run(["ipptool", "-tv", f"ipp://localhost/printers/{queue}", "/dev/stdin"],
                                input=GET_JOB % job_id, capture_output=True, text=True).stdout
    except OSError:
        return "(ipptool missing)"
    found = dict(re.findall(r"^\s+([\w-]+) \([^)]*\) = (.*)$", answer, re.M))
    return ", ".join(f"{key}={found[key]}" for key in JOB_OPTIONS if key in found)


def on_a_queue(queue: str | None, two_sided: bool, out: Path, raster: bool = False, shots: bool = True) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintDialog, QPrinterInfo
    from PySide6.QtWidgets import QApplication

    from evaldesk.ui import app as ui_app, printer as printer_module

    if raster:   # Qt's CUPS engine prints the drawn pages, as Windows and a print to a file do
        printer_module.cups_print.can_hand_over = lambda printer: False
    out.mkdir(parents=True, exist_ok=True)
    os.environ["EVALDESK_HOME"] = str(out / "home")
    qt_app = ui_app.create_app()
    queue = queue or QPrinterInfo.defaultPrinterName()
    if queue not in QPrinterInfo.availablePrinterNames():
        print(f"没有打印队列“{queue}”：{QPrinterInfo.availablePrinterNames()}（先运行 scripts/cups_office_queue.sh）")
        return
    window = ui_app.open_window(out / "bench.sqlite")
    window.show()
    window.files.add_sample()
    window.settings.update({"printer": queue, "print_duplex": "long" if two_sided else "none", "print_copies": 1})
    marks: dict = {}
    progress_seen: list = []

    def accept_the_dialog():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            QTimer.singleShot(100, accept_the_dialog)
            return
        if "shown" not in marks:   # let it paint first, as the filler sees it
            marks["shown"] = True
            QTimer.singleShot(700, accept_the_dialog)
            return
        _screen_shot(out / "print-dialog.png")
        marks["accepted"] = time.perf_counter()
        dialog.accept()

    class Watched(printer_module.QProgressDialog):
        def setValue(self, value):  # noqa: N802
            super().setValue(value)
            progress_seen.append((round(time.perf_counter() - marks["accepted"], 3), value, self.maximum()))
            if shots and "progress" not in marks and (value >= 3 or value == self.maximum()):   # 4th page / only step
                marks["progress"] = True
                QApplication.processEvents()
                _screen_shot(out / "print-progress.png")

    printer_module.QProgressDialog = Watched
    before = {int(line.split()[0].rsplit("-", 1)[1]) for line in _lpstat()}
    QTimer.singleShot(300, accept_the_dialog)
    opened = _memory()["VmHWM"]   # the window with the report open, before 打印
    window.output.print_report()
    handed = time.perf_counter() - marks["accepted"]
    memory = _memory()
    _screen_shot(out / "printed.png")
    print(f"打印队列 {queue}（{'双面' if two_sided else '单面'}，{'Qt 画页面' if raster else 'PDF 本身交给 CUPS'}）；"
          f"机器负载 {os.getloadavg()[0]:.2f}")
    print(f"从对话框点“打印”到任务交给打印队列：{handed:.2f} s；状态栏：{window.statusBar().currentMessage()}")
    print("进度（秒, 已完成页, 总页数）：" + " ".join(f"({t},{v}/{m})" for t, v, m in progress_seen))
    jobs = sorted({int(line.split()[0].rsplit("-", 1)[1]) for line in _lpstat()} - before)
    spooled = sum(int(line.split()[2]) for line in _lpstat() if int(line.split()[0].rsplit("-", 1)[1]) in jobs)
    print(f"进程内存：打印前峰值 {opened:.0f} MB，峰值 VmHWM {memory['VmHWM']:.0f} MB，打印后 VmRSS "
          f"{memory['VmRSS']:.0f} MB；"
          f"交给 CUPS 的文件 {spooled / 1024:.0f} KB")
    fonts, images = _look_at_the_output(out)
    for job in jobs:
        print(f"CUPS 任务 {job}：{_job_attributes(queue, job)}")
    print(f"RESULT handed={handed:.3f} opened={opened:.1f} hwm={memory['VmHWM']:.1f} rss={memory['VmRSS']:.1f} "
          f"spooled_kb={spooled / 1024:.0f} fonts={fonts} images={images}")
    window.close()
    qt_app.processEvents()


def _screen_shot(path: Path) -> None:
    """The screen as the filler sees it: every visible window drawn where it stands (Xvfb has no compositor to
    grab from)."""
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    size = QGuiApplication.primaryScreen().size()
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(0x404040)
    painter = QPainter(image)
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in sorted(windows, key=lambda w: w.isModal()):   # the modal ones on top
        painter.drawPixmap(widget.geometry().topLeft(), widget.grab())
    painter.end()
    image.save(str(path))


def _memory() -> dict:
    """VmHWM (the process's peak resident memory) and VmRSS, in MB."""
    status = Path("/proc/self/status").read_text()
    return {key: int(re.search(rf"^{key}:\s+(\d+) kB", status, re.M).group(1)) / 1024 for key in ("VmHWM", "VmRSS")}


def compare(queue: str, runs: int, out: Path) -> None:
    """Each path in its own process, alternately (the machine is shared: a peer measured in the same minutes)."""
    found: dict = {"PDF 本身交给 CUPS": [], "Qt 画页面（原来的路径）": []}
    for run in range(runs):
        for name, extra in zip(found, ([], ["--raster"])):
            child = subprocess.run([sys.executable, __file__, "--queue", queue, "--out", str(out / f"{run}-{len(extra)}")]
                                   + extra + ["--no-shots"], capture_output=True, text=True)   # timed alone
            line = next((ln for ln in child.stdout.splitlines() if ln.startswith("RESULT ")), None)
            if line is None:
                print(child.stdout[-2000:], child.stderr[-2000:])
                return
            found[name].append(dict(item.split("=") for item in line.split()[1:]))
    print(f"{runs} 次，交替运行；机器负载 {os.getloadavg()[0]:.2f}（2 核，四人共用）")
    for name, results in found.items():
        median = {key: statistics.median(float(r[key]) for r in results) for key in ("handed", "opened", "hwm", "rss")}
        print(f"{name}：点“打印”到交给队列 中位数 {median['handed']:.2f} s（{', '.join(r['handed'] for r in results)}）；"
              f"打印前峰值 {median['opened']:.0f} MB，峰值 VmHWM {median['hwm']:.0f} MB，打印后 VmRSS {median['rss']:.0f} MB；交给 CUPS 的文件 "
              f"{results[0]['spooled_kb']} KB；打印机收到的 PDF：嵌入字体 {results[0]['fonts']} 个，图像 "
              f"{results[0]['images']} 个")


def _lpstat() -> list[str]:
    result = subprocess.run(["lpstat", "-W", "all", "-o"], capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() if line.strip()]


def _look_at_the_output(out: Path) -> tuple[int, int]:
    """cups-pdf's file of the job (root's ~/PDF), once written: its pages, size, fonts (pdffonts) and images
    (pdfimages): a vector form has embedded fonts and no page images. Returns (fonts, images)."""
    start = time.perf_counter()
    while time.perf_counter() - start < 60:
        files = sorted(glob.glob(os.path.expanduser("~/PDF/*.pdf")), key=os.path.getmtime)
        if files and time.time() - os.path.getmtime(files[-1]) < 120 and not _lpstat_not_completed():
            info = subprocess.run(["pdfinfo", files[-1]], capture_output=True, text=True).stdout
            wanted = [line for line in info.splitlines() if line.startswith(("Pages", "Page size", "File size"))]
            print(f"cups-pdf 收到的文件 {files[-1]}（排队后 {time.perf_counter() - start:.1f} s 写完）：" + "；".join(
                " ".join(line.split()) for line in wanted))
            subprocess.run(["pdftoppm", "-r", "50", "-png", files[-1], str(out / "spooled")], check=False)
            fonts = subprocess.run(["pdffonts", files[-1]], capture_output=True, text=True).stdout.splitlines()[2:]
            images = subprocess.run(["pdfimages", "-list", files[-1]], capture_output=True, text=True).stdout
            names = sorted({line.split()[0].split("+")[-1] for line in fonts})
            print(f"其中字体 {len(fonts)} 个（{'、'.join(names) or '无：文字是图像'}），图像 "
                  f"{len(images.splitlines()[2:])} 个")
            return len(fonts), len(images.splitlines()[2:])
        time.sleep(0.5)
    print("cups-pdf 的文件 60 s 内未出现（看 /var/log/cups/）")
    return -1, -1


def _lpstat_not_completed() -> bool:
    result = subprocess.run(["lpstat", "-o"], capture_output=True, text=True)
    return bool(result.stdout.strip())


if __name__ == "__main__":
    if "--compare" in sys.argv:
        compare(_arg("--queue", "Office"), int(_arg("--compare", "5")), Path(_arg("--out", tempfile.mkdtemp())))
    elif "--queue" in sys.argv:
        on_a_queue(_arg("--queue"), "--two-sided" in sys.argv, Path(_arg("--out", tempfile.mkdtemp())),
                   raster="--raster" in sys.argv, shots="--no-shots" not in sys.argv)
    else:
        to_pdf_output()
