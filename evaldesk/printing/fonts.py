"""The bundled Noto Sans SC, registered once with reportlab so every glyph is embedded (subset) in the PDF.

reportlab's own default font (Helvetica) is one of the 14 standard fonts that a PDF names without embedding;
``canvas_basefontname`` makes our font the default so no unembedded font is ever referenced.
"""

from __future__ import annotations

from functools import cache

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from evaldesk.resources import FONT_BOLD, FONT_REGULAR

REGULAR = "NotoSansSC"
BOLD = "NotoSansSC-Bold"


@cache
def register_fonts() -> tuple[str, str]:
    """Register the regular and bold faces (about 0.2 s, once per process); return their names."""
    for name, path in ((REGULAR, FONT_REGULAR), (BOLD, FONT_BOLD)):
        font = TTFont(name, str(path))
        # Both bundled files were cut from one variable font and still carry its PostScript name
        # (NotoSansSC-Thin); reportlab treats fonts with the same face name as one font, so bold would print as
        # regular. Each face gets its own name, which is also the name a PDF viewer shows.
        font.face.name = f"NotoSansSC-{'Bold' if name == BOLD else 'Regular'}".encode()
        pdfmetrics.registerFont(font)
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    rl_config.canvas_basefontname = REGULAR
    return REGULAR, BOLD
