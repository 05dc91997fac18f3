"""Part 四、评价人员, walked from the layout: the evaluators with an empty 签字 column, the signature boxes (room
to sign or stamp, then 年 月 日), and the filler's line."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from evaldesk.model import wording
from evaldesk.model.form import SECTION_PEOPLE
from evaldesk.model.layout import Fields, ListBlock, Signatures, field_text
from evaldesk.printing.printout import Printout
from evaldesk.printing.styles import CELL_PADDING, FRAME_WIDTH, LINE, LINE_COLOR, styles
from evaldesk.printing.paged import PagedTable, Row
from evaldesk.printing.tables import font_command
from evaldesk.printing.text import heading, para
from evaldesk.printing.walk import walk

EVALUATOR_WIDTHS = [28 * mm, 40 * mm, FRAME_WIDTH - 108 * mm, 40 * mm]
SIGN_ROW = 28        # room for a signature in the 签字 column
OPINION_ROOM = 46    # room for a handwritten opinion
STAMP_ROOM = 30      # room for a signature or stamp after the 负责人 line


def evaluators(printout: Printout, block: ListBlock) -> list:
    """The list as a table, one column per field, and an empty 签字 column when the entries sign."""
    s = styles()
    spec = block.spec
    head = [para(label, s["head"]) for _, label in spec.fields]
    head += [para(wording.SIGNATURE_COLUMN, s["head"])] if block.signed else []
    rows = [Row([para(item.values.get(key, ""), s["cell_center"]) for key, _ in spec.fields]
                + ([""] if block.signed else [])) for item in printout.report.items(block.key)]
    return [PagedTable([head], EVALUATOR_WIDTHS, rows, flow={0, 1, 2}, min_height=SIGN_ROW)]


def signature_boxes(printout: Printout, block: Signatures) -> list:
    """One ruled box per signature: the heading, room to write, the 负责人 line if any, room to sign, the date."""
    s = styles()
    rows = []
    for opinion, signer in block.boxes:
        cell = [para(opinion, s["signature"]), Spacer(0, OPINION_ROOM if signer else STAMP_ROOM)]
        if signer:
            cell += [para(signer, s["signature_indent"]), Spacer(0, STAMP_ROOM)]
        cell.append(para(block.date_line, s["signature_right"]))
        rows.append([cell])
    # A box cut by a page break could not be signed, and the three belong on one page with the filler's line
    # under them: keepWithNext makes reportlab keep the table and the next flowable together (a KeepTogether),
    # so they move to the next page as one.
    table = Table(rows, colWidths=[FRAME_WIDTH], style=TableStyle([
        font_command(),
        ("GRID", (0, 0), (-1, -1), LINE, LINE_COLOR),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING * 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING * 6),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING * 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING * 2),
    ]))
    table.keepWithNext = True
    return [table]


def signed_lines(printout: Printout, block: Fields) -> list:
    """Each row's fields as “label：value” side by side, unruled, under the signature boxes (填报人 and phone)."""
    s = styles()
    tables = []
    for keys in block.rows:
        width = FRAME_WIDTH / len(keys)
        tables.append(Table(
            [[para(f"{block.label(key)}：{field_text(printout.report, key)}", s["signature"]) for key in keys]],
            colWidths=[width] * len(keys), splitInRow=1,
            style=TableStyle([font_command(), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("TOPPADDING", (0, 0), (-1, -1), 8)])))
    return tables


def people_flowables(printout: Printout) -> list:
    s = styles()
    return heading(SECTION_PEOPLE, s["heading"]) + walk(printout, SECTION_PEOPLE, {
        ListBlock: evaluators, Signatures: signature_boxes, Fields: signed_lines})
