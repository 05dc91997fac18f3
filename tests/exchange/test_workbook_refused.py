"""A folder of broken and hostile workbooks, built here: each is refused with a message that says what is wrong,
and an import through the command line leaves the database as it was."""

import pytest

from evaldesk.cli import main
from evaldesk.exchange.report_json import ExchangeError
from evaldesk.exchange.workbook import read_workbook

from . import workbook_files as build

# (name, how to build it in a folder from the sample, words the message must contain)
CASES = [
    ("text file renamed", lambda s, d: build.text_file(d), ["不是 Excel 工作簿", "改了扩展名"]),
    ("pdf renamed", lambda s, d: build.pdf_file(d), ["不是 Excel 工作簿", "PDF"]),
    ("zip that is no workbook", lambda s, d: build.zip_not_workbook(d), ["压缩包", "不是 Excel 工作簿"]),
    ("someone else's xlsx", lambda s, d: build.foreign_workbook(d), ["不是 evaldesk 导出的报送工作簿", "隐藏数据页"]),
    ("data sheet deleted", lambda s, d: build.edited(s, d, "删了数据页.xlsx", lambda wb: wb.remove(wb["_data"])),
     ["没有隐藏的数据页", "删除或改名"]),
    ("data sheet renamed", lambda s, d: build.edited(s, d, "改了名.xlsx", lambda wb: setattr(wb["_data"], "title", "数据")),
     ["没有隐藏的数据页", "删除或改名"]),
    ("format mark changed", lambda s, d: build.edited(s, d, "别的格式.xlsx", build.set_data("format", "other-tool")),
     ["不是 evaldesk 导出的报送工作簿", "数据页第 2 行", "other-tool"]),
    ("newer version", lambda s, d: build.edited(s, d, "新版本.xlsx", build.set_data("version", "2")),
     ["格式版本为 2", "只能读取 1", "升级"]),
    ("text where a figure belongs", lambda s, d: build.edited(
        s, d, "文字.xlsx", build.set_data("/units/0/cells/income.general", "九十万")),
     ["第 1 个机构的“", "数据页第 33 行", "公共财政拨款应为数字", "九十万"]),
    ("fraction where a whole number belongs", lambda s, d: build.edited(
        s, d, "小数.xlsx", build.set_data("/fields/basic.staff_quota", "6.5")),
     ["“人员编制”（数据页第 19 行）", "人员编制应为整数"]),
    ("score above its weight", lambda s, d: build.edited(
        s, d, "超分.xlsx", build.set_data("/sheet/xiaokang/hand", "50")),
     ["应在 0～5 分之间"]),
    ("a formula on the data sheet", lambda s, d: build.edited(
        s, d, "公式.xlsx", build.set_data("/fields/basic.phone", "=1+1")),
     ["数据页第 18 行", "公式"]),
    ("template damaged", lambda s, d: build.edited(s, d, "模板坏了.xlsx", build.set_data("/template", "{not json")),
     ["评分表模板数据已损坏"]),
    ("billion laughs in the data sheet", lambda s, d: build.replaced_part(
        s, d, "炸弹1.xlsx", build.DATA_SHEET_PART, build.BILLION_LAUGHS), ["不安全的 XML"]),
    ("billion laughs in workbook.xml", lambda s, d: build.replaced_part(
        s, d, "炸弹2.xlsx", "xl/workbook.xml", build.BILLION_LAUGHS.replace("worksheet", "workbook")),
     ["不安全的 XML"]),
    ("truncated copy", lambda s, d: build.truncated(s, d), ["已损坏或不完整", "只拷贝了一部分"]),
    ("damaged content", lambda s, d: build.damaged(s, d), ["损坏"]),
    ("huge file", lambda s, d: build.huge_file(d), ["过大", "MB"]),
    ("zip bomb", lambda s, d: build.zip_bomb(d), ["解压后过大"]),
    ("too many parts", lambda s, d: build.many_parts(d), ["部件", "过多"]),
]


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory):
    """Every hostile file, built once into one folder (the zip bomb takes a moment to deflate)."""
    from evaldesk.exchange.report_json import read_json
    from evaldesk.resources import SAMPLE_REPORT

    sample = read_json(SAMPLE_REPORT)
    folder = tmp_path_factory.mktemp("hostile")
    return {name: make(sample, folder) for name, make, _ in CASES}


@pytest.mark.parametrize("name, words", [(name, words) for name, _, words in CASES], ids=[c[0] for c in CASES])
def test_refused_with_its_message(hostile_folder, name, words):
    with pytest.raises(ExchangeError) as refused:
        read_workbook(hostile_folder[name])
    message = str(refused.value)
    for word in words:
        assert word in message, message
    assert "Traceback" not in message and "Error" not in message  # Chinese, not a Python exception name


@pytest.mark.parametrize("name", [name for name, _, _ in CASES], ids=[c[0] for c in CASES])
def test_cli_import_leaves_database_untouched(hostile_folder, store, sample, name, capsys):
    store.add(sample)
    before = [(info.id, info.updated_at) for info in store.list_reports()]
    code = main(["--db", str(store.path), "import", str(hostile_folder[name])])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("evaldesk：未导入：") and err.count("\n") == 1  # one line, no traceback
    assert [(info.id, info.updated_at) for info in store.list_reports()] == before


def test_replacing_is_refused_the_same_way(hostile_folder, store, sample, capsys):
    store.add(sample)
    before = store.load(sample.id)
    code = main(["--db", str(store.path), "import", str(hostile_folder["text where a figure belongs"]),
                 "--replace", str(sample.id)])
    assert code == 2
    after = store.load(sample.id)
    assert after.fields == before.fields and [u.cells for u in after.units] == [u.cells for u in before.units]


def test_defusedxml_is_what_refuses_the_bomb(hostile_folder):
    """Without defusedxml openpyxl would expand the entities; the refusal must come from defusedxml itself."""
    import openpyxl
    from openpyxl import load_workbook

    assert openpyxl.DEFUSEDXML is True
    with pytest.raises(Exception) as raised:
        load_workbook(hostile_folder["billion laughs in the data sheet"])
    chain, err = [], raised.value
    while err is not None:
        chain.append(type(err).__module__)
        err = err.__cause__ or err.__context__
    assert any(module.startswith("defusedxml") for module in chain)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(ExchangeError, match="无法读取文件"):
        read_workbook(tmp_path / "没有这个文件.xlsx")
