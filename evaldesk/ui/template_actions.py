"""The window's 评分表 menu and 下一年度 command: which score sheet a report uses, template files, next year.

A report keeps the template it was filled with; switching is an edit (undoable); imported templates are kept in
the data file for every report in it.
"""

from __future__ import annotations

from pathlib import Path

from evaldesk.ui import dialogs


def template_names(store) -> tuple[list, list[str]]:
    from evaldesk.templates.library import entries

    found = entries(store)
    return found, [f"{e.template.name}（{'内置' if e.builtin else '已导入'}，编号 {e.template.id}）" for e in found]


def import_template(window) -> None:
    from evaldesk.templates.files import TemplateFileError, import_template_file
    from evaldesk.templates.library import LibraryError

    path = dialogs.open_file(window, "导入评分表模板", str(Path.home()), "评分表模板 (*.json)")
    if not path:
        return
    try:
        template, added = import_template_file(window.store, path)
    except (TemplateFileError, LibraryError) as err:
        dialogs.error(window, "未导入评分表模板", str(err))
        return
    message = (f"已导入评分表模板“{template.name}”（编号 {template.id}）。可用“评分表 → 更换本报告的评分表”选用。"
               if added else f"数据文件中已有完全相同的模板“{template.name}”，无需再导入。")
    dialogs.inform(window, "导入评分表模板", message)


def export_template(window) -> None:
    from evaldesk.files import WriteFailed
    from evaldesk.templates.files import default_template_file_name, write_template_file

    template = window.document.report.template
    folder = Path(window.settings.get("export_folder") or Path.home())
    path = dialogs.save_file(window, "导出本报告的评分表", str(folder / default_template_file_name(template)),
                             "评分表模板 (*.json)")
    if not path:
        return
    try:
        write_template_file(template, path)
    except WriteFailed as err:
        dialogs.error(window, "导出失败", str(err))
        return
    window.statusBar().showMessage(f"已导出评分表模板 {path}", 8000)


def switch_template(window) -> None:
    from evaldesk.model.edits import SetTemplate  # here, not at start-up: the menu is built before first paint

    report = window.document.report
    found, names = template_names(window.store)
    current = next((i for i, e in enumerate(found) if e.template == report.template), 0)
    index = dialogs.choose(window, "更换本报告的评分表",
                           "本报告改用哪一张评分表？（已填的评分数据保留；可撤销）", names, current)
    if index is None or found[index].template == report.template:
        return
    window.document.apply(SetTemplate(found[index].template, "更换评分表"), merge=False)
    window.statusBar().showMessage(f"本报告现在使用“{found[index].template.name}”", 8000)


def next_year(window) -> None:
    from evaldesk.datafile.errors import StoreError
    from evaldesk.app.next_year import create_next_year

    report = window.document.report
    found, names = template_names(window.store)
    current = next((i for i, e in enumerate(found) if e.template == report.template), 0)
    index = dialogs.choose(window, f"新建 {report.year + 1} 年度报告",
                           f"从“{report.year}年度 {report.department}”新建下一年度报告：部门信息、人员编制、机构、"
                           "评价人员等带入，上年结转取本年累计结余，上年三公经费取本年三公合计；各项金额、得分和"
                           "评价文字留空。\n\n下一年度使用哪一张评分表？", names, current)
    if index is None:
        return
    try:
        new, carried = create_next_year(window.store, report.id, found[index].template)
    except StoreError as err:
        dialogs.error(window, "无法新建下一年度报告", str(err))
        return
    window.open_report(new.id)
    window.tabs.setCurrentIndex(0)
    count = len(carried.fields) + len(carried.cells)
    window.statusBar().showMessage(f"已新建 {new.year} 年度报告，从 {report.year} 年度带入 {count} 项（标为“上年带入”，"
                                   "可修改）", 12000)
