"""The exported sample read back with openpyxl, as the bureau's tools and a reviewer's Excel would see it:
values and their types, merged cells, print setup, and that no cell holds a formula, an error or a link."""

import io
from decimal import ROUND_HALF_UP, Decimal

import pytest
from openpyxl import load_workbook

from evaldesk.exchange.workbook import SHEET_NAMES, workbook_bytes, write_workbook
from evaldesk.model.form import GRIDS, SUMMARY_ROW_LABEL, cell_key
from evaldesk.model.totals import summary_row, unit_rows
from evaldesk.scoring.engine import score_report

CENT = Decimal("0.01")


def as_decimal(value) -> Decimal:
    """A number cell as openpyxl gives it (int or float) → the figure it shows with two decimals."""
    assert isinstance(value, (int, float)) and not isinstance(value, bool), repr(value)
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


@pytest.fixture
def books(sample):
    data = workbook_bytes(sample)
    return load_workbook(io.BytesIO(data)), load_workbook(io.BytesIO(data), data_only=True)


def rows_starting(ws, text):
    return [row for row in range(1, ws.max_row + 1) if ws.cell(row, 1).value == text]


def merged_at(ws, coordinate):
    for merged in ws.merged_cells.ranges:
        if merged.coord.startswith(coordinate + ":"):
            return merged.coord
    return None


def test_sheets_in_order_data_sheet_hidden_and_protected(books):
    book, _ = books
    assert book.sheetnames == list(SHEET_NAMES) == ["自评报告", "评分表", "审核", "_data"]
    assert [ws.sheet_state for ws in book.worksheets] == ["visible", "visible", "visible", "hidden"]
    assert [ws.protection.sheet for ws in book.worksheets] == [True, True, True, True]  # visible ones too
    assert book.security.lockStructure is True
    assert book.active.title == "自评报告"


def test_no_formula_error_or_link_anywhere(books):
    book, _ = books
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type not in ("f", "e"), f"{ws.title}!{cell.coordinate}"
                assert cell.hyperlink is None
        assert ws._hyperlinks == []


def test_part_two_figures_are_numbers_and_blank_stays_blank(books, sample):
    _, values = books
    ws = values["自评报告"]
    summaries = rows_starting(ws, SUMMARY_ROW_LABEL)
    assert len(summaries) == len(GRIDS)
    expected_units = unit_rows(sample)
    expected = [summary_row(sample)] + [expected_units[unit.id] for unit in sample.units]
    for grid, first in zip(GRIDS, summaries):
        for offset, row_values in enumerate(expected):
            row = first + offset
            if offset:
                assert ws.cell(row, 1).value == f"{offset}、{sample.units[offset - 1].name}"
            for col, column in enumerate(grid.columns, 2):
                shown, want = ws.cell(row, col).value, row_values[cell_key(grid.key, column.key)]
                if want is None:
                    assert shown is None, f"{grid.title} {column.label} row {row}: should be blank, not 0"
                else:
                    assert as_decimal(shown) == want
    # the reference figures, as on paper
    income = summaries[0]
    assert ws.cell(income, 2).value == 90.5 and ws.cell(income, 4).value == 90.5
    expense = summaries[1]
    assert [ws.cell(expense, c).value for c in range(2, 9)] == [90.5, 90.5, 60.9, 29.6, None, None, None]


def test_amounts_show_two_decimals(books):
    book, _ = books
    ws = book["自评报告"]
    first = rows_starting(ws, SUMMARY_ROW_LABEL)[2]  # 三公经费
    assert ws.cell(first, 2).value == 0.73
    assert ws.cell(first, 2).number_format == "0.00"


def test_grid_headers_merged_like_the_paper(books):
    ws = books[0]["自评报告"]
    header = rows_starting(ws, SUMMARY_ROW_LABEL)[1] - 3  # 支出 grid: three header rows above its 汇总 row
    assert ws.cell(header, 1).value == "机构名称" and merged_at(ws, f"A{header}") == f"A{header}:A{header + 2}"
    assert ws.cell(header, 2).value == "支出合计" and merged_at(ws, f"B{header}") == f"B{header}:B{header + 2}"
    assert ws.cell(header, 3).value == "其中：" and merged_at(ws, f"C{header}") == f"C{header}:F{header}"
    assert ws.cell(header, 7).value == "结余" and merged_at(ws, f"G{header}") == f"G{header}:H{header}"
    assert ws.cell(header + 1, 3).value == "基本支出"
    assert ws.cell(header + 1, 4).value == "其中：" and merged_at(ws, f"D{header + 1}") == f"D{header + 1}:E{header + 1}"
    assert [ws.cell(header + 2, c).value for c in (4, 5)] == ["人员支出", "公用支出"]
    assert [ws.cell(header + 1, c).value for c in (6, 7, 8)] == ["项目支出", "当年结余", "累计结余"]


