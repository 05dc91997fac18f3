"""Reading a built PDF back the way a reviewer would: the text of each page, and the fonts it uses."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

_FOOTER = re.compile(r"第\d+页共\d+页|数据指纹[0-9A-F]{4}(?:-[0-9A-F]{4}){3}|草稿：审核尚有\d+个错误未改正，本稿不得签字报送")


def squeeze(text: str) -> str:
    """Whitespace removed: pypdf breaks lines where the layout does, and the layout is not under test here."""
    return "".join(text.split())


def pages_text(pdf: bytes) -> list[str]:
    return [squeeze(page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages]


def body_text(pdf: bytes, repeated_headers: tuple[str, ...] = ()) -> str:
    """All pages' text joined without footers, page headers and repeated table headers, so a text that runs
    over a page break reads as one."""
    text = "".join(_FOOTER.sub("", page) for page in pages_text(pdf))
    for header in repeated_headers:
        text = text.replace(squeeze(header), "")
    return text


def fonts(pdf: bytes) -> list[dict]:
    """Every font dictionary the pages use (descendants included)."""
    found = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            found[id(font)] = font
            for descendant in font.get("/DescendantFonts") or []:
                found[id(descendant.get_object())] = descendant.get_object()
    return list(found.values())


def lowest_text(pdf: bytes, bottom_margin: float) -> list[float]:
    """Per page, the height above the page's foot of its lowest character inside the frame (the footer, below
    ``bottom_margin``, left out): how far down a page's content reaches, as a reader sees it."""
    import pypdfium2 as pdfium

    lows = []
    for page in pdfium.PdfDocument(pdf):
        text = page.get_textpage()
        bottoms = [text.get_charbox(i)[1] for i in range(text.count_chars())
                   if not text.get_text_range(i, 1).isspace()]
        lows.append(min((b for b in bottoms if b > bottom_margin), default=page.get_height()))
    return lows
