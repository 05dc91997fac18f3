"""The cover (封面): attachment label, title, the five cover fields, the issuing bureau."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from evaldesk.model.form import FIELD_BY_KEY
from evaldesk.model.values import format_date_cn
from evaldesk.printing import labels
from evaldesk.printing.printout import Printout
from evaldesk.printing.styles import FRAME_WIDTH, LINE, LINE_COLOR, styles
from evaldesk.printing.tables import font_command
from evaldesk.printing.text import markup, para

# Where a title too long for one line is best broken: before the form's own name, as the paper copy does.
TITLE_BREAKS = ("绩效评价", "自评报告")
COVER_FIELDS = ("cover.department", "cover.budget_code", "cover.method", "cover.agency", "cover.report_date")


def cover_value(printout: Printout, key: str) -> str:
    value = printout.report.get(key)
    if key == "cover.report_date":
        return format_date_cn(value)
    return "" if value is None else str(value)


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


def cover_flowables(printout: Printout) -> list:
    s = styles()
    template = printout.report.template
    title = title_markup(template.title(printout.report.year), s["title"])
    if printout.draft:
        title += "<br/>" + labels.DRAFT_TITLE
    rows = [[para(FIELD_BY_KEY[key].label + "：", s["cover_label"]), para(cover_value(printout, key), s["cover_value"])]
            for key in COVER_FIELDS]
    fields = Table(rows, colWidths=[46 * mm, 112 * mm], hAlign="CENTER", splitInRow=1, style=TableStyle([
        font_command(),
        ("LINEBELOW", (1, 0), (1, -1), LINE, LINE_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 14),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return [
        para(template.cover["report_attachment"], s["attachment"]),
        Spacer(0, 45 * mm),
        Paragraph(title, s["title"]),
        Spacer(0, 40 * mm),
        fields,
        Spacer(0, 50 * mm),
        para(template.cover["bureau"], s["bureau"]),
        PageBreak(),
    ]
