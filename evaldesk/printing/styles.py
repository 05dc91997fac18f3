"""Page geometry, paragraph styles and line weights of the printed form.

A4 portrait with a wider left margin for binding (装订). Sizes follow Chinese office documents: body text in
五号 (10.5 pt), table cells a little smaller, the cover title in 二号 (22 pt).
"""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from evaldesk.printing.fonts import register_fonts
from evaldesk.printing.linebreak import patch_reportlab

PAGE_SIZE = A4
LEFT_MARGIN = 28 * mm   # binding edge
RIGHT_MARGIN = 18 * mm
TOP_MARGIN = 20 * mm
BOTTOM_MARGIN = 20 * mm
FRAME_WIDTH = PAGE_SIZE[0] - LEFT_MARGIN - RIGHT_MARGIN
FRAME_HEIGHT = PAGE_SIZE[1] - TOP_MARGIN - BOTTOM_MARGIN

LINE = 0.6          # table rules
LINE_COLOR = colors.black
CELL_PADDING = 3
HEADING_ROOM = 45 * mm   # a heading needs this much room below it on its page, or it starts the next page

patch_reportlab()   # Chinese line-breaking rules (printing/linebreak.py)


@cache
def styles() -> dict[str, ParagraphStyle]:
    regular, bold = register_fonts()

    def style(name, *, font=regular, size=9.5, leading=None, align=TA_LEFT, **extra) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or round(size * 1.45, 1),
                              alignment=align, wordWrap="CJK", **extra)

    return {
        "attachment": style("attachment", font=bold, size=12),
        "title": style("title", font=bold, size=22, leading=34, align=TA_CENTER),
        "cover_label": style("cover_label", size=14, leading=20),
        "cover_value": style("cover_value", size=14, leading=20),
        "bureau": style("bureau", font=bold, size=16, align=TA_CENTER),
        "heading": style("heading", font=bold, size=12, leading=18, spaceBefore=8, spaceAfter=4),
        "caption": style("caption", font=bold, size=10, leading=15, spaceBefore=8, spaceAfter=3),
        "sheet_title": style("sheet_title", font=bold, size=16, leading=24, align=TA_CENTER, spaceAfter=6),
        "body": style("body", size=10.5, leading=17, firstLineIndent=21),
        "cell": style("cell"),
        "cell_center": style("cell_center", align=TA_CENTER),
        "cell_right": style("cell_right", align=TA_RIGHT),
        "figure_bold": style("figure_bold", font=bold, align=TA_RIGHT),   # the 汇总 row's amounts
        "blank_line": style("blank_line", leading=24),   # a numbered line left empty for handwriting
        "head": style("head", font=bold, align=TA_CENTER),
        "head_left": style("head_left", font=bold),
        "small": style("small", size=8.5),
        "small_center": style("small_center", size=8.5, align=TA_CENTER),
        "note": style("note", size=8, leading=11.5),
        "signature": style("signature", size=10.5, leading=17),
        "signature_indent": style("signature_indent", size=10.5, leading=17, leftIndent=FRAME_WIDTH * 0.4),
        "signature_right": style("signature_right", size=10.5, leading=17, align=TA_RIGHT),
    }
