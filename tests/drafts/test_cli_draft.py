"""evaldesk draft: prints the draft, changes nothing, refuses an unknown section in one Chinese line."""

from evaldesk.datafile.store import Store
from tests.test_cli import one_error_line, run


def stored_summary(db):
    store = Store(db)
    try:
        return store.load(1).text("summary.text")
    finally:
        store.close()


def test_draft_prints_the_sections_and_changes_nothing(capsys, tmp_path):
    db = tmp_path / "reports.sqlite"
    run(capsys, "--db", db, "sample")
    before = stored_summary(db)
    code, out, err = run(capsys, "--db", db, "draft")
    assert code == 0 and err == ""
    assert out.index("一、部门（单位）概况") < out.index("二、一般公共预算支出情况") < out.index("四、存在的问题及建议")
    assert "预算调整率：预算调整率为23.13%，超过20%，扣2.5分" in out
    assert stored_summary(db) == before


def test_draft_of_one_section(capsys, tmp_path):
    db = tmp_path / "reports.sqlite"
    run(capsys, "--db", db, "sample")
    code, out, _ = run(capsys, "--db", db, "draft", "--report", 1, "--section", "支出")
    assert code == 0
    assert out.startswith("二、一般公共预算支出情况\n2021年度，本单位全年收入90.50万元") and "综合得分" not in out


def test_draft_of_a_blank_report_says_what_is_missing(capsys, tmp_path):
    db = tmp_path / "reports.sqlite"
    run(capsys, "--db", db, "new", "--year", 2023, "--department", "某县农业农村局", "--region", "某省某县")
    code, out, err = run(capsys, "--db", db, "draft", "--section", "支出")
    assert code == 0
    assert "全年支出【待填：支出合计】万元" in out
    assert err.startswith("草稿中尚有待填的空位：收入合计、支出合计")


def test_an_unknown_section_is_one_line(capsys, tmp_path):
    db = tmp_path / "reports.sqlite"
    run(capsys, "--db", db, "sample")
    code, _, err = run(capsys, "--db", db, "draft", "--section", "附录")
    assert "没有“附录”这一部分" in one_error_line(code, err)
