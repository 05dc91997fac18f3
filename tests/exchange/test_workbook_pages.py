"""The bureau workbook printed as a clerk prints it: page breaks where the paper form has them, signature boxes
with room, footers Excel accepts, figures that fit their columns — on the sample and on a heavy report."""

import io

import pytest
from openpyxl import load_workbook

from evaldesk.exchange import workbook
from evaldesk.exchange.workbook import workbook_bytes
from evaldesk.exchange.workbook_pages import FOOTER_LIMIT
from evaldesk.model import wording
from evaldesk.model.document import fingerprint
from evaldesk.model.form import GRIDS
from evaldesk.printing import proofs

VISIBLE = ("自评报告", "评分表", "审核")


def breaks(ws) -> list[int]:
    """The rows that end a printed page (a manual row break after them)."""
    return sorted(b.id for b in ws.row_breaks.brk)


def row_of(ws, text) -> int:
    return next(row for row in range(1, ws.max_row + 1)
                for col in range(1, 9) if ws.cell(row, col).value == text)


@pytest.fixture
def heavy_book(sample, monkeypatch):
    # The heavy report's made-up figures do not add up; the audit's verdict is not what is under test here.
    monkeypatch.setattr(workbook, "audit_report", lambda report, sheet=None: [])
    report = proofs.heavy(sample)
    return report, load_workbook(io.BytesIO(workbook_bytes(report)))


@pytest.fixture
def sample_book(sample):
    return load_workbook(io.BytesIO(workbook_bytes(sample)))


def test_each_part_starts_a_page_and_a_grid_title_stays_with_its_header(sample_book):
    ws = sample_book["自评报告"]
    ends = breaks(ws)
    for part in ("一、部门（单位）基本概况", "二、部门（单位）收支情况", "三、部门（单位）整体支出绩效自评情况",
                 "四、评价人员", "五、评价报告综述"):
        assert row_of(ws, part) - 1 in ends, part
    for grid in GRIDS:
        title = row_of(ws, grid.title)
        last = next(row for row in range(title + 1, ws.max_row + 1) if ws.cell(row, 1).value is None)
        assert not any(title <= end < last - 1 for end in ends), grid.title   # the whole grid on one page


def test_signature_boxes_are_rows_with_room_and_the_date_on_the_right(sample_book):
    ws = sample_book["自评报告"]
    dates = [row for row in range(1, ws.max_row + 1) if ws.cell(row, 1).value == wording.DATE_LINE]
    assert len(dates) == 3
    for row in dates:
        assert ws.cell(row, 1).alignment.horizontal == "right"
        assert ws.row_dimensions[row - 1].height >= 30      # room to sign or stamp above the date
        assert not any(row - 4 <= end < row for end in breaks(ws))   # a box is never cut
    signer = row_of(ws, "部门（单位）负责人（签章）：")
    assert ws.cell(signer, 5).value and ws.cell(signer, 1).value is None   # in the right half, not space-padded


def test_score_sheet_prints_the_paper_columns_and_never_cuts_an_indicator(heavy_book):
    """A 二级 block too tall to move whole continues on the next page under its 一级/二级 written again; an
    indicator's rows (one 分值, one 自评得分 — 经济/社会/生态效益) are never cut."""
    _, book = heavy_book
    ws = book["评分表"]
    assert ws.print_area.startswith("'评分表'!$A$1:$G$")
    ends = breaks(ws)
    assert len(ends) >= 2
    weights = [merged for merged in ws.merged_cells.ranges if merged.min_col == 5]
    shared = row_of(ws, "经济效益")   # 经济/社会/生态效益 share one 分值, written once even when continued
    assert ws.cell(shared, 5).value == 15
    assert [ws.cell(row, 5).value for row in range(shared + 1, row_of(ws, "社会公众或服务对象满意度"))] == \
        [None] * (row_of(ws, "社会公众或服务对象满意度") - shared - 1)
    for merged in weights:
        assert not any(merged.min_row <= end < merged.max_row for end in ends), merged.coord
    for end in ends:
        if ws.cell(end + 1, 3).value:
            assert ws.cell(end + 1, 1).value and ws.cell(end + 1, 2).value, end + 1


