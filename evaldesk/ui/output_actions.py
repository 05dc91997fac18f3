"""The window's exchange and printing commands: export JSON / the bureau workbook / PDF, 打印预览, 打印, and import.
The bytes and the duplicate rule are the application layer's (:mod:`evaldesk.app.output`,
:mod:`evaldesk.app.importing`), shared with the ``evaldesk`` command; here are the dialogs around them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from evaldesk.ui import dialogs
from evaldesk.ui.file_actions import save_settings

if TYPE_CHECKING:
    from evaldesk.ui.main_window import MainWindow


def _suggest(window: MainWindow, suffix: str) -> str:
    from evaldesk.app.output import suggested_name

    folder = Path(window.settings.get("export_folder") or Path.home())
    return str(folder / suggested_name(window.document.report, suffix))


def _remember_folder(window: MainWindow, path: str) -> None:
    window.settings["export_folder"] = str(Path(path).parent)
    save_settings(window.settings)


def _built(window: MainWindow, title: str, make) -> bytes | None:
    """``make()``'s bytes, or None after telling the filler it failed: a document that cannot be laid out must
    never end in silence (nothing written, nothing said)."""
    try:
        return make()
    except Exception as err:  # noqa: BLE001 - any failure to build is reported; the report itself is untouched
        dialogs.error(window, title, f"未能生成文件，什么也没有写出；报告数据未受影响。\n\n原因：{type(err).__name__}：{err}"[:600])
        return None


def _export_bytes(window: MainWindow, title: str, suffix: str, filters: str, make) -> None:
    """Ask where, write ``make()``'s bytes there whole or not at all, remember the folder."""
    from evaldesk.files import WriteFailed, write_atomic

    path = dialogs.save_file(window, title, _suggest(window, suffix), filters)
    if not path:
        return
    data = _built(window, "导出失败", make)
    if data is None:
        return
    try:
        write_atomic(Path(path), data)
    except WriteFailed as err:
        dialogs.error(window, "导出失败", str(err))
        return
    _remember_folder(window, path)
    window.statusBar().showMessage(f"已导出 {path}", 8000)


def export_json(window: MainWindow) -> None:
    from evaldesk.app.output import json_bytes

    _export_bytes(window, "导出 JSON", ".json", "JSON 文件 (*.json)", lambda: json_bytes(window.document.report))


def export_workbook(window: MainWindow) -> None:
    from evaldesk.app.output import export_workbook as write, workbook_refusal
    from evaldesk.exchange.workbook import ExportRefused
    from evaldesk.files import WriteFailed

    refused = workbook_refusal(window.document.report)
    if refused:  # before the file name is asked: nothing to name while the audit has errors
        dialogs.error(window, "尚不能导出报送文件", refused + "。请先在“审核”中逐条改正。")
        return
    path = dialogs.save_file(window, "导出报送文件", _suggest(window, ".xlsx"), "Excel 工作簿 (*.xlsx)")
    if not path:
        return
    try:
        notes = write(window.document.report, path)
    except ExportRefused as err:
        dialogs.error(window, "尚不能导出报送文件", str(err))
        return
    except WriteFailed as err:
        dialogs.error(window, "导出失败", str(err))
        return
    _remember_folder(window, path)
    window.statusBar().showMessage(f"已导出报送文件 {path}", 8000)
    if notes:
        dialogs.inform(window, "已导出报送文件", "\n".join(notes))


def export_pdf(window: MainWindow, blank: bool = False) -> None:
    from evaldesk.app.output import pdf_bytes

    _export_bytes(window, "导出 PDF", "_空表.pdf" if blank else ".pdf", "PDF 文件 (*.pdf)",
                  lambda: pdf_bytes(window.document.report, blank=blank))


def export_blank_pdf(window: MainWindow) -> None:
    export_pdf(window, blank=True)


def print_preview(window: MainWindow) -> None:
    from evaldesk.app.output import pdf_bytes

    _preview(window, "打印预览", lambda: pdf_bytes(window.document.report))


def print_audit(window: MainWindow) -> None:
    """打印审核结果: the audit result as its own document, previewed with its own 打印 button; it is never part
    of the form that leaders sign."""
    from evaldesk.app.output import audit_pdf_bytes

    _preview(window, "审核结果", lambda: audit_pdf_bytes(window.document.report),
             note="审核结果单独成册，不计入报告页数")


def _preview(window: MainWindow, title: str, make, **options) -> None:
    from evaldesk.ui.preview import PreviewDialog

    data = _built(window, f"{title}失败", make)
    if data is None:
        return
    from PySide6.QtCore import Qt

    dialog = PreviewDialog(data, window, title=title, **options)
    # Closed, it is deleted with its page images (a few MB a page), and the window lets go of it.
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(lambda _result, shown=dialog: window.preview is shown and setattr(window, "preview", None))
    dialog.destroyed.connect(_give_back_memory_later)
    dialog.show()
    window.preview = dialog  # kept, or Python would close it at once


def _give_back_memory_later() -> None:
    """Once the closed preview's page images are freed (after the event that deleted it)."""
    from PySide6.QtCore import QTimer

    from evaldesk.ui.memory import give_back_freed_memory

    QTimer.singleShot(0, give_back_freed_memory)


def print_report(window: MainWindow) -> None:
    from evaldesk.app.output import pdf_bytes

    data = _built(window, "打印失败", lambda: pdf_bytes(window.document.report))
    if data is not None:
        send_to_printer(window, data)


def send_to_printer(window: MainWindow, data: bytes, parent=None) -> None:
    """Print ``data`` with the printer, 双面 and 份数 the filler chose last time (kept in the window's settings);
    the status bar says when the job has reached the print queue."""
    from evaldesk.app.output import suggested_name
    from evaldesk.ui.printer import print_pdf

    title = suggested_name(window.document.report, "")
    done = print_pdf(data, parent or window, window.settings, save_settings, title)
    if done:
        window.statusBar().showMessage(done, 15000)


def import_report(window: MainWindow) -> None:
    """Read a .xlsx or .json report; if the file already holds the same report (app.importing's rule), ask
    whether to replace it or keep both."""
    from evaldesk.app.importing import NotAReportFile, find_same, read_report_file, store_imported
    from evaldesk.exchange.report_json import ExchangeError
    from evaldesk.datafile.errors import StoreError

    path = dialogs.open_file(window, "导入报告", str(Path.home()),
                             "evaldesk 报告 (*.xlsx *.json);;Excel 工作簿 (*.xlsx);;JSON (*.json)")
    if not path:
        return
    try:
        read = read_report_file(path)
    except (NotAReportFile, ExchangeError) as err:
        dialogs.error(window, "未导入", str(err))
        return
    report = read.report
    same = find_same(window.store, report)
    replace = None
    if same is not None:
        identical = "，内容与导入的文件完全相同（数据指纹一致）" if same.identical else ""
        choice = dialogs.decide(window, "导入", f"数据文件中已有同一部门的这一年度报告：“{same.title}”（报告 {same.id}）"
                                                f"{identical}。用导入的内容替换它（不能撤销），还是另存为一份新报告？",
                                ["替换原报告", "另存为新报告"])
        if choice is None:
            return
        replace = same.id if choice == 0 else None
    try:
        if replace is not None:
            window.close_document()
        store_imported(window.store, report, replace)
    except StoreError as err:
        dialogs.error(window, "未导入", str(err))
        return
    window.open_report(report.id)
    if read.notes:
        dialogs.inform(window, "导入完成", "\n".join(read.notes))