def test_cover_parts_and_scores(books, sample):
    _, values = books
    ws = values["自评报告"]
    texts = [cell.value for row in ws.iter_rows() for cell in row if isinstance(cell.value, str)]
    for wanted in ("岳阳市云溪区2021年度部门整体支出绩效评价自评报告", "岳阳市云溪财政局（制）", "2022年7月15日",
                   "一、部门（单位）基本概况", "二、部门（单位）收支情况", "三、部门（单位）整体支出绩效自评情况",
                   "四、评价人员", "五、评价报告综述", "任务10：做好中文域名注册管理工作。", "目标1：事权下放属地管理改革",
                   "指标1：完成事权下放属地管理改革", "熊  芳", "填报人（签名）：张常成"):
        assert wanted in texts, wanted
    score_row = rows_starting(ws, "绩效自评综合得分")[0]
    assert ws.cell(score_row, 2).value == 92.5
    assert ws.cell(score_row + 1, 2).value == "优秀"
    quota_row = rows_starting(ws, "人员编制")[0]
    assert ws.cell(quota_row, 2).value == 6 and isinstance(ws.cell(quota_row, 2).value, int)
    # the long texts end up whole on the sheet, paragraph by paragraph
    summary_start = rows_starting(ws, "五、评价报告综述")[0] + 1
    shown = "".join(ws.cell(row, 1).value or "" for row in range(summary_start, ws.max_row + 1))
    assert shown == "".join("　　" + p.strip() for p in sample.text("summary.text").split("\n") if p.strip())


