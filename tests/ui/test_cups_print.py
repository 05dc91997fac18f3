"""打印 on a CUPS queue: the form's PDF itself handed to CUPS, every choice of the print dialog a job option.

CI has no cupsd: the choices → options mapping is tested as pure functions, and the libcups calls against a fake
library that records what would reach CUPS (the queue, the title, the options, the document's bytes). The tests at
the end need a real queue (scripts/cups_office_queue.sh) and skip without one.
"""

import ctypes
import types

import pytest
from PySide6.QtPrintSupport import QPrinter

from evaldesk.app.output import pdf_bytes, suggested_name
from evaldesk.ui import cups_jobs, cups_print, dialogs, printer as printer_module
from evaldesk.ui.pdf_pages import PdfPages
from tests.ui.printing_fixtures import dialog_choices, progress  # noqa: F401 - fixtures

Duplex = QPrinter.DuplexMode


def options_of(**chosen) -> dict:
    return dict(cups_print.job_options(cups_print.DialogChoices(printer="Office", title="自评报告", **chosen)))


def test_a_plain_print_is_one_sided_a4_at_its_own_size():
    assert options_of() == {"media": "A4", "print-scaling": "none", "sides": "one-sided"}


@pytest.mark.parametrize("duplex, sides", [(Duplex.DuplexNone, "one-sided"),
                                           (Duplex.DuplexLongSide, "two-sided-long-edge"),
                                           (Duplex.DuplexShortSide, "two-sided-short-edge"),
                                           (Duplex.DuplexAuto, "two-sided-long-edge")])
def test_each_two_sided_choice_becomes_cups_sides(duplex, sides):
    assert options_of(duplex=duplex)["sides"] == sides


def test_copies_carry_the_collate_choice():
    collated = options_of(copies=3, collate=True)
    assert (collated["copies"], collated["multiple-document-handling"], collated["Collate"]) == \
        ("3", "separate-documents-collated-copies", "True")
    apart = options_of(copies=2, collate=False)
    assert (apart["copies"], apart["multiple-document-handling"], apart["Collate"]) == \
        ("2", "separate-documents-uncollated-copies", "False")
    assert "copies" not in options_of(copies=1) and "Collate" not in options_of(copies=1)


def test_the_dialogs_page_range_becomes_page_ranges():
    assert options_of(first_page=2, last_page=4)["page-ranges"] == "2-4"
    assert options_of(first_page=5, last_page=3)["page-ranges"] == "5-5"   # as Qt's dialog reads a reversed range
    assert "page-ranges" not in options_of()


def test_grey_and_last_page_first_go_along():
    chosen = options_of(grey=True, reverse=True)
    assert (chosen["print-color-mode"], chosen["outputorder"]) == ("monochrome", "reverse")
    assert "print-color-mode" not in options_of() and "outputorder" not in options_of()


def test_the_property_pages_options_go_along_but_the_paper_stays_a4():
    chosen = options_of(dialog_options=(("page-set", "odd"), ("number-up", "2"), ("job-priority", "80"),
                                        ("job-billing", "办公室"), ("PageSize", "Letter"), ("media", "Letter"),
                                        ("page-ranges", "1-3,7")))
    assert chosen["page-set"] == "odd" and chosen["number-up"] == "2" and chosen["job-priority"] == "80"
    assert chosen["job-billing"] == "办公室" and chosen["page-ranges"] == "1-3,7"
    assert chosen["media"] == "A4" and "PageSize" not in chosen


@pytest.mark.parametrize("options, printed", [({}, 10), ({"page-ranges": "2-4"}, 3), ({"page-ranges": "1-3,7"}, 4),
                                              ({"page-ranges": "8-"}, 3), ({"page-ranges": "1 3"}, 2), ({"page-ranges": "9-15"}, 2),
                                              ({"page-ranges": "11-12"}, 0), ({"page-set": "odd"}, 5),
                                              ({"page-ranges": "2-4", "page-set": "even"}, 2)])
def test_the_pages_said_in_the_status_bar_are_the_pages_cups_prints(options, printed):
    assert cups_print.pages_printed(list(options.items()), 10) == printed


def test_the_choices_are_read_from_the_printer_the_dialog_left(qapp, monkeypatch):
    printer = QPrinter()
    printer.setDocName("云溪区 自评报告")
    printer.setCopyCount(3)
    printer.setCollateCopies(False)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 5)
    printer.setColorMode(QPrinter.ColorMode.GrayScale)
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    engine = types.SimpleNamespace(property=lambda key: ["page-set", "even", "job-priority", "10"]
                                   if key == cups_jobs.CUPS_OPTIONS else None)
    monkeypatch.setattr(QPrinter, "printEngine", lambda self: engine)
    choices = cups_print.choices_of(printer)
    assert (choices.title, choices.copies, choices.collate, choices.first_page, choices.last_page) == \
        ("云溪区 自评报告", 3, False, 2, 5)
    assert choices.grey and choices.reverse
    assert choices.dialog_options == (("page-set", "even"), ("job-priority", "10"))


