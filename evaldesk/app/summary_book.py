"""汇总报送文件: a folder of departments' files read (:func:`evaldesk.app.summary.summarise`) and written as the
bureau's one summary workbook; for the window and the command alike. Nothing is imported into any data file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from evaldesk.app.summary import NotAFolder, Progress, Summary, SummaryCancelled, summarise
from evaldesk.app.summary_expected import ExpectedListProblem, read_expected
from evaldesk.exchange.summary_workbook import write_summary_workbook

__all__ = ["ExpectedListProblem", "NotAFolder", "NothingToSummarise", "SummaryCancelled", "summarise_to_workbook"]


class NothingToSummarise(ValueError):
    """The folder holds no .xlsx or .json file; the text says so."""


def summarise_to_workbook(folder: Path | str, output: Path, *, year: int | None = None,
                          expected: Path | str | None = None, region: str = "", bureau: str = "",
                          progress: Progress | None = None,
                          cancelled: Callable[[], bool] | None = None) -> Summary | None:
    """Read every department's file under ``folder`` and write the summary workbook ``output``; the summary, or
    None when ``cancelled`` became true (nothing is written then). ``expected``: a file listing the departments the
    bureau expects (their 未报送 is listed); ``region`` and ``bureau`` head the first page. Raises NotAFolder,
    ExpectedListProblem, NothingToSummarise or WriteFailed with a Chinese message."""
    expected_list = read_expected(expected) if expected else None   # said before reading hundreds of files
    try:
        summary = summarise(folder, year=year, progress=progress, cancelled=cancelled, skip=output,
                            expected=expected_list, region=region, bureau=bureau)
    except SummaryCancelled:
        return None
    if summary.files_seen == 0:
        raise NothingToSummarise(f"文件夹“{folder}”及其子文件夹中没有 .xlsx 或 .json 文件，未生成汇总表")
    if not summary.ranked and not summary.set_aside and not summary.broken:
        raise NothingToSummarise(f"文件夹“{folder}”及其子文件夹中没有 .xlsx 或 .json 报送文件"
                                 f"（{len(summary.not_reports)} 个文件都不是报送文件），未生成汇总表")
    if cancelled is not None and cancelled():
        return None
    write_summary_workbook(summary, output)
    return summary