def test_a_page_of_the_score_sheet_is_not_left_half_empty(heavy_book):
    """A block moves whole to the next page only when little is lost: the heavy report's tall 二级 blocks
    continue instead of leaving half a page blank."""
    from evaldesk.exchange.workbook_pages import page_rows_height, row_height
    from evaldesk.exchange.workbook_scores import PRINTED, WIDTHS

    _, book = heavy_book
    ws = book["评分表"]
    page = page_rows_height(ws, WIDTHS[:PRINTED]) - row_height(ws, 4)
    bounds = [5, *[end + 1 for end in breaks(ws)]]
    for first, after in zip(bounds, bounds[1:]):
        # the first page also holds the sheet's title rows; the next indicator goes with its second row (a long
        # 扣分原因's first piece never stands alone at a page foot)
        title = sum(row_height(ws, row) for row in range(1, 4)) if first == 5 else 0
        used = title + sum(row_height(ws, row) for row in range(first, after))
        following = sum(row_height(ws, row) for row in (after, after + 1)
                        if row == after or ws.cell(row, 5).value is None)
        assert used + following > page, (first, after)          # the next row did not fit
        assert used >= page * 0.6 or following > page * 0.3, (first, used, page)


def test_footers_are_within_excels_limit_and_carry_the_fingerprint(heavy_book):
    report, book = heavy_book
    mark = wording.FINGERPRINT.format(fingerprint=fingerprint(report))
    for name in VISIBLE:
        footer = book[name].oddFooter
        assert mark in footer.left.text, name
        serialized = f"&L&8{footer.left.text}&R&8{footer.right.text}"
        assert len(serialized) <= FOOTER_LIMIT, (name, len(serialized))


def test_figure_columns_show_the_largest_figure_whole(heavy_book):
    _, book = heavy_book
    ws = book["自评报告"]
    longest = len("499999999.95")   # the 收入合计 of five columns of 99999999.99
    for col in "BCDEFGH":
        assert ws.column_dimensions[col].width >= longest + 2, col


def test_a_finding_longer_than_a_row_runs_on_over_rows(sample, monkeypatch):
    from evaldesk.audit.findings import Finding, Severity
    from evaldesk.model.places import parse_place

    long = "结余说明" * 600
    finding = Finding("long", Severity.WARNING, "问题" * 500, parse_place("summary/income.total"), "x", note=long)
    monkeypatch.setattr(workbook, "audit_report", lambda report, sheet=None: [finding])
    ws = load_workbook(io.BytesIO(workbook_bytes(sample)))["审核"]
    notes = "".join(ws.cell(row, 5).value or "" for row in range(3, ws.max_row + 1))
    messages = "".join(ws.cell(row, 3).value or "" for row in range(3, ws.max_row + 1))
    assert notes == long and messages == "问题" * 500
    assert all((ws.row_dimensions[row].height or 0) < 409 for row in range(1, ws.max_row + 1))


def test_a_page_break_never_cuts_a_findings_merged_cells(sample, monkeypatch):
    from evaldesk.audit.findings import Finding, Severity
    from evaldesk.model.places import parse_place

    findings = [Finding(f"long{n}", Severity.WARNING, f"第{n}条" + "问题" * 300, parse_place("summary/income.total"),
                        "x", note="说明" * (200 + 150 * (n % 4))) for n in range(12)]
    monkeypatch.setattr(workbook, "audit_report", lambda report, sheet=None: findings)
    ws = load_workbook(io.BytesIO(workbook_bytes(sample)))["审核"]
    merged = [(r.min_row, r.max_row) for r in ws.merged_cells.ranges if r.min_col == 1 and r.max_row > r.min_row]
    assert merged and breaks(ws)
    for end in breaks(ws):  # a break after row ``end``: never between two rows of one finding
        assert not any(first <= end < last for first, last in merged), end


