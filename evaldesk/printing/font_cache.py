"""The bundled TrueType faces, parsed once and kept in the user's cache folder.

reportlab parses a TrueType file (its cmap, widths and glyph table) every time a process registers it: 0.1–0.3 s
for our two large CJK faces, paid by every ``evaldesk print``. What the parse yields is kept here as a pickle named
by the font file's content hash and reportlab's version, so a changed font or a new reportlab is parsed afresh.
The font's bytes are read from the file every time (reportlab cuts the embedded subset out of them), which is also
what the hash is taken over. A cache that is missing, unreadable or foreign is ignored and written again: the font
is then parsed as before, never failed.
"""

from __future__ import annotations

import hashlib
import pickle
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab import Version as REPORTLAB_VERSION
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

from evaldesk.files import WriteFailed, write_atomic
from evaldesk.model.paths import cache_folder

# What is not kept: the font's bytes (read from the file) and a scaling function (pickle cannot hold it).
_NOT_KEPT = ("_ttf_data", "_pdfScale")
_FORMAT = 1   # bumped when what is kept changes


def load_font(name: str, path: Path) -> TTFont:
    """The TrueType font at ``path`` registered under ``name``: from the cache when it matches, else parsed."""
    data = Path(path).read_bytes()
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    cached = cache_folder() / f"{Path(path).stem}-{digest}-rl{REPORTLAB_VERSION}-{_FORMAT}.pickle"
    face = _read(cached, data)
    if face is None:
        font = TTFont(name, str(path))
        _write(cached, font.face)
        return font
    return _font_with(name, face)


def _read(cached: Path, data: bytes) -> TTFontFace | None:
    try:
        kept = pickle.loads(cached.read_bytes())
        if not isinstance(kept, dict) or not isinstance(kept.get("charWidths"), dict):
            return None
    except Exception:  # missing, cut short, from another Python: parse the font instead
        return None
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(kept)
    face._ttf_data = data
    units = face.unitsPerEm
    face._pdfScale = (lambda x: x) if units == 1000 else (lambda x: x * (1000 / units))  # as extractInfo sets it
    return face


def _write(cached: Path, face: TTFontFace) -> None:
    kept = {key: value for key, value in face.__dict__.items() if key not in _NOT_KEPT}
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(cached, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, WriteFailed, pickle.PicklingError):
        pass  # a read-only profile: the next run parses the font again, nothing else is lost


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
