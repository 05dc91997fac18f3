"""The summary workbook as the bureau opens it: values not formulas, text never executed, the four sheets."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from benchmarks.summary_files import department_report, generate
from evaldesk.app.summary import summarise
from evaldesk.cli import main
from evaldesk.exchange.report_json import dumps
from evaldesk.exchange.summary_workbook import write_summary_workbook


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    root = tmp_path_factory.mktemp("bureau")
    generate(root, 6, seed=5)
    hostile = department_report(50, random.Random(1))
    hostile.fields["cover.department"] = '=HYPERLINK("http://example.com","点我")'
    (root / "hostile.json").write_text(dumps(hostile), encoding="utf-8")
    summary = summarise(root)
    path = root.parent / "汇总.xlsx"
    write_summary_workbook(summary, path)
    return summary, load_workbook(path)


def test_the_sheets_a_signing_page_first(written):
    _summary, workbook = written
    assert workbook.sheetnames == ["汇总说明", "汇总", "指标明细", "等次分布", "问题文件"]
    assert workbook.properties.category == "evaldesk-summary"


def test_the_first_page_is_one_a_bureau_head_can_sign(written):
    summary, workbook = written
    ws = workbook["汇总说明"]
    texts = [str(cell.value) for row in ws.iter_rows() for cell in row if cell.value is not None]
    text = "\n".join(texts)
    assert texts[0] == "岳阳市云溪区2021年度部门整体支出绩效自评汇总表"          # region and year in the title
    assert "编制单位：岳阳市云溪财政局" in text and "编制日期：" in text
    assert f"文件夹中共 {summary.files_seen} 个文件：列入排名 {len(summary.ranked)} 个部门" in text
    assert "平均分" in texts and "中位数" in texts and "负责人" in text
    totals = sorted(row.total for _rank, row in summary.ranked)
    values = [cell.value for row in ws.iter_rows() for cell in row]
    median = (totals[len(totals) // 2] + totals[(len(totals) - 1) // 2]) / 2
    assert float(median.quantize(Decimal("0.01"))) in values
    changed = [aside.file.department for aside in summary.set_aside if aside.kind == "数据被改动"]
    assert changed and all(any(name in line and "未列入排名" in line for line in texts) for name in changed)
    assert ws.page_setup.fitToHeight == 1


def test_summary_sheet_rows_are_the_ranked_departments_as_numbers(written):
    summary, workbook = written
    ws = workbook["汇总"]
    header = [cell.value for cell in ws[3]]
    assert header[:3] == ["排名", "部门名称", "预算编码"] and "总分" in header and "核对" in header
    assert header[-2:] == ["评分表", "文件"]       # the clerk's details at the end, outside the printed page
    assert ws.print_area and "评分表" not in [ws.cell(3, col).value for col in range(1, header.index("备注") + 2)]
    templates = [row[len(header) - 2].value for row in ws.iter_rows(min_row=5, max_row=3 + len(summary.ranked))]
    assert "同上" in templates                        # the sheet's name not repeated on every row
    total_column = header.index("总分") + 1
    rows = list(ws.iter_rows(min_row=4, max_row=3 + len(summary.ranked)))
    assert [row[total_column - 1].value for row in rows] == [file.total for _rank, file in summary.ranked]
    assert all(isinstance(row[0].value, int) for row in rows)      # 排名 is a number, sortable
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate              # no formula anywhere
    assert ws.freeze_panes == "C4" and ws.auto_filter.ref.startswith("A3:")
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 and ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == "$3:$3"


def test_a_department_name_that_looks_like_a_formula_stays_text(written):
    _summary, workbook = written
    cells = [cell for row in workbook["汇总"].iter_rows() for cell in row
             if isinstance(cell.value, str) and cell.value.startswith("=HYPERLINK")]
    assert cells and all(cell.data_type == "s" and cell.quotePrefix for cell in cells)
    assert workbook["汇总"]["B1"].hyperlink is None


def test_indicator_detail_figures(written):
    summary, workbook = written
    ws = workbook["指标明细"]
    leaf = summary.shape.leaves[15]   # a hand-scored indicator: its scores vary between departments
    column = 3 + 15
    scores = [file.leaves[leaf.id] for _rank, file in summary.ranked]
    assert len(set(scores)) > 1
    labels = {ws.cell(row=row, column=1).value: row for row in range(1, ws.max_row + 1)}
    average = ws.cell(row=labels["平均得分"], column=column).value
    assert abs(Decimal(str(average)) - sum(scores) / len(scores)) < Decimal("0.006")
    assert Decimal(str(ws.cell(row=labels["最低分"], column=column).value)) == min(scores)
    assert ws.cell(row=labels["满分部门数"], column=column).value == sum(1 for s in scores if s == leaf.weight)
    assert leaf.path[-1] in ws.cell(row=5, column=column).value


def test_grade_distribution_counts_and_native_charts(written):
    summary, workbook = written
    ws = workbook["等次分布"]
    counts = {ws.cell(row=row, column=1).value: ws.cell(row=row, column=2).value for row in range(4, 10)}
    for grade in set(file.grade for _rank, file in summary.ranked):
        assert counts[grade] == sum(1 for _rank, file in summary.ranked if file.grade == grade)
    assert len(ws._charts) == 2


def test_problem_sheet_lists_every_bad_file(written):
    summary, workbook = written
    ws = workbook["问题文件"]
    listed = {(row[0].value, row[1].value) for row in ws.iter_rows(min_row=4) if row[1].value}
    for bad in summary.unreadable:
        assert (bad.kind, bad.path) in listed
    for aside in summary.set_aside:
        assert (aside.kind, aside.file.path) in listed


def test_command_writes_the_summary_and_says_what_it_left_out(tmp_path, capsys):
    generate(tmp_path / "in", 3, seed=2)
    out = tmp_path / "汇总.xlsx"
    assert main(["summary", str(tmp_path / "in"), "-o", str(out)]) == 0
    said = capsys.readouterr()
    assert "已汇总 2021 年度 3 个部门" in said.out and "问题文件" in said.out
    assert "正在汇总" in said.err
    assert load_workbook(out).sheetnames[:2] == ["汇总说明", "汇总"]


def test_command_takes_the_expected_list_region_and_bureau(tmp_path, capsys):
    generate(tmp_path / "in", 3, seed=2)
    listed = tmp_path / "名单.csv"
    sent = summarise(tmp_path / "in").ranked[0][1].department
    listed.write_text(f"部门名称\n{sent}\n还没报的局\n", encoding="utf-8")
    out = tmp_path / "汇总.xlsx"
    assert main(["summary", str(tmp_path / "in"), "-o", str(out), "--expected", str(listed),
                 "--region", "某某县", "--bureau", "某某县财政局"]) == 0
    assert "1 个应报部门未报送" in capsys.readouterr().out
    front = load_workbook(out)["汇总说明"]
    texts = [str(cell.value) for row in front.iter_rows() for cell in row if cell.value is not None]
    assert texts[0].startswith("某某县2021年度") and any("编制单位：某某县财政局" in text for text in texts)
    assert any("还没报的局" in text for text in texts)
    assert main(["summary", str(tmp_path / "in"), "-o", str(out), "--expected", str(tmp_path / "无.csv")]) == 2
    assert "找不到应报部门名单" in capsys.readouterr().err


def test_command_refuses_clearly_and_writes_nothing(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    out = tmp_path / "汇总.xlsx"
    assert main(["summary", str(tmp_path / "empty"), "-o", str(out)]) == 1
    assert "没有 .xlsx 或 .json 文件" in capsys.readouterr().err and not out.exists()
    assert main(["summary", str(tmp_path / "nowhere"), "-o", str(out)]) == 2
    assert "找不到文件夹" in capsys.readouterr().err
    assert main(["summary", str(tmp_path / "empty"), "-o", str(tmp_path / "no" / "x.xlsx")]) == 2
    assert "不存在" in capsys.readouterr().err


def test_indicator_detail_rows_are_tall_enough_for_their_names(written):
    from evaldesk.exchange.workbook_cells import lines_needed

    summary, workbook = written
    ws = workbook["指标明细"]
    width = ws.column_dimensions["B"].width
    for row in range(6, 6 + len(summary.ranked)):
        name = ws.cell(row, 2).value
        assert ws.row_dimensions[row].height >= 16 * lines_needed(name, width), name
    longest = max(str(ws.cell(5, column).value) for column in range(3, ws.max_column + 1))
    assert ws.row_dimensions[5].height >= 16 * lines_needed(longest, ws.column_dimensions["C"].width)
