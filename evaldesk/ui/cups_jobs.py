"""A cancelled print must print nothing. On Linux, Qt's CUPS print engine ignores ``QPrinter.abort()`` and hands the
pages drawn so far to the print queue when painting ends (tried: 取消 at page 3 of 10 printed pages 1–2). So on
a cancel the job is given CUPS's ``job-hold-until=indefinite`` before painting ends — a held job never prints —
and, once queued, is removed through libcups (the library Qt's own CUPS support loads), found by a title made
unique for it. Where there is no CUPS (Windows: its engine's abort works; a print to a file) nothing is done here.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import uuid

from PySide6.QtPrintSupport import QPrintEngine, QPrinter

# Qt's private QPrintEngine key for the CUPS job options (QCUPSSupport: PPK_CupsOptions = 0xfe00), a flat list of
# name, value, name, value …, read by the engine when it hands the job over.
CUPS_OPTIONS = QPrintEngine.PrintEnginePropertyKey(0xFE00)


class _Job(ctypes.Structure):
    """cups_job_t (cups.h), whole, so that a pointer to the first steps over the others."""
    _fields_ = [("id", ctypes.c_int), ("dest", ctypes.c_char_p), ("title", ctypes.c_char_p),
                ("user", ctypes.c_char_p), ("format", ctypes.c_char_p), ("state", ctypes.c_int),
                ("size", ctypes.c_int), ("priority", ctypes.c_int), ("completed_time", ctypes.c_long),
                ("creation_time", ctypes.c_long), ("processing_time", ctypes.c_long)]


def on_a_cups_queue(printer: QPrinter) -> bool:
    return printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and not printer.outputFileName() \
        and libcups() is not None


def withhold(printer: QPrinter) -> str:
    """Mark the job being painted so that it is held, not printed; returns the title it will be queued under."""
    title = f"evaldesk-cancelled-{uuid.uuid4().hex}"
    engine = printer.printEngine()
    options = list(engine.property(CUPS_OPTIONS) or [])
    engine.setProperty(CUPS_OPTIONS, options + ["job-hold-until", "indefinite"])
    # QPrinter.setDocName is refused while painting; the engine reads the title when it hands the job over.
    engine.setProperty(QPrintEngine.PrintEnginePropertyKey.PPK_DocumentName, title)
    return title


def remove_held(printer_name: str, title: str) -> bool:
    """Cancel the held job queued under ``title``; whether it was found (a held job left behind never prints)."""
    cups = libcups()
    if cups is None:
        return False
    jobs = ctypes.POINTER(_Job)()
    # cupsGetJobs(jobs, dest, myjobs=1, whichjobs=CUPS_WHICHJOBS_ACTIVE=0) → how many
    count = cups.cupsGetJobs(ctypes.byref(jobs), printer_name.encode(), 1, 0)
    found = [jobs[n].id for n in range(max(count, 0)) if jobs[n].title == title.encode()]
    if count > 0:
        cups.cupsFreeJobs(count, jobs)
    for job in found:
        cups.cupsCancelJob(printer_name.encode(), job)
    return bool(found)


def refusal() -> str | None:
    """Why CUPS refused the job Qt just handed over (a queue that is not accepting jobs, an unknown printer), or
    None. Qt's engine does not look at what ``cupsPrintFile`` answers, so a refused job looked printed; libcups
    keeps the answer of the last request made on this thread, which is that one."""
    cups = libcups()
    if cups is None or cups.cupsLastError() < _IPP_ERROR:
        return None
    return (cups.cupsLastErrorString() or b"").decode("utf-8", "replace")


_IPP_ERROR = 0x400   # IPP status codes from here on are errors (client-error-bad-request …)
_CUPS = []


def libcups():
    if not _CUPS:
        name = ctypes.util.find_library("cups")
        try:
            library = ctypes.CDLL(name) if name else None
        except OSError:
            library = None
        if library is not None:
            library.cupsGetJobs.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_int]
            library.cupsCancelJob.argtypes = [ctypes.c_char_p, ctypes.c_int]
            library.cupsLastErrorString.restype = ctypes.c_char_p
        _CUPS.append(library)
    return _CUPS[0]
