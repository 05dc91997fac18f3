"""The subcommands about score-sheet templates: templates, template-import, template-export."""

from __future__ import annotations

from pathlib import Path

from evaldesk.app import score_sheets
from evaldesk.cli.common import CliError, _report, _store, _template


def cmd_templates(args) -> int:
    store = _store(args)
    for entry in score_sheets.choices(store):
        template = entry.template
        print(f"{template.id}  {template.name}（{entry.origin}，{len(template.leaves)} 个三级指标）")
    return 0


def cmd_template_import(args) -> int:
    store = _store(args, write=True)
    try:
        template, added = score_sheets.import_file(store, args.file, replace=args.replace)
    except score_sheets.TemplateRefused as err:
        raise CliError(f"未导入：{err}") from None
    if added:
        print(f"已导入评分表模板 {template.id}：{template.name}")
    else:
        print(f"数据文件中已有相同的评分表模板 {template.id}：{template.name}，未重复导入")
    return 0


def cmd_template_export(args) -> int:
    from evaldesk.files import WriteFailed

    store = _store(args)
    if (args.id is None) == (args.report is None):
        raise CliError("请给出模板编号，或用 --report 指定报告（导出该报告所用的评分表），二者选一")
    template = _report(store, args).template if args.report is not None else _template(store, args.id)
    path = Path(args.output) if args.output else Path(score_sheets.file_name(template))
    try:
        score_sheets.export(template, path)
    except WriteFailed as err:
        raise CliError(str(err)) from None
    print(f"已导出评分表模板“{template.name}”：{path}")
    return 0
