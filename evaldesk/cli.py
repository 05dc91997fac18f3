"""The ``evaldesk`` command: the window by default, subcommands for batch work.

Every error is one Chinese line on stderr and a non-zero exit; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from evaldesk import __version__


class CliError(Exception):
    """A problem to report to the user as one line; exit code 2 unless given."""

    def __init__(self, message: str, code: int = 2):
        super().__init__(message)
        self.code = code


# argparse's own words (usage, options, its error messages), in Chinese. argparse looks them up through its
# module-level gettext alias at call time, so this table is all it takes.
_ARGPARSE_WORDS = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "the following arguments are required: %s": "缺少参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "expected one argument": "需要一个参数值",
    "invalid %(type)s value: %(value)r": "参数值 %(value)r 无效（应为%(type)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
}
argparse._ = lambda text: _ARGPARSE_WORDS.get(text, text)


class _Parser(argparse.ArgumentParser):
    """argparse that exits through CliError (one Chinese line, exit code 2)."""

    def error(self, message: str):  # noqa: D401
        # Only argparse's own type name: a blind replace turned the command 'print' into 'pr整数'.
        message = message.replace("（应为int）", "（应为整数）")
        # A value typed by mistake (a pasted file) is quoted short, not echoed whole.
        import re

        from evaldesk.model.file_errors import quote

        message = re.sub(r"'([^']{41,})'", lambda found: f"'{quote(found.group(1))}'", message)
        raise CliError(f"{message}（用 evaldesk --help 查看用法）")


def _output(path: str, suffix: str) -> Path:
    """An output file the user named: not a folder, and with the extension its content has."""
    target = Path(path)
    if target.is_dir():
        raise CliError(f"“{target}”是一个文件夹；请给出文件名，例如 {target / ('报告' + suffix)}")
    if target.suffix.lower() != suffix:
        raise CliError(f"输出文件“{target.name}”的扩展名应为 {suffix}（写出的是 {suffix[1:].upper()} 文件）")
    return target


_opened: list = []
"""Stores this command opened: closed (and their locks released) when it ends, whatever happens."""


def _store(args, *, write: bool = False):
    """The data file: read-only for a command that only reads, under the file's lock for one that writes."""
    from evaldesk.app.datafile import open_for_command
    from evaldesk.model.paths import StoreError

    if args.db is not None and not str(args.db).strip():
        raise CliError("--db 的文件名不能为空")
    try:
        _opened.append(open_for_command(args.db, write=write))
    except StoreError as err:
        raise CliError(str(err)) from None
    return _opened[-1]


def _close_stores() -> None:
    while _opened:
        _opened.pop().close()


def _report(store, args):
    """The report ``--report`` names, or the only one in the file."""
    from evaldesk.model.store import StoreError

    reports = store.list_reports()
    if args.report is None:
        if not reports:
            raise CliError("数据文件中还没有报告。可先运行 evaldesk sample 加入参考样例，或在窗口中新建报告。")
        if len(reports) > 1:
            listing = "；".join(f"{info.id} = {info.title()}" for info in reports)
            raise CliError(f"数据文件中有 {len(reports)} 份报告，请用 --report 指定编号：{listing}")
        return store.load(reports[0].id)
    try:
        return store.load(args.report)
    except StoreError as err:
        raise CliError(str(err)) from None


# ---------------------------------------------------------------- commands


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
    """打印空表 needs no filled report: the chosen (or only) report's sheet, else the default template."""
    from evaldesk.model.report import new_report
    from evaldesk.templates.library import LibraryError, find

    asked_for_a_sheet = args.template is not None or args.year is not None
    if args.report is not None or (not asked_for_a_sheet and len(store.list_reports()) == 1):
        return _report(store, args)
    from datetime import date

    try:
        template = find(args.template, store) if args.template else find(_default_template_id(), store)
    except LibraryError as err:
        raise CliError(str(err)) from None
    return new_report(args.year or date.today().year - 1, template)


def _default_template_id() -> str:
    from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID

    return DEFAULT_TEMPLATE_ID


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
        print(findings_as_text(findings))
    return 1 if any(f.severity.blocking for f in findings) else 0


def _template(store, template_id: str):
    """A template of the library (built-in or imported into the data file) by id."""
    from evaldesk.templates.library import LibraryError, find

    try:
        return find(template_id, store)
    except LibraryError as err:
        raise CliError(str(err)) from None


def cmd_new(args) -> int:
    from evaldesk.app.datafile import YEARS, create_report
    from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID

    if args.year not in YEARS:
        raise CliError(f"年度 {args.year} 不合理")
    store = _store(args, write=True)
    if args.template or not args.region:
        template = _template(store, args.template or DEFAULT_TEMPLATE_ID)
    else:  # a county named: its own built-in sheet if there is one, else the region-neutral sheet
        from evaldesk.templates.library import offered

        template = offered(store, args.region)[0].template
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


