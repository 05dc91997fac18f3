"""打印: the form's PDF pages (the very bytes 导出PDF writes) sent to a printer as an office prints the form.

* A4 portrait, always: the form's pages are A4, and Qt's print dialog puts back the printer driver's own default
  paper when it opens (Letter for many drivers installed from a US package), which would have the printer ask for
  Letter paper. The filler's other choices in the dialog stand.
* 双面 and 份数 as the filler chose them last time (the window's settings), with the printer chosen last, so an
  office that prints two-sided sets it once. A duplex mode the printer lacks is left to the printer's default.
* On a CUPS queue (Linux) the PDF itself goes to CUPS, every choice of the dialog a job option (``cups_print``):
  vector text at the printer's resolution, no page images in memory.
* Elsewhere (Windows, a print to a file, no libcups) each page is rendered at PRINT_DPI at most, whatever
  resolution the printer reports (at 1200 dpi a page would be a 1 GB image), in 8-bit grey (the form has no
  colour; a quarter of the colour image's memory, and a quarter less time), with a progress dialog that can
  cancel; the job is handed to the system's print queue when the last page is drawn.
* Either way the window says where the job went, or why it did not go.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication, QProgressDialog

from evaldesk.ui import cups_jobs, cups_print, dialogs
from evaldesk.ui.memory import give_back_freed_memory
from evaldesk.ui.pdf_pages import load_pdf
from evaldesk.ui.screen import kept_on_screen

PRINT_DPI = 300   # what a form needs; a 1200-dpi printer would otherwise make each page a 1 GB image
MAX_COPIES = 99

# The duplex choice as the settings file keeps it (a name that reads, not Qt's number).
DUPLEX_NAMES = {QPrinter.DuplexMode.DuplexNone: "none", QPrinter.DuplexMode.DuplexAuto: "auto",
                QPrinter.DuplexMode.DuplexLongSide: "long", QPrinter.DuplexMode.DuplexShortSide: "short"}
DUPLEX_MODES = {name: mode for mode, name in DUPLEX_NAMES.items()}


class PrintFailed(Exception):
    """The printer could not take the job; the message is the filler's, in Chinese."""


def preset_form_paper(printer: QPrinter) -> None:
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)   # the PDF pages carry their own margins


def office_printer(settings: dict | None = None) -> QPrinter:
    """A printer preset as an office prints the form: A4 portrait; the printer, 双面 and 份数 chosen last time
    (one-sided, one copy the first time)."""
    settings = settings or {}
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    name = settings.get("printer")
    if isinstance(name, str) and name in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(name)   # first: choosing a printer resets the paper to its own default
    preset_form_paper(printer)
    # Qt keeps a duplex mode only if the printer has it (another printer's choice leaves this one's default).
    printer.setDuplex(DUPLEX_MODES.get(settings.get("print_duplex"), QPrinter.DuplexMode.DuplexNone))
    copies = settings.get("print_copies")
    printer.setCopyCount(copies if isinstance(copies, int) and 1 <= copies <= MAX_COPIES else 1)
    return printer


def remember_choices(printer: QPrinter, settings: dict) -> None:
    """What the filler chose in the print dialog for a printer, for the next print. A print to a file changes
    nothing remembered: a file has no two sides, and the office's printer keeps its choices."""
    if printer.outputFileName():
        return
    settings["printer"] = printer.printerName()
    settings["print_duplex"] = DUPLEX_NAMES.get(printer.duplex(), "none")
    settings["print_copies"] = max(1, min(MAX_COPIES, printer.copyCount()))


