"""The command line: sample, list, score, export/import; every error one Chinese line and a non-zero exit."""

import json

import pytest

from evaldesk.cli import main


@pytest.fixture
def db(tmp_path):
    return tmp_path / "reports.sqlite"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(code, err):
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("evaldesk：") and "Traceback" not in err
    return lines[0]


def test_sample_list_and_score(capsys, db):
    code, out, _ = run(capsys, "--db", db, "sample")
    assert code == 0 and "报告编号 1" in out and "中共岳阳市云溪区委机构编制委员会办公室" in out
    code, out, _ = run(capsys, "--db", db, "list")
    assert code == 0
    assert "2021年度" in out and "预算编码 141" in out and "总分 92.5　评价等次 优秀" in out

    code, out, _ = run(capsys, "--db", db, "score")
    assert code == 0
    assert "岳阳市云溪区2021年度部门整体支出绩效评价自评报告" in out
    assert "预算调整率 = |90.5 − 73.5| ÷ 73.5 = 23.13%，属 (20%, 30%] 档，得 0.5 分" in out
    line = next(line for line in out.splitlines() if line.strip().startswith("预算调整率"))
    assert "分值 3" in line and "得分 0.5" in line and "[已计算]" in line
    assert "过程（40分）　小计 37.5" in out
    assert out.strip().endswith("总分 92.5　评价等次 优秀")


def test_score_as_json(capsys, db):
    run(capsys, "--db", db, "sample")
    code, out, _ = run(capsys, "--db", db, "score", "--json", "--report", "1")
    assert code == 0
    data = json.loads(out)
    assert (data["total"], data["grade"], data["complete"]) == ("92.5", "优秀", True)
    by_id = {entry["id"]: entry for entry in data["indicators"]}
    assert by_id["budget_adjustment"]["score"] == "0.5" and by_id["budget_adjustment"]["state"] == "computed"
    assert by_id["benefits"]["rows"] == ["经济效益", "社会效益", "生态效益"]
    assert by_id["process"]["subtotal"] == "37.5"
    assert by_id["sangong_change"]["state"] == "hand" and by_id["sangong_change"]["problems"]


def test_export_and_import_json(capsys, db, tmp_path):
    run(capsys, "--db", db, "sample")
    out_file = tmp_path / "2021.json"
    code, out, _ = run(capsys, "--db", db, "export", "--format", "json", "-o", out_file)
    assert code == 0 and str(out_file) in out
    assert json.loads(out_file.read_text(encoding="utf-8"))["format"] == "evaldesk-report"
    code, out, _ = run(capsys, "--db", db, "import", out_file)
    assert code == 0 and "已导入为新报告 2" in out
    code, out, _ = run(capsys, "--db", db, "score", "--report", "2")
    assert "总分 92.5　评价等次 优秀" in out


def test_two_reports_need_a_report_number(capsys, db):
    run(capsys, "--db", db, "sample")
    run(capsys, "--db", db, "sample")
    code, _, err = run(capsys, "--db", db, "score")
    assert "请用 --report 指定编号" in one_error_line(code, err)


@pytest.mark.parametrize("argv, expected", [
    (["score", "--report", "99"], "没有编号为 99 的报告"),
    (["score", "--report", "abc"], "应为整数"),
    (["import", "nowhere.json"], "找不到文件"),
    (["frobnicate"], "无效的选项"),
    (["export", "--format", "pdf"], "无效的选项"),
])
def test_errors_are_one_line(capsys, db, argv, expected):
    run(capsys, "--db", db, "sample")
    code, _, err = run(capsys, "--db", db, *argv)
    assert expected in one_error_line(code, err)


def test_empty_file_has_no_report_to_score(capsys, db):
    code, _, err = run(capsys, "--db", db, "score")
    assert "还没有报告" in one_error_line(code, err)


def test_a_folder_given_as_db(capsys, tmp_path):
    code, _, err = run(capsys, "--db", tmp_path, "list")
    assert "是一个文件夹" in one_error_line(code, err)


