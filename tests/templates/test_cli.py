"""The command line for templates and years: one Chinese line per outcome, nothing stored on a refusal."""

import json

import pytest

from evaldesk.cli import main
from evaldesk.datafile.store import open_store
from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID, builtin_template


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_blank_report_and_next_year(capsys):
    assert _run(capsys, "sample")[0] == 0
    code, out, _ = _run(capsys, "new", "--year", "2023", "--department", "测试局", "--template",
                        "sichuan-dazhou-department")
    assert code == 0 and "已新建报告 2：2023年度 测试局" in out
    code, out, _ = _run(capsys, "new-year", "--report", "1")
    assert code == 0 and "新建 2022年度报告 3" in out
    store = open_store()
    assert store.load(2).template.id == "sichuan-dazhou-department"
    new = store.load(3)
    assert (new.year, new.department, new.template.id) == (2021 + 1, "中共岳阳市云溪区委机构编制委员会办公室",
                                                           DEFAULT_TEMPLATE_ID)
    store.close()


def test_templates_listed_with_id_and_name(capsys):
    code, out, _ = _run(capsys, "templates")
    assert code == 0
    # The sheet any county can use comes first; Yunxi's reference is still listed.
    assert out.splitlines()[0].startswith("generic-department  部门整体支出绩效评价评分表（参考样表·通用）")
    assert f"{DEFAULT_TEMPLATE_ID}  岳阳市云溪区2021年度" in out
    assert "sichuan-dazhou-department  达州市部门整体支出绩效评价得分表" in out


def _new_sheet(capsys, *args) -> str:
    from evaldesk.app.datafile import open_data_file
    from evaldesk.paths import default_db_path

    code, out, err = _run(capsys, "new", "--year", "2023", *args)
    assert code == 0, err
    store = open_data_file(default_db_path())
    try:
        return store.load(store.list_reports()[-1].id).template.id
    finally:
        store.close()


def test_new_without_a_region_takes_the_neutral_sheet_and_yunxi_keeps_its_own(capsys):
    assert _new_sheet(capsys, "--department", "某县农业农村局") == "generic-department"
    assert _new_sheet(capsys, "--region", "某市某县") == "generic-department"
    assert _new_sheet(capsys, "--region", "岳阳市云溪区") == DEFAULT_TEMPLATE_ID
    assert _new_sheet(capsys, "--template", DEFAULT_TEMPLATE_ID) == DEFAULT_TEMPLATE_ID  # named: as named
    assert _run(capsys, "sample")[0] == 0  # the reference sample stays on Yunxi's sheet, 92.5 优秀
    listed = _run(capsys, "list")[1]
    assert "云溪区委机构编制委员会办公室" in listed and "总分 92.5　评价等次 优秀" in listed
    with pytest.raises(SystemExit):
        main(["new", "--help"])
    said = "".join(capsys.readouterr().out.split())  # argparse wraps the help at spaces
    assert "其他地区或不填地区则用不含云溪表述的通用参考样表generic-department" in said


def test_template_export_import_and_refusal(tmp_path, capsys):
    exported = tmp_path / "out.json"
    assert _run(capsys, "template-export", DEFAULT_TEMPLATE_ID, "-o", str(exported))[0] == 0
    assert exported.read_text(encoding="utf-8") == builtin_template(DEFAULT_TEMPLATE_ID).to_json() + "\n"

    data = json.loads(exported.read_text(encoding="utf-8"))
    data["id"], data["indicators"][2]["weight"] = "broken", 9
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = _run(capsys, "template-import", str(bad))
    assert code == 2 and out == ""
    assert err == ("evaldesk：未导入：模板文件“bad.json”不能使用：模板“岳阳市云溪区2021年度部门整体支出绩效评价评分表"
                   "（参考样表）” 指标“预算配置”：下级分值之和 19 不等于其分值 15\n")
    store = open_store()
    assert store.saved_templates() == []
    store.close()

    data["indicators"][2]["weight"] = 5
    good = tmp_path / "good.json"
    good.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = _run(capsys, "template-import", str(good))
    assert code == 0 and out.startswith("已导入评分表模板 broken")
    assert "broken" in _run(capsys, "templates")[1]

    assert _run(capsys, "sample")[0] == 0
    from_report = tmp_path / "report.json"
    assert _run(capsys, "template-export", "--report", "1", "-o", str(from_report))[0] == 0
    assert json.loads(from_report.read_text(encoding="utf-8"))["id"] == DEFAULT_TEMPLATE_ID
    code, _, err = _run(capsys, "template-export", "-o", str(from_report))
    assert code == 2 and "二者选一" in err


def test_unknown_template_and_year_are_one_line_refusals(capsys):
    code, _, err = _run(capsys, "new", "--year", "2022", "--template", "nope")
    assert code == 2 and err.count("\n") == 1 and "没有编号为“nope”的评分表模板" in err
    code, _, err = _run(capsys, "new", "--year", "1800")
    assert code == 2 and "年度 1800 不合理" in err