def cmd_templates(args) -> int:
    from evaldesk.templates.library import entries

    store = _store(args)
    for entry in entries(store):
        template = entry.template
        print(f"{template.id}  {template.name}（{entry.origin}，{len(template.leaves)} 个三级指标）")
    return 0


def cmd_template_import(args) -> int:
    from evaldesk.templates.files import TemplateFileError, import_template_file
    from evaldesk.templates.library import LibraryError

    store = _store(args, write=True)
    try:
        template, added = import_template_file(store, args.file, replace=args.replace)
    except (TemplateFileError, LibraryError) as err:
        raise CliError(f"未导入：{err}") from None
    if added:
        print(f"已导入评分表模板 {template.id}：{template.name}")
    else:
        print(f"数据文件中已有相同的评分表模板 {template.id}：{template.name}，未重复导入")
    return 0


def cmd_template_export(args) -> int:
    from evaldesk.files import WriteFailed
    from evaldesk.templates.files import default_template_file_name, write_template_file

    store = _store(args)
    if (args.id is None) == (args.report is None):
        raise CliError("请给出模板编号，或用 --report 指定报告（导出该报告所用的评分表），二者选一")
    template = _report(store, args).template if args.report is not None else _template(store, args.id)
    path = Path(args.output) if args.output else Path(default_template_file_name(template))
    try:
        write_template_file(template, path)
    except WriteFailed as err:
        raise CliError(str(err)) from None
    print(f"已导出评分表模板“{template.name}”：{path}")
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


def cmd_summary(args) -> int:
    """汇总: read every department's file under FOLDER (nothing is imported) and write one summary workbook."""
    from evaldesk.app.summary import NotAFolder, summarise
    from evaldesk.exchange.summary_workbook import write_summary_workbook
    from evaldesk.files import WriteFailed

    path = _output(args.output, ".xlsx")
    if not path.resolve().parent.is_dir():   # said before reading hundreds of files, not after
        raise CliError(f"无法写出汇总表：文件夹“{path.parent}”不存在")
    tty = sys.stderr.isatty()
    shown = {"step": -1}

    def progress(done: int, total: int, _name: str) -> None:
        # On a terminal one line rewritten in place; in a log a line every tenth of the way.
        step = done * 10 // total
        if tty:
            print(f"\r正在汇总：{done}/{total} 个文件", end="" if done < total else "\n", file=sys.stderr, flush=True)
        elif step != shown["step"] or done == total:
            shown["step"] = step
            print(f"正在汇总：{done}/{total} 个文件", file=sys.stderr, flush=True)

    try:
        summary = summarise(args.folder, year=args.year, progress=progress, skip=path)
    except NotAFolder as err:
        raise CliError(str(err)) from None
    if not summary.files_seen:
        raise CliError(f"文件夹“{args.folder}”及其子文件夹中没有 .xlsx 或 .json 文件，未生成汇总表", code=1)
    try:
        write_summary_workbook(summary, path)
    except WriteFailed as err:
        raise CliError(str(err)) from None
    print(f"已汇总 {summary.year} 年度 {len(summary.ranked)} 个部门（共读取 {summary.files_seen} 个文件）：{path}")
    if summary.set_aside or summary.unreadable or summary.to_check:
        print(f"注意：{len(summary.unreadable)} 个文件无法读取，{len(summary.set_aside)} 个文件未列入排名"
              f"（重复、其他年度或其他评分表），{len(summary.to_check)} 个文件需核对；详见汇总表的“问题文件”页")
    return 0


