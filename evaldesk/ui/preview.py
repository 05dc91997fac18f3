"""打印预览 shows the real PDF pages (the same bytes 导出PDF writes); 打印 sends those pages to a printer."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from evaldesk.ui.pdf_pages import PageView, load_pdf
from evaldesk.ui.screen import fit_to_screen


class PreviewDialog(QDialog):
    def __init__(self, data: bytes, parent=None):
        super().__init__(parent)
        self.setWindowTitle("打印预览")
        fit_to_screen(self, QSize(900, 1000), parent)  # 打印…/关闭 stay on a 768-pixel screen
        self.data = data
        self.pdf = load_pdf(data)
        self.view = PageView(self.pdf, self)
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


__all__ = ["PreviewDialog", "load_pdf", "print_pdf", "render_to_printer", "Qt"]
