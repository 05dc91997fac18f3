"""Cut resources/fonts/NotoSerifSC-Regular.ttf, the form's body face (宋体-style), from the OFL Noto Serif SC that
the PyPI package pylopdf-fonts-zh-cn 0.1.1 ships. reportlab embeds TrueType (glyf) outlines only, and that file is
CFF (.otf), so the outlines are converted to quadratic curves (fontTools cu2qu); the character set is cut to GBK
and the punctuation a form uses, as for the bundled sans.

Run once, by hand, with fontTools (a build tool, not a dependency of evaldesk):

    pip download --no-deps pylopdf-fonts-zh-cn==0.1.1 && unzip pylopdf_fonts_zh_cn-0.1.1-py3-none-any.whl
    pip install fonttools && python scripts/make_serif_font.py pylopdf_fonts_zh_cn/NotoSerifSC-Regular.otf
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

# Curve conversion tolerance in font units (1000 per em): 3 units is 0.03 pt at 10.5 pt, far below what paper
# shows, and keeps the file near the size of the bundled sans (1 unit gives 34 MB).
MAX_ERROR = 3
TARGET = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "NotoSerifSC-Regular.ttf"


def gbk_characters() -> set[int]:
    chars = set(range(0x20, 0x7F)) | {0xA0, 0x3000}
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                chars.add(ord(bytes([lead, trail]).decode("gbk")))
            except UnicodeDecodeError:
                pass
    return chars


def to_truetype(font: TTFont) -> None:
    """Replace the CFF table by glyf/loca with the same glyphs (cubic → quadratic curves)."""
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["maxp"] = newTable("maxp")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxPoints", "maxContours",
                 "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 2.0
    font["post"].extraNames = []
    font["post"].mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"


def main(source: str) -> None:
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=gbk_characters())
    subsetter.subset(font)
    to_truetype(font)
    font.save(TARGET)
    print(f"{TARGET}: {TARGET.stat().st_size / 1e6:.1f} MB, {len(font.getGlyphOrder())} glyphs")


if __name__ == "__main__":
    main(sys.argv[1])
