"""The bundled faces, registered once with reportlab so every glyph is embedded (subset) in the PDF.

Body text is in Noto Serif SC (a 宋体-style face, as official forms and the bureau's workbook use), titles, headings
and table headers in Noto Sans SC Bold (黑体). Both are OFL fonts in resources/fonts; the serif was cut from
pylopdf-fonts-zh-cn's CFF font to TrueType outlines by scripts/make_serif_font.py, because reportlab embeds
TrueType outlines only.

reportlab's own default font (Helvetica) is one of the 14 standard fonts that a PDF names without embedding;
``canvas_basefontname`` makes our body font the default so no unembedded font is ever referenced.
"""

from __future__ import annotations

from functools import cache

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics

from evaldesk.printing.font_cache import load_font
from evaldesk.resources import FONT_BOLD, FONT_REGULAR

FONT_SERIF = FONT_REGULAR.parent / "NotoSerifSC-Regular.ttf"
REGULAR = "NotoSerifSC-Regular"
BOLD = "NotoSansSC-Bold"


@cache
def register_fonts() -> tuple[str, str]:
    """Register the body and the title faces, once per process (parsed once per machine: font_cache); return
    their names."""
    for name, path in ((REGULAR, FONT_SERIF), (BOLD, FONT_BOLD)):
        font = load_font(name, path)
        # The bundled sans was cut from a variable font and still carries its PostScript name (NotoSansSC-Thin);
        # reportlab treats fonts with the same face name as one font. Each face gets its own name, which is
        # also the name a PDF viewer shows.
        font.face.name = name.encode()
        pdfmetrics.registerFont(font)
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    rl_config.canvas_basefontname = REGULAR
    return REGULAR, BOLD