class FakeCups:
    """libcups as ctypes hands it the calls: records what would reach CUPS; ``refuse`` names the call that fails."""

    def __init__(self, refuse=None):
        self.refuse = refuse
        self.calls, self.document = [], b""
        for name in ("cupsCreateJob", "cupsStartDocument", "cupsWriteRequestData", "cupsFinishDocument",
                     "cupsCancelJob2", "cupsLastErrorString"):
            method = getattr(self, "_" + name)
            setattr(self, name, lambda *args, method=method: method(*args))   # a function takes argtypes

    def _cupsCreateJob(self, http, queue, title, count, options):  # noqa: N802
        sent = [(options[n].name.decode(), options[n].value.decode()) for n in range(count)]
        self.calls.append(("create", queue.decode(), title.decode(), dict(sent)))
        return 0 if self.refuse == "create" else 17

    def _cupsStartDocument(self, http, queue, job, title, kind, last):  # noqa: N802
        self.calls.append(("start", job, kind, last))
        return cups_print.HTTP_CONTINUE

    def _cupsWriteRequestData(self, http, chunk, length):  # noqa: N802
        assert length == len(chunk)
        self.document += chunk
        return -1 if self.refuse == "write" else cups_print.HTTP_CONTINUE

    def _cupsFinishDocument(self, http, queue):  # noqa: N802
        self.calls.append(("finish", queue.decode()))
        return 0x0500 if self.refuse in ("finish", "write") else 0

    def _cupsCancelJob2(self, http, queue, job, purge):  # noqa: N802
        self.calls.append(("cancel", job))
        return 0

    def _cupsLastErrorString(self):  # noqa: N802
        return 'Destination "Office" is not accepting jobs.'.encode()


@pytest.fixture
def queue(monkeypatch, dialog_choices):
    """A CUPS queue 办公室打印机 as the print dialog leaves it chosen, with the fake libcups behind it."""
    cups = FakeCups()
    monkeypatch.setattr(cups_jobs, "libcups", lambda: cups)
    monkeypatch.setattr(cups_jobs, "on_a_cups_queue", lambda printer: not printer.outputFileName())
    monkeypatch.setattr(QPrinter, "printerName", lambda self: "办公室打印机")
    dialog_choices.target = None
    chosen = {"copies": 1, "collate": True, "pages": None}

    def answer(parent, printer):
        printer.setCopyCount(chosen["copies"])
        printer.setCollateCopies(chosen["collate"])
        if chosen["pages"]:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*chosen["pages"])
        return True

    monkeypatch.setattr(dialogs, "print_setup", answer)
    cups.chosen = chosen
    return cups


def test_the_form_s_own_pdf_goes_to_the_queue_with_the_dialogs_choices(window, queue, progress, monkeypatch):
    monkeypatch.setattr(PdfPages, "render", lambda *args, **kw: pytest.fail("a page drawn as an image for CUPS"))
    queue.chosen.update(copies=2, collate=False, pages=(2, 4))
    window.output.print_report()
    data = pdf_bytes(window.document.report)
    assert queue.document == data   # the very bytes 导出PDF writes, whole
    create, start, finish = queue.calls
    assert create[:3] == ("create", "办公室打印机", suggested_name(window.document.report, ""))
    assert create[3] == {"media": "A4", "print-scaling": "none", "sides": "one-sided", "copies": "2",
                         "multiple-document-handling": "separate-documents-uncollated-copies", "Collate": "False",
                         "page-ranges": "2-4"}
    assert start == ("start", 17, b"application/pdf", 1) and finish == ("finish", "办公室打印机")
    assert progress.seen[-1][2] == "共 3 页，正在交给打印队列…"
    assert window.statusBar().currentMessage() == "已交给打印机 办公室打印机：3 页，2 份"


@pytest.mark.parametrize("refuse", ["create", "write", "finish"])
def test_a_queue_that_refuses_the_job_is_said_in_cups_words_and_nothing_prints(window, queue, progress, answers,
                                                                               refuse):
    queue.refuse = refuse
    window.output.print_report()
    kind, title, message = answers.shown[-1]
    assert (kind, title) == ("error", "打印失败")
    assert "没有接收打印任务" in message and 'Destination "Office" is not accepting jobs.' in message
    assert not window.statusBar().currentMessage().startswith("已交给")
    assert (("cancel", 17) in queue.calls) == (refuse != "create")   # a job begun is cancelled, not left half-sent


def test_cancel_before_the_job_is_handed_over_sends_nothing(window, queue, progress):
    progress.cancel_at = 0
    window.output.print_report()
    assert queue.calls == [] and queue.document == b""
    assert not window.statusBar().currentMessage().startswith("已交给")


