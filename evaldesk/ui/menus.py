"""The window's menus and actions: which command each item runs, its keys, and when it is enabled.

Built once per window; the 报告 menu is filled each time it opens (the reports in the file change), the 最近打开
menu whenever a file is remembered. Undo and redo follow the open report's history (texts, enabled state).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from evaldesk.ui import file_actions, output_actions

if TYPE_CHECKING:
    from evaldesk.ui.main_window import MainWindow


def _action(window: MainWindow, menu, text: str, slot, shortcut=None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> None:
    """文件, 编辑, 报告, 评分表, 视图, 帮助: sets the window's ``report_actions`` (need an open report),
    ``template_actions`` (need a data file), ``undo_action``/``redo_action``, ``recent_menu``, ``reports_menu``."""
    from evaldesk.ui import template_actions

    w = window
    bar = w.menuBar()
    file_menu = bar.addMenu("文件(&F)")
    file_menu.setToolTipsVisible(True)  # a write menu disabled while read-only says why
    w.write_actions = [_action(w, file_menu, "新建报告…", w.show_welcome, QKeySequence.StandardKey.New)]
    _action(w, file_menu, "打开数据文件…", lambda: file_actions.choose_and_open(w), QKeySequence.StandardKey.Open)
    w.recent_menu = file_menu.addMenu("最近打开")
    _action(w, file_menu, "另存为…", lambda: file_actions.save_as(w), QKeySequence.StandardKey.SaveAs)
    w.backup_actions = [
        _action(w, file_menu, "备份到…", lambda: file_actions.back_up_to(w)),
        _action(w, file_menu, "从备份恢复…", lambda: file_actions.restore_from_backup(w)),
        _action(w, file_menu, "打开数据文件夹", lambda: file_actions.open_data_folder(w)),
    ]
    file_menu.addSeparator()
    w.write_actions.append(_action(w, file_menu, "导入报告（xlsx / JSON）…", lambda: output_actions.import_report(w)))
    w.report_actions = [
        w.write_actions[-1],
        _action(w, file_menu, "导出报送文件（xlsx）…", lambda: output_actions.export_workbook(w), QKeySequence("Ctrl+E")),
        _action(w, file_menu, "导出 JSON…", lambda: output_actions.export_json(w)),
    ]
    file_menu.addSeparator()
    w.report_actions += [
        _action(w, file_menu, "打印预览…", lambda: output_actions.print_preview(w), QKeySequence("Ctrl+Shift+P")),
        _action(w, file_menu, "打印…", lambda: output_actions.print_report(w), QKeySequence.StandardKey.Print),
        _action(w, file_menu, "导出 PDF…", lambda: output_actions.export_pdf(w)),
        _action(w, file_menu, "打印空表（PDF）…", lambda: output_actions.export_blank_pdf(w)),
        _action(w, file_menu, "打印审核结果…", lambda: output_actions.print_audit(w)),
    ]
    file_menu.addSeparator()
    _action(w, file_menu, "退出", w.close, QKeySequence.StandardKey.Quit)

    edit_menu = bar.addMenu("编辑(&E)")
    w.undo_action = _action(w, edit_menu, "撤销", w.undo, [QKeySequence(QKeySequence.StandardKey.Undo)])
    # Ctrl+Y as in Office/WPS, plus the platform's own redo keys — each once, or Qt finds the shortcut
    # ambiguous and does nothing (on Linux the platform's list already holds Ctrl+Y).
    redo_keys = [QKeySequence("Ctrl+Y")]
    redo_keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in redo_keys]
    w.redo_action = _action(w, edit_menu, "重做", w.redo, redo_keys)
    for action in (w.undo_action, w.redo_action):
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)

    w.reports_menu = bar.addMenu("报告(&R)")
    w.reports_menu.aboutToShow.connect(lambda: fill_reports_menu(w))
    w.reports_menu.setToolTipsVisible(True)
    w.template_menu = bar.addMenu("评分表(&T)")
    w.template_menu.setToolTipsVisible(True)
    switch = _action(w, w.template_menu, "更换本报告的评分表…", lambda: template_actions.switch_template(w))
    w.report_actions += [
        switch,
        _action(w, w.template_menu, "导出本报告的评分表…", lambda: template_actions.export_template(w)),
        _action(w, w.template_menu, "编辑评分表…", lambda: _edit_template(w)),
    ]
    w.template_actions = [
        _action(w, w.template_menu, "导入评分表模板…", lambda: template_actions.import_template(w)),
    ]
    w.write_actions += [switch, w.report_actions[-1], w.template_actions[0]]
    view_menu = bar.addMenu("视图(&V)")
    view_menu.addAction(w.audit_dock.toggleViewAction())
    _font_size_menu(w, view_menu.addMenu("字号"))
    help_menu = bar.addMenu("帮助(&H)")
    _action(w, help_menu, "使用说明", lambda: _guide(w), QKeySequence("F1"))
    _action(w, help_menu, "关于 evaldesk", w.about)
    fill_recent_menu(w)
    update_actions(w)


def _font_size_menu(window: MainWindow, menu) -> None:
    """标准 / 较大 / 特大, the chosen one checked; sets ``window.font_size_actions``."""
    from PySide6.QtGui import QActionGroup

    from evaldesk.ui import screen

    group = QActionGroup(menu)
    window.font_size_actions = {}
    chosen = screen.font_size_name(window.settings)
    for name, points in screen.FONT_SIZES.items():
        action = _action(window, menu, f"{name}（{points:g} 磅）", lambda _checked=False, n=name: window.set_font_size(n))
        action.setCheckable(True)
        action.setChecked(name == chosen)
        group.addAction(action)
        window.font_size_actions[name] = action


def _edit_template(window: MainWindow) -> None:
    from evaldesk.ui.template_editor import open_editor

    open_editor(window)


def _next_year(window: MainWindow) -> None:
    from evaldesk.ui import template_actions

    template_actions.next_year(window)


def _guide(window: MainWindow) -> None:
    from evaldesk.ui.help import show_guide

    show_guide(window)


def fill_reports_menu(window: MainWindow) -> None:
    """The reports in the file (the open one checked), then new / next year / the sample / delete."""
    menu = window.reports_menu
    menu.clear()
    if window.store is None:
        return
    current = window.document.report.id if window.document else None
    reports = window.store.list_reports()
    for info in reports:
        action = QAction(f"{info.id}　{report_menu_text(info, reports)}", menu)
        action.setCheckable(True)
        action.setChecked(info.id == current)
        action.triggered.connect(lambda _checked=False, rid=info.id: window.open_report(rid))
        menu.addAction(action)
    menu.addSeparator()
    new = _action(window, menu, "新建报告…", window.show_welcome)
    next_year = _action(window, menu, "从本报告新建下一年度…", lambda: _next_year(window))
    next_year.setEnabled(window.document is not None)
    sample = _action(window, menu, "加入参考样例", lambda: file_actions.add_sample(window))
    delete = _action(window, menu, "删除当前报告…", lambda: file_actions.delete_report(window))
    delete.setEnabled(window.document is not None)
    refuse_while_read_only(window, [new, next_year, sample, delete])
    menu.addSeparator()
    from evaldesk.ui.summary_actions import summarise_folder  # the bureau's desk: needs no open report

    _action(window, menu, "汇总报送文件…", lambda: summarise_folder(window))


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


def fill_recent_menu(window: MainWindow) -> None:
    menu = window.recent_menu
    menu.clear()
    for path in window.settings.get("recent", []):
        action = QAction(path, menu)
        action.triggered.connect(lambda _checked=False, p=path: file_actions.open_path(window, p))
        menu.addAction(action)
    menu.setEnabled(bool(window.settings.get("recent")))


def update_actions(window: MainWindow) -> None:
    """Enable what applies now; undo and redo say what they would undo or redo."""
    has_report = window.document is not None
    for action in window.report_actions:
        action.setEnabled(has_report)
    for action in getattr(window, "template_actions", []):
        action.setEnabled(window.store is not None)
    backup_to, _restore, _folder = window.backup_actions
    backup_to.setEnabled(window.store is not None)  # restoring and the folder also serve a file that did not open
    refuse_while_read_only(window, window.write_actions)
    document = window.document
    window.undo_action.setEnabled(bool(document and document.can_undo()))
    window.redo_action.setEnabled(bool(document and document.can_redo()))
    if document:
        window.undo_action.setText(f"撤销 {document.history.undo_text()}".strip())
        window.redo_action.setText(f"重做 {document.history.redo_text()}".strip())


READ_ONLY_TIP = "只读：此数据文件正由他人编辑或不可写入，不能修改。请等对方关闭后重新打开文件。"


def refuse_while_read_only(window: MainWindow, actions) -> None:
    """In a read-only window the menus that would write are disabled and say why (rather than answer with a
    refusal after the filler chose them)."""
    read_only = window.store is not None and window.store.read_only
    for action in actions:
        if read_only:
            action.setEnabled(False)
        action.setToolTip(READ_ONLY_TIP if read_only else action.text().rstrip("…"))
        action.setStatusTip(READ_ONLY_TIP if read_only else "")
