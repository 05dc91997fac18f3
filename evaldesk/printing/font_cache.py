"""The bundled TrueType faces, parsed once and kept in the user's cache folder.

reportlab parses a TrueType file (its cmap, widths and glyph table) every time a process registers it: 0.1–0.3 s
for our two large CJK faces, paid by every ``evaldesk print``. What the parse yields is kept here as a pickle named
by a hash of what the parse reads and reportlab's version, so a changed font or a new reportlab is parsed afresh.
The font file is mapped every time (reportlab cuts the embedded subset out of its bytes).

Loading the cache is on every print's path, so it is kept cheap (measured, ``evaldesk print`` of the sample):
- the hash covers the table directory and every table but ``glyf`` (the outlines, 90 % of the file, which the
  parse never reads; reportlab cuts the embedded glyphs out of the file's bytes) — about 1 ms instead of 15 ms
  for hashing the whole 20 MB;
- the big per-glyph tables are kept as arrays of machine integers and made into reportlab's dicts and lists on
  load (5 ms instead of a 40–60 ms unpickle of 200,000 small objects);
- ``glyphToChar``, which only text shaping reads, is made when first asked for.
A cache that is missing, unreadable or foreign is ignored and written again: the font is then parsed as before,
never failed.
"""

from __future__ import annotations

import hashlib
import mmap
import pickle
import struct
from array import array
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab import Version as REPORTLAB_VERSION
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

from evaldesk.files import WriteFailed, write_atomic
from evaldesk.paths import cache_folder

# What is not kept: the font's bytes (mapped from the file), a scaling function (pickle cannot hold it) and the
# reverse of the cmap (made from charToGlyph when shaping asks for it).
_NOT_KEPT = ("_ttf_data", "_pdfScale", "glyphToChar")
_MAPS = ("charToGlyph", "charWidths")      # {int: number}: kept as two arrays, keys and values
_FORMAT = 2   # bumped when what is kept changes


def load_font(name: str, path: Path) -> TTFont:
    """The TrueType font at ``path`` registered under ``name``: from the cache when it matches, else parsed."""
    data = _font_bytes(Path(path))
    cached = cache_folder() / f"{Path(path).stem}-{_parse_key(data)}-rl{REPORTLAB_VERSION}-{_FORMAT}.pickle"
    face = _read(cached, data)
    if face is None:
        font = TTFont(name, str(path))
        _write(cached, font.face)
        return font
    return _font_with(name, face)


def _font_bytes(path: Path) -> bytes | mmap.mmap:
    """The font file mapped read-only: reportlab reads only the tables it parses and, at the end, the glyphs a PDF
    embeds, so most of the 10 MB is never read (reading it all costs 5 ms a face). An empty or unmappable file is
    read as bytes, and reportlab's parse says what is wrong with it."""
    with path.open("rb") as file:
        try:
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return file.read()


def _parse_key(data: bytes | mmap.mmap) -> str:
    """A hash of what reportlab's parse reads: the table directory and every table but the outlines (``glyf``).
    A file that is not a plain TrueType font (or whose directory does not add up) is hashed whole."""
    digest = hashlib.blake2b(digest_size=16)
    try:
        if data[:4] not in (b"\x00\x01\x00\x00", b"true"):
            raise ValueError("not a plain TrueType font")
        (count,) = struct.unpack_from(">H", data, 4)
        directory_end = 12 + 16 * count
        digest.update(data[:directory_end])
        for entry in range(12, directory_end, 16):
            tag, _, offset, length = struct.unpack_from(">4sLLL", data, entry)
            if offset + length > len(data):
                raise ValueError("a table beyond the end of the file")
            if tag != b"glyf":
                digest.update(memoryview(data)[offset:offset + length])
    except (struct.error, ValueError):
        digest = hashlib.blake2b(data[:], digest_size=16)
    return digest.hexdigest()


class _CachedFace(TTFontFace):
    """A face read from the cache. ``glyphToChar`` (read by text shaping only) is made when first asked for."""

    def __getattr__(self, attribute: str):
        if attribute != "glyphToChar":
            raise AttributeError(attribute)
        glyph_to_char: dict[int, list[int]] = {}
        for char, glyph in self.charToGlyph.items():
            glyph_to_char.setdefault(glyph, []).append(char)
        self.glyphToChar = glyph_to_char
        return glyph_to_char


class _Pairs:
    """reportlab's ``hmetrics`` (a list of (advance, bearing) per glyph, read by index when a subset is cut) over
    two arrays, so loading makes no 30,000 tuples."""

    def __init__(self, advances: array, bearings: array):
        self._advances, self._bearings = advances, bearings

    def __len__(self) -> int:
        return len(self._advances)

    def __getitem__(self, glyph: int) -> tuple[int, int]:
        return self._advances[glyph], self._bearings[glyph]


def _packed(values) -> array | list:
    """Integers as one array (pickled as raw bytes); anything else (a scaled width is a fraction) as it is."""
    values = list(values)
    try:
        return array("q", values)
    except (TypeError, OverflowError):
        return list(values)


def _read(cached: Path, data: bytes | mmap.mmap) -> TTFontFace | None:
    try:
        kept = pickle.loads(cached.read_bytes())
        face = _CachedFace.__new__(_CachedFace)
        face.__dict__.update(kept["face"])
        for attribute in _MAPS:
            keys, values = kept[attribute]
            setattr(face, attribute, dict(zip(keys, values)))
        face.hmetrics = _Pairs(*kept["hmetrics"])
        face.glyphPos = kept["glyphPos"]    # an array: read by index only, as the list it replaces
        if len(face.charWidths) != len(face.charToGlyph) or not face.charWidths:
            return None
    except Exception:  # missing, cut short, from another Python or an older format: parse the font instead
        return None
    face._ttf_data = data
    units = face.unitsPerEm
    face._pdfScale = (lambda x: x) if units == 1000 else (lambda x: x * (1000 / units))  # as extractInfo sets it
    return face


def _write(cached: Path, face: TTFontFace) -> None:
    big = (*_MAPS, "hmetrics", "glyphPos")
    kept = {"face": {key: value for key, value in face.__dict__.items() if key not in (*_NOT_KEPT, *big)}}
    for attribute in _MAPS:
        mapping = getattr(face, attribute)
        kept[attribute] = (_packed(mapping.keys()), _packed(mapping.values()))
    kept["hmetrics"] = (_packed(advance for advance, _ in face.hmetrics),
                        _packed(bearing for _, bearing in face.hmetrics))
    kept["glyphPos"] = _packed(face.glyphPos)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(cached, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
        # The same face's caches from an older font, reportlab or format are never read again: 1-2 MB each.
        for stale in cached.parent.glob(f"{_stem_of(cached)}-*-rl*.pickle"):
            if stale != cached:
                stale.unlink(missing_ok=True)
    except (OSError, WriteFailed, pickle.PicklingError):
        pass  # a read-only profile: the next run parses the font again, nothing else is lost


def _stem_of(cached: Path) -> str:
    """The font file's stem from a cache name ``<stem>-<hash>-rl<version>-<format>.pickle``."""
    return cached.name.rsplit("-", 3)[0]


def _font_with(name: str, face: TTFontFace) -> TTFont:
    """A TTFont over an already parsed face: what ``TTFont.__init__`` sets, without its parse."""
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, pattern) for pattern in rl_config.unShapedFontGlob)
    return font
