"""evaldesk summary: the bureau's desk — a folder of departments' files summarised into one workbook."""

from __future__ import annotations

import sys

from evaldesk.cli.common import CliError, _output


def cmd_summary(args) -> int:
    """汇总: read every department's file under FOLDER (nothing is imported) and write one summary workbook."""
    from evaldesk.app.summary_book import NotAFolder, NothingToSummarise, summarise_to_workbook
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
        summary = summarise_to_workbook(args.folder, path, year=args.year, progress=progress)
    except (NotAFolder, WriteFailed) as err:
        raise CliError(str(err)) from None
    except NothingToSummarise as err:
        raise CliError(str(err), code=1) from None
    print(f"已汇总 {summary.year} 年度 {len(summary.ranked)} 个部门（共读取 {summary.files_seen} 个文件）：{path}")
    if summary.set_aside or summary.unreadable or summary.to_check:
        print(f"注意：{len(summary.unreadable)} 个文件无法读取，{len(summary.set_aside)} 个文件未列入排名"
              f"（重复、其他年度或其他评分表），{len(summary.to_check)} 个文件需核对；详见汇总表的“问题文件”页")
    return 0
