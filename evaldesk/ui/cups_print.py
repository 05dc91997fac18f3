"""打印 on a CUPS queue (Linux): the form's PDF itself — the very bytes 导出PDF writes — handed to CUPS through
libcups (cupsCreateJob, cupsStartDocument, cupsWriteRequestData, cupsFinishDocument), as `lp` and `soffice --pt`
do. The printer gets the PDF's own vector text and embedded fonts at its own resolution, and the window holds no
page images (Qt's CUPS engine would make a PDF of 300-dpi page images and queue that).

Every choice the filler made in Qt's print dialog becomes a CUPS job option (``job_options``, a pure function of
``DialogChoices``): the printer, 份数 and 逐份打印, 双面, the page range, 灰度, 逆序, and the options of the dialog's 属性 /
作业 pages (Qt keeps those in its CUPS engine's private PPK_CupsOptions list: page-set, number-up, job-priority,
job-hold-until, job-billing, PPD choices …). The paper is A4 at its own size (media=A4, print-scaling=none): the
form's margins are measured for A4 and must not be scaled.

libcups is loaded at run time (``cups_jobs.libcups``), never linked: where it is missing, or a print goes to a
file, ``can_hand_over`` is False and ``printer.py`` draws the pages through Qt as before.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

from PySide6.QtPrintSupport import QPrinter

from evaldesk.ui import cups_jobs

PDF = b"application/pdf"
HTTP_CONTINUE = 100   # http_status_t HTTP_STATUS_CONTINUE: the request goes on
IPP_ERROR = 0x400     # ipp_status_t from here on are errors
CHUNK = 1 << 16       # bytes per cupsWriteRequestData call

SIDES = {QPrinter.DuplexMode.DuplexNone: "one-sided",
         QPrinter.DuplexMode.DuplexAuto: "two-sided-long-edge",   # as Qt's engine reads 自动 for a portrait page
         QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
         QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge"}

# The form is A4 at its own size: the paper the dialog's 属性 page may name is not the form's.
FORM_PAPER = (("media", "A4"), ("print-scaling", "none"))
NOT_FROM_THE_DIALOG = {"media", "PageSize", "PageRegion"}

_JOB_API = ("cupsCreateJob", "cupsStartDocument", "cupsWriteRequestData", "cupsFinishDocument", "cupsCancelJob2",
            "cupsLastErrorString")


class QueueRefused(Exception):
    """CUPS did not take the job; the text is CUPS's own words (cupsLastErrorString)."""


@dataclass(frozen=True)
class DialogChoices:
    """What the filler chose in Qt's print dialog, as plain values."""
    printer: str                      # a CUPS queue, or queue/instance
    title: str
    copies: int = 1
    collate: bool = True
    duplex: QPrinter.DuplexMode = QPrinter.DuplexMode.DuplexNone
    first_page: int = 0               # 1-based; 0: every page (or the range is in dialog_options' page-ranges)
    last_page: int = 0
    grey: bool = False                # 灰度 chosen (else the printer's own colour default)
    reverse: bool = False             # 逆序打印 (last page first)
    dialog_options: tuple = ()        # (name, value) pairs of the dialog's 属性 / 作业 pages


class _Option(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("value", ctypes.c_char_p)]   # cups_option_t


def can_hand_over(printer: QPrinter) -> bool:
    """A CUPS queue whose libcups has the job API (CUPS ≥ 1.4, 2009): not a print to a file, not Windows."""
    cups = cups_jobs.libcups() if cups_jobs.on_a_cups_queue(printer) else None
    return cups is not None and all(hasattr(cups, name) for name in _JOB_API)


def choices_of(printer: QPrinter) -> DialogChoices:
    flat = [str(item) for item in (printer.printEngine().property(cups_jobs.CUPS_OPTIONS) or [])]
    ranged = printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0
    return DialogChoices(printer=printer.printerName(), title=printer.docName(), copies=printer.copyCount(),
                         collate=printer.collateCopies(), duplex=printer.duplex(),
                         grey=printer.colorMode() == QPrinter.ColorMode.GrayScale,
                         reverse=printer.pageOrder() == QPrinter.PageOrder.LastPageFirst,
                         first_page=printer.fromPage() if ranged else 0,
                         last_page=max(printer.fromPage(), printer.toPage()) if ranged else 0,
                         dialog_options=tuple(zip(flat[0::2], flat[1::2])))


