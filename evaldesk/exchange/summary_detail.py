"""The summary workbook's 指标明细 (departments × 三级 indicators, with the figures per indicator that show where
departments lose points) and 等次分布 (counts per 等次 and the 一级 averages, each with a native chart)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from evaldesk.exchange.summary_data import Leaf, Summary
from evaldesk.exchange.summary_layout import header, heading, landscape
from evaldesk.exchange.workbook_cells import BOLD, CENTER, Cells, fit_row, merge, set_widths

FIRST_DATA_ROW = 6      # title, subtitle, then 一级 / 二级 / 三级 header rows
FIRST_LEAF_COLUMN = 3   # 排名, 部门名称, then one column per 三级 indicator
NAME_WIDTH, LEAF_WIDTH = 26.0, 10.0
STATS = ("平均得分", "最低分", "最高分", "满分部门数", "平均失分")
PERCENT = "0.0%"


def mean(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def leaf_figures(leaf: Leaf, scores: list[Decimal]) -> list[Decimal | int | None]:
    """平均得分, 最低分, 最高分, 满分部门数, 平均失分 of one indicator over the departments that have a score."""
    average = mean(scores)
    return [average, min(scores, default=None), max(scores, default=None),
            sum(1 for score in scores if score == leaf.weight),
            None if average is None else leaf.weight - average]


def write_detail_sheet(ws: Worksheet, cells: Cells, summary: Summary, sheet_title: str) -> None:
    leaves = summary.shape.leaves if summary.shape else ()
    width = FIRST_LEAF_COLUMN - 1 + len(leaves)
    heading(ws, cells, f"{sheet_title} · 指标明细",
            "各部门各三级指标的自评得分（按数据重新计算）；表末为每项指标的平均、最低、最高得分，满分部门数与平均失分。",
            min(max(width, 2), 12))   # over the first printed page, not all the indicators
    header(ws, cells, 3, ["排名", "部门名称"])
    for column in (1, 2):
        merge(ws, 3, column, 5, column)
    for index, leaf in enumerate(leaves):
        column = FIRST_LEAF_COLUMN + index
        names = list(leaf.path[:-1]) + [""] * (3 - len(leaf.path))
        for level, name in enumerate(names[:2]):
            cells.text(ws, 3 + level, column, name, font=BOLD, align=CENTER)
        cells.text(ws, 5, column, f"{leaf.path[-1]}\n（{_num(leaf.weight)}分）", font=BOLD, align=CENTER)
    _merge_runs(ws, 3, leaves, 0)
    _merge_runs(ws, 4, leaves, 1)
    # Header rows as tall as their longest name: a name wrapping into a line the row lacks would be cut on
    # screen and overprint the next row in LibreOffice's PDF.
    for index, leaf in enumerate(leaves):
        fit_row(ws, 5, f"{leaf.path[-1]}\n（{_num(leaf.weight)}分）", LEAF_WIDTH, font=BOLD)
        for level, name in enumerate(leaf.path[:-1][:2]):
            fit_row(ws, 3 + level, name, LEAF_WIDTH * _run_length(leaves, index, level), font=BOLD)
    row = FIRST_DATA_ROW - 1
    for rank, file in summary.ranked:
        row += 1
        cells.number(ws, row, 1, rank, number_format="0")
        cells.text(ws, row, 2, file.department or file.path)
        fit_row(ws, row, file.department or file.path, NAME_WIDTH, minimum=18)
        for index, leaf in enumerate(leaves):
            cells.number(ws, row, FIRST_LEAF_COLUMN + index, file.leaves.get(leaf.id), number_format="0.00")
    last_data = row
    row += 1
    for offset, label in enumerate(STATS):
        cells.text(ws, row + offset, 1, label, font=BOLD)
        merge(ws, row + offset, 1, row + offset, 2)
    for index, leaf in enumerate(leaves):
        scores = [file.leaves[leaf.id] for _rank, file in summary.ranked if file.leaves.get(leaf.id) is not None]
        for offset, figure in enumerate(leaf_figures(leaf, scores)):
            cells.number(ws, row + offset, FIRST_LEAF_COLUMN + index, figure,
                         number_format="0" if offset == 3 else "0.00", font=BOLD)
    set_widths(ws, [6, NAME_WIDTH] + [LEAF_WIDTH] * len(leaves))
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=FIRST_LEAF_COLUMN)
    if leaves and last_data >= FIRST_DATA_ROW:
        ws.auto_filter.ref = f"A5:{get_column_letter(width)}{last_data}"
    landscape(ws, "3:5", sheet_title)
    ws.print_title_cols = "A:B"
    # Across as many pages as the indicators need, 排名 and 部门名称 repeated on each: one page wide would print
    # thirty-odd columns too small to read.
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.scale = 85


def _run_length(leaves, index: int, level: int) -> int:
    """How many consecutive indicators share this one's 一级 (level 0) or 二级 (level 1) header cell."""
    key = leaves[index].path[:level + 1]
    return sum(1 for leaf in leaves if leaf.path[:level + 1] == key and len(leaf.path) > level + 1) or 1


