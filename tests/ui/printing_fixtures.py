"""The print dialog answered as a filler answers it, and the progress dialog watched, for the printing tests."""

import pytest
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import QProgressDialog

from evaldesk.ui import dialogs, printer as printer_module


class WatchedProgress(QProgressDialog):
    """The progress dialog as the filler sees it: every value and text it showed; 取消 pressed at ``cancel_at``."""

    cancel_at = None
    seen: list = []

    def setValue(self, value):  # noqa: N802
        super().setValue(value)
        WatchedProgress.seen.append((value, self.maximum(), self.labelText()))

    def wasCanceled(self):  # noqa: N802
        # the value last shown (Qt resets value() to -1 once it reaches the maximum)
        return self.cancel_at is not None and bool(self.seen) and self.seen[-1][0] >= self.cancel_at


@pytest.fixture
def progress(monkeypatch):
    WatchedProgress.seen = []
    WatchedProgress.cancel_at = None
    monkeypatch.setattr(printer_module, "QProgressDialog", WatchedProgress)
    return WatchedProgress


@pytest.fixture
def dialog_choices(monkeypatch, tmp_path):
    """Qt's print dialog, answered: what it was shown (the printer as preset), then the filler's choices."""

    class Choices:
        target = tmp_path / "打印.pdf"
        duplex = None
        copies = None
        paper = None     # a driver whose default paper is Letter puts it back when the dialog opens
        accept = True
        shown: list = []

    def answer(parent, printer):
        Choices.shown.append({"duplex": printer.duplex(), "copies": printer.copyCount(),
                              "paper": printer.pageLayout().pageSize().id(),
                              "orientation": printer.pageLayout().orientation()})
        if Choices.paper is not None:
            printer.setPageSize(QPageSize(Choices.paper))
        printer.setOutputFileName(str(Choices.target))   # the dialog's 打印到文件
        if Choices.duplex is not None:
            printer.setDuplex(Choices.duplex)
        if Choices.copies is not None:
            printer.setCopyCount(Choices.copies)
        return Choices.accept

    Choices.shown = []
    monkeypatch.setattr(dialogs, "print_setup", answer)
    return Choices
