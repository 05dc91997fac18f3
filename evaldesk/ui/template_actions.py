"""The window's 评分表 menu and 下一年度 command: which score sheet a report uses, template files, the editor, next
year.

A report keeps the template it was filled with; switching is an edit (undoable); imported templates are kept in
the data file for every report in it. The work is the application layer's (:mod:`evaldesk.app.score_sheets`,
:mod:`evaldesk.app.next_year`); here are the dialogs around it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from shiboken6 import isValid

from evaldesk.app import score_sheets
from evaldesk.files import WriteFailed
from evaldesk.model.edits import SetTemplate
from evaldesk.datafile.errors import StoreError
from evaldesk.ui import dialogs
from evaldesk.ui.file_actions import make_action

if TYPE_CHECKING:
    from evaldesk.ui.file_actions import Files
    from evaldesk.ui.settings import Settings
    from evaldesk.ui.shell import ReportShell
    from evaldesk.ui.template_editor import TemplateEditor


def template_names(store) -> tuple[list, list[str]]:
    found = score_sheets.choices(store)
    return found, [score_sheets.describe(entry) for entry in found]


class Templates(QObject):
    """The score sheets of the open report and of the data file; the 评分表编辑器 (``editor``, once opened).
    Its actions: ``switch_action``, ``export_action``, ``edit_action`` (need a report), ``import_action``."""

    def __init__(self, shell: ReportShell, files: Files, settings: Settings):
        super().__init__(shell)
        self.shell, self.files, self.settings = shell, files, settings
        self.editor: TemplateEditor | None = None
        self.switch_action = make_action(shell, "更换本报告的评分表…", self.switch_template)
        self.export_action = make_action(shell, "导出本报告的评分表…", self.export_template)
        self.edit_action = make_action(shell, "编辑评分表…", self.edit_template)
        self.import_action = make_action(shell, "导入评分表模板…", self.import_template)

    def import_template(self) -> None:
        path = dialogs.open_file(self.shell, "导入评分表模板", str(Path.home()), "评分表模板 (*.json)")
        if not path:
            return
        try:
            template, added = score_sheets.import_file(self.files.store, path)
        except score_sheets.TemplateRefused as err:
            dialogs.error(self.shell, "未导入评分表模板", str(err))
            return
        message = (f"已导入评分表模板“{template.name}”（编号 {template.id}）。可用“评分表 → 更换本报告的评分表”选用。"
                   if added else f"数据文件中已有完全相同的模板“{template.name}”，无需再导入。")
        dialogs.inform(self.shell, "导入评分表模板", message)

    def export_template(self) -> None:
        template = self.shell.document.report.template
        folder = Path(self.settings.get("export_folder") or Path.home())
        path = dialogs.save_file(self.shell, "导出本报告的评分表", str(folder / score_sheets.file_name(template)),
                                 "评分表模板 (*.json)")
        if not path:
            return
        try:
            score_sheets.export(template, path)
        except WriteFailed as err:
            dialogs.error(self.shell, "导出失败", str(err))
            return
        self.shell.say(f"已导出评分表模板 {path}")

    def switch_template(self) -> None:
        document = self.shell.document
        report = document.report
        found, names = template_names(self.files.store)
        current = next((i for i, e in enumerate(found) if e.template == report.template), 0)
        index = dialogs.choose(self.shell, "更换本报告的评分表",
                               "本报告改用哪一张评分表？（已填的评分数据保留；可撤销）", names, current)
        if index is None or found[index].template == report.template:
            return
        document.apply(SetTemplate(found[index].template, "更换评分表"), merge=False)
        self.shell.say(f"本报告现在使用“{found[index].template.name}”")

    def edit_template(self) -> TemplateEditor | None:
        """评分表 → 编辑评分表…: show the editor for the open report (one editor per window)."""
        # Imported when first asked for: the editor's modules are a tenth of the window's, and few open it.
        from evaldesk.ui.template_editor import TemplateEditor

        document = self.shell.document
        if document is None:
            return None
        if self.editor is None:
            self.editor = TemplateEditor(self.shell, document, self._shown_document)
            self.editor.destroyed.connect(self._editor_gone)
        else:
            self.editor.bind(document)
            self.editor.refresh()
        self.editor.show()
        self.editor.raise_()
        self.editor.activateWindow()
        self.editor.tree.setFocus()
        return self.editor

    def _shown_document(self):
        """The report the window shows now (None once the window is going)."""
        return self.shell.document if isValid(self.shell) else None

    def _editor_gone(self, *_args) -> None:
        self.editor = None

    def next_year(self) -> None:
        # Imported when asked for: next year's rules (templates.newyear) are not loaded before a report's paint.
        from evaldesk.app.next_year import create_next_year

        report = self.shell.document.report
        found, names = template_names(self.files.store)
        current = next((i for i, e in enumerate(found) if e.template == report.template), 0)
        index = dialogs.choose(self.shell, f"新建 {report.year + 1} 年度报告",
                               f"从“{report.year}年度 {report.department}”新建下一年度报告：部门信息、人员编制、机构、"
                               "评价人员等带入，上年结转取本年累计结余，上年三公经费取本年三公合计；各项金额、得分和"
                               "评价文字留空。\n\n下一年度使用哪一张评分表？", names, current)
        if index is None:
            return
        try:
            new, carried = create_next_year(self.files.store, report.id, found[index].template)
        except StoreError as err:
            dialogs.error(self.shell, "无法新建下一年度报告", str(err))
            return
        self.shell.open_report(new.id, tab=0)
        count = len(carried.fields) + len(carried.cells)
        self.shell.say(f"已新建 {new.year} 年度报告，从 {report.year} 年度带入 {count} 项（标为“上年带入”，可修改）", 12000)
