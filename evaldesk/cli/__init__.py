"""The ``evaldesk`` command: the window by default, subcommands for batch work.

Every error is one Chinese line on stderr and a non-zero exit; never a traceback. The subcommands live in
:mod:`.reports`, :mod:`.templates` and :mod:`.summary`; what they share in :mod:`.common`.
"""

from __future__ import annotations

import argparse
import sys

from evaldesk import __version__
from evaldesk.cli.common import CliError, _close_stores, _Parser


def cmd_gui(args) -> int:
    from evaldesk.ui.app import run

    if getattr(args, "break_lock", False):  # as the commands do: the lock goes (said on stderr), then the window
        from evaldesk.cli.common import _break_lock
        from evaldesk.datafile.errors import StoreError

        try:
            _break_lock(args.db)
        except StoreError as err:
            raise CliError(str(err)) from None
    return run(db=args.db)


class _NotTheWindow(Exception):
    pass


class _WindowArguments(argparse.ArgumentParser):
    """The window's own arguments, read before the whole parser is built: its fifteen subcommands and their
    modules are a tenth of the wait before the window's first paint (bench_window), and plain ``evaldesk`` needs
    none of them. Anything else (a subcommand, --help, --version, a mistake) goes to the whole parser."""

    def __init__(self):
        super().__init__(add_help=False, allow_abbrev=False, exit_on_error=False)
        self.add_argument("--db")
        self.add_argument("--break-lock", action="store_true")

    def error(self, message: str):
        raise _NotTheWindow(message)


def _window_arguments(argv: list[str] | None) -> argparse.Namespace | None:
    """The arguments when they only open the window, else None."""
    try:
        args, rest = _WindowArguments().parse_known_args(argv)
    except (_NotTheWindow, argparse.ArgumentError):
        return None
    if rest or (args.db is not None and args.db.startswith("-")):
        return None  # a subcommand or an option of the whole parser; or ``--db --help``: let it say what is wrong
    args.command = None
    return args


BREAK_HELP = ("强制解除他人留下的锁定（例如另一台计算机死机后留下的锁）后再写入。"
              "仅在确认对方已不在编辑时使用，否则两边的修改会互相覆盖")


def build_parser() -> argparse.ArgumentParser:
    from evaldesk.cli.reports import (
        cmd_audit, cmd_draft, cmd_export, cmd_import, cmd_list, cmd_new, cmd_new_year, cmd_print, cmd_sample,
        cmd_score,
    )
    from evaldesk.cli.summary import cmd_summary
    from evaldesk.cli.templates import cmd_template_export, cmd_template_import, cmd_templates

    parser = _Parser(prog="evaldesk", description="部门整体支出绩效评价自评报告：填报、评分、审核、打印、报送。"
                                                  "不带子命令时打开窗口。")
    parser.add_argument("--version", action="version", version=f"evaldesk {__version__}", help="显示版本号并退出")
    parser.add_argument("--db", metavar="文件", help="数据文件（默认在用户数据文件夹中）")
    parser.add_argument("--break-lock", action="store_true", help=BREAK_HELP)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="子命令")

    def command(name: str, help_text: str, func, *, report: bool = True):
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--db", metavar="文件", default=argparse.SUPPRESS, help="数据文件")
        p.add_argument("--break-lock", action="store_true", default=argparse.SUPPRESS, help=BREAK_HELP)
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
    p.add_argument("--template", metavar="模板编号", help="空表所用的评分表（evaldesk templates 可查；默认通用参考样表 generic-department）")
    p.add_argument("--year", type=int, metavar="年度", help="空表标题中的年度（默认上一年）")
    p = command("audit", "审核报告，列出错误、警告与提示；有错误时以非零状态退出", cmd_audit)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p = command("new", "新建一份空白报告", cmd_new, report=False)
    p.add_argument("--year", type=int, required=True, metavar="年度", help="报告年度，如 2022")
    p.add_argument("--department", metavar="名称", help="部门(单位)名称")
    p.add_argument("--region", metavar="地区", help="封面标题前的地区，如 某某市某某县（不填则按评分表模板的写法）")
    p.add_argument("--bureau", metavar="财政局名称", help="封面下方的财政局名称，如 某某县财政局")
    p.add_argument("--template", metavar="模板编号",
                   help="评分表模板（evaldesk templates 可查）。不填时：--region 为云溪区则用云溪区 2021 参考样表，"
                        "其他地区或不填地区则用不含云溪表述的通用参考样表 generic-department")
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
    p.add_argument("--expected", metavar="名单", help="应报部门名单（.xlsx / .csv，含“部门名称”列，可另有“预算编码”列；"
                                                     "或上一年度的汇总表）：汇总表列出未报送和不在名单上的部门")
    p.add_argument("--region", metavar="地区", default="", help="标题中的地区（默认取评分表的地区）")
    p.add_argument("--bureau", metavar="单位", default="", help="编制单位（默认取评分表的财政局名称）")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _run(argv)
    finally:
        _close_stores()


def _run(argv: list[str] | None) -> int:
    try:
        args = _window_arguments(argv) or build_parser().parse_args(argv)
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
        from evaldesk.datafile.store import StoreError
        from evaldesk.model.values import Rejected

        if isinstance(err, (StoreError, Rejected)):
            print(f"evaldesk：{err}", file=sys.stderr)
            return 2
        from evaldesk.quoting import quote

        print(f"evaldesk：内部错误（{type(err).__name__}: {quote(err, 200)}）。数据未受影响；请把这行信息告诉开发者。",
              file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