def cmd_gui(args) -> int:
    from evaldesk.ui.app import run

    return run(db=args.db)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="evaldesk", description="部门整体支出绩效评价自评报告：填报、评分、审核、打印、报送。"
                                                  "不带子命令时打开窗口。")
    parser.add_argument("--version", action="version", version=f"evaldesk {__version__}", help="显示版本号并退出")
    parser.add_argument("--db", metavar="文件", help="数据文件（默认在用户数据文件夹中）")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="子命令")

    def command(name: str, help_text: str, func, *, report: bool = True):
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--db", metavar="文件", default=argparse.SUPPRESS, help="数据文件")
        if report:
            p.add_argument("--report", type=int, metavar="编号", help="报告编号（evaldesk list 可查）")
        p.set_defaults(func=func)
        return p

    command("sample", "把参考样例（云溪区委编办 2021 年度）加入数据文件", cmd_sample, report=False)
    command("list", "列出数据文件中的报告", cmd_list, report=False)
    p = command("score", "显示评分表：各三级指标的分值、得分、状态与说明，小计、总分与等次", cmd_score)
    p.add_argument("--json", action="store_true", help="以 JSON 输出（供程序读取）")
    p = command("export", "导出报告（报送财政局的 xlsx，或 JSON）", cmd_export)
    p.add_argument("--format", choices=("xlsx", "json"), help="格式（默认按输出文件扩展名，否则 xlsx）")
    p.add_argument("-o", "--output", metavar="文件", help="输出文件（默认按“年度_预算编码_部门名称”命名）")
    p = command("import", "导入 evaldesk 导出的 JSON 或 xlsx 文件", cmd_import, report=False)
    p.add_argument("file", metavar="文件", help="evaldesk 导出的 .xlsx 报送文件或 .json 文件")
    p.add_argument("--replace", type=int, metavar="编号", help="替换这份报告，而不是新建一份")
    p = command("print", "生成打印用的 PDF（附件2-1 与评分表）", cmd_print)
    p.add_argument("-o", "--output", metavar="文件", help="输出的 PDF 文件")
    p.add_argument("--blank", action="store_true", help="打印空表，供手工填写（无需已有报告）")
    p.add_argument("--audit", action="store_true", help="打印审核结果（单独成册，不计入报告页数）")
    p.add_argument("--template", metavar="模板编号", help="空表所用的评分表（evaldesk templates 可查；默认云溪 2021）")
    p.add_argument("--year", type=int, metavar="年度", help="空表标题中的年度（默认上一年）")
    p = command("audit", "审核报告，列出错误、警告与提示；有错误时以非零状态退出", cmd_audit)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p = command("new", "新建一份空白报告", cmd_new, report=False)
    p.add_argument("--year", type=int, required=True, metavar="年度", help="报告年度，如 2022")
    p.add_argument("--department", metavar="名称", help="部门(单位)名称")
    p.add_argument("--region", metavar="地区", help="封面标题前的地区，如 某某市某某县（不填则按评分表模板的写法）")
    p.add_argument("--bureau", metavar="财政局名称", help="封面下方的财政局名称，如 某某县财政局")
    p.add_argument("--template", metavar="模板编号",
                   help="评分表模板（evaldesk templates 可查；默认云溪区 2021 参考样表，填了云溪以外的 --region 时为通用参考样表）")
    p = command("new-year", "由上年报告新建下一年度报告：带入部门信息、机构、评价人员、评分表及上年三公经费、上年结转",
                cmd_new_year)
    p.add_argument("--template", metavar="模板编号", help="改用另一评分表模板（默认沿用上年报告的评分表）")
    p = command("draft", "按报告中的数字起草评价报告综述与扣分原因（只显示，不改动报告）", cmd_draft)
    p.add_argument("--section", action="append", metavar="部分", help="只显示这一部分：概况、支出、绩效、问题、扣分原因（可重复）")
    command("templates", "列出可用的评分表模板（内置的与已导入的）及其编号", cmd_templates, report=False)
    p = command("template-import", "导入评分表模板文件（如财政局下发的新年度评分表）", cmd_template_import, report=False)
    p.add_argument("file", metavar="文件", help="评分表模板文件（.json，格式见 docs/template-format.md）")
    p.add_argument("--replace", action="store_true", help="替换已导入的同编号模板（已填报告仍保留各自的评分表）")
    p = command("template-export", "把评分表模板导出为文件（可用 --report 导出某份报告所用的、可能已调整的评分表）",
                cmd_template_export)
    p.add_argument("id", nargs="?", metavar="模板编号")
    p.add_argument("-o", "--output", metavar="文件", help="输出文件（默认为“模板编号.json”）")
    p = command("summary", "汇总文件夹（含子文件夹）中各部门报送的 xlsx / JSON 文件：重新评分、审核，生成汇总表（不导入数据文件）",
                cmd_summary, report=False)
    p.add_argument("folder", metavar="文件夹", help="放各部门报送文件的文件夹")
    p.add_argument("-o", "--output", metavar="文件", default="汇总.xlsx", help="输出的汇总表（默认为当前文件夹中的 汇总.xlsx）")
    p.add_argument("--year", type=int, metavar="年度", help="汇总哪一年度（默认为多数文件的年度）")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _run(argv)
    finally:
        _close_stores()


def _run(argv: list[str] | None) -> int:
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            return cmd_gui(args)
        return args.func(args)
    except CliError as err:
        print(f"evaldesk：{err}", file=sys.stderr)
        return err.code
    except KeyboardInterrupt:
        print("evaldesk：已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``evaldesk audit | head``): nothing is wrong, and nothing more to say.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as err:  # the last line of defence: one line, never a traceback
        from evaldesk.model.store import StoreError
        from evaldesk.model.values import Rejected

        if isinstance(err, (StoreError, Rejected)):
            print(f"evaldesk：{err}", file=sys.stderr)
            return 2
        from evaldesk.model.file_errors import quote

        print(f"evaldesk：内部错误（{type(err).__name__}: {quote(err, 200)}）。数据未受影响；请把这行信息告诉开发者。",
              file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
