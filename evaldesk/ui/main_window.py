"""The main window: tabs in the report's order, menus, the 审核 panel and a status bar with the total and grade."""

from __future__ import annotations

from typing import TYPE_CHECKING

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox, QDockWidget, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMainWindow, QPushButton, QSpinBox, QStackedWidget,
    QTabWidget, QVBoxLayout, QWidget,
)

from evaldesk import __version__
from evaldesk.audit.findings import Severity
from evaldesk.model.form import SECTIONS
from evaldesk.model.places import NotePlace, Place
from evaldesk.model.paths import StoreError, data_folder, default_db_path
from evaldesk.ui import dialogs

if TYPE_CHECKING:
    from evaldesk.model.store import Store
    from evaldesk.ui.audit_panel import AuditPanel
    from evaldesk.ui.document import ReportDocument

TAB_TITLES = ("封面", "一、基本概况", "二、收支情况", "三、绩效自评", "四、评价人员", "五、评价报告综述", "附件：评分表")
RECENT_LIMIT = 8


def _settings_path() -> Path:
    return data_folder() / "settings.json"


def load_settings() -> dict:
    try:
        return json.loads(_settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save_settings(settings: dict) -> None:
    from evaldesk.files import WriteFailed, write_atomic

    try:
        _settings_path().parent.mkdir(parents=True, exist_ok=True)
        write_atomic(_settings_path(), json.dumps(settings, ensure_ascii=False, indent=2).encode("utf-8"))
    except (OSError, WriteFailed):
        pass  # the list of recent files is a convenience; never a reason to bother the filler


class WelcomePage(QWidget):
    """Shown when the file holds no report yet (or the filler asks for a new one)."""

    def __init__(self, window: "MainWindow"):
        super().__init__()
        self.window_ = window
        title = QLabel("evaldesk　部门整体支出绩效评价自评报告")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        self.where = QLabel()
        self.where.setStyleSheet("color: #555;")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        from datetime import date

        self.year.setValue(date.today().year - 1)
        self.year.setSuffix(" 年度")
        self.department = QLineEdit()
        self.department.setPlaceholderText("例如：中共岳阳市云溪区委机构编制委员会办公室")
        self.template = QComboBox()
        form = QFormLayout()
        form.addRow("年度：", self.year)
        form.addRow("部门(单位)名称：", self.department)
        form.addRow("评分表：", self.template)
        self.create_button = QPushButton("新建空白报告")
        self.create_button.clicked.connect(self._create)
        self.sample_button = QPushButton("打开参考样例（云溪区委编办 2021 年度）")
        self.sample_button.clicked.connect(window.add_sample)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        box = QWidget()
        box.setMaximumWidth(760)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(self.where)
        inner.addSpacing(16)
        inner.addWidget(QLabel("新建一份自评报告："))
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addSpacing(12)
        hint = QLabel("每一处修改都会立即保存，无需“保存”。下一年度可从本年度报告新建。")
        hint.setStyleSheet("color: #555;")
        inner.addWidget(hint)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)  # the few controls sit together in the middle, not spread over the window
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def fill_templates(self, store) -> None:
        """The score sheets a new report can use: the built-in ones and those imported into this file."""
        from evaldesk.templates.library import entries

        self.templates = [entry.template for entry in entries(store)]
        self.template.clear()
        self.template.addItems([template.name for template in self.templates])

    def _create(self) -> None:
        template = self.templates[self.template.currentIndex()] if getattr(self, "templates", None) else None
        self.window_.create_report(self.year.value(), self.department.text().strip(), template)