def job_options(choices: DialogChoices) -> list[tuple[str, str]]:
    """The CUPS options of the job: the form's paper, then the dialog's main page, then its 属性 / 作业 pages (a
    later choice of the same name wins), except a paper size: the form is A4."""
    options = dict(FORM_PAPER)
    options["sides"] = SIDES.get(choices.duplex, "one-sided")
    if choices.copies > 1:
        options["copies"] = str(choices.copies)
        # IPP's name for 逐份打印 (driverless printers, pdftopdf) and the PPD one Qt's own engine sends
        options["multiple-document-handling"] = "separate-documents-collated-copies" if choices.collate \
            else "separate-documents-uncollated-copies"
        options["Collate"] = "True" if choices.collate else "False"
    if choices.grey:
        options["print-color-mode"] = "monochrome"
    if choices.reverse:
        options["outputorder"] = "reverse"
    if choices.first_page:
        options["page-ranges"] = f"{choices.first_page}-{max(choices.first_page, choices.last_page)}"
    for name, value in choices.dialog_options:
        if name not in NOT_FROM_THE_DIALOG:
            options[name] = value
    return list(options.items())


def pages_printed(options: list[tuple[str, str]], page_count: int) -> int:
    """How many of the document's pages the options print once (page-ranges such as "1-3,7"; page-set odd/even)."""
    chosen = set(range(1, page_count + 1))
    ranges = dict(options).get("page-ranges")
    if ranges:
        chosen = set()
        for first, dash, last in re.findall(r"(\d+)(?:\s*(-)\s*(\d*))?", ranges):   # 3 · 2-4 · 8- (to the end)
            end = (int(last) if last else page_count) if dash else int(first)
            chosen |= set(range(int(first), min(end, page_count) + 1))
    side = dict(options).get("page-set")
    if side in ("odd", "even"):
        chosen = {page for page in chosen if page % 2 == (1 if side == "odd" else 0)}
    return len(chosen)


def hand_over(data: bytes, choices: DialogChoices, options: list[tuple[str, str]]) -> int:
    """Send ``data`` (a PDF) to the queue as one job; its CUPS job id. Raises QueueRefused with CUPS's words when
    the queue does not take it (the job, if one was made, is cancelled: nothing half-sent prints)."""
    cups = cups_jobs.libcups()
    _declare(cups)
    queue = choices.printer.split("/")[0].encode()   # CUPS knows the queue, not Qt's queue/instance name
    title = choices.title.encode()
    array = (_Option * len(options))(*[_Option(n.encode(), v.encode()) for n, v in options])
    job = cups.cupsCreateJob(None, queue, title, len(options), array)
    if job <= 0:
        raise QueueRefused(_last_error(cups))
    try:
        if cups.cupsStartDocument(None, queue, job, title, PDF, 1) != HTTP_CONTINUE:
            raise QueueRefused(_last_error(cups))
        written = all(cups.cupsWriteRequestData(None, data[start:start + CHUNK], len(data[start:start + CHUNK]))
                      == HTTP_CONTINUE for start in range(0, len(data), CHUNK))
        # FinishDocument ends the request either way; after a failed write it reports the failure
        if cups.cupsFinishDocument(None, queue) >= IPP_ERROR or not written:
            raise QueueRefused(_last_error(cups))
    except QueueRefused:
        cups.cupsCancelJob2(None, queue, job, 0)
        raise
    return job


def _last_error(cups) -> str:
    return (cups.cupsLastErrorString() or b"").decode("utf-8", "replace") or "（CUPS 没有说明原因）"


def _declare(cups) -> None:
    """The C signatures (cups.h), so ctypes passes pointers and sizes whole on 64-bit machines."""
    http, text = ctypes.c_void_p, ctypes.c_char_p
    cups.cupsCreateJob.argtypes = [http, text, text, ctypes.c_int, ctypes.POINTER(_Option)]
    cups.cupsStartDocument.argtypes = [http, text, ctypes.c_int, text, text, ctypes.c_int]
    cups.cupsWriteRequestData.argtypes = [http, text, ctypes.c_size_t]
    cups.cupsFinishDocument.argtypes = [http, text]
    cups.cupsCancelJob2.argtypes = [http, text, ctypes.c_int, ctypes.c_int]
    cups.cupsLastErrorString.restype = text
