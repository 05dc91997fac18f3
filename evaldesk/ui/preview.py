"""打印预览 shows the real PDF pages (the same bytes 导出PDF writes); 打印 sends those pages to a printer."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout


def load_pdf(data: bytes, parent=None) -> QPdfDocument:
    document = QPdfDocument(parent)
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    document._buffer = buffer  # the document reads from the buffer for as long as it lives
    return document


class PreviewDialog(QDialog):
    def __init__(self, data: bytes, parent=None, title: str = "打印预览"):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 1000)
        self.data = data
        self.pdf = load_pdf(data, self)
        self.view = QPdfView(self)
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        info = QLabel(f"共 {self.pdf.pageCount()} 页　（与“导出 PDF”和打印的页面完全相同）")
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


def print_pdf(data: bytes, parent=None) -> bool:
    """Qt's print dialog, then each PDF page rendered at the printer's resolution."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("打印")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    render_to_printer(data, printer)
    return True


def render_to_printer(data: bytes, printer: QPrinter) -> None:
    pdf = load_pdf(data)
    painter = QPainter(printer)
    try:
        first, last = printer.fromPage(), printer.toPage()
        pages = range(pdf.pageCount()) if first == 0 else range(first - 1, min(last, pdf.pageCount()))
        for n, page in enumerate(pages):
            if n:
                printer.newPage()
            area = painter.viewport()
            size = pdf.pagePointSize(page)
            scale = min(area.width() / size.width(), area.height() / size.height())
            image = pdf.render(page, QSize(int(size.width() * scale), int(size.height() * scale)))
            painter.drawImage(QPointF(0, 0), image)
    finally:
        painter.end()


__all__ = ["PreviewDialog", "print_pdf", "render_to_printer", "Qt"]
