"""What leaves the program: the JSON form, the bureau workbook and the printed form (PDF), for the window and the
command alike. Files are written whole or not at all (:func:`evaldesk.files.write_atomic`); a failure raises
:class:`~evaldesk.files.WriteFailed` with a Chinese message and leaves any old file as it was.
"""

from __future__ import annotations

from pathlib import Path

from evaldesk.files import write_atomic
from evaldesk.model.report import Report

def suggested_name(report: Report, suffix: str) -> str:
    """The file name a report goes out under: 年度_预算编码_部门名称 + suffix."""
    from evaldesk.exchange.names import default_file_name

    return default_file_name(report, suffix)


def json_bytes(report: Report) -> bytes:
    from evaldesk.exchange.report_json import dumps

    return dumps(report).encode("utf-8")


def export_json(report: Report, path: Path | str) -> None:
    write_atomic(Path(path), json_bytes(report))


def workbook_refusal(report: Report) -> str | None:
    """Why the bureau workbook cannot be exported yet (audit errors), or None."""
    from evaldesk.exchange.workbook import export_refusal

    return export_refusal(report)


def export_workbook(report: Report, path: Path | str) -> list[str]:
    """Write the bureau workbook; returns notes for the filler. ExportRefused while the audit finds errors."""
    from evaldesk.exchange.workbook import write_workbook

    return write_workbook(report, Path(path))


def pdf_bytes(report: Report, *, blank: bool = False) -> bytes:
    """The printed form; the print preview and the printer get these very bytes."""
    from evaldesk.printing.pdf import build_pdf

    return build_pdf(report, blank=blank)


def export_pdf(report: Report, path: Path | str, *, blank: bool = False) -> None:
    write_atomic(Path(path), pdf_bytes(report, blank=blank))


def audit_pdf_bytes(report: Report) -> bytes:
    """The audit result as a document of its own (打印审核结果), never part of the signed form."""
    from evaldesk.printing.pdf import build_audit_pdf

    return build_audit_pdf(report)


def export_audit_pdf(report: Report, path: Path | str) -> None:
    write_atomic(Path(path), audit_pdf_bytes(report))

