"""The window's exchange and printing commands: export JSON / the bureau workbook / PDF, 打印预览, 打印, and import.
The bytes and the duplicate rule are the application layer's (:mod:`evaldesk.app.output`,
:mod:`evaldesk.app.importing`), shared with the ``evaldesk`` command; here are the dialogs around them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence

from evaldesk.app import output
from evaldesk.files import WriteFailed, write_atomic
from evaldesk.datafile.errors import StoreError
from evaldesk.ui import dialogs
from evaldesk.ui.file_actions import make_action

# Imported where first used, not with the window: the importer reads the exchange formats, the preview and the
# printer load Qt's PDF and print modules (together ~0.3 s of a first start measured with python -X importtime,
# before the report is painted).
if TYPE_CHECKING:
    from evaldesk.ui.preview import PreviewDialog
    from evaldesk.ui.file_actions import Files
    from evaldesk.ui.settings import Settings
    from evaldesk.ui.shell import ReportShell

PRINTER_KEYS = ("printer", "print_duplex", "print_copies")


class Output(QObject):
    """What leaves the open report: files, the printer, 打印预览 (``preview``, while it is open); and 导入报告.
    Its actions: ``import_action``, ``export_workbook_action``, ``export_json_action``, ``preview_action``,
    ``print_action``, ``export_pdf_action``, ``blank_pdf_action``, ``audit_action``."""

    def __init__(self, shell: ReportShell, files: Files, settings: Settings):
        super().__init__(shell)
        self.shell, self.files, self.settings = shell, files, settings
        self.preview: PreviewDialog | None = None
        self.import_action = make_action(shell, "导入报告（xlsx / JSON）…", self.import_report)
        self.export_workbook_action = make_action(shell, "导出报送文件（xlsx）…", self.export_workbook,
                                                  QKeySequence("Ctrl+E"))
        self.export_json_action = make_action(shell, "导出 JSON…", self.export_json)
        self.preview_action = make_action(shell, "打印预览…", self.print_preview, QKeySequence("Ctrl+Shift+P"))
        self.print_action = make_action(shell, "打印…", self.print_report, QKeySequence.StandardKey.Print)
        self.export_pdf_action = make_action(shell, "导出 PDF…", self.export_pdf)
        self.blank_pdf_action = make_action(shell, "打印空表（PDF）…", self.export_blank_pdf)
        self.audit_action = make_action(shell, "打印审核结果…", self.print_audit)

    @property
    def report(self):
        return self.shell.document.report

    # ---------------------------------------------------------------- files

    def _suggest(self, suffix: str) -> str:
        folder = Path(self.settings.get("export_folder") or Path.home())
        return str(folder / output.suggested_name(self.report, suffix))

    def _built(self, title: str, make) -> bytes | None:
        """``make()``'s bytes, or None after telling the filler it failed: a document that cannot be laid out must
        never end in silence (nothing written, nothing said)."""
        try:
            return make()
        except Exception as err:  # noqa: BLE001 - any failure to build is reported; the report itself is untouched
            dialogs.error(self.shell, title, f"未能生成文件，什么也没有写出；报告数据未受影响。\n\n原因：{type(err).__name__}：{err}"[:600])
            return None

    def _export_bytes(self, title: str, suffix: str, filters: str, make) -> None:
        """Ask where, write ``make()``'s bytes there whole or not at all, remember the folder."""
        path = dialogs.save_file(self.shell, title, self._suggest(suffix), filters)
        if not path:
            return
        data = self._built("导出失败", make)
        if data is None:
            return
        try:
            write_atomic(Path(path), data)
        except WriteFailed as err:
            dialogs.error(self.shell, "导出失败", str(err))
            return
        self.settings.keep(export_folder=str(Path(path).parent))
        self.shell.say(f"已导出 {path}")

    def export_json(self) -> None:
        report = self.report
        self._export_bytes("导出 JSON", ".json", "JSON 文件 (*.json)", lambda: output.json_bytes(report))

    def export_workbook(self) -> None:
        from evaldesk.exchange.workbook import ExportRefused  # the refusal's type (its module loads openpyxl)

        report = self.report
        refused = output.workbook_refusal(report)
        if refused:  # before the file name is asked: nothing to name while the audit has errors
            dialogs.error(self.shell, "尚不能导出报送文件", refused + "。请先在“审核”中逐条改正。")
            return
        path = dialogs.save_file(self.shell, "导出报送文件", self._suggest(".xlsx"), "Excel 工作簿 (*.xlsx)")
        if not path:
            return
        try:
            notes = output.export_workbook(report, path)
        except ExportRefused as err:
            dialogs.error(self.shell, "尚不能导出报送文件", str(err))
            return
        except WriteFailed as err:
            dialogs.error(self.shell, "导出失败", str(err))
            return
        self.settings.keep(export_folder=str(Path(path).parent))
        self.shell.say(f"已导出报送文件 {path}")
        if notes:
            dialogs.inform(self.shell, "已导出报送文件", "\n".join(notes))

    def export_pdf(self, blank: bool = False) -> None:
        report = self.report
        self._export_bytes("导出 PDF", "_空表.pdf" if blank else ".pdf", "PDF 文件 (*.pdf)",
                           lambda: output.pdf_bytes(report, blank=blank))

    def export_blank_pdf(self) -> None:
        self.export_pdf(blank=True)

    # ---------------------------------------------------------------- preview and printer

    def print_preview(self) -> None:
        report = self.report
        self._preview("打印预览", lambda: output.pdf_bytes(report))

    def print_audit(self) -> None:
        """打印审核结果: the audit result as its own document, previewed with its own 打印 button; it is never part
        of the form that leaders sign."""
        report = self.report
        self._preview("审核结果", lambda: output.audit_pdf_bytes(report), note="审核结果单独成册，不计入报告页数")

    def _preview(self, title: str, make, **options) -> None:
        from evaldesk.ui.preview import PreviewDialog  # see the imports

        data = self._built(f"{title}失败", make)
        if data is None:
            return
        dialog = PreviewDialog(data, self.send_to_printer, self.shell, title=title, **options)
        # Closed, it is deleted with its page images (a few MB a page), and the window lets go of it.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, shown=dialog: self._preview_closed(shown))
        dialog.destroyed.connect(_give_back_memory_later)
        dialog.show()
        self.preview = dialog  # kept, or Python would close it at once

    def _preview_closed(self, dialog: PreviewDialog) -> None:
        if self.preview is dialog:
            self.preview = None

    def print_report(self) -> None:
        report = self.report
        data = self._built("打印失败", lambda: output.pdf_bytes(report))
        if data is not None:
            self.send_to_printer(data)

    def send_to_printer(self, data: bytes, parent=None) -> None:
        """Print ``data`` with the printer, 双面 and 份数 the filler chose last time (kept in the settings); the
        status bar says when the job has reached the print queue."""
        from evaldesk.ui.printer import print_pdf  # see the imports

        title = output.suggested_name(self.report, "")
        done = print_pdf(data, parent or self.shell, self.settings, lambda chosen: chosen.save(*PRINTER_KEYS), title)
        if done:
            self.shell.say(done, 15000)

    # ---------------------------------------------------------------- import

    def import_report(self) -> None:
        """Read a .xlsx or .json report; if the file already holds the same report (app.importing's rule), ask
        whether to replace it or keep both."""
        from evaldesk.app.importing import ExchangeError, NotAReportFile, find_same, read_report_file, store_imported

        path = dialogs.open_file(self.shell, "导入报告", str(Path.home()),
                                 "evaldesk 报告 (*.xlsx *.json);;Excel 工作簿 (*.xlsx);;JSON (*.json)")
        if not path:
            return
        try:
            read = read_report_file(path)
        except (NotAReportFile, ExchangeError) as err:
            dialogs.error(self.shell, "未导入", str(err))
            return
        report = read.report
        store = self.files.store
        same = find_same(store, report)
        replace = None
        if same is not None:
            identical = "，内容与导入的文件完全相同（数据指纹一致）" if same.identical else ""
            choice = dialogs.decide(self.shell, "导入", f"数据文件中已有同一部门的这一年度报告：“{same.title}”"
                                    f"（报告 {same.id}）{identical}。用导入的内容替换它（不能撤销），还是另存为一份新报告？",
                                    ["替换原报告", "另存为新报告"])
            if choice is None:
                return
            replace = same.id if choice == 0 else None
        try:
            if replace is not None:
                self.shell.close_document()
            store_imported(store, report, replace)
        except StoreError as err:
            dialogs.error(self.shell, "未导入", str(err))
            return
        self.shell.open_report(report.id)
        if read.notes:
            dialogs.inform(self.shell, "导入完成", "\n".join(read.notes))


def _give_back_memory_later() -> None:
    """Once the closed preview's page images are freed (after the event that deleted it)."""
    from evaldesk.ui.memory import give_back_freed_memory  # ctypes: ~15 ms, after a preview, not at start

    QTimer.singleShot(0, give_back_freed_memory)