def print_pdf(data: bytes, parent=None, settings: dict | None = None, save=None, title: str = "") -> str | None:
    """Qt's print dialog (A4 portrait preset, duplex offered, the last choices), then the PDF to a CUPS queue
    (``send_to_cups``) or the pages drawn through Qt (``render_to_printer``), with a progress dialog that can
    cancel. Returns what the filler should read when the job reached the print queue (None when
    nothing was printed: the dialog closed, 取消 pressed, or the printer refused, which is said at once).
    ``save(settings)`` stores the remembered choices; ``title`` names the job in the print queue."""
    printer = office_printer(settings)
    printer.setDocName(title or "evaldesk")
    if not dialogs.print_setup(parent, printer):
        return None
    preset_form_paper(printer)   # the dialog puts back the driver's default paper
    if settings is not None:
        remember_choices(printer, settings)
        if save is not None:
            save(settings)
    progress = kept_on_screen(QProgressDialog("正在准备打印…", "取消", 0, 1, parent))
    progress.setWindowTitle("打印")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)   # it stays, saying so, while the job goes to the print queue
    progress.setAutoReset(False)   # and full: reset, the bar would read as nothing done

    def step(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setLabelText(f"正在打印第 {done + 1} 页，共 {total} 页…" if done < total
                              else f"共 {total} 页，正在交给打印队列…")
        progress.setValue(done)
        QApplication.processEvents()
        return not progress.wasCanceled()

    failure = None
    try:
        if cups_print.can_hand_over(printer):
            pages = send_to_cups(data, printer, step)
        else:
            pages = render_to_printer(data, printer, step)
    except PrintFailed as err:
        pages, failure = None, str(err)
    except Exception as err:  # noqa: BLE001 - whatever stops a print is said, never a silent traceback
        pages, failure = None, f"打印中断：{type(err).__name__}：{err}"[:600] + "。报告数据未受影响。"
    progress.close()   # before the message, which would otherwise open behind it
    give_back_freed_memory()   # the pages' images are gone
    if failure:
        dialogs.error(parent, "打印失败", failure)
    if pages is None:
        return None
    where = f"文件 {printer.outputFileName()}" if printer.outputFileName() else f"打印机 {printer.printerName()}"
    return f"已交给{where}：{pages} 页" + (f"，{printer.copyCount()} 份" if printer.copyCount() > 1 else "")


def send_to_cups(data: bytes, printer: QPrinter, step=None) -> int | None:
    """The PDF itself to the CUPS queue the filler chose, with every choice of the print dialog as a job option
    (``cups_print``). ``step(total, total)`` is told once before the job is handed over; False cancels it (nothing
    is sent). Returns how many pages print (one copy); raises PrintFailed when the queue refuses the job."""
    choices = cups_print.choices_of(printer)
    if not choices.printer:
        raise PrintFailed("没有选择打印机：请在打印对话框里选一台打印机再打印。报告数据未受影响。")
    options = cups_print.job_options(choices)
    total = load_pdf(data).pageCount()
    pages = cups_print.pages_printed(options, total)
    if not pages:
        raise PrintFailed(f"所选的页码范围里没有要打印的页：本报告共 {total} 页，请在打印对话框里改页码范围。"
                          "报告数据未受影响。")
    if step is not None and not step(pages, pages):
        return None
    try:
        cups_print.hand_over(data, choices, options)
    except cups_print.QueueRefused as refused:
        raise PrintFailed(_refused_message(printer.printerName(), str(refused))) from None
    return pages


def _refused_message(name: str, cups_words: str | None) -> str:
    return (f"打印机“{name}”没有接收打印任务，什么也没有打印：请检查打印机是否已启用、打印队列是否接收任务，"
            "再试一次。报告数据未受影响。" + (f"\n\n系统的说明：{cups_words}" if cups_words else ""))


def render_to_printer(data: bytes, printer: QPrinter, step=None) -> int | None:
    """Draw the PDF's pages on ``printer``, each rendered at PRINT_DPI at most and scaled to the page, so time and
    memory do not grow with the printer's resolution. ``step(done, total)`` is told before each page and once
    more when every page is drawn; it may return False to cancel (the job is aborted, nothing is printed).
    Returns how many pages were handed over (None when cancelled); raises PrintFailed when the printer cannot
    take the job."""
    pdf = load_pdf(data)
    first, last = printer.fromPage(), printer.toPage()
    pages = range(pdf.pageCount()) if first == 0 else range(first - 1, min(last, pdf.pageCount()))
    cups_queue = cups_jobs.on_a_cups_queue(printer)
    painter = QPainter()
    if not painter.begin(printer):
        if printer.outputFileName():
            raise PrintFailed(f"无法写入文件“{printer.outputFileName()}”：请换一个可以写入的文件夹再打印到文件。"
                              "报告数据未受影响。")
        raise PrintFailed(f"打印机“{printer.printerName()}”无法开始打印：请检查它是否已连接、已开机，"
                          "或换一台打印机。报告数据未受影响。")
    try:
        for n, page in enumerate(pages):
            if step is not None and not step(n, len(pages)):
                held = cups_jobs.withhold(printer) if cups_queue else None
                printer.abort()
                painter.end()
                if held:
                    cups_jobs.remove_held(printer.printerName(), held)
                _remove_unfinished(printer)
                return None
            if n:
                printer.newPage()
            area = painter.viewport()
            size = pdf.pagePointSize(page)
            scale = min(area.width() / size.width(), area.height() / size.height())
            dpi = min(PRINT_DPI, printer.resolution())
            image = pdf.render(page, QSize(int(size.width() * dpi / 72), int(size.height() * dpi / 72)), gray=True)
            painter.drawImage(QRectF(0, 0, size.width() * scale, size.height() * scale), image)
        if step is not None:
            step(len(pages), len(pages))
    finally:
        if painter.isActive():
            painter.end()   # the print engine hands the job to the queue here
    refused = cups_jobs.refusal() if cups_queue else None
    if printer.printerState() == QPrinter.PrinterState.Error or refused:
        raise PrintFailed(_refused_message(printer.printerName(), refused))
    return len(pages)


def _remove_unfinished(printer: QPrinter) -> None:
    """A print to a file that was cancelled leaves no file of the first few pages behind (Qt's abort keeps it)."""
    if printer.outputFileName():
        Path(printer.outputFileName()).unlink(missing_ok=True)
