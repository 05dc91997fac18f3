"""文件 ▸ 打印… and the preview's 打印… as a filler uses them, through the very code that drives a printer queue.

CI has no print queue: here the filler's choice in Qt's print dialog is "print to a file" (the dialog's own option),
so the pages go through the same QPrinter / QPainter path to a PDF that can be read back. (A real CUPS queue is
tried by benchmarks/bench_printer.py --queue; scripts/cups_office_queue.sh makes one.)
"""

import pypdfium2
import pytest
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog

from evaldesk.app.output import pdf_bytes
from evaldesk.ui import dialogs, printer as printer_module
from evaldesk.ui.settings import Settings
from tests.ui.printing_fixtures import dialog_choices, progress  # noqa: F401 - fixtures

A4_POINTS = (595, 842)


def page_sizes(path) -> list[tuple[int, int]]:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return [tuple(round(v) for v in document[i].get_size()) for i in range(len(document))]
    finally:
        document.close()


def test_the_first_print_is_preset_for_the_form(qapp):
    printer = printer_module.office_printer({})
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Portrait
    assert printer.duplex() == QPrinter.DuplexMode.DuplexNone
    assert printer.copyCount() == 1


def test_printing_sends_every_page_on_a4_portrait_with_progress_and_says_so(window, dialog_choices, progress):
    # The printer's driver puts Letter back when its dialog opens: the form still goes out on A4.
    dialog_choices.paper = QPageSize.PageSizeId.Letter
    window.output.print_report()
    total = printer_module.load_pdf(pdf_bytes(window.document.report)).pageCount()
    assert page_sizes(dialog_choices.target) == [A4_POINTS] * total
    shown = [(value, maximum) for value, maximum, _ in progress.seen]
    assert shown[-(total + 1):] == [(n, total) for n in range(total + 1)]   # every page counted, then done
    assert progress.seen[0][2] == f"正在打印第 1 页，共 {total} 页…"
    assert progress.seen[-1][2] == f"共 {total} 页，正在交给打印队列…"
    assert window.statusBar().currentMessage() == f"已交给文件 {dialog_choices.target}：{total} 页"


def test_cancel_stops_the_job_and_leaves_no_partial_file(window, dialog_choices, progress):
    progress.cancel_at = 2   # 取消 pressed while the third page is due
    window.output.print_report()
    assert [value for value, _, _ in progress.seen] == [0, 1, 2]
    assert not dialog_choices.target.exists()
    assert not window.statusBar().currentMessage().startswith("已交给")


def test_closing_the_print_dialog_prints_nothing(window, dialog_choices, progress):
    dialog_choices.accept = False
    window.output.print_report()
    assert progress.seen == [] and not dialog_choices.target.exists()


def _queue_with_two_sides():
    from PySide6.QtPrintSupport import QPrinterInfo

    return next((info.printerName() for info in QPrinterInfo.availablePrinters()
                 if QPrinter.DuplexMode.DuplexLongSide in info.supportedDuplexModes()), None)


def test_two_sided_and_copies_are_remembered_for_the_next_print(window, dialog_choices, monkeypatch, qapp):
    """Needs a print queue that can print two-sided (a PDF "printer" cannot hold a duplex choice): run where CUPS
    has one (scripts/cups_office_queue.sh). Nothing is printed: the job stops where it would be handed to CUPS."""
    queue = _queue_with_two_sides()
    if queue is None:
        pytest.skip("no print queue with two-sided printing on this machine")
    window.settings["printer"] = queue
    sent = []
    monkeypatch.setattr(printer_module.cups_print, "hand_over", lambda data, choices, options: sent.append(
        (choices.printer, dict(options))) or 1)

    def to_the_printer(parent, printer):
        dialog_choices.shown.append((printer.duplex(), printer.copyCount(), printer.pageLayout().pageSize().id()))
        if len(dialog_choices.shown) == 1:   # the first time the filler sets two-sided, two copies
            printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
            printer.setCopyCount(2)
        return True

    monkeypatch.setattr(dialogs, "print_setup", to_the_printer)
    window.output.print_report()
    saved = Settings.load()
    assert (saved["printer"], saved["print_duplex"], saved["print_copies"]) == (queue, "long", 2)
    assert window.statusBar().currentMessage() == f"已交给打印机 {queue}：10 页，2 份"
    window.output.print_report()   # the second time the filler changes nothing
    A4 = QPageSize.PageSizeId.A4
    assert dialog_choices.shown == [(QPrinter.DuplexMode.DuplexNone, 1, A4), (QPrinter.DuplexMode.DuplexLongSide, 2, A4)]
    assert sent[1][0] == queue
    assert {k: sent[1][1].get(k) for k in ("sides", "copies", "media")} == \
        {"sides": "two-sided-long-edge", "copies": "2", "media": "A4"}


