"""evaldesk summary: the bureau's desk — a folder of departments' files summarised into one workbook."""

from __future__ import annotations

import sys

from evaldesk.cli.common import CliError, _output


def cmd_summary(args) -> int:
    """汇总: read every department's file under FOLDER (nothing is imported) and write one summary workbook."""
    from evaldesk.app.summary import NotAFolder, summarise
    from evaldesk.app.summary_expected import ExpectedListProblem, read_expected
    from evaldesk.exchange.summary_workbook import write_summary_workbook
    from evaldesk.files import WriteFailed

    path = _output(args.output, ".xlsx")
    if not path.resolve().parent.is_dir():   # said before reading hundreds of files, not after
        raise CliError(f"无法写出汇总表：文件夹“{path.parent}”不存在")
    expected = None
    if getattr(args, "expected", None):
        try:
            expected = read_expected(args.expected)
        except ExpectedListProblem as err:
            raise CliError(str(err)) from None
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
        summary = summarise(args.folder, year=args.year, progress=progress, skip=path, expected=expected,
                            region=getattr(args, "region", ""), bureau=getattr(args, "bureau", ""))
    except NotAFolder as err:
        raise CliError(str(err)) from None
    if not summary.files_seen:
        raise CliError(f"文件夹“{args.folder}”及其子文件夹中没有 .xlsx 或 .json 文件，未生成汇总表", code=1)
    if not summary.ranked and not summary.set_aside and not summary.broken:
        raise CliError(f"文件夹“{args.folder}”及其子文件夹中没有 .xlsx 或 .json 报送文件"
                       f"（{len(summary.not_reports)} 个文件都不是报送文件），未生成汇总表", code=1)
    try:
        write_summary_workbook(summary, path)
    except WriteFailed as err:
        raise CliError(str(err)) from None
    print(f"已汇总 {summary.year} 年度 {len(summary.ranked)} 个部门（文件夹中共 {summary.files_seen} 个文件）：{path}")
    if summary.set_aside or summary.unreadable or summary.to_check or summary.missing:
        missing = f"，{len(summary.missing)} 个应报部门未报送" if summary.expected is not None else ""
        print(f"注意：{len(summary.broken)} 个文件无法读取，{len(summary.not_reports)} 个不是报送文件，"
              f"{len(summary.set_aside)} 个文件未列入排名（重复、其他年度、其他评分表或数据被改动），"
              f"{len(summary.to_check)} 个文件需核对{missing}；详见汇总表的“问题文件”页")
    return 0
