"""Every SQLite and OS error a filler can meet is a Chinese sentence saying what to do; input is quoted short."""

import errno
import sqlite3

import pytest

from evaldesk.files import UnreadableJson, parse_json
from evaldesk.model.edits import RenameUnit, SetField
from evaldesk.datafile.errors import CannotWrite, DamagedFile, StoreError
from evaldesk.datafile.file_errors import explain
from evaldesk.quoting import quote
from evaldesk.model.values import Rejected


@pytest.mark.parametrize("message, kind, words", [
    ("database or disk is full", CannotWrite, "磁盘空间已满"),
    ("disk I/O error", StoreError, "读写磁盘时出错"),
    ("attempt to write a readonly database", CannotWrite, "只读"),
    ("database is locked", CannotWrite, "另一个程序"),
    ("unable to open database file", StoreError, "无法打开"),
    ("database disk image is malformed", DamagedFile, "已损坏"),
    ("table app_state already exists", DamagedFile, "已损坏"),
    ("FOREIGN KEY constraint failed", StoreError, "已在别处被删除"),
    ("something SQLite never said before", StoreError, "无法读写数据文件"),
])
def test_sqlite_messages_become_chinese_with_what_to_do(message, kind, words):
    found_kind, sentence = explain(sqlite3.OperationalError(message), "/data/报告.sqlite")
    assert found_kind is kind and words in sentence
    assert not any(ch.isascii() and ch.isalpha() for ch in sentence.replace("/data/报告.sqlite", "").replace(
        "evaldesk", "").replace("U", "")), sentence


@pytest.mark.parametrize("number, words", [(errno.ENOSPC, "磁盘空间已满"), (errno.EACCES, "没有读写权限"),
                                           (errno.EROFS, "只读"), (errno.ELOOP, "循环"), (errno.EIO, "读写磁盘时出错")])
def test_os_errors_become_chinese(number, words):
    _, sentence = explain(OSError(number, "English text"), "x.sqlite")
    assert words in sentence and "English" not in sentence


def test_quoting_keeps_forty_characters_on_one_line():
    assert quote("短") == "短"
    long = quote("字" * 1_000_000)
    assert long.startswith("字" * 40) and "共 1000000 个字符" in long and len(long) < 60
    assert "\n" not in quote("一\n二\x1b[31m")


def test_json_parser_messages_are_chinese():
    with pytest.raises(UnreadableJson) as caught:
        parse_json('{"year": 2021,}')
    assert "键名应使用英文双引号" in str(caught.value) and "Expecting" not in str(caught.value)


def test_entry_refuses_text_past_its_kind_limit(sample):
    with pytest.raises(Rejected) as caught:
        SetField("basic.contact", "张" * 501).apply(sample)
    assert "最多 500 个" in str(caught.value)
    SetField("basic.contact", "张" * 500).apply(sample)
    with pytest.raises(Rejected):
        RenameUnit(sample.units[0].id, "机" * 101).apply(sample)
    with pytest.raises(Rejected):
        SetField("basic.duties", "文" * 200_001).apply(sample)