def test_printing_to_a_file_keeps_the_printers_remembered_choices(window, dialog_choices, progress):
    window.settings.update({"printer": "办公室打印机", "print_duplex": "long", "print_copies": 2})
    dialog_choices.copies = 1
    window.output.print_report()
    assert dialog_choices.target.exists()
    assert (window.settings["printer"], window.settings["print_duplex"], window.settings["print_copies"]) == \
        ("办公室打印机", "long", 2)
    assert dialog_choices.shown[0]["copies"] == 2   # offered as chosen last time


def test_a_damaged_remembered_choice_falls_back_to_one_sided_one_copy(window, dialog_choices, progress):
    window.settings.update({"print_duplex": "both-ways", "print_copies": "三", "printer": ["not", "a", "name"]})
    window.output.print_report()
    assert dialog_choices.shown[0]["duplex"] == QPrinter.DuplexMode.DuplexNone
    assert dialog_choices.shown[0]["copies"] == 1
    assert dialog_choices.target.exists()


def test_a_printer_that_cannot_start_is_reported_in_chinese(window, dialog_choices, progress, answers, tmp_path):
    dialog_choices.target = tmp_path / "没有这个文件夹" / "打印.pdf"
    window.output.print_report()
    kind, title, message = answers.shown[-1]
    assert kind == "error" and title == "打印失败"
    assert "无法写入文件" in message and "报告数据未受影响" in message
    assert not window.statusBar().currentMessage().startswith("已交给")


def test_the_previews_print_button_prints_the_previewed_pages(window, dialog_choices, progress, qtbot):
    window.output.print_preview()
    preview = window.preview
    qtbot.addWidget(preview)
    preview.print_pages()
    assert len(page_sizes(dialog_choices.target)) == preview.pdf.pageCount()
    assert window.statusBar().currentMessage().startswith("已交给文件")


def test_a_1200_dpi_printer_gets_pages_rendered_at_the_capped_resolution(window, tmp_path, monkeypatch):
    """Time and memory do not grow with the printer's resolution: each page image is PRINT_DPI at most."""
    printer = printer_module.office_printer({})
    printer.setOutputFileName(str(tmp_path / "hi.pdf"))
    printer.setResolution(1200)
    drawn = []
    original = printer_module.load_pdf

    def watched(data):
        pdf = original(data)
        render = pdf.render
        pdf.render = lambda index, size, gray=False: drawn.append((size, gray)) or render(index, size, gray)
        return pdf

    monkeypatch.setattr(printer_module, "load_pdf", watched)
    assert printer_module.render_to_printer(pdf_bytes(window.document.report), printer)
    assert drawn and all(size.width() == 2480 and gray for size, gray in drawn)   # A4 at 300 dpi, not 9921 at 1200


def test_the_form_and_the_audit_result_have_no_colour_so_grey_pages_print_them_as_previewed(window):
    """The printer gets 8-bit grey pages (a quarter of a colour page's memory): right only while what is printed
    is black and grey. A colour added to the form (a red 草稿 mark) fails here, before it prints grey unnoticed."""
    from PySide6.QtCore import QSize

    from evaldesk.app.output import audit_pdf_bytes

    for data in (pdf_bytes(window.document.report), audit_pdf_bytes(window.document.report)):
        pdf = printer_module.load_pdf(data)
        for index in range(pdf.pageCount()):
            image = pdf.render(index, QSize(300, 424))
            colours = {image.pixelColor(x, y).getRgb()[:3] for x in range(0, 300, 2) for y in range(0, 424, 2)}
            assert all(r == g == b for r, g, b in colours), (index, [c for c in colours if len(set(c)) > 1][:3])


def test_a_closed_preview_is_let_go_with_its_page_images(window, qtbot):
    window.output.print_preview()
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    preview = window.preview
    preview.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.preview is None
    assert not shiboken6.isValid(preview)


class ChosenInTheDialog:
    """What Qt's dialog leaves on a printer that has two sides (a PDF output cannot hold a duplex choice, so CI,
    which has no print queue, reads the choice from this stand-in)."""

    def __init__(self, duplex, copies, file=""):
        self.choice = (duplex, copies, file)

    def outputFileName(self):  # noqa: N802
        return self.choice[2]

    def printerName(self):  # noqa: N802
        return "办公室打印机"

    def duplex(self):
        return self.choice[0]

    def copyCount(self):  # noqa: N802
        return self.choice[1]


@pytest.mark.parametrize("duplex, kept", [(QPrinter.DuplexMode.DuplexLongSide, "long"),
                                          (QPrinter.DuplexMode.DuplexShortSide, "short"),
                                          (QPrinter.DuplexMode.DuplexAuto, "auto"),
                                          (QPrinter.DuplexMode.DuplexNone, "none")])