class MainWindow(QMainWindow):
    def __init__(self, store: Store | None = None):
        super().__init__()
        self.store: Store | None = None
        self.document: ReportDocument | None = None
        self.pages: list[QWidget] = []
        self.settings = load_settings()
        self.resize(1280, 860)
        self.stack = QStackedWidget()
        self.welcome = WelcomePage(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.audit_dock = QDockWidget("审核", self)
        self.audit_dock.setMinimumWidth(300)
        self.audit_dock.setObjectName("audit")
        self.audit_dock.setAllowedAreas(Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.BottomDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.audit_dock)
        self.audit_panel: AuditPanel | None = None
        self.score_label = QLabel()
        self.audit_label = QLabel()
        self.refused_label = QLabel()
        self.refused_label.setStyleSheet("color: #c0392b;")
        self.refused_label.hide()
        self.statusBar().addPermanentWidget(self.refused_label)
        self.statusBar().addPermanentWidget(self.audit_label)
        self.statusBar().addPermanentWidget(self.score_label)
        self._build_menus()
        if store is not None:
            self.use_store(store)

    # ---------------------------------------------------------------- menus

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        self._action(file_menu, "新建报告…", self.show_welcome, QKeySequence.StandardKey.New)
        self._action(file_menu, "打开数据文件…", self.choose_and_open, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("最近打开")
        self._action(file_menu, "另存为…", self.save_as, QKeySequence.StandardKey.SaveAs)
        file_menu.addSeparator()
        self.report_actions = [
            self._action(file_menu, "导入报告（xlsx / JSON）…", self.import_report),
            self._action(file_menu, "导出报送文件（xlsx）…", self.export_workbook, QKeySequence("Ctrl+E")),
            self._action(file_menu, "导出 JSON…", self.export_json),
        ]
        file_menu.addSeparator()
        self.report_actions += [
            self._action(file_menu, "打印预览…", self.print_preview, QKeySequence("Ctrl+Shift+P")),
            self._action(file_menu, "打印…", self.print_report, QKeySequence.StandardKey.Print),
            self._action(file_menu, "导出 PDF…", self.export_pdf),
            self._action(file_menu, "打印空表（PDF）…", self.export_blank_pdf),
        ]
        file_menu.addSeparator()
        self._action(file_menu, "退出", self.close, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu("编辑(&E)")
        self.undo_action = self._action(edit_menu, "撤销", self.undo, [QKeySequence(QKeySequence.StandardKey.Undo)])
        # Ctrl+Y as in Office/WPS, plus the platform's own redo keys — each once, or Qt finds the shortcut
        # ambiguous and does nothing (on Linux the platform's list already holds Ctrl+Y).
        redo_keys = [QKeySequence("Ctrl+Y")]
        redo_keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in redo_keys]
        self.redo_action = self._action(edit_menu, "重做", self.redo, redo_keys)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)

        self.reports_menu = bar.addMenu("报告(&R)")
        self.reports_menu.aboutToShow.connect(self._fill_reports_menu)
        from evaldesk.ui import template_actions

        self.template_menu = bar.addMenu("评分表(&T)")
        self.report_actions += [
            self._action(self.template_menu, "更换本报告的评分表…", lambda: template_actions.switch_template(self)),
            self._action(self.template_menu, "导出本报告的评分表…", lambda: template_actions.export_template(self)),
            self._action(self.template_menu, "编辑评分表…", self._edit_template),
        ]
        self.template_actions = [
            self._action(self.template_menu, "导入评分表模板…", lambda: template_actions.import_template(self)),
        ]
        view_menu = bar.addMenu("视图(&V)")
        view_menu.addAction(self.audit_dock.toggleViewAction())
        help_menu = bar.addMenu("帮助(&H)")
        self._action(help_menu, "关于 evaldesk", self.about)
        self._fill_recent_menu()
        self._update_actions()

    def _fill_reports_menu(self) -> None:
        menu = self.reports_menu
        menu.clear()
        if self.store is None:
            return
        current = self.document.report.id if self.document else None
        for info in self.store.list_reports():
            action = QAction(f"{info.id}　{info.title()}", menu)
            action.setCheckable(True)
            action.setChecked(info.id == current)
            action.triggered.connect(lambda _checked=False, rid=info.id: self.open_report(rid))
            menu.addAction(action)
        menu.addSeparator()
        self._action(menu, "新建报告…", self.show_welcome)
        next_year = self._action(menu, "从本报告新建下一年度…", self._next_year)
        next_year.setEnabled(self.document is not None)
        self._action(menu, "加入参考样例", self.add_sample)
        delete = self._action(menu, "删除当前报告…", self.delete_report)
        delete.setEnabled(self.document is not None)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.get("recent", []):
            action = QAction(path, self.recent_menu)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
            self.recent_menu.addAction(action)
        self.recent_menu.setEnabled(bool(self.settings.get("recent")))

    def _remember(self, path: Path) -> None:
        recent = [p for p in self.settings.get("recent", []) if p != str(path)]
        self.settings["recent"] = [str(path)] + recent[: RECENT_LIMIT - 1]
        self.settings["last_db"] = str(path)
        save_settings(self.settings)
        self._fill_recent_menu()

    def _save_failed(self, message: str) -> None:
        dialogs.error(self, "无法保存", message)

    def _update_actions(self, *_args) -> None:
        has_report = self.document is not None
        for action in self.report_actions:
            action.setEnabled(has_report)
        for action in getattr(self, "template_actions", []):
            action.setEnabled(self.store is not None)
        stack = self.document.undo_stack if self.document else None
        self.undo_action.setEnabled(bool(stack and stack.canUndo()))
        self.redo_action.setEnabled(bool(stack and stack.canRedo()))
        if stack:
            self.undo_action.setText(f"撤销 {stack.undoText()}".strip())
            self.redo_action.setText(f"重做 {stack.redoText()}".strip())

    # ---------------------------------------------------------------- files

    def use_store(self, store: Store) -> None:
        """Show ``store``: the report that was open last time, else the only one, else the welcome page."""
        if self.store is not None and self.store is not store:
            self.close_document()
            self.store.close()
        self.store = store
        self._remember(store.path)
        self._update_actions()
        reports = store.list_reports()
        last = store.get_state("open_report")
        ids = [info.id for info in reports]
        target = int(last) if last and last.isdigit() and int(last) in ids else (ids[0] if ids else None)
        if target is None:
            self.show_welcome()
        else:
            self.open_report(target)
            tab = store.get_state("tab")
            if tab and tab.isdigit() and int(tab) < self.tabs.count():
                self.tabs.setCurrentIndex(int(tab))
        self._update_title()

    def open_path(self, path: str) -> bool:
        from evaldesk.model.store import Store

        if not self.may_leave_report("打开另一个数据文件"):
            return False
        try:
            store = Store(path, create=False)
        except StoreError as err:
            dialogs.error(self, "无法打开数据文件", str(err))
            return False
        self.use_store(store)
        return True

    def choose_and_open(self) -> None:
        folder = str(self.store.path.parent if self.store else data_folder())
        path = dialogs.open_file(self, "打开数据文件", folder, "evaldesk 数据文件 (*.sqlite *.db);;所有文件 (*)")
        if path:
            self.open_path(path)

    def save_as(self) -> None:
        if self.store is None:
            return
        suggested = str(self.store.path.with_name(self.store.path.stem + "-副本.sqlite"))
        path = dialogs.save_file(self, "另存为", suggested, "evaldesk 数据文件 (*.sqlite)")
        if not path:
            return
        try:
            self.store.copy_to(Path(path))
        except StoreError as err:
            dialogs.error(self, "另存为失败", str(err))
            return
        self.open_path(path)
        self.statusBar().showMessage(f"已另存为 {path}，现在编辑的是这个副本", 8000)

    # ---------------------------------------------------------------- reports

    def show_welcome(self, opening: Path | None = None) -> None:
        if opening is not None:
            self.welcome.where.setText(f"正在打开数据文件：{opening} …")
        else:
            self.welcome.where.setText(f"数据文件：{self.store.path if self.store else default_db_path()}")
            self.welcome.fill_templates(self.store)
        self.stack.setCurrentWidget(self.welcome)
        self.audit_dock.hide()  # nothing to audit on the welcome page
        self._update_title()

    def create_report(self, year: int, department: str, template=None) -> None:
        from evaldesk.model.report import new_report
        from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID, builtin_template

        report = new_report(year, template or builtin_template(DEFAULT_TEMPLATE_ID), department)
        self._add_and_open(report)

    def add_sample(self) -> None:
        from evaldesk.exchange.report_json import read_json
        from evaldesk.resources import SAMPLE_REPORT

        self._add_and_open(read_json(SAMPLE_REPORT))

    def _add_and_open(self, report) -> None:
        if not self.may_leave_report("换到另一份报告"):
            return
        try:
            self.store.add(report)
        except StoreError as err:
            dialogs.error(self, "无法新建报告", str(err))
            return
        self.open_report(report.id)
        self.tabs.setCurrentIndex(0)

    def delete_report(self) -> None:
        if self.document is None:
            return
        report = self.document.report
        if not dialogs.ask(self, "删除报告", f"确定删除“{report.year}年度 {report.department}”？此操作不能撤销。"
                                          "（建议先“导出 JSON”留底）"):
            return
        rid = report.id
        self.close_document()
        try:
            self.store.delete(rid)
        except StoreError as err:
            dialogs.error(self, "未能删除报告", str(err))
        self.use_store(self.store)

    def _edit_template(self) -> None:
        from evaldesk.ui.template_editor import open_editor

        open_editor(self)

    def _next_year(self) -> None:
        from evaldesk.ui import template_actions

        template_actions.next_year(self)

    def close_document(self) -> None:
        if self.document is None:
            return
        self.tabs.blockSignals(True)
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            page.deleteLater()
        self.tabs.blockSignals(False)
        if self.audit_panel is not None:
            self.audit_panel.deleteLater()
            self.audit_panel = None
        self.document.undo_stack.blockSignals(True)  # its clean-up must not reach a window that is closing
        self.document.blockSignals(True)
        self.document.deleteLater()
        self.document = None
        self.pages = []

    def open_report(self, report_id: int) -> None:
        if self.document is not None and self.document.report.id != report_id \
                and not self.may_leave_report("换到另一份报告"):
            return
        # The pages are imported here, not at start-up: the window paints before they are needed.
        from evaldesk.ui.audit_panel import AuditPanel
        from evaldesk.ui.document import ReportDocument
        from evaldesk.ui.pages import BasicPage, CoverPage, FinancePage, PeoplePage, SelfEvaluationPage, SummaryPage
        from evaldesk.ui.sheet import SheetPage

        try:
            report = self.store.load(report_id)
        except StoreError as err:
            dialogs.error(self, "无法打开报告", str(err))
            return
        tab = self.tabs.currentIndex()
        self.close_document()
        document = ReportDocument(self.store, report, self)
        self.document = document
        self.pages = [CoverPage(document), BasicPage(document), FinancePage(document), SelfEvaluationPage(document),
                      PeoplePage(document), SummaryPage(document), SheetPage(document)]
        self.tabs.blockSignals(True)
        for page, title in zip(self.pages, TAB_TITLES):
            self.tabs.addTab(page, title)
        self.tabs.setCurrentIndex(max(tab, 0))
        self.tabs.blockSignals(False)
        self.audit_panel = AuditPanel(document)
        self.audit_panel.navigate.connect(self.go_to)
        self.audit_dock.setWidget(self.audit_panel)
        self.audit_dock.show()
        document.rescored.connect(self._show_score)
        document.audited.connect(self._show_audit)
        # Bound methods, not lambdas: Qt drops these connections by itself when the window goes away.
        document.failed.connect(self._save_failed)
        document.undo_stack.indexChanged.connect(self._update_actions)
        document.changed.connect(self._update_title)
        document.refusals_changed.connect(self._show_refusals)
        self._show_refusals(0)
        self._show_score(document.sheet)
        self._show_audit(document.findings)
        self.stack.setCurrentWidget(self.tabs)
        self.store.set_state("open_report", str(report_id))
        self._update_actions()
        self._update_title()

    def _tab_changed(self, index: int) -> None:
        if self.store is not None and index >= 0:
            try:
                self.store.set_state("tab", str(index))
            except StoreError:
                pass

    def _update_title(self, *_args) -> None:
        parts = []
        if self.document is not None:
            report = self.document.report
            parts.append(f"{report.year}年度 {report.department or '（未填部门名称）'}")
        if self.store is not None:
            parts.append(self.store.path.name)
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
        counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
        self.audit_label.setText(f"  审核：错误 {counts[Severity.ERROR]}　警告 {counts[Severity.WARNING]}"
                                 f"　提示 {counts[Severity.INFO]}  ")
        self.audit_label.setStyleSheet("color: #c0392b;" if counts[Severity.ERROR] else "")

    # ---------------------------------------------------------------- taking the filler somewhere

    def go_to(self, place: Place | None) -> None:
        """Show the tab of ``place``'s section and focus the field it names (a Finding.where, an undone change)."""
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
        if self.document and self.document.undo_stack.canUndo():
            stack = self.document.undo_stack
            stack.undo()
            self._show_undone(stack.command(stack.index()))

    def redo(self) -> None:
        if self.document and self.document.undo_stack.canRedo():
            stack = self.document.undo_stack
            stack.redo()
            self._show_undone(stack.command(stack.index() - 1))

    def _show_undone(self, command) -> None:
        """Undo and redo show the filler what they changed, on whichever tab it is."""
        edit = getattr(command, "edit", None)
        if edit is None:
            return
        self.statusBar().showMessage(f"已撤销或重做：{command.text()}", 5000)
        self.go_to(edit.changes().first_shown())

    # ---------------------------------------------------------------- exchange and printing

    def _suggest(self, suffix: str) -> str:
        from evaldesk.exchange.names import default_file_name

        folder = Path(self.settings.get("export_folder") or Path.home())
        return str(folder / default_file_name(self.document.report, suffix))

    def _remember_folder(self, path: str) -> None:
        self.settings["export_folder"] = str(Path(path).parent)
        save_settings(self.settings)

    def _export_bytes(self, title: str, suffix: str, filters: str, make) -> None:
        """Ask where, write ``make()``'s bytes there whole or not at all, remember the folder."""
        from evaldesk.files import WriteFailed, write_atomic

        path = dialogs.save_file(self, title, self._suggest(suffix), filters)
        if not path:
            return
        try:
            write_atomic(Path(path), make())
        except WriteFailed as err:
            dialogs.error(self, "导出失败", str(err))
            return
        self._remember_folder(path)
        self.statusBar().showMessage(f"已导出 {path}", 8000)

    def export_json(self) -> None:
        from evaldesk.exchange.report_json import dumps

        self._export_bytes("导出 JSON", ".json", "JSON 文件 (*.json)",
                           lambda: dumps(self.document.report).encode("utf-8"))

    def export_workbook(self) -> None:
        from evaldesk.exchange.workbook import ExportRefused, write_workbook
        from evaldesk.files import WriteFailed

        path = dialogs.save_file(self, "导出报送文件", self._suggest(".xlsx"), "Excel 工作簿 (*.xlsx)")
        if not path:
            return
        try:
            notes = write_workbook(self.document.report, Path(path))
        except ExportRefused as err:
            dialogs.error(self, "尚不能导出报送文件", str(err))
            return
        except WriteFailed as err:
            dialogs.error(self, "导出失败", str(err))
            return
        self._remember_folder(path)
        self.statusBar().showMessage(f"已导出报送文件 {path}", 8000)
        if notes:
            dialogs.inform(self, "已导出报送文件", "\n".join(notes))

    def import_report(self) -> None:
        from evaldesk.exchange.report_json import ExchangeError, read_json

        path = dialogs.open_file(self, "导入报告", str(Path.home()),
                                 "evaldesk 报告 (*.xlsx *.json);;Excel 工作簿 (*.xlsx);;JSON (*.json)")
        if not path:
            return
        notes = []
        try:
            if path.lower().endswith(".json"):
                report = read_json(Path(path))
            else:
                from evaldesk.exchange.workbook import read_workbook

                result = read_workbook(Path(path))
                report = result.report
                notes = list(result.notes)
        except ExchangeError as err:
            dialogs.error(self, "未导入", str(err))
            return
        same = [info for info in self.store.list_reports()
                if info.year == report.year and info.department == report.department]
        replace = None
        if same:
            choice = dialogs.decide(self, "导入", f"数据文件中已有“{report.year}年度 {report.department}”（报告 "
                                               f"{same[0].id}）。用导入的内容替换它（不能撤销），还是另存为一份新报告？",
                                    ["替换原报告", "另存为新报告"])
            if choice is None:
                return
            replace = same[0].id if choice == 0 else None
        try:
            if replace is not None:
                self.close_document()
                self.store.replace(replace, report)
            else:
                self.store.add(report)
        except StoreError as err:
            dialogs.error(self, "未导入", str(err))
            return
        self.open_report(report.id)
        if notes:
            dialogs.inform(self, "导入完成", "\n".join(notes))

    def _pdf_bytes(self, blank: bool = False) -> bytes:
        from evaldesk.printing.pdf import build_pdf

        return build_pdf(self.document.report, blank=blank)

    def export_pdf(self, blank: bool = False) -> None:
        self._export_bytes("导出 PDF", "_空表.pdf" if blank else ".pdf", "PDF 文件 (*.pdf)",
                           lambda: self._pdf_bytes(blank))

    def export_blank_pdf(self) -> None:
        self.export_pdf(blank=True)

    def print_preview(self) -> None:
        from evaldesk.ui.preview import PreviewDialog

        dialog = PreviewDialog(self._pdf_bytes(), self)
        dialog.show()
        self._preview = dialog

    def print_report(self) -> None:
        from evaldesk.ui.preview import print_pdf

        print_pdf(self._pdf_bytes(), self)

    # ---------------------------------------------------------------- help and closing

    def about(self) -> None:
        where = self.store.path if self.store else default_db_path()
        dialogs.inform(self, "关于 evaldesk",
                       f"evaldesk {__version__}\n部门整体支出绩效评价自评报告的填报、评分、审核、打印与报送。\n\n"
                       f"数据文件：{where}\n数据文件夹：{data_folder()}\n\n每一处修改都会立即保存。"
                       "中文字体：Noto Sans SC（SIL 开放字体许可证）。")

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
        if self.store is not None:
            self.close_document()
            self.store.close()
            self.store = None
        super().closeEvent(event)
