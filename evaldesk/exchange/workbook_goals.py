"""Part 三's two tables on the “自评报告” sheet: 定性目标 (goals beside the 实际完成 text) and 定量目标 (评价内容 |
指标类型 | 绩效目标 | 完成情况).

Any text of any length shows whole: a text taller than ROW_LINES lines runs on over rows of its own, a piece per
row, joined without a rule so it reads as one cell (Excel stops a row at 409 points and clips the rest). The
定量目标 table continued on the next printed page starts it with its header row again, as the paper does: the
sheet is written, paginated, and written again with a header before each body row that opened a page
(:func:`evaldesk.exchange.workbook.build_workbook` repeats this until no page starts headless).
"""

from __future__ import annotations

from evaldesk.exchange.workbook_cells import BOLD, CENTER, LEFT, TOP_LEFT, fit_row, row_pieces, span_width
from evaldesk.exchange.workbook_pages import join_to_row_above
from evaldesk.model.layout import Beside, ListBlock, numbered


def qualitative(sheet, block: Beside) -> None:
    """定性目标: the numbered goals in B–E, the 实际完成 text merged beside them in F–H — or, when it is too long
    for their rows, running on down F–H over as many rows as it needs (the goals' box running on beside it)."""
    spec, last = block.list.spec, sheet.last
    field = spec.fields[0][0]
    goals = [numbered(spec, i, item.values.get(field, ""))
             for i, item in enumerate(sheet.report.items(block.list.key), 1)] or [""]
    actual = sheet.field(block.text.key)
    first = sheet.row
    sheet.keeps.append((first, first + 1))
    sheet.block(sheet.row, 2, 5, block.list_heading, block.list_heading, font=BOLD, align=CENTER)
    sheet.block(sheet.row, 6, last, block.text.label, block.text.label, font=BOLD, align=CENTER)
    fit_row(sheet.ws, sheet.row, "", 1, minimum=22)
    sheet.row += 1
    goal_rows = [(piece, n == 0) for goal in goals
                 for n, piece in enumerate(row_pieces(goal, span_width(sheet.widths, 2, 5)))]
    actual_rows = [(piece, n == 0) for n, piece in enumerate(row_pieces(actual, span_width(sheet.widths, 6, last)))]
    if len(actual_rows) == 1:   # it fits beside the goals: one cell merged down their rows
        for piece, opens in goal_rows:
            _piece(sheet, 2, 5, piece, opens, spec.label)
        sheet.block(first + 1, 6, last, actual, block.text.label, align=TOP_LEFT, last_row=sheet.row - 1)
    else:
        for n in range(max(len(goal_rows), len(actual_rows))):
            goal, opens = goal_rows[n] if n < len(goal_rows) else ("", False)
            text, starts = actual_rows[n] if n < len(actual_rows) else ("", False)
            sheet.block(sheet.row, 6, last, text, block.text.label, align=TOP_LEFT)
            if not starts:
                _join(sheet, 6, last)
            _piece(sheet, 2, 5, goal, opens, spec.label)
    sheet.block(first, 1, 1, block.caption, "定性目标", font=BOLD, align=CENTER, last_row=sheet.row - 1)


def quantitative(sheet, block: ListBlock) -> None:
    """定量目标: a row per 指标 (or several, for a long 绩效目标 or 完成情况); 评价内容 and 指标类型 merged down each
    run of equal values, as on paper. Before each body row listed in ``sheet.quant_heads`` (one that opened a
    printed page the last time) the header row is written again, starting a page."""
    spec, last = block.spec, sheet.last
    names = dict(spec.fields)
    items = sheet.report.items(block.key)
    first = sheet.row
    _header(sheet, names)
    body: list[tuple[tuple[str, str], int]] = []   # ((评价内容, 指标类型), sheet row) per body row
    for item in items or [None]:
        values = item.values if item else {}
        name, target = values.get("name", ""), values.get("target", "")
        shown = f"{name}：{target}" if name and target else name or target
        targets = row_pieces(shown, span_width(sheet.widths, 4, 5))
        actuals = row_pieces(values.get("actual", ""), span_width(sheet.widths, 6, last))
        for n in range(max(len(targets), len(actuals))):
            headed = len(sheet.quant_body) in sheet.quant_heads
            if headed:
                sheet.part_starts.append(sheet.row)
                _header(sheet, names)
            sheet.quant_body.append(sheet.row)
            # A continuation that starts a page says again which 指标 it continues (the 绩效目标 in full).
            target = targets[n] if n < len(targets) else (shown if headed and len(targets) == 1 else "")
            sheet.block(sheet.row, 4, 5, target, spec.label, align=TOP_LEFT if n else LEFT)
            sheet.block(sheet.row, 6, last, actuals[n] if n < len(actuals) else "", spec.label,
                        align=TOP_LEFT if n else LEFT)
            if n and not headed:
                _join(sheet, 4, last)
            body.append(((values.get("group", ""), values.get("kind", "")), sheet.row))
            sheet.row += 1
    for depth, col in ((1, 2), (2, 3)):
        start = 0
        for i in range(1, len(body) + 1):
            key, row = body[start][0][:depth], body[start][1]
            if i < len(body) and body[i][0][:depth] == key and body[i][1] == body[i - 1][1] + 1:
                continue
            sheet.block(row, col, col, key[-1], spec.label, align=CENTER, last_row=body[i - 1][1])
            start = i
    sheet.block(first, 1, 1, block.heading, "定量目标", font=BOLD, align=CENTER, last_row=sheet.row - 1)


def _header(sheet, names: dict) -> None:
    """评价内容 | 绩效目标 | 完成情况, kept on a page with the first rows under it."""
    sheet.keeps.append((sheet.row, sheet.row + 2))
    sheet.block(sheet.row, 2, 3, names["group"], "定量目标", font=BOLD, align=CENTER)
    sheet.block(sheet.row, 4, 5, names["target"], "定量目标", font=BOLD, align=CENTER)
    sheet.block(sheet.row, 6, sheet.last, names["actual"], "定量目标", font=BOLD, align=CENTER)
    fit_row(sheet.ws, sheet.row, "", 1, minimum=22)
    sheet.row += 1


def _piece(sheet, first_col: int, last_col: int, text: str, opens: bool, where: str) -> None:
    """One row of a list that may run on: ``opens`` starts a new item's box, else the row continues the one above."""
    sheet.block(sheet.row, first_col, last_col, text, where, align=LEFT if opens else TOP_LEFT)
    if not opens:
        _join(sheet, first_col, last_col)
    sheet.row += 1


def _join(sheet, first_col: int, last_col: int) -> None:
    join_to_row_above(sheet.ws, sheet.row, last_col, first_col)
    sheet.joined.add(sheet.row)