def test_each_duplex_choice_is_kept_by_name_and_offered_again(qapp, monkeypatch, duplex, kept):
    settings = {}
    printer_module.remember_choices(ChosenInTheDialog(duplex, 2), settings)
    assert settings == {"printer": "办公室打印机", "print_duplex": kept, "print_copies": 2}
    offered = []
    monkeypatch.setattr(QPrinter, "setDuplex", lambda self, mode: offered.append(mode))
    printer_module.office_printer(settings)
    assert offered == [duplex]


def test_copies_are_kept_within_what_a_print_dialog_offers(qapp):
    settings = {}
    printer_module.remember_choices(ChosenInTheDialog(QPrinter.DuplexMode.DuplexNone, 500), settings)
    assert settings["print_copies"] == printer_module.MAX_COPIES
    printer_module.remember_choices(ChosenInTheDialog(QPrinter.DuplexMode.DuplexLongSide, 3, "/tmp/a.pdf"), settings)
    assert settings["print_duplex"] == "none" and settings["print_copies"] == printer_module.MAX_COPIES


def _cups_jobs_titled(prefix: str) -> dict:
    """Every job CUPS knows (done or not) whose title starts with ``prefix``: id → IPP job state."""
    import ctypes

    from evaldesk.ui import cups_jobs

    cups = cups_jobs.libcups()
    jobs = ctypes.POINTER(cups_jobs._Job)()
    count = cups.cupsGetJobs(ctypes.byref(jobs), None, 1, -1)   # CUPS_WHICHJOBS_ALL
    found = {jobs[n].id: jobs[n].state for n in range(max(count, 0)) if (jobs[n].title or b"").startswith(prefix)}
    if count > 0:
        cups.cupsFreeJobs(count, jobs)
    return found


def test_cancel_on_a_cups_queue_prints_nothing(window, qapp):
    """Qt's CUPS engine hands the pages drawn so far to the queue even after abort(): the job must end cancelled,
    never printed. Needs a CUPS queue (skipped in CI); nothing reaches paper: the job is held, then cancelled."""
    from PySide6.QtPrintSupport import QPrinterInfo

    from evaldesk.ui import cups_jobs

    printer = printer_module.office_printer({"printer": QPrinterInfo.defaultPrinterName()})
    if not cups_jobs.on_a_cups_queue(printer) or not QPrinterInfo.defaultPrinterName():
        pytest.skip("no CUPS print queue on this machine")
    before = _cups_jobs_titled(b"evaldesk-cancelled-")
    assert printer_module.render_to_printer(pdf_bytes(window.document.report), printer,
                                            lambda done, total: done < 2) is None
    new = {job: state for job, state in _cups_jobs_titled(b"evaldesk-cancelled-").items() if job not in before}
    assert list(new.values()) == [7]   # IPP_JSTATE_CANCELED: held when 取消 was pressed, then cancelled


def test_a_queue_that_refuses_the_pages_drawn_through_qt_is_an_error_not_a_print(window, dialog_choices, progress,
                                                                                  answers, monkeypatch):
    """Where Qt's CUPS engine prints the drawn pages (a libcups without the job API), Qt does not look at what CUPS
    answers; a queue that is not accepting jobs (tried: cupsreject) must not end in 已交给打印机. CUPS's answer is
    stood in for here (CI has no queue). The PDF handed to CUPS itself: test_cups_print.py."""
    from evaldesk.ui import cups_jobs, cups_print

    monkeypatch.setattr(cups_print, "can_hand_over", lambda printer: False)
    monkeypatch.setattr(cups_jobs, "on_a_cups_queue", lambda printer: True)
    monkeypatch.setattr(cups_jobs, "refusal", lambda: 'Destination "办公室" is not accepting jobs.')
    window.output.print_report()
    kind, title, message = answers.shown[-1]
    assert (kind, title) == ("error", "打印失败")
    assert "没有接收打印任务" in message and "is not accepting jobs" in message
    assert not window.statusBar().currentMessage().startswith("已交给")


def test_an_unexpected_failure_while_printing_is_said_and_the_progress_is_gone(window, dialog_choices, progress,
                                                                                 answers, monkeypatch):
    def broken(self, index, size, gray=False):
        raise RuntimeError("PDFium could not render the page")

    monkeypatch.setattr(printer_module.load_pdf(pdf_bytes(window.document.report)).__class__, "render", broken)
    window.output.print_report()
    kind, title, message = answers.shown[-1]
    assert (kind, title) == ("error", "打印失败") and "PDFium could not render the page" in message
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in window.findChildren(QProgressDialog))
