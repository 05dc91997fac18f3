"""Part 四、评价人员, walked from the layout: the evaluators with an empty 签字 column, the signature boxes (room
to sign or stamp, then 年 月 日), and the filler's line."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

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
    table = signature_table(block, 1)
    table.signatures = block   # people_flowables keeps it on one page with the filler's line (OnePage)
    return [table]


def signature_table(block: Signatures, scale: float) -> Table:
    """The boxes with their writing room at ``scale`` of the full room."""
    s = styles()
    rows = []
    for opinion, signer in block.boxes:
        cell = [para(opinion, s["signature"]), Spacer(0, (OPINION_ROOM if signer else STAMP_ROOM) * scale)]
        if signer:
            cell += [para(signer, s["signature_indent"]), Spacer(0, STAMP_ROOM * scale)]
        cell.append(para(block.date_line, s["signature_right"]))
        rows.append([cell])
    return Table(rows, colWidths=[FRAME_WIDTH], style=TableStyle([
        font_command(),
        ("GRID", (0, 0), (-1, -1), LINE, LINE_COLOR),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING * 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING * 6),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING * 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING * 2),
    ]))


class OnePage(Flowable):
    """The signature boxes and the filler's line under them, on one page: a box cut by a page break could not be
    signed. When they miss what is left of the page by a little (the reference report: about 4 mm, which sent
    them over and left half a page empty), the boxes' writing room shrinks, to SMALLEST of it at most, rather
    than the page be left half empty; otherwise they move to the next page as one."""

    SMALLEST = 0.8

    def __init__(self, block: Signatures, after: list):
        super().__init__()
        self.block, self.after = block, after
        self.parts: list = []

    def _built(self, scale: float, width: float) -> tuple[list, float]:
        parts = [signature_table(self.block, scale), *self.after]
        return parts, sum(part.wrap(width, 1e6)[1] for part in parts)

    def wrap(self, available_width, available_height):
        scale = 1.0
        while True:
            self.parts, self.height = self._built(scale, available_width)
            if self.height <= available_height or scale <= self.SMALLEST:
                break
            scale = round(scale - 0.05, 2)
        if self.height > available_height:   # not even at the smallest: the whole room, on the next page
            self.parts, self.height = self._built(1.0, available_width)
        self.width = available_width
        return self.width, self.height

    def split(self, available_width, available_height):
        return []

    def draw(self):
        top = self.height
        for part in self.parts:
            _, height = part.wrap(self.width, 1e6)
            top -= height
            part.drawOn(self.canv, 0, top)


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
    flowables = heading(SECTION_PEOPLE, s["heading"]) + walk(printout, SECTION_PEOPLE, {
        ListBlock: evaluators, Signatures: signature_boxes, Fields: signed_lines})
    at = next((i for i, f in enumerate(flowables) if hasattr(f, "signatures")), None)
    if at is None:
        return flowables
    return flowables[:at] + [OnePage(flowables[at].signatures, flowables[at + 1:])]
