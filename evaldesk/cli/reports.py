"""The subcommands about reports: sample, list, score, export, import, print, audit, new, new-year, draft."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from evaldesk.cli.common import CliError, _output, _report, _store, _template


def cmd_sample(args) -> int:
    from evaldesk.app.datafile import add_sample

    store = _store(args, write=True)
    report = add_sample(store)
    print(f"已加入参考样例：报告编号 {report.id}，{report.year}年度 {report.department}（{store.path}）")
    return 0


def cmd_list(args) -> int:
    from evaldesk.scoring.engine import score_report

    store = _store(args)
    reports = store.list_reports()
    if not reports:
        print(f"{store.path} 中还没有报告。")
        return 0
    print(f"数据文件：{store.path}")
    for info in reports:
        sheet = score_report(store.load(info.id))
        print(f"{info.id:>4}  {info.year}年度  {info.department or '（未填部门名称）'}  预算编码 {info.budget_code or '—'}"
              f"  {sheet.summary_line()}  最后修改 {info.updated_at.replace('T', ' ')}")
    return 0


def cmd_score(args) -> int:
    from evaldesk.scoring.engine import score_report
    from evaldesk.scoring.report_text import sheet_as_data, sheet_as_text

    store = _store(args)
    report = _report(store, args)
    sheet = score_report(report)
    if args.json:
        print(json.dumps(sheet_as_data(report, sheet), ensure_ascii=False, indent=2))
    else:
        print(sheet_as_text(report, sheet))
    return 0


def _output_path(args, report, suffix: str) -> Path:
    if args.output:
        return _output(args.output, suffix)
    from evaldesk.app.output import suggested_name

    return Path(suggested_name(report, suffix))


def cmd_export(args) -> int:
    from evaldesk.app import output
    from evaldesk.files import WriteFailed

    store = _store(args)
    report = _report(store, args)
    fmt = args.format or (Path(args.output).suffix.lstrip(".").lower() if args.output else "xlsx")
    if args.output and Path(args.output).is_dir():
        _output(args.output, "." + (args.format or "xlsx"))
    if fmt not in ("json", "xlsx"):
        raise CliError(f"不支持的导出格式“{fmt or '（无扩展名）'}”：输出文件应以 .xlsx 或 .json 结尾，或用 --format 指定")
    path = _output_path(args, report, "." + fmt)
    try:
        if fmt == "json":
            output.export_json(report, path)
        else:
            from evaldesk.exchange.workbook import ExportRefused

            try:
                notes = output.export_workbook(report, path)
            except ExportRefused as err:
                raise CliError(str(err), code=1) from None
            for note in notes:
                print(f"注意：{note}")
    except WriteFailed as err:
        raise CliError(str(err)) from None
    print(f"已导出：{path}")
    return 0


def cmd_import(args) -> int:
    from evaldesk.app.importing import (
        NotAReportFile,
        find_same,
        read_report_file,
        store_imported,
    )
    from evaldesk.exchange.report_json import ExchangeError

    try:
        read = read_report_file(args.file)
    except NotAReportFile as err:
        raise CliError(str(err)) from None
    except ExchangeError as err:
        raise CliError(f"未导入：{err}") from None
    if read.changed_after_export:
        print(f"警告：数据指纹不符。{read.fingerprint_note}", file=sys.stderr)
    for note in read.notes:
        if not (read.changed_after_export and note == read.fingerprint_note):
            print(f"注意：{note}", file=sys.stderr)
    report = read.report
    store = _store(args, write=True)
    same = find_same(store, report)
    if same is not None and same.id != args.replace:
        if same.identical:
            print(f"注意：数据文件中的报告 {same.id} 与这个文件完全相同（数据指纹一致）；如是误导入，可在窗口中删除新的一份。",
                  file=sys.stderr)
        elif args.replace is None:
            print(f"注意：数据文件中已有同一部门的这一年度报告 {same.id}（{same.title}），内容不同；这个文件另存为新报告。"
                  f"如要用它替换报告 {same.id}，请改用 --replace {same.id}。", file=sys.stderr)
    rid = store_imported(store, report, args.replace)
    if args.replace is not None:
        print(f"已导入并替换报告 {rid}：{report.year}年度 {report.department}")
    else:
        print(f"已导入为新报告 {rid}：{report.year}年度 {report.department}")
    return 0


def _blank_form_report(store, args):
    """打印空表 needs no filled report: the chosen (or only) report's sheet, else the region-neutral sheet."""
    from evaldesk.model.report import new_report
    from evaldesk.app import score_sheets

    asked_for_a_sheet = args.template is not None or args.year is not None
    if args.report is not None or (not asked_for_a_sheet and len(store.list_reports()) == 1):
        return _report(store, args)
    from datetime import date

    try:
        template = score_sheets.sheet(args.template, store)
    except score_sheets.LibraryError as err:
        raise CliError(str(err)) from None
    return new_report(args.year or date.today().year - 1, template)