def test_a_file_that_is_not_a_database(capsys, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("会议记录\n" * 100, encoding="utf-8")
    code, _, err = run(capsys, "--db", notes, "list")
    assert "不是 evaldesk 数据文件" in one_error_line(code, err)
    assert notes.read_text(encoding="utf-8") == "会议记录\n" * 100


def test_import_of_another_kind_of_file(capsys, db, tmp_path):
    other = tmp_path / "report.docx"
    other.write_bytes(b"PK\x03\x04")
    code, _, err = run(capsys, "--db", db, "import", other)
    assert "只能导入" in one_error_line(code, err)


def test_export_into_a_missing_folder(capsys, db, tmp_path):
    run(capsys, "--db", db, "sample")
    code, _, err = run(capsys, "--db", db, "export", "--format", "json", "-o", tmp_path / "no" / "such" / "x.json")
    assert "无法" in one_error_line(code, err)


def test_default_data_file_without_db(capsys, private_data_folder):
    code, out, _ = run(capsys, "sample")
    assert code == 0 and str(private_data_folder / "evaldesk.sqlite") in out
    assert (private_data_folder / "evaldesk.sqlite").is_file()
    code, out, _ = run(capsys, "list")
    assert "总分 92.5" in out


def test_blank_form_needs_no_report(capsys, db, tmp_path):
    target = tmp_path / "空表.pdf"
    code, out, err = run(capsys, "--db", str(db), "print", "--blank", "-o", str(target))
    assert code == 0 and "空表" in out and target.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("argv, expected", [
    (["export", "-o", "{tmp}"], "是一个文件夹"),
    (["print", "-o", "{tmp}/a.xlsx"], "扩展名应为 .pdf"),
    (["import", "{tmp}"], "是一个文件夹"),
    (["export", "-o", "{tmp}/a"], "不支持的导出格式"),
])
def test_outputs_that_cannot_be_right_are_refused(capsys, db, tmp_path, argv, expected):
    run(capsys, "--db", str(db), "sample")
    code, out, err = run(capsys, "--db", str(db), *[a.format(tmp=tmp_path) for a in argv])
    one_error_line(code, err)
    assert expected in err
    assert not (tmp_path / "a.xlsx").exists()


def test_help_and_argument_errors_speak_chinese(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：") and "usage" not in out and "show this help" not in out
    code, out, err = run(capsys, "score", "--report", "abc")
    one_error_line(code, err)
    assert "应为整数" in err and "invalid" not in err


def test_an_empty_db_name_is_refused(capsys):
    code, out, err = run(capsys, "--db", "", "list")
    one_error_line(code, err)
    assert "不能为空" in err


def test_blank_form_of_another_sheet_while_the_file_holds_one_report(capsys, db, tmp_path):
    from io import BytesIO

    from pypdf import PdfReader

    run(capsys, "--db", str(db), "sample")
    target = tmp_path / "达州空表.pdf"
    code, out, err = run(capsys, "--db", str(db), "print", "--blank", "--template", "sichuan-dazhou-department",
                         "--year", "2025", "-o", str(target))
    assert code == 0, err
    first_page = PdfReader(BytesIO(target.read_bytes())).pages[0].extract_text().replace("\n", "")
    assert "2025" in first_page and "云溪" not in first_page


def test_new_for_a_county_outside_yunxi_takes_the_neutral_sheet_and_the_countys_wording(tmp_path, capsys):
    from evaldesk.app.datafile import open_data_file
    from evaldesk.cli import main
    from evaldesk.model.layout import cover_text, report_title

    db = tmp_path / "c.sqlite"
    assert main(["--db", str(db), "new", "--year", "2023", "--department", "某县农业农村局", "--region", "某县",
                 "--bureau", "某县财政局"]) == 0
    assert "通用" in capsys.readouterr().out
    store = open_data_file(db)
    report = store.load(store.list_reports()[0].id)
    assert report.template.id == "generic-department"
    assert report_title(report) == "某县2023年度部门整体支出绩效评价自评报告"
    assert cover_text(report, "bureau") == "某县财政局（制）"


@pytest.mark.parametrize("argv, opened", [([], None), (["--db", "某.sqlite"], "某.sqlite"),
                                          (["--db=某.sqlite"], "某.sqlite"), (["--break-lock"], None)])
def test_plain_evaldesk_opens_the_window_on_the_file_named(monkeypatch, capsys, argv, opened):
    import evaldesk.ui.app as ui_app

    seen = []
    monkeypatch.setattr(ui_app, "run", lambda db=None: seen.append(db) or 0)
    assert main(argv) == 0
    assert seen == [opened]


@pytest.mark.parametrize("argv, words", [(["--db"], "--db"), (["--db", "--help"], "--db"),
                                         (["--dbx", "a"], "子命令"), (["报告.sqlite"], "报告.sqlite")])
def test_a_mistake_in_the_windows_arguments_is_one_chinese_line_and_no_window(monkeypatch, capsys, argv, words):
    import evaldesk.ui.app as ui_app

    monkeypatch.setattr(ui_app, "run", lambda db=None: pytest.fail("the window opened"))
    code = main(argv)
    line = one_error_line(code, capsys.readouterr().err)
    assert words in line


def test_help_and_version_still_answer_before_any_window(monkeypatch, capsys):
    import evaldesk.ui.app as ui_app

    monkeypatch.setattr(ui_app, "run", lambda db=None: pytest.fail("the window opened"))
    with pytest.raises(SystemExit) as done:
        main(["--db", "a.sqlite", "--help"])
    assert done.value.code == 0 and "子命令" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--version"])
    assert "evaldesk 0." in capsys.readouterr().out


WINDOW_ARGV = [[], ["--db", "a.sqlite"], ["--db=a"], ["--db="], ["--db", ""], ["--break-lock"], ["--break"],
               ["--db", "x", "--break-lock"], ["--db"], ["--db", "-1"], ["--db=-x"], ["--"], ["--db", "a", "--"],
               ["-h"], ["--db", "a", "-h"], ["--version"], ["--db", "a", "--db", "b"], ["--db", "list"],
               ["--break-lock=1"], ["--db", "a b.sqlite"], ["--db", "--"], ["--db=--help"], ["-"], ["--db", "@x"],
               ["--db", "x", "extra"], ["--d", "x"], ["--db=a=b"], ["--db", "某 县.sqlite", "--break-lock"]]


@pytest.mark.parametrize("argv", WINDOW_ARGV)
def test_the_windows_quick_reading_of_the_arguments_agrees_with_the_whole_parser(argv, capsys):
    """Plain ``evaldesk`` reads its few arguments without building the subcommands' parser: whatever it takes as
    opening the window, the whole parser reads the same way (anything else goes to the whole parser)."""
    from evaldesk.cli import _window_arguments, build_parser

    quick = _window_arguments(list(argv))
    if quick is None:
        return  # answered by the whole parser, as before
    whole = build_parser().parse_args(list(argv))
    assert (whole.command, whole.db, whole.break_lock) == (None, quick.db, quick.break_lock)
