"""The cover (封面), walked from the layout: the attachment label, the title, the cover fields on ruled lines,
the issuing bureau, with room between them as on the paper copy."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepInFrame, PageBreak, Paragraph, Spacer, Table, TableStyle

from evaldesk.model.form import SECTION_COVER
from evaldesk.model.layout import CoverText, Fields, cover_text, field_text, has_wording
from evaldesk.model.layout import title as title_of
from evaldesk.printing import labels
from evaldesk.printing.printout import Printout
from evaldesk.printing.styles import FRAME_HEIGHT, FRAME_WIDTH, LINE, LINE_COLOR, styles
from evaldesk.printing.tables import font_command
from evaldesk.printing.text import markup, para
from evaldesk.printing.walk import walk

# Where a title too long for one line is best broken: before the form's own name, as the paper copy does.
TITLE_BREAKS = ("绩效评价", "自评报告")
# Room below a cover line (by its template key) and below the fields.
ROOM_BELOW = {"report_attachment": 45 * mm, "report_title": 40 * mm}
FIELDS_ROOM_BELOW = 50 * mm
COVER_SLACK = 6   # points kept free on the cover page, against rounding
COVER_STYLES = {"report_attachment": "attachment", "report_title": "title", "bureau": "bureau"}


def title_markup(title: str, style) -> str:
    """The title, broken before the form's name when it needs two lines and both halves then fit."""
    if stringWidth(title, style.fontName, style.fontSize) <= FRAME_WIDTH:
        return markup(title)
    for word in TITLE_BREAKS:
        at = title.find(word)
        if at > 0 and all(stringWidth(part, style.fontName, style.fontSize) <= FRAME_WIDTH
                          for part in (title[:at], title[at:])):
            return markup(title[:at]) + "<br/>" + markup(title[at:])
    return markup(title)


# Room to write a region or a bureau by hand on the blank form of a sheet that names none (the neutral sheet).
WRITE_IN = "＿" * 6


def cover_line(printout: Printout, block: CoverText) -> list:
    style = styles()[COVER_STYLES.get(block.key, "bureau")]
    text = cover_text(printout.report, block.key)
    unnamed = printout.blank and not has_wording(printout.report, "region" if block.key == "report_title" else
                                                 block.key) and block.key in ("report_title", "bureau")
    if unnamed:  # a line to write on, not “2023年度…” or a bare “（制）”
        words = title_of(printout.report.template.cover, WRITE_IN, printout.report.year) \
            if block.key == "report_title" else WRITE_IN + text
        lined = title_markup(words, style) if block.key == "report_title" else markup(words)
        return [Paragraph(lined, style), Spacer(0, ROOM_BELOW.get(block.key, 0))]
    if block.key == "report_title":
        title = title_markup(text, style)
        if printout.draft:
            title += "<br/>" + labels.DRAFT_TITLE
        line = Paragraph(title, style)
    else:
        line = para(text, style)
    room = ROOM_BELOW.get(block.key)
    return [line, Spacer(0, room)] if room else [line]


def cover_fields(printout: Printout, block: Fields) -> list:
    """Each field on a line of its own: the label, then the value on a ruled line."""
    s = styles()
    rows = [[para(block.label(key) + "：", s["cover_label"]), para(field_text(printout.report, key), s["cover_value"])]
            for key in block.keys]
    table = Table(rows, colWidths=[46 * mm, 112 * mm], hAlign="CENTER", splitInRow=1, style=TableStyle([
        font_command(),
        ("LINEBELOW", (1, 0), (1, -1), LINE, LINE_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),   # a label stands beside the first line of a long value
        ("TOPPADDING", (0, 0), (-1, -1), 14),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [table, Spacer(0, FIELDS_ROOM_BELOW)]


def on_one_page(flowables: list) -> list:
    """The cover is one page whatever its names' length: the room between its parts shrinks first, and only
    if the text alone is taller than a page is everything drawn smaller."""
    texts = sum(f.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                for f in flowables if not isinstance(f, Spacer))
    rooms = sum(f.height for f in flowables if isinstance(f, Spacer))
    scale = max(0.0, min(1.0, (FRAME_HEIGHT - texts - COVER_SLACK) / rooms)) if rooms else 1.0
    fitted = [Spacer(0, f.height * scale) if isinstance(f, Spacer) else f for f in flowables]
    return [KeepInFrame(FRAME_WIDTH, FRAME_HEIGHT - COVER_SLACK, fitted, mode="shrink")]


def cover_flowables(printout: Printout) -> list:
    return on_one_page(walk(printout, SECTION_COVER, {CoverText: cover_line, Fields: cover_fields})) + [PageBreak()]
