"""报告 → 汇总报送文件…: the bureau picks a folder of departments' files and gets one summary workbook.

The reading runs in a plain thread (which starts the worker processes, :mod:`evaldesk.app.summary`); the window
only polls how far it has got, so it keeps painting and the 取消 button answers at once. Nothing is imported into
the open data file.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QProgressDialog

from evaldesk.files import WriteFailed
from evaldesk.ui import dialogs, summary_dialog
from evaldesk.ui.file_actions import make_action
from evaldesk.ui.screen import kept_on_screen
from evaldesk.ui.summary_dialog import SummaryOptions

if TYPE_CHECKING:
    from evaldesk.ui.settings import Settings
    from evaldesk.ui.shell import ReportShell

POLL_MS = 100


class SummaryRun:
    """One summary being made: the thread's state, read by the window's timer (plain attributes, set once)."""

    def __init__(self, folder: Path, output: Path, options: SummaryOptions | None = None):
        self.folder, self.output = folder, output
        self.options = options or SummaryOptions()
        self.done = self.total = 0
        self.summary = None
        self.error = ""
        self.cancelled = threading.Event()
        self.finished = threading.Event()
        self.thread = threading.Thread(target=self._work, daemon=True)

    def _progress(self, done: int, total: int, _name: str) -> None:
        self.done, self.total = done, total

    def _work(self) -> None:
        # Imported here, in the worker thread: reading the folder loads the exchange formats and the process pool
        # (~0.2 s), which a window that never summarises should not pay at start.
        from evaldesk.app.summary_book import (
            ExpectedListProblem, NotAFolder, NothingToSummarise, summarise_to_workbook,
        )

        options = self.options
        try:
            self.summary = summarise_to_workbook(self.folder, self.output, progress=self._progress,
                                                 cancelled=self.cancelled.is_set, expected=options.expected or None,
                                                 region=options.region, bureau=options.bureau)
        except (NotAFolder, NothingToSummarise, ExpectedListProblem, WriteFailed) as err:
            self.error = str(err)
        except Exception as err:  # never a traceback in the window; the open data file is not involved
            self.error = f"汇总时出现内部错误（{type(err).__name__}: {err}），未生成汇总表。"
        finally:
            self.finished.set()


class SummaryDesk(QObject):
    """The bureau's desk (报告 → 汇总报送文件…): needs no open report, only the folder the bureau used last time.
    Its action: ``summary_action``."""

    def __init__(self, shell: ReportShell, settings: Settings):
        super().__init__(shell)
        self.shell, self.settings = shell, settings
        self.summary_action = make_action(shell, "汇总报送文件…", self.summarise_folder)

    def summarise_folder(self) -> None:
        """Ask the folder and the file to write, then make the summary with a cancellable progress dialog."""
        start = self.settings.get("summary_folder") or str(Path.home())
        folder = dialogs.open_folder(self.shell, "选择存放各部门报送文件的文件夹", start)
        if not folder:
            return
        remembered = self.settings.get("summary_options") or {}
        options = summary_dialog.ask_options(self.shell, SummaryOptions(**{
            key: str(value) for key, value in remembered.items() if key in ("expected", "region", "bureau")}))
        if options is None:
            return
        suggested = Path(folder).parent / f"{Path(folder).name}_汇总.xlsx"
        output = dialogs.save_file(self.shell, "汇总表保存为", str(suggested), "Excel 工作簿 (*.xlsx)")
        if not output:
            return
        output = Path(output) if output.lower().endswith(".xlsx") else Path(output + ".xlsx")
        self.settings.keep(summary_folder=folder, summary_options=vars(options))
        self.start_summary(Path(folder), output, options)

    def start_summary(self, folder: Path, output: Path, options: SummaryOptions | None = None) -> SummaryRun:
        """Start the run and return at once; the progress dialog and a timer follow it to the end."""
        run = SummaryRun(folder, output, options)
        progress = kept_on_screen(QProgressDialog("正在读取各部门报送的文件…", "取消", 0, 0, self.shell))
        progress.setWindowTitle("汇总报送文件")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(420)
        progress.canceled.connect(run.cancelled.set)   # at once; _poll also catches Esc and ×
        timer = QTimer(progress)
        timer.setInterval(POLL_MS)
        timer.timeout.connect(lambda: self._poll(run, progress, timer))
        run.progress_dialog = progress
        run.thread.start()
        timer.start()
        progress.show()
        return run

    def _poll(self, run: SummaryRun, progress: QProgressDialog, timer: QTimer) -> None:
        if progress.wasCanceled():   # 取消, Esc or the window's ×: all end here
            run.cancelled.set()
        if run.total:
            progress.setMaximum(run.total)
            progress.setValue(run.done)
            progress.setLabelText("正在取消…" if run.cancelled.is_set() else
                                  f"正在读取各部门报送的文件：{run.done} / {run.total}")
        if not run.finished.is_set():
            return
        timer.stop()
        progress.close()
        progress.deleteLater()
        if run.error:
            dialogs.error(self.shell, "未能汇总", run.error)
        elif run.summary is None:
            self.shell.say("已取消汇总，未生成汇总表")
        else:
            self._finished(run)

    def _finished(self, run: SummaryRun) -> None:
        summary = run.summary
        lines = [f"已汇总 {summary.year} 年度 {len(summary.ranked)} 个部门（文件夹中共 {summary.files_seen} 个文件）。"]
        if summary.unreadable or summary.set_aside or summary.to_check or summary.missing:
            missing = f"，{len(summary.missing)} 个应报部门未报送" if summary.expected is not None else ""
            lines.append(f"{len(summary.broken)} 个文件无法读取，{len(summary.not_reports)} 个不是报送文件，"
                         f"{len(summary.set_aside)} 个文件未列入排名，{len(summary.to_check)} 个文件需核对{missing}，"
                         f"详见汇总表的“问题文件”页。")
        lines.append(f"汇总表：{run.output}\n\n现在打开汇总表吗？")
        self.shell.say(f"已生成汇总表 {run.output}")
        if dialogs.ask(self.shell, "汇总完成", "\n".join(lines)):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(run.output)))