def test_the_running_head_stays_one_line_with_a_long_name(heavy_book):
    report, book = heavy_book
    head = book["自评报告"]["C1"].value
    assert head.endswith(f"…　{report.year}年度") and head.startswith(report.department[:10])
    assert len(head) < 60


def test_a_page_of_the_score_sheet_starts_with_its_first_level_name(sample_book):
    ws = sample_book["评分表"]
    starts = [end + 1 for end in breaks(ws)]
    assert starts
    for row in starts:
        if ws.cell(row, 3).value:   # a row of indicators (not the footnote)
            assert ws.cell(row, 1).value and ws.cell(row, 2).value, row


@pytest.mark.parametrize("book", ["sample_book", "heavy_book"])
def test_no_page_break_falls_inside_a_box(book, request):
    """A page ends between blocks, never inside a merged cell (a grid's header, a signature box, a text, an
    indicator's 分值); a label merged down its rows (一级/二级, 年度主要工作内容, 评价内容) is cut there and
    written again, so a page never starts under a blank merged cell."""
    found = request.getfixturevalue(book)
    workbook_ = found[1] if isinstance(found, tuple) else found
    for name in ("自评报告", "评分表"):
        ws = workbook_[name]
        ends = breaks(ws)
        printed = [merged for merged in ws.merged_cells.ranges if merged.min_col <= 7 or name == "自评报告"]
        for merged in printed:
            assert not any(merged.min_row <= end < merged.max_row for end in ends), (name, merged.coord)
        for merged in printed:   # a label cut at a break starts the next page with its words
            if merged.min_row - 1 in ends and merged.min_col <= 3:
                assert ws.cell(merged.min_row, merged.min_col).value, (name, merged.coord)


def test_a_long_summary_fills_its_pages_in_rows_that_read_as_one_box(heavy_book):
    """The 综述's paragraphs are cut into rows of a few lines, joined without a rule, so a page breaks between
    lines instead of leaving a paragraph's height empty; at a page break the box is closed and opened again. Each
    paragraph starts two characters in, as on the PDF (issue 24)."""
    from evaldesk.exchange.workbook_pages import page_rows_height, row_height
    from evaldesk.exchange.workbook_report import INDENT, figure_widths

    report, book = heavy_book
    ws = book["自评报告"]
    first = row_of(ws, "五、评价报告综述") + 1
    rows = range(first, ws.max_row + 1)
    paragraphs = [p.strip() for p in report.fields["summary.text"].split("\n") if p.strip()]
    assert "".join(ws.cell(row, 1).value or "" for row in rows) == "".join(INDENT + p for p in paragraphs)
    joined = [row for row in rows if ws.cell(row, 1).border.top.style is None]
    assert len(joined) > 40
    page = page_rows_height(ws, figure_widths(report)) - row_height(ws, 1)
    assert all(row_height(ws, row) < page / 8 for row in rows)
    starts = [end + 1 for end in breaks(ws) if end + 1 in rows]
    assert len(starts) >= 4
    for row in starts:
        assert ws.cell(row, 1).border.top.style == "thin" and ws.cell(row - 1, 1).border.bottom.style == "thin"


def test_the_footer_and_running_heads_stay_one_line_with_a_long_name(heavy_book):
    from evaldesk.exchange.workbook_pages import FOOTER_NAME_WIDTH, display_width

    report, book = heavy_book
    for name in VISIBLE:
        left = book[name].oddFooter.left.text
        shown = left.split(" ", 1)[1].split("　")[0]
        assert shown.endswith("…") and display_width(shown) <= FOOTER_NAME_WIDTH, name
    assert book["评分表"]["C1"].value.endswith(f"…　{report.year}年度") and len(book["评分表"]["C1"].value) < 60