def test_a_page_range_past_the_last_page_is_said_and_nothing_is_sent(window, queue, progress, answers):
    queue.chosen["pages"] = (40, 45)
    window.output.print_report()
    kind, title, message = answers.shown[-1]
    assert (kind, title) == ("error", "打印失败") and "页码范围" in message and "本报告共" in message
    assert queue.calls == []


def test_a_print_to_a_file_still_draws_the_pages_through_qt(window, queue, progress, dialog_choices, tmp_path,
                                                            monkeypatch):
    monkeypatch.setattr(dialogs, "print_setup", lambda parent, printer: printer.setOutputFileName(
        str(tmp_path / "到文件.pdf")) or True)
    window.output.print_report()
    assert queue.calls == [] and (tmp_path / "到文件.pdf").stat().st_size > 0


def test_without_the_job_api_in_libcups_qt_prints_as_before(qapp, monkeypatch):
    old_cups = types.SimpleNamespace(cupsGetJobs=None, cupsCancelJob=None, cupsLastErrorString=None)
    monkeypatch.setattr(cups_jobs, "libcups", lambda: old_cups)
    monkeypatch.setattr(cups_jobs, "on_a_cups_queue", lambda printer: True)
    assert not cups_print.can_hand_over(QPrinter())
    monkeypatch.setattr(cups_jobs, "libcups", lambda: FakeCups())
    assert cups_print.can_hand_over(QPrinter())


# --- on a real CUPS queue (skipped without cupsd) ---------------------------------------------------------------

def _real_queue():
    from PySide6.QtPrintSupport import QPrinterInfo

    printer = printer_module.office_printer({"printer": QPrinterInfo.defaultPrinterName()})
    if not QPrinterInfo.defaultPrinterName() or not cups_print.can_hand_over(printer):
        pytest.skip("no CUPS print queue on this machine")
    return printer


def _job(title: bytes):
    cups = cups_jobs.libcups()
    jobs = ctypes.POINTER(cups_jobs._Job)()
    count = cups.cupsGetJobs(ctypes.byref(jobs), None, 1, -1)   # CUPS_WHICHJOBS_ALL
    found = [(jobs[n].format, jobs[n].size, jobs[n].state) for n in range(max(count, 0)) if jobs[n].title == title]
    if count > 0:
        cups.cupsFreeJobs(count, jobs)
    return found


def test_a_real_queue_gets_the_pdf_itself(window, qapp):
    """The job CUPS holds is the form's PDF, its size the PDF's (Qt's engine sent a PDF of page images, ~8× it)."""
    import uuid

    printer = _real_queue()
    title = f"evaldesk-test-{uuid.uuid4().hex}"
    printer.setDocName(title)
    data = pdf_bytes(window.document.report)
    assert printer_module.send_to_cups(data, printer) == printer_module.load_pdf(data).pageCount()
    [(kind, size_kb, state)] = _job(title.encode())
    assert kind == b"application/pdf" and abs(size_kb - len(data) / 1024) <= 1
    assert state != 7   # not cancelled


def test_a_real_queue_that_refuses_says_so(window, qapp):
    _real_queue()
    choices = cups_print.DialogChoices(printer="evaldesk-no-such-queue", title="evaldesk-test-refused")
    with pytest.raises(cups_print.QueueRefused, match="."):
        cups_print.hand_over(pdf_bytes(window.document.report), choices, cups_print.job_options(choices))


@pytest.mark.parametrize("pages, expected", [("range", {"page-ranges": "2-4"}),
                                             ("list", {"page-ranges": "1,3-4", "page-set": "odd"})])
def test_qt_s_own_dialog_on_a_real_queue_leaves_choices_that_reach_the_job(qapp, qtbot, pages, expected):
    """Qt keeps part of the choices in its engine's private option list: read from its real dialog (shown, never
    exec'd), on a real queue, so a Qt that changes where it keeps them fails here."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog
    from PySide6.QtWidgets import QWidget

    printer = _real_queue()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setMinMax(1, 10)
    dialog.show()
    part = lambda name: dialog.findChild(QWidget, name)   # noqa: E731 - the widgets' names in Qt's .ui files
    part("copies").setValue(2)
    part("collate").setChecked(False)
    part("reverse").setChecked(True)
    if pages == "range":
        part("printRange").setChecked(True)
        part("from").setValue(2)
        part("to").setValue(4)
    else:
        part("pagesRadioButton").setChecked(True)
        part("pagesLineEdit").setText("1,3-4")
        part("pageSetCombo").setCurrentIndex(1)   # 奇数页
    dialog.accept()   # where Qt's dialog writes the choices into the printer
    chosen = dict(cups_print.job_options(cups_print.choices_of(printer)))
    assert {key: chosen.get(key) for key in ("copies", "Collate", "outputorder", "media")} == \
        {"copies": "2", "Collate": "False", "outputorder": "reverse", "media": "A4"}
    assert {key: chosen.get(key) for key in expected} == expected