def test_score_sheet_values_merges_and_subtotals(books, sample):
    book, values = books
    ws, wv = book["评分表"], values["评分表"]
    sheet = score_report(sample)
    assert [ws.cell(4, c).value for c in range(1, 8)] == ["一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分",
                                                           "扣分原因和其他说明"]
    by_name = {}
    for row in range(5, ws.max_row + 1):
        by_name.setdefault(ws.cell(row, 3).value, row)
    for leaf in sample.template.leaves:
        row = by_name[leaf.rows[0]]
        assert Decimal(str(wv.cell(row, 5).value)) == leaf.weight
        assert Decimal(str(wv.cell(row, 6).value)) == sheet.indicators[leaf.id].score
        assert (wv.cell(row, 7).value or "") == sample.reason(leaf.id)
    # 一级 and 二级 merged down their blocks, with 分值 in the name; subtotals beside them as numbers
    assert ws["A5"].value == "投入\n（15分）" and merged_at(ws, "A5") == "A5:A7"
    assert ws["B8"].value == "预算执行\n（15分）" and merged_at(ws, "B8") == "B8:B11"
    # 过程 (A8:A19) is cut where a printed page starts and its name written again there (test_workbook_pages)
    assert merged_at(ws, "I8") == "I8:I19" and wv["I8"].value == 37.5 and wv["H8"].value == 12.5
    assert ws["A8"].value == "过程\n（40分）" and merged_at(ws, "A8").startswith("A8:")
    # the shared cell: 经济效益 / 社会效益 / 生态效益 share one 分值 and one 自评得分
    first = by_name["经济效益"]
    assert [ws.cell(first + i, 3).value for i in range(3)] == ["经济效益", "社会效益", "生态效益"]
    for col in "DEFG":
        assert merged_at(ws, f"{col}{first}") == f"{col}{first}:{col}{first + 2}"
    assert (wv[f"E{first}"].value, wv[f"F{first}"].value, wv[f"G{first}"].value) == (15, 12, "财政供养人员为正增长")
    # the six 产出 indicators share one 评分标准 cell, as on paper
    xiaokang = by_name["推进全面小康建设指标任务完成情况"]
    assert merged_at(ws, f"D{xiaokang}") == f"D{xiaokang}:D{xiaokang + 5}"
    for group in sheet.groups.values():
        assert group.score in {Decimal(str(wv.cell(row, col).value)) for row in range(5, ws.max_row + 1)
                               for col in (8, 9) if wv.cell(row, col).value is not None}
    total_row = [row for row in range(5, ws.max_row + 1) if ws.cell(row, 1).value == "总　分"][0]
    assert (wv.cell(total_row, 5).value, wv.cell(total_row, 6).value) == (100, 92.5)
    assert wv.cell(total_row + 1, 5).value == "优秀"
    texts = [cell.value for row in ws.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert sample.template.cover["sheet_footnote"] in texts
    # As on the printed form: the template's name is the program's business (the data sheet keeps its id),
    # and the sheet ends with the footnote.
    assert not any(sample.template.name in text for text in texts)
    footnote = next(row for row in range(1, ws.max_row + 1)
                    if ws.cell(row, 1).value == sample.template.cover["sheet_footnote"])
    assert ws.print_area.endswith(f"$G${footnote}") and ws.max_row == footnote


def test_every_score_cell_is_a_number(books):
    _, values = books
    ws = values["评分表"]
    for row in range(5, ws.max_row + 1):
        for col in (5, 6, 8, 9):
            value = ws.cell(row, col).value
            assert value is None or isinstance(value, (int, float)) or ws.cell(row, 1).value == "评价等次", \
                f"{ws.cell(row, col).coordinate}={value!r}"


def test_audit_sheet_lists_the_findings(books, sample):
    from evaldesk.audit.engine import audit_report
    from evaldesk.audit.findings import grouped

    ws = books[1]["审核"]
    findings = grouped(audit_report(sample))  # the sample's causes are one finding each: 警告 first, then 提示
    assert [ws.cell(2, c).value for c in range(1, 6)] == ["序号", "级别", "问题", "位置", "说明"]
    assert [ws.cell(3 + i, 3).value for i in range(len(findings))] == [f.line for f in findings]
    assert [ws.cell(3 + i, 2).value for i in range(len(findings))] == [f.severity.label for f in findings]
    assert all(ws.cell(3 + i, 4).value for i in range(len(findings)))  # every place named in words


def test_audit_sheet_present_when_nothing_found(sample, monkeypatch):
    import evaldesk.exchange.workbook as workbook

    monkeypatch.setattr(workbook, "audit_report", lambda report, sheet=None: [])
    ws = load_workbook(io.BytesIO(workbook_bytes(sample)))["审核"]
    assert ws["A3"].value == "审核未发现问题"


def test_print_setup_a4_portrait_fit_to_width_with_repeated_header(books):
    book, _ = books
    for name, titles in (("自评报告", "$1:$1"), ("评分表", "$4:$4"), ("审核", "$2:$2")):
        ws = book[name]
        assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4 == "9"
        assert ws.page_setup.orientation == "portrait"
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
        assert ws.print_title_rows == titles
        assert "数据指纹" in ws.oddFooter.left.text or name == "审核"


def test_columns_and_long_text_rows_are_sized(books):
    book, _ = books
    ws = book["自评报告"]
    assert all(ws.column_dimensions[col].width >= 9 for col in "ABCDEFGH")  # digits of 宋体, 8 px
    row = rows_starting(ws, "年度部门（单位）总体运行情况及取得的成绩")[0]
    assert ws.row_dimensions[row].height > 100  # a long paragraph gets room, within Excel's 409-point limit
    assert all((ws.row_dimensions[r].height or 0) <= 409 for r in range(1, ws.max_row + 1))
    assert book["评分表"].column_dimensions["D"].width >= 30  # 评分标准 is the long column


def test_merged_blocks_are_framed(books):
    ws = books[0]["评分表"]
    for merged in ws.merged_cells.ranges:
        if merged.min_row < 5 or merged.max_row > 29:
            continue  # the titles above and the notes below the table carry no frame
        bottom = ws.cell(merged.max_row, merged.min_col)
        right = ws.cell(merged.min_row, merged.max_col)
        assert bottom.border.bottom.style == "thin", merged.coord
        assert right.border.right.style == "thin", merged.coord


def test_user_text_never_becomes_formula_error_or_link(sample, tmp_path):
    hostile = {
        "basic.contact": "=HYPERLINK(\"http://evil.example\",\"点我\")",
        "basic.phone": "+8417107",
        "people.filler": "-张常成",
        "people.filler_phone": "@8417107",
        "basic.duties": "#N/A",
        "self.actual": "http://example.com/报告",
        "cover.agency": "#DIV/0!",
    }
    sample.fields.update(hostile)
    sample.units[1].name = "=1+1"
    write_workbook(sample, tmp_path / "hostile.xlsx")
    for data_only in (False, True):
        book = load_workbook(tmp_path / "hostile.xlsx", data_only=data_only)
        cells = [cell for ws in book.worksheets for row in ws.iter_rows() for cell in row]
        assert not [c.coordinate for c in cells if c.data_type in ("f", "e")]
        assert not [c.coordinate for c in cells if c.hyperlink is not None]
        values = [c.value for c in cells if isinstance(c.value, str)]
        for text in hostile.values():
            assert any(text in value for value in values), text
    ws = load_workbook(tmp_path / "hostile.xlsx")["自评报告"]
    contact = [c for row in ws.iter_rows() for c in row if c.value == hostile["basic.contact"]][0]
    assert contact.data_type == "s" and contact.quotePrefix is True