@pytest.mark.parametrize("book", ["sample_book", "heavy_book"])
def test_a_block_cut_by_a_page_break_leaves_no_indicator_alone(book, request):
    """A 二级 block continued on the next page keeps at least two of its indicators on each side, as the PDF
    does: never 管理制度健全性 alone at a page's foot under 资产管理（10分）."""
    found = request.getfixturevalue(book)
    ws = (found[1] if isinstance(found, tuple) else found)["评分表"]
    blocks = [merged for merged in ws.merged_cells.ranges if merged.min_col == 8]   # 二级指标得分, never cut

    def indicators(first: int, last: int) -> int:   # rows starting an indicator: its 分值 is written there
        return sum(1 for row in range(first, last + 1) if ws.cell(row, 5).value is not None)

    for end in breaks(ws):
        if ws.cell(end + 1, 5).value is None:   # the page continues one indicator's long 扣分原因
            continue
        for block in blocks:
            if block.min_row <= end < block.max_row:
                assert indicators(block.min_row, end) >= 2, block.coord
                assert indicators(end + 1, block.max_row) >= 2, block.coord


def _clipped(ws) -> list[str]:
    """Wrapped text cells (merged or not) whose text needs more lines than their rows are tall: what Excel and
    LibreOffice cut off on screen and on paper. The same estimate as the writer's (a Chinese character of 11 pt
    is two units of column width, a line LINE_HEIGHT; a larger face — the 16-pt title — in proportion); a row never
    passes Excel's 409 points."""
    from openpyxl.utils import get_column_letter

    from evaldesk.exchange.workbook_cells import LINE_HEIGHT, MAX_ROW_HEIGHT, lines_needed, span_width
    from evaldesk.exchange.workbook_pages import row_height

    widths = [ws.column_dimensions[get_column_letter(col)].width or 8.43 for col in range(1, ws.max_column + 1)]
    spans = {(m.min_row, m.min_col): (m.max_row, m.max_col) for m in ws.merged_cells.ranges}
    found = []
    for row in ws.iter_rows():
        for cell in row:
            if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                continue
            scale = (cell.font.sz or 11) / 11
            last_row, last_col = spans.get((cell.row, cell.column), (cell.row, cell.column))
            need = lines_needed(cell.value, span_width(widths, cell.column, last_col) / scale) * LINE_HEIGHT * scale
            have = sum(row_height(ws, r) for r in range(cell.row, last_row + 1))
            if need > have + 1:
                found.append(f"{ws.title}!{cell.coordinate} needs {need:.0f} pt, has {have:.0f}")
    assert all((ws.row_dimensions[r].height or 0) <= MAX_ROW_HEIGHT for r in range(1, ws.max_row + 1))
    return found


@pytest.mark.parametrize("book", ["sample_book", "heavy_book"])
def test_no_text_is_clipped_on_any_visible_sheet(book, request):
    """The heavy report's 600- and 1,500-character 扣分原因, a 20,000-character 综述, a 300-character name:
    every text cell is as tall as its text, so nothing is cut at Excel's 409-point row on screen or on paper."""
    found = request.getfixturevalue(book)
    workbook_ = found[1] if isinstance(found, tuple) else found
    for name in VISIBLE:
        assert _clipped(workbook_[name]) == [], name


def _reason_shown(ws, indicator: str) -> str:
    """The 扣分原因 printed beside ``indicator``: its rows' G cells read top to bottom."""
    first = row_of(ws, indicator)
    after = next(row for row in range(first + 1, ws.max_row + 2) if ws.cell(row, 5).value is not None)
    return "".join(ws.cell(row, 7).value or "" for row in range(first, after))


