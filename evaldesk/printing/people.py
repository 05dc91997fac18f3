"""Part 四、评价人员: the evaluators with an empty 签字 column, the three signature blocks (room to sign or stamp,
then 年 月 日), and the filler's line."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from evaldesk.model.form import LIST_BY_KEY, SECTION_PEOPLE
from evaldesk.printing import labels
from evaldesk.printing.printout import Printout
from evaldesk.printing.styles import CELL_PADDING, FRAME_WIDTH, LINE, LINE_COLOR, styles
from evaldesk.printing.tables import font_command, form_table
from evaldesk.printing.text import heading, para

EVALUATOR_WIDTHS = [28 * mm, 40 * mm, FRAME_WIDTH - 108 * mm, 40 * mm]
SIGN_ROW = 28        # room for a signature in the 签字 column
OPINION_ROOM = 46    # room for a handwritten opinion
STAMP_ROOM = 30      # room for a signature or stamp after the 负责人 line


def evaluators(printout: Printout):
    s = styles()
    spec = LIST_BY_KEY["evaluators"]
    head = [para(label, s["head"]) for _, label in spec.fields] + [para(labels.SIGNATURE_COLUMN, s["head"])]
    rows = [[para(item.values.get(key, ""), s["cell_center"]) for key, _ in spec.fields] + [""]
            for item in printout.report.items("evaluators")]
    return form_table([head] + rows, EVALUATOR_WIDTHS, header_rows=1, min_height=SIGN_ROW)


def signature_blocks():
    """One ruled box per signature: the heading, room to write, the 负责人 line if any, room to sign, the date."""
    s = styles()
    rows = []
    for heading, signer in labels.SIGNATURE_BLOCKS:
        cell = [para(heading, s["signature"]), Spacer(0, OPINION_ROOM if signer else STAMP_ROOM)]
        if signer:
            cell += [para(signer, s["signature_indent"]), Spacer(0, STAMP_ROOM)]
        cell.append(para(labels.DATE_LINE, s["signature_right"]))
        rows.append([cell])
    # These rows never split: a signature box cut by a page break could not be signed.
    return Table(rows, colWidths=[FRAME_WIDTH], style=TableStyle([
        font_command(),
        ("GRID", (0, 0), (-1, -1), LINE, LINE_COLOR),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING * 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING * 6),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING * 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING * 2),
    ]))


def filler_line(printout: Printout):
    s = styles()
    report = printout.report
    half = FRAME_WIDTH / 2
    return Table([[para(labels.FILLER + report.text("people.filler"), s["signature"]),
                   para(labels.FILLER_PHONE + report.text("people.filler_phone"), s["signature"])]],
                 colWidths=[half, half], splitInRow=1,
                 style=TableStyle([font_command(), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 8)]))


def people_flowables(printout: Printout) -> list:
    s = styles()
    return heading(SECTION_PEOPLE, s["heading"]) + [evaluators(printout), signature_blocks(), filler_line(printout)]
