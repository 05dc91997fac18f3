"""evaldesk summary: the bureau's desk — a folder of departments' files summarised into one workbook."""

from __future__ import annotations

import sys

from evaldesk.cli.common import CliError, _output


def cmd_summary(args) -> int:
    """汇总: read every department's file under FOLDER (nothing is imported) and write one summary workbook."""
    from evaldesk.app.summary_book import ExpectedListProblem, NotAFolder, NothingToSummarise, summarise_to_workbook
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
        summary = summarise_to_workbook(args.folder, path, year=args.year, progress=progress,
                                        expected=getattr(args, "expected", None), region=getattr(args, "region", ""),
                                        bureau=getattr(args, "bureau", ""))
    except (NotAFolder, ExpectedListProblem, WriteFailed) as err:
        raise CliError(str(err)) from None
    except NothingToSummarise as err:
        raise CliError(str(err), code=1) from None
    print(f"已汇总 {summary.year} 年度 {len(summary.ranked)} 个部门（文件夹中共 {summary.files_seen} 个文件）：{path}")
    if summary.set_aside or summary.unreadable or summary.to_check or summary.missing:
        missing = f"，{len(summary.missing)} 个应报部门未报送" if summary.expected is not None else ""
        print(f"注意：{len(summary.broken)} 个文件无法读取，{len(summary.not_reports)} 个不是报送文件，"
              f"{len(summary.set_aside)} 个文件未列入排名（重复、其他年度、其他评分表或数据被改动），"
              f"{len(summary.to_check)} 个文件需核对{missing}；详见汇总表的“问题文件”页")
    return 0
