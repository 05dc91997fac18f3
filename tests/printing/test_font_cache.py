"""The parsed fonts kept in the cache folder serve exactly what a fresh parse serves, and a bad cache costs
nothing but the parse."""

from __future__ import annotations

from reportlab.pdfbase.ttfonts import TTFont

from evaldesk.paths import cache_folder
from evaldesk.printing.font_cache import load_font
from evaldesk.printing.fonts import FONT_SERIF

TEXT = "部门整体支出绩效评价自评报告 2021 年度 12,345.67 万元（一）"


def _cached_files():
    return sorted(cache_folder().glob(f"{FONT_SERIF.stem}-*.pickle"))


def test_a_font_from_the_cache_measures_and_embeds_as_a_parsed_one():
    parsed = TTFont("甲", str(FONT_SERIF))
    load_font("乙", FONT_SERIF)              # parses and writes the cache
    assert len(_cached_files()) == 1
    cached = load_font("丙", FONT_SERIF)     # read from it
    assert cached.face.charWidths == parsed.face.charWidths
    assert cached.stringWidth(TEXT, 10.5) == parsed.stringWidth(TEXT, 10.5)
    subset = [0] + [ord(ch) for ch in TEXT]
    assert cached.face.makeSubset(subset) == parsed.face.makeSubset(subset)   # the glyphs the PDF embeds
    assert cached.fontName == "丙"
    # what the cache keeps in another shape reads as the parse's (glyphToChar, for shaping, made when asked)
    face, fresh = cached.face, parsed.face
    assert [face.hmetrics[glyph] for glyph in range(len(fresh.hmetrics))] == fresh.hmetrics
    assert list(face.glyphPos) == fresh.glyphPos
    assert face.glyphToChar == fresh.glyphToChar


def test_a_damaged_cache_is_parsed_past_and_written_again():
    load_font("甲", FONT_SERIF)
    [cached] = _cached_files()
    cached.write_bytes(b"\x80\x05 not a pickle")
    font = load_font("乙", FONT_SERIF)
    assert font.stringWidth(TEXT, 12) == TTFont("丙", str(FONT_SERIF)).stringWidth(TEXT, 12)
    assert len(cached.read_bytes()) > 100_000   # written again whole (the damaged one had 17 bytes)


def test_a_cache_folder_that_cannot_be_written_still_gives_the_font(monkeypatch, tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setenv("EVALDESK_HOME", str(blocked))   # cache folder would be inside a file
    font = load_font("甲", FONT_SERIF)
    assert font.stringWidth("评价", 12) > 0


def test_a_cache_of_an_older_format_is_replaced_not_kept_beside(monkeypatch):
    load_font("甲", FONT_SERIF)
    [current] = _cached_files()
    older = current.with_name(f"{FONT_SERIF.stem}-0123456789abcdef0123456789abcdef-rl4.0-1.pickle")
    older.write_bytes(b"kept by an older evaldesk")
    current.unlink()                      # as after an upgrade: only the old one is there
    load_font("乙", FONT_SERIF)
    assert _cached_files() == [current]


def test_the_cache_key_follows_what_the_parse_reads_not_the_outlines(tmp_path):
    from evaldesk.printing.font_cache import _font_bytes, _parse_key

    data = bytearray(FONT_SERIF.read_bytes())
    key = _parse_key(bytes(data))
    assert _parse_key(_font_bytes(FONT_SERIF)) == key           # mapped or read, the same key
    glyf, cmap = _table(data, b"glyf"), _table(data, b"cmap")
    outlines = bytearray(data)
    outlines[glyf + 100] ^= 0xFF
    assert _parse_key(bytes(outlines)) == key                     # an outline byte: the parse is unchanged
    widths = bytearray(data)
    widths[cmap + 20] ^= 0xFF
    assert _parse_key(bytes(widths)) != key                       # a cmap byte: parsed afresh
    assert _parse_key(b"not a font at all") != key               # a foreign file is hashed whole


def _table(data: bytes, tag: bytes) -> int:
    import struct

    (count,) = struct.unpack_from(">H", data, 4)
    for entry in range(12, 12 + 16 * count, 16):
        name, _, offset, _ = struct.unpack_from(">4sLLL", data, entry)
        if name == tag:
            return offset
    raise KeyError(tag)
