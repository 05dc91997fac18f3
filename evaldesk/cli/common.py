"""What every subcommand shares: its one-line Chinese error, argparse in Chinese, the output file a user
named, the data file (opened read-only or under its lock, closed when the command ends), the report it names."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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

        from evaldesk.quoting import quote

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
    from evaldesk.datafile.errors import StoreError

    if args.db is not None and not str(args.db).strip():
        raise CliError("--db 的文件名不能为空")
    try:
        if write and getattr(args, "break_lock", False):
            _break_lock(args.db)
        _opened.append(open_for_command(args.db, write=write))
    except StoreError as err:
        raise CliError(str(err)) from None
    return _opened[-1]


def _break_lock(db) -> None:
    from evaldesk.datafile.lock import BREAK_WARNING, break_lock
    from evaldesk.paths import default_db_path

    holder = break_lock(Path(db) if db else default_db_path())
    if holder is not None:
        print(f"evaldesk：已强制解除 {holder.describe()} 对数据文件的锁定。{BREAK_WARNING}", file=sys.stderr)


def _close_stores() -> None:
    while _opened:
        _opened.pop().close()


def _report(store, args):
    """The report ``--report`` names, or the only one in the file."""
    from evaldesk.datafile.store import StoreError

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


def _template(store, template_id: str):
    """A template of the library (built-in or imported into the data file) by id."""
    from evaldesk.app import score_sheets

    try:
        return score_sheets.sheet(template_id, store)
    except score_sheets.LibraryError as err:
        raise CliError(str(err)) from None