AUDIT_PDF_SUFFIX = "_审核结果.pdf"


def cmd_print(args) -> int:
    from evaldesk.app.output import export_pdf
    from evaldesk.files import WriteFailed

    if args.audit and args.blank:
        raise CliError("--audit 与 --blank 不能同时使用：空表没有可审核的内容")
    store = _store(args)
    report = _blank_form_report(store, args) if args.blank else _report(store, args)
    suffix = AUDIT_PDF_SUFFIX if args.audit else ".pdf"
    path = _output(args.output, ".pdf") if args.output else _output_path(args, report, suffix)
    try:
        if args.audit:
            from evaldesk.app.output import export_audit_pdf

            export_audit_pdf(report, path)
        else:
            export_pdf(report, path, blank=args.blank)
    except WriteFailed as err:
        raise CliError(str(err)) from None
    kind = "审核结果" if args.audit else "空表" if args.blank else ""
    print(f"已生成{kind} PDF：{path}")
    return 0


def cmd_audit(args) -> int:
    from evaldesk.audit.engine import audit_report, findings_as_data, findings_as_text

    store = _store(args)
    report = _report(store, args)
    findings = audit_report(report)
    if args.json:
        print(json.dumps(findings_as_data(findings), ensure_ascii=False, indent=2))
    else:
        print(findings_as_text(findings, report))
    return 1 if any(f.severity.blocking for f in findings) else 0


def cmd_new(args) -> int:
    from evaldesk.app.datafile import YEARS, create_report

    if args.year not in YEARS:
        raise CliError(f"年度 {args.year} 不合理")
    store = _store(args, write=True)
    if args.template:
        template = _template(store, args.template)
    else:  # Yunxi's own sheet for 云溪区; for any other county, or none named, the region-neutral sheet
        from evaldesk.app import score_sheets

        template = score_sheets.for_region(store, args.region or "")[0].template
    report = create_report(store, args.year, args.department or "", template, region=args.region or "",
                           bureau=args.bureau or "")
    print(f"已新建报告 {report.id}：{report.year}年度 {report.department or '（未填部门名称）'}，评分表“{template.name}”")
    return 0


def cmd_new_year(args) -> int:
    from evaldesk.app.next_year import create_next_year

    store = _store(args, write=True)
    old = _report(store, args)
    template = _template(store, args.template) if args.template else None
    new, carried = create_next_year(store, old.id, template)
    print(f"已由报告 {old.id}（{old.year}年度）新建 {new.year}年度报告 {new.id}：{new.department or '（未填部门名称）'}，"
          f"评分表“{new.template.name}”；带入 {len(carried.fields)} 项数据、{len(carried.cells)} 个上年结转金额，均可修改")
    return 0


def cmd_draft(args) -> int:
    from evaldesk.drafts.summary import draft_summary
    from evaldesk.drafts.text import draft_as_text, gaps_line, section_id
    from evaldesk.scoring.engine import score_report

    report = _report(_store(args), args)
    sheet = score_report(report)
    draft = draft_summary(report, sheet)
    ids = [section_id(name, draft) for name in args.section or []]
    if None in ids:
        raise CliError(f"没有“{args.section[ids.index(None)]}”这一部分；可写 概况、支出、绩效、问题 或 扣分原因")
    print(draft_as_text(draft, sheet, ids))
    if gaps_line(draft, ids):
        print(gaps_line(draft, ids), file=sys.stderr)
    return 0
