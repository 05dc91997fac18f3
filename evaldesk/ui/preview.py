"""打印预览 shows the real PDF pages (the same bytes 导出PDF writes); 打印 sends those pages to a printer: A4
portrait preset, pages rendered at 300 dpi whatever the printer's resolution, a progress dialog that can cancel."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication, QDialog, QHBoxLayout, QLabel, QProgressDialog, QPushButton, QVBoxLayout,
)

from evaldesk.ui.pdf_pages import PageView, load_pdf
from evaldesk.ui.screen import fit_to_screen


class PreviewDialog(QDialog):
    def __init__(self, data: bytes, parent=None, title: str = "打印预览",
                 note: str = "与“导出 PDF”和打印的页面完全相同"):
        super().__init__(parent)
        self.setWindowTitle(title)
        fit_to_screen(self, QSize(900, 1000), parent)  # 打印…/关闭 stay on a 768-pixel screen
        self.data = data
        self.pdf = load_pdf(data)
        self.view = PageView(self.pdf, self)
        info = QLabel(f"共 {self.pdf.pageCount()} 页　（{note}）")
        print_button = QPushButton("打印…")
        print_button.clicked.connect(lambda: print_pdf(self.data, self))
        close_button = QPushButton("关闭")
        close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(info)
        buttons.addStretch(1)
        buttons.addWidget(print_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)


PRINT_DPI = 300   # what a form needs; a 1200-dpi printer would otherwise make each page a 1 GB image


def office_printer() -> QPrinter:
    """A printer preset as an office prints the form: A4 portrait, one copy; duplex can be chosen in the dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setDuplex(QPrinter.DuplexMode.DuplexNone)
    printer.setFullPage(True)   # the PDF pages carry their own margins
    return printer


def print_pdf(data: bytes, parent=None) -> bool:
    """Qt's print dialog (A4 portrait preset, duplex offered), then each page rendered at PRINT_DPI with a
    progress dialog that can be cancelled."""
    printer = office_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("打印")
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    progress = QProgressDialog("正在发送到打印机…", "取消", 0, 1, parent)
    progress.setWindowTitle("打印")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)

    def step(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        progress.setLabelText(f"正在打印第 {min(done + 1, total)} 页，共 {total} 页…")
        QApplication.processEvents()
        return not progress.wasCanceled()

    finished = render_to_printer(data, printer, step)
    progress.close()
    return finished


def render_to_printer(data: bytes, printer: QPrinter, step=None) -> bool:
    """Draw the PDF's pages on ``printer``, each rendered at PRINT_DPI at most and scaled to the page, so time and
    memory do not grow with the printer's resolution. ``step(done, total)`` is told before each page and may
    return False to cancel (the job is aborted). Returns whether every page was sent."""
    pdf = load_pdf(data)
    first, last = printer.fromPage(), printer.toPage()
    pages = range(pdf.pageCount()) if first == 0 else range(first - 1, min(last, pdf.pageCount()))
    painter = QPainter(printer)
    try:
        for n, page in enumerate(pages):
            if step is not None and not step(n, len(pages)):
                printer.abort()
                return False
            if n:
                printer.newPage()
            area = painter.viewport()
            size = pdf.pagePointSize(page)
            scale = min(area.width() / size.width(), area.height() / size.height())
            dpi = min(PRINT_DPI, printer.resolution())
            image = pdf.render(page, QSize(int(size.width() * dpi / 72), int(size.height() * dpi / 72)))
            painter.drawImage(QRectF(0, 0, size.width() * scale, size.height() * scale), image)
        if step is not None:
            step(len(pages), len(pages))
        return True
    finally:
        painter.end()


__all__ = ["PreviewDialog", "load_pdf", "print_pdf", "render_to_printer", "Qt"]
