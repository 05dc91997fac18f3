"""The main window's shell: the welcome page or the report's tabs, the 审核 dock, the status bar with the total and
grade, and taking the filler to a place (a finding, an undone change).

The jobs around it are objects it makes, each owning its state and given what it needs:
:class:`~evaldesk.ui.file_actions.Files` (the open data file and its lock, recent files, backups, the reports in
the file, re-reading a file changed elsewhere), :class:`~evaldesk.ui.output_actions.Output` (export, print,
import), :class:`~evaldesk.ui.template_actions.Templates` (the 评分表 menu, the editor, next year),
:class:`~evaldesk.ui.summary_actions.SummaryDesk` (the bureau's summary); :class:`~evaldesk.ui.menus.Menus` puts
their actions in the menus, and :class:`~evaldesk.ui.settings.Settings` is what all of them remember. They see the
window only as :class:`~evaldesk.ui.shell.ReportShell`. The report itself is a
:class:`~evaldesk.ui.document.ReportDocument` around the application layer's session.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QStackedWidget, QTabWidget, QWidget

from evaldesk import __version__
from evaldesk.datafile.errors import DamagedReport, StoreError
from evaldesk.paths import data_folder, default_db_path
from evaldesk.ui import dialogs, screen
from evaldesk.ui.after_paint import after_paint
from evaldesk.ui.file_actions import Files
from evaldesk.ui.file_safety import lock_editing
from evaldesk.ui.lazy_pages import LazyPages
from evaldesk.ui.menus import Menus
from evaldesk.ui.output_actions import Output
from evaldesk.ui.settings import Settings
from evaldesk.ui.summary_actions import SummaryDesk
from evaldesk.ui.template_actions import Templates

if TYPE_CHECKING:
    from evaldesk.app.session import Moved
    from evaldesk.model.places import Place
    from evaldesk.datafile.store import Store
    from evaldesk.ui.audit_panel import AuditPanel
    from evaldesk.ui.document import ReportDocument
    from evaldesk.ui.welcome import WelcomePage

WARM_UP_MS = 300  # after a report opens, the store loads what its writes need (see open_report)
READ_ONLY_NOTE = "  只读：此数据文件正由他人编辑或不可写入，只能查看、导出和打印  "


def _build_page(section_title: str, document: ReportDocument) -> QWidget:
    from evaldesk.ui.report_tabs import page_for  # the pages' modules: after the first paint (open_report)

    return page_for(section_title)(document)


class MainWindow(QMainWindow):
    report_settled = Signal()  # an opened report's audit is on screen too (the first one's after its first paint)

    def __init__(self, store: Store | None = None):
        super().__init__()
        self.document: ReportDocument | None = None
        self.pages: Sequence[QWidget] = []
        self.settings = Settings.load()
        self.help_window = None  # 使用说明, once opened
        screen.apply_font_size(screen.font_size_name(self.settings))
        screen.place_main_window(self, self.settings)
        self.stack = QStackedWidget()
        self._welcome: WelcomePage | None = None  # made when first shown (a reopened report never shows it)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.audit_dock = QDockWidget("审核", self)
        self.audit_dock.setMinimumWidth(270)
        self.audit_dock.setObjectName("audit")
        self.audit_dock.setAllowedAreas(Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.BottomDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.audit_dock)
        self.audit_panel: AuditPanel | None = None
        self._opened_a_report = False  # the first one's audit waits for its paint (open_report)
        self.score_label = QLabel()
        self.audit_label = QLabel()
        self.refused_label = QLabel()
        self.refused_label.setStyleSheet("color: #c0392b;")
        self.refused_label.hide()
        self.statusBar().addPermanentWidget(self.refused_label)
        self.statusBar().addPermanentWidget(self.audit_label)
        self.statusBar().addPermanentWidget(self.score_label)
        self.read_only_label = QLabel(READ_ONLY_NOTE)
        self.read_only_label.setStyleSheet("color: white; background: #b03030; padding: 2px 6px;")
        self.read_only_label.hide()
        self.statusBar().insertPermanentWidget(0, self.read_only_label)
        self.files = Files(self, self.settings)
        self.output = Output(self, self.files, self.settings)
        self.templates = Templates(self, self.files, self.settings)
        self.summary = SummaryDesk(self, self.settings)
        self.menus = Menus(self, self.settings, self.files, self.output, self.templates, self.summary)
        if store is not None:
            self.files.use(store)

    @property
    def store(self) -> Store | None:
        """The data file open in this window (its controller's, :class:`~evaldesk.ui.file_actions.Files`)."""
        return self.files.store

    @property
    def preview(self):
        """The print preview, while it is open."""
        return self.output.preview

    def _update_actions(self, *_args) -> None:
        self.menus.update()  # a bound method: Qt drops the connection by itself when the window goes

    def _save_failed(self, message: str) -> None:
        dialogs.error(self, "无法保存", message)

    def _file_changed_elsewhere(self, message: str) -> None:
        """A write was refused because the file changed under the window: read it again and say so."""
        self.read_again("数据文件已被其他程序修改，已重新读取；您刚才的一步修改未保存。")
        dialogs.inform(self, "数据文件已在别处修改", message)

    def say(self, message: str, milliseconds: int = 8000) -> None:
        self.statusBar().showMessage(message, milliseconds)

    # ---------------------------------------------------------------- the data file and its reports

    def show_file(self) -> None:
        """Show the file just opened: the report that was open last time, else the first, else the welcome page."""
        store = self.store
        self.read_only_label.setVisible(store.read_only)  # the title says 只读 too
        self._update_actions()
        target = self.files.report_to_open()
        if target is None:
            self.show_welcome()
        else:
            self.open_report(target, tab=self.files.tab_to_show())  # that tab built first, the others when shown
            if self.store is not store:
                return  # the file turned out damaged while the report was read: it was given up (Files)
        self._update_title()

    def show_missing_file(self, message: str) -> None:
        self.show_welcome()
        self.welcome.where.setText(message)

    @property
    def welcome(self) -> WelcomePage:
        """The welcome page, made the first time it is asked for."""
        if self._welcome is None:
            from evaldesk.ui.welcome import WelcomePage   # made only when first shown (a reopened report never is)

            self._welcome = WelcomePage(self.files)
            self.stack.addWidget(self._welcome)
        return self._welcome

    def show_welcome(self, opening: Path | None = None) -> None:
        if opening is not None:
            self.welcome.where.setText(f"正在打开数据文件：{opening} …")
        else:
            self.welcome.where.setText(f"数据文件：{self.store.path if self.store else default_db_path()}")
            self.welcome.fill_templates(self.store)
            for button in (self.welcome.create_button, self.welcome.sample_button):
                button.setEnabled(self.store is not None)  # a report needs a file to go in
        self.stack.setCurrentWidget(self.welcome)
        self.audit_dock.hide()  # nothing to audit on the welcome page
        self._update_title()

    def close_document(self) -> None:
        if self.document is None:
            return
        self._remove_pages()
        if self.audit_panel is not None:
            self.audit_panel.deleteLater()
            self.audit_panel = None
        self.document.blockSignals(True)  # its clean-up must not reach a window that is closing
        self.document.deleteLater()
        self.document = None

    def open_report(self, report_id: int, tab: int | None = None) -> None:
        """Show report ``report_id`` on tab ``tab`` (default: the tab shown now)."""
        if self.document is not None and self.document.report.id != report_id \
                and not self.may_leave_report("换到另一份报告"):
            return
        # Imported here, not at start-up: the window paints before it is needed.
        from evaldesk.model.layout import LAYOUT
        from evaldesk.ui.document import ReportDocument

        try:
            report = self.store.load(report_id)
            # The window's first report is audited once painted (_audit_when_painted), so that starting waits for
            # the report alone; any later one at once, as its panel replaces the last (no 正在审核… flicker when a
            # report is read again every few seconds beside another program's writes). May fail too (carried marks).
            later = not self._opened_a_report
            document = ReportDocument(self.store, report, self, audit=not later)
        except DamagedReport as err:  # this report alone: the file's others open normally
            self.files.damaged_report(str(err))
            return
        except StoreError as err:
            if self.store.damaged:  # never written again: offer the newest good backup
                self.files.damaged_while_open(str(err))
            else:
                dialogs.error(self, "无法打开报告", str(err))
            return
        if tab is None or not 0 <= tab < len(LAYOUT):
            tab = max(self.tabs.currentIndex(), 0)
        self.close_document()
        self.document = document
        self._build_pages(tab)
        if later:
            self._show_audit_pending()
        else:
            self._build_audit_panel()
        self.audit_dock.show()
        document.rescored.connect(self._show_score)
        document.audited.connect(self._show_audit)
        # Bound methods, not lambdas: Qt drops these connections by itself when the window goes away.
        document.failed.connect(self._save_failed)
        document.stale.connect(self._file_changed_elsewhere)
        document.history_moved.connect(self._update_actions)
        document.changed.connect(self._update_title)
        document.refusals_changed.connect(self._show_refusals)
        self._show_refusals(0)
        self._show_score(document.sheet)
        if not later:
            self._show_audit(document.findings)
        self.stack.setCurrentWidget(self.tabs)
        self._update_actions()
        self._update_title()
        self._opened_a_report = True
        self.files.remember_place(report=report_id, tab=tab)
        if later:
            after_paint(self.tabs, partial(self._audit_when_painted, document))
        else:
            self.report_settled.emit()
        # Writes load SQLAlchemy (0.13–0.7 s): after the report is painted, not before it, and before the filler's
        # first keystroke (no one types within WARM_UP_MS of seeing the report).
        QTimer.singleShot(WARM_UP_MS, self, self._warm_up)  # the window as context: dropped if it goes first

    def read_again(self, message: str) -> None:
        """Read the open report again from the file (or show what the file now holds, if it was deleted there);
        the filler stays on the tab, and the row of the score sheet, they were reading."""
        store = self.store
        if store is None:
            return
        report_id = self.document.report.id if self.document is not None else None
        tab = self.tabs.currentIndex()  # closing removes the tabs
        reading = getattr(self.tabs.currentWidget(), "view_place", lambda: None)()
        self.close_document()
        try:
            ids = [info.id for info in store.list_reports()]
        except StoreError as err:
            dialogs.error(self, "无法读取数据文件", str(err))
            self.show_welcome()
            return
        if report_id in ids:
            self.open_report(report_id, tab=tab)
            if reading is not None and self.tabs.currentIndex() == tab:
                self.tabs.currentWidget().show_view_place(reading)
        else:
            self.files.use(store)
            message += "正在编辑的报告已在那边被删除。" if report_id is not None else ""
        self.say(message, 15000)

    def _show_audit_pending(self) -> None:
        """Until the opened report is audited (_audit_when_painted) the 审核 dock and the status bar say so."""
        self.audit_panel = None
        pending = QLabel("  正在审核…")
        pending.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # where the counts will be
        self._put_in_dock(pending)
        self.audit_label.setText("  审核：正在审核…  ")
        self.audit_label.setStyleSheet("")

    def _audit_when_painted(self, document: ReportDocument) -> None:
        """The opened report's audit and its panel, once its first tab is on screen: the filler sees the report
        without waiting for them (they were a third of the wait), and they follow within a few milliseconds."""
        if document is not self.document:
            return  # another report was opened meanwhile
        self._build_audit_panel()
        document.run_audit()  # tells the panel, the sheet and the status bar (audited)
        self.report_settled.emit()

    def _warm_up(self) -> None:
        if self.store is not None:
            self.store.warm_up()

    def _build_pages(self, tab: int) -> None:
        """The report's tabs over the open document, showing tab ``tab``."""
        from evaldesk.model.layout import LAYOUT  # as in open_report

        document = self.document
        self.tabs.blockSignals(True)
        # One tab per section, in order; a page is built (and its module imported) when its tab is first shown
        # (lazy_pages says why).
        self.pages = LazyPages(self.tabs, [partial(_build_page, section.title, document) for section in LAYOUT],
                               [section.tab for section in LAYOUT], shown=tab)
        self.tabs.blockSignals(False)
        if self.store is not None and self.store.read_only:
            lock_editing(self.pages)  # each build (a report opened, a new 字号): nothing typed is lost

    def _build_audit_panel(self) -> None:
        from evaldesk.ui.audit_panel import AuditPanel  # after the report's first paint (_audit_when_painted)

        self.audit_panel = AuditPanel(self.document)
        self.audit_panel.navigate.connect(self.go_to)
        self._put_in_dock(self.audit_panel)

    def _put_in_dock(self, widget: QWidget) -> None:
        """``widget`` in the 审核 dock, in place of what it showed (the panel of before, or the 正在审核… line)."""
        shown = self.audit_dock.widget()
        self.audit_dock.setWidget(widget)
        if shown is not None:
            shown.deleteLater()

    def _remove_pages(self) -> None:
        self.tabs.blockSignals(True)
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            page.deleteLater()
        self.tabs.blockSignals(False)
        self.pages = []

    def set_font_size(self, name: str) -> None:
        """字号: the whole window in a larger or smaller text, remembered. The report's tabs are built again in the
        new size (their row heights and headings are measured from the font); the report, its undo history and
        the tab shown stay as they are."""
        screen.apply_font_size(name)
        self.settings.keep(font_size=name)
        if self.document is not None:
            tab = self.tabs.currentIndex()
            self._remove_pages()
            self._build_pages(tab)
            self._build_audit_panel()  # its list measured its lines in the old size
        self.menus.show_font_size(name)
        self._update_actions()

    # ---------------------------------------------------------------- tabs, title, status bar

    def _tab_changed(self, index: int) -> None:
        if 0 <= index < len(self.pages):
            self.pages[index]  # built the first time it is shown
        if index >= 0:
            self.files.remember_place(tab=index)  # in the settings: a reader of the file sees no change

    def _update_title(self, *_args) -> None:
        parts = []
        if self.document is not None:
            report = self.document.report
            parts.append(f"{report.year}年度 {report.department or '（未填部门名称）'}")
        if self.store is not None:
            parts.append(self.store.path.name + ("（只读）" if self.store.read_only else ""))
        parts.append("evaldesk")
        self.setWindowTitle(" — ".join(parts))
        if self.store is not None:
            self.setWindowFilePath(str(self.store.path))

    def _show_score(self, sheet) -> None:
        self.score_label.setText(f"  总分 {sheet.total_text()}　等次 {sheet.grade or '待定'}  ")

    def _show_refusals(self, count: int) -> None:
        self.refused_label.setText(f"  {count} 处输入未被接受（已标红，未保存）  ")
        self.refused_label.setVisible(count > 0)

    def _show_audit(self, findings) -> None:
        from evaldesk.audit.findings import Severity, counts as severity_counts  # with the first audit, after the paint

        counts = severity_counts(findings)
        self.audit_label.setText(f"  审核：错误 {counts[Severity.ERROR]}　警告 {counts[Severity.WARNING]}"
                                 f"　提示 {counts[Severity.INFO]}  ")
        self.audit_label.setStyleSheet("color: #c0392b;" if counts[Severity.ERROR] else "")

    # ---------------------------------------------------------------- taking the filler somewhere

    def go_to(self, place: Place | None) -> None:
        """Show the tab of ``place``'s section and focus the field it names (a Finding.where, an undone change)."""
        from evaldesk.model.form import SECTIONS   # here: the welcome page paints before the form is loaded
        from evaldesk.model.places import NotePlace

        if place is None or isinstance(place, NotePlace) or not self.pages:
            return  # a 说明 is written in the audit panel, beside its finding, not on a tab
        index = SECTIONS.index(place.section)  # the tabs are the form's sections, in order
        page = self.pages[index]
        focus = getattr(page, "focus", None)
        if focus is not None and focus(place):
            self.tabs.setCurrentIndex(index)
            focus(place)  # again, now that the page is shown: a hidden widget cannot take the focus
        else:
            self.tabs.setCurrentIndex(index)

    # ---------------------------------------------------------------- undo

    def undo(self) -> None:
        if self.document and self.document.can_undo():
            self._show_undone(self.document.undo(), "已撤销")

    def redo(self) -> None:
        if self.document and self.document.can_redo():
            self._show_undone(self.document.redo(), "已重做")

    def _show_undone(self, moved: Moved | None, done: str) -> None:
        """Undo and redo show the filler what they changed (``done``: 已撤销 / 已重做), on whichever tab it is."""
        if moved is None:
            return
        self.statusBar().showMessage(f"{done}：{moved.label}", 5000)
        self.go_to(moved.shown)

    # ---------------------------------------------------------------- help and closing

    def show_guide(self):
        """使用说明: the guide beside the window (made when first asked for), naming this data file."""
        if self.help_window is None:
            from evaldesk.ui.help import HelpWindow  # its text browser: when first asked for

            self.help_window = HelpWindow(self)
        self.help_window.show_for(self.store.path if self.store is not None else default_db_path())
        return self.help_window

    def about(self) -> None:
        from evaldesk.ui.help import licence_notice

        where = self.store.path if self.store else default_db_path()
        dialogs.inform(self, "关于 evaldesk",
                       f"evaldesk {__version__}\n部门整体支出绩效评价自评报告的填报、评分、审核、打印与报送。\n\n"
                       f"数据文件：{where}\n数据文件夹：{data_folder()}\n\n每一处修改都会立即保存。"
                       "中文字体：Noto Sans SC（SIL 开放字体许可证）。\n\n" + licence_notice())

    def may_leave_report(self, doing: str = "关闭") -> bool:
        """Before the open report goes away: refused inputs on screen are lost, so ask first."""
        refused = self.document.refusals if self.document is not None else {}
        return not refused or dialogs.ask(
            self, "有输入未被接受", f"有 {len(refused)} 处输入未被接受（已标红），它们没有保存：\n"
            + "\n".join(list(refused.values())[:5]) + f"\n\n仍要{doing}吗？（其他内容都已保存）")

    def closeEvent(self, event):  # noqa: N802 - Qt's name
        if not self.may_leave_report("关闭"):
            event.ignore()
            return
        screen.remember_main_window(self, self.settings)
        self.settings.save("window")
        self.files.give_up()
        super().closeEvent(event)
