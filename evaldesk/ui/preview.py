"""打印预览 shows the real PDF pages (the same bytes 导出PDF writes); its 打印… sends those pages to a printer
(:mod:`evaldesk.ui.printer`) with the window's remembered choices."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from evaldesk.ui.pdf_pages import PageView, load_pdf
from evaldesk.ui.screen import fit_to_screen


class PreviewDialog(QDialog):
    def __init__(self, data: bytes, send: Callable[[bytes, QDialog], None], parent=None, title: str = "打印预览",
                 note: str = "与“导出 PDF”和打印的页面完全相同"):
        """``send(data, dialog)`` prints the pages (with the window's remembered choices, :mod:`.output_actions`)."""
        super().__init__(parent)
        self._send = send
        self.setWindowTitle(title)
        fit_to_screen(self, QSize(900, 1000), parent)  # 打印…/关闭 stay on a 768-pixel screen
        self.data = data
        self.pdf = load_pdf(data)
        self.view = PageView(self.pdf, self)
        info = QLabel(f"共 {self.pdf.pageCount()} 页　（{note}）")
        print_button = QPushButton("打印…")
        print_button.clicked.connect(self.print_pages)
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

    def print_pages(self) -> None:
        """打印… from the preview: the same choices and the same word in the window's status bar as 文件 ▸ 打印…"""
        self._send(self.data, self)