def _merge_runs(ws: Worksheet, row: int, leaves, level: int) -> None:
    """Merge the header cells of consecutive indicators under the same 一级 (level 0) or 二级 (level 1)."""
    start = 0
    for index in range(1, len(leaves) + 1):
        def key(i):
            return leaves[i].path[:level + 1] if len(leaves[i].path) > level + 1 else None
        if index == len(leaves) or key(index) != key(start) or key(start) is None:
            if index - 1 > start and key(start) is not None:
                merge(ws, row, FIRST_LEAF_COLUMN + start, row, FIRST_LEAF_COLUMN + index - 1)
            start = index


def write_grades_sheet(ws: Worksheet, cells: Cells, summary: Summary, sheet_title: str) -> None:
    # The title spans the charts too: over the four table columns alone it wrapped into the subtitle.
    heading(ws, cells, f"{sheet_title} · 等次分布", "列入排名的部门按评价等次计数；一级指标的平均得分与得分率。", 14)
    rows = [file for _rank, file in summary.ranked]
    grades = list(summary.shape.grades) if summary.shape else []
    if any(not file.grade for file in rows):
        grades.append("待定")
    header(ws, cells, 3, ["评价等次", "部门数", "占比"])
    for offset, grade in enumerate(grades, 1):
        count = sum(1 for file in rows if (file.grade or "待定") == grade)
        cells.text(ws, 3 + offset, 1, grade, align=CENTER)
        cells.number(ws, 3 + offset, 2, count, number_format="0")
        cells.number(ws, 3 + offset, 3, _share(count, len(rows)), number_format=PERCENT)
    grades_end = 3 + len(grades)
    start = grades_end + 2
    header(ws, cells, start, ["一级指标", "分值", "平均得分", "得分率"])
    roots = summary.shape.roots if summary.shape else ()
    for offset, (root_id, name, weight) in enumerate(roots, 1):
        average = mean([file.roots[root_id] for file in rows if file.total is not None and root_id in file.roots])
        cells.text(ws, start + offset, 1, name, align=CENTER)
        cells.number(ws, start + offset, 2, weight, number_format="0.##")
        cells.number(ws, start + offset, 3, average, number_format="0.00")
        cells.number(ws, start + offset, 4, None if average is None else _share(average, weight), number_format=PERCENT)
    set_widths(ws, [14, 10, 10, 10])
    if grades:
        ws.add_chart(_bar("各等次部门数", "部门数", ws, (2, 3, grades_end), (1, 4, grades_end), False), "F3")
    if roots:
        ws.add_chart(_bar("一级指标得分率", "得分率", ws, (4, start, start + len(roots)),
                          (1, start + 1, start + len(roots)), True), "F18")
    landscape(ws, None, sheet_title)
    ws.page_setup.fitToHeight = 1   # the tables and both charts on one page


def _bar(chart_title: str, axis_title: str, ws, values, categories, percent: bool) -> BarChart:
    """A column chart of one column of the table (values: column, header row, last row), labelled with its
    figures so the printed page reads without the table."""
    chart = BarChart()
    chart.type = "col"
    chart.title = chart_title
    chart.y_axis.title = axis_title
    chart.legend = None
    chart.height, chart.width = 7, 13
    column, first, last = values
    chart.add_data(Reference(ws, min_col=column, min_row=first, max_row=last), titles_from_data=True)
    column, first, last = categories
    chart.set_categories(Reference(ws, min_col=column, min_row=first, max_row=last))
    chart.dataLabels = DataLabelList()
    chart.dataLabels.showVal = True
    # Only the figure: LibreOffice otherwise adds the series and category names to every label.
    chart.dataLabels.showSerName = chart.dataLabels.showCatName = chart.dataLabels.showLegendKey = False
    chart.y_axis.number_format = PERCENT if percent else "0"
    chart.y_axis.majorGridlines = None
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    if percent:
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 1
    else:
        chart.y_axis.scaling.min = 0
    return chart


def _share(part, whole) -> Decimal | None:
    """A share as an exact fraction rounded to 4 places (shown as a percentage)."""
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def _num(value) -> str:
    from evaldesk.scoring.rules import num

    return num(value)
