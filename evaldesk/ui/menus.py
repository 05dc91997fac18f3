"""The window's menus, built from its controllers' actions: which menu each sits in, and when it is enabled.

Built once per window; the 报告 menu is filled each time it opens (the reports in the file change). Undo and redo
follow the open report's history (texts, enabled state).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from evaldesk.ui import screen
from evaldesk.ui.file_actions import Files, make_action
from evaldesk.ui.output_actions import Output
from evaldesk.ui.summary_actions import SummaryDesk
from evaldesk.ui.template_actions import Templates

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QMenu

    from evaldesk.ui.settings import Settings

READ_ONLY_TIP = "只读：此数据文件正由他人编辑或不可写入，不能修改。请等对方关闭后重新打开文件。"


class Menus:
    """文件, 编辑, 报告, 评分表, 视图, 帮助 on ``window``'s menu bar. Sets the lists the enabling reads:
    ``report_actions`` (need an open report), ``file_actions`` (need a data file), ``write_actions`` (refused
    while read-only); and ``undo_action``, ``redo_action``, ``reports_menu``, ``font_size_actions``."""

    def __init__(self, window: QMainWindow, settings: Settings, files: Files, output: Output,
                 templates: Templates, summary: SummaryDesk):
        self.window, self.files, self.templates, self.summary = window, files, templates, summary
        w = window
        bar = w.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        file_menu.setToolTipsVisible(True)  # a write menu disabled while read-only says why
        self.new_action = make_action(w, "新建报告…", w.show_welcome, QKeySequence.StandardKey.New)
        _add(file_menu, self.new_action, files.open_action)
        file_menu.addMenu(files.recent_menu)
        _add(file_menu, files.save_as_action, files.back_up_action, files.restore_action, files.folder_action)
        file_menu.addSeparator()
        _add(file_menu, output.import_action, output.export_workbook_action, output.export_json_action)
        file_menu.addSeparator()
        _add(file_menu, output.preview_action, output.print_action, output.export_pdf_action,
             output.blank_pdf_action, output.audit_action)
        file_menu.addSeparator()
        _add(file_menu, make_action(w, "退出", w.close, QKeySequence.StandardKey.Quit))

        edit_menu = bar.addMenu("编辑(&E)")
        self.undo_action = make_action(w, "撤销", w.undo, [QKeySequence(QKeySequence.StandardKey.Undo)])
        # Ctrl+Y as in Office/WPS, plus the platform's own redo keys — each once, or Qt finds the shortcut
        # ambiguous and does nothing (on Linux the platform's list already holds Ctrl+Y).
        redo_keys = [QKeySequence("Ctrl+Y")]
        redo_keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in redo_keys]
        self.redo_action = make_action(w, "重做", w.redo, redo_keys)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        _add(edit_menu, self.undo_action, self.redo_action)

        self.reports_menu = bar.addMenu("报告(&R)")
        self.reports_menu.aboutToShow.connect(self.fill_reports_menu)
        self.reports_menu.setToolTipsVisible(True)
        template_menu = bar.addMenu("评分表(&T)")
        template_menu.setToolTipsVisible(True)
        _add(template_menu, templates.switch_action, templates.export_action, templates.edit_action,
             templates.import_action)
        view_menu = bar.addMenu("视图(&V)")
        view_menu.addAction(w.audit_dock.toggleViewAction())
        self.font_size_actions = self._font_size_menu(view_menu.addMenu("字号"), screen.font_size_name(settings))
        help_menu = bar.addMenu("帮助(&H)")
        _add(help_menu, make_action(w, "使用说明", w.show_guide, QKeySequence("F1")),
             make_action(w, "关于 evaldesk", w.about))

        self.report_actions = [output.import_action, output.export_workbook_action, output.export_json_action,
                               output.preview_action, output.print_action, output.export_pdf_action,
                               output.blank_pdf_action, output.audit_action, templates.switch_action,
                               templates.export_action, templates.edit_action]
        self.file_actions = [templates.import_action, files.back_up_action]  # restoring and the folder also
        # serve a file that did not open
        self.write_actions = [self.new_action, output.import_action, templates.switch_action,
                              templates.edit_action, templates.import_action]

    def _font_size_menu(self, menu: QMenu, chosen: str) -> dict[str, QAction]:
        """标准 / 较大 / 特大, the chosen one checked."""
        group = QActionGroup(menu)
        actions = {}
        for name, points in screen.FONT_SIZES.items():
            action = make_action(self.window, f"{name}（{points:g} 磅）",
                                 lambda _checked=False, n=name: self.window.set_font_size(n))
            action.setCheckable(True)
            action.setChecked(name == chosen)
            group.addAction(action)
            menu.addAction(action)
            actions[name] = action
        return actions

    def fill_reports_menu(self) -> None:
        """The reports in the file (the open one checked), then new / next year / the sample / delete."""
        menu, store, document = self.reports_menu, self.files.store, self.window.document
        menu.clear()
        if store is None:
            return
        current = document.report.id if document else None
        reports = store.list_reports()
        for info in reports:
            action = QAction(f"{info.id}　{report_menu_text(info, reports)}", menu)
            action.setCheckable(True)
            action.setChecked(info.id == current)
            action.triggered.connect(lambda _checked=False, rid=info.id: self.window.open_report(rid))
            menu.addAction(action)
        menu.addSeparator()
        new = make_action(menu, "新建报告…", self.window.show_welcome)
        next_year = make_action(menu, "从本报告新建下一年度…", self.templates.next_year)
        next_year.setEnabled(document is not None)
        sample = make_action(menu, "加入参考样例", self.files.add_sample)
        delete = make_action(menu, "删除当前报告…", self.files.delete_report)
        delete.setEnabled(document is not None)
        _add(menu, new, next_year, sample, delete)
        self._refuse_while_read_only([new, next_year, sample, delete])
        menu.addSeparator()
        menu.addAction(self.summary.summary_action)  # the bureau's desk: needs no open report

    def update(self) -> None:
        """Enable what applies now; undo and redo say what they would undo or redo."""
        document, store = self.window.document, self.files.store
        for action in self.report_actions:
            action.setEnabled(document is not None)
        for action in self.file_actions:
            action.setEnabled(store is not None)
        self._refuse_while_read_only(self.write_actions)
        self.undo_action.setEnabled(bool(document and document.can_undo()))
        self.redo_action.setEnabled(bool(document and document.can_redo()))
        if document:
            self.undo_action.setText(f"撤销 {document.history.undo_text()}".strip())
            self.redo_action.setText(f"重做 {document.history.redo_text()}".strip())

    def show_font_size(self, name: str) -> None:
        self.font_size_actions[name].setChecked(True)

    def _refuse_while_read_only(self, actions) -> None:
        """In a read-only window the menus that would write are disabled and say why (rather than answer with a
        refusal after the filler chose them)."""
        store = self.files.store
        read_only = store is not None and store.read_only
        for action in actions:
            if read_only:
                action.setEnabled(False)
            action.setToolTip(READ_ONLY_TIP if read_only else action.text().rstrip("…"))
            action.setStatusTip(READ_ONLY_TIP if read_only else "")


def _add(menu, *actions: QAction) -> None:
    for action in actions:
        menu.addAction(action)


def report_menu_text(info, reports) -> str:
    """A report as the 报告 menu names it. Two reports with the same year and department (an import kept as new,
    a copy to try something) are told apart by what differs: 预算编码, the score sheet, when last changed."""
    same = [other for other in reports if other.title() == info.title()]
    if len(same) < 2:
        return info.title()
    marks = []
    if len({other.budget_code for other in same}) > 1:
        marks.append(f"预算编码 {info.budget_code or '未填'}")
    if len({other.template_name for other in same}) > 1:
        marks.append(f"评分表 {info.template_name}")
    marks.append(f"修改于 {info.updated_at.replace('T', ' ')[:16]}")
    return f"{info.title()}（{'，'.join(marks)}）"