@pytest.mark.parametrize("length", [600, 1500, 5000])   # 5,000: the longest 扣分原因 the window accepts
def test_a_long_reason_shows_whole_and_comes_back_identical(sample, tmp_path, length):
    from evaldesk.exchange.workbook import read_workbook, write_workbook

    report = proofs.realistic(sample)
    reason = "\n".join([proofs.text_of(length - 40), proofs.text_of(39, "第二段：按评分标准扣分。")])
    report.fields["sheet.disclosure.reason"] = reason
    path = tmp_path / "long.xlsx"
    write_workbook(report, path)
    book = load_workbook(path)
    ws = book["评分表"]
    assert _reason_shown(ws, "预决算信息公开性和完善性") == reason.replace("\n", "")
    assert _clipped(ws) == []
    back = read_workbook(path)
    assert back.fingerprint_matches and back.fingerprint == fingerprint(report)
    assert back.report.fields["sheet.disclosure.reason"] == reason


def test_the_longest_texts_of_the_report_sheet_show_whole_and_come_back(sample, tmp_path, monkeypatch):
    """20,000 characters of 实际完成 and of 职能职责, a 2,000-character 完成情况 and task: no clipped cell, and the
    import gives back the identical report."""
    from evaldesk.exchange.workbook import read_workbook, write_workbook

    monkeypatch.setattr(workbook, "audit_report", lambda report, sheet=None: [])
    report = proofs.realistic(sample)
    report.fields["self.actual"] = proofs.text_of(20_000)
    report.fields["basic.duties"] = proofs.text_of(20_000, "负责全区机构编制管理、事业单位登记管理工作。")
    report.lists["quant"][3].values["actual"] = proofs.text_of(2_000)
    report.lists["tasks"][0].values["text"] = proofs.text_of(2_000)
    path = tmp_path / "long.xlsx"
    write_workbook(report, path)
    ws = load_workbook(path)["自评报告"]
    assert _clipped(ws) == []
    shown = "".join(ws.cell(row, 6).value or "" for row in range(1, ws.max_row + 1))
    assert proofs.text_of(20_000) in shown and proofs.text_of(2_000) in shown
    back = read_workbook(path)
    assert back.fingerprint_matches and back.fingerprint == fingerprint(report)


@pytest.mark.parametrize("book", ["sample_book", "heavy_book"])
def test_the_quantitative_table_continued_on_a_page_starts_with_its_header(book, request):
    """Printed titles are per sheet, so the 定量目标 header is written again above the first row of each page it
    continues on: 评价内容 | 绩效目标 | 完成情况, never a page of its rows under no header."""
    found = request.getfixturevalue(book)
    ws = (found[1] if isinstance(found, tuple) else found)["自评报告"]
    heads = [row for row in range(1, ws.max_row + 1) if ws.cell(row, 4).value == "绩效目标"]
    table = range(heads[0], row_of(ws, "绩效自评综合得分"))
    starts = [end + 1 for end in breaks(ws) if end + 1 in table]
    for row in starts:
        assert ws.cell(row, 4).value == "绩效目标" and ws.cell(row, 2).value == "评价内容", row
    if book == "sample_book":
        assert starts and len(heads) == 2   # the sample's table runs onto a second page (pages 4/5 of the PDF)


@pytest.mark.parametrize("book", ["sample_book", "heavy_book"])
def test_the_overall_score_never_starts_a_page_without_the_table_it_closes(book, request):
    """绩效自评综合得分 and 评价等次 close part 三's table: a page that starts with them would read as a page of two
    loose lines (the heavy report's did, once rows were estimated tall enough for the fallback CJK face)."""
    found = request.getfixturevalue(book)
    ws = (found[1] if isinstance(found, tuple) else found)["自评报告"]
    score = row_of(ws, wording.OVERALL_SCORE)
    assert ws.cell(score - 1, 4).value not in (None, ""), "the row above is the table's last row"
    assert score - 1 not in breaks(ws) and score not in breaks(ws)
