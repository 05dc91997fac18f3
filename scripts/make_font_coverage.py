"""Write resources/fonts/coverage.txt: the code points some bundled face has (the serif body, the sans regular and
bold), as ranges ``4e00-9fff`` one a line. A character outside it can be printed by no face at all; one only the sans
has (U+2212 −, which the serif lacks) is printing's to draw with the sans. The entry check (model/validate.py) reads it, so
the domain never imports printing; run again whenever a font in resources/fonts changes.

Run: .venv/bin/python scripts/make_font_coverage.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.pdfbase.ttfonts import TTFontFile  # noqa: E402

from evaldesk.resources import FONT_BOLD, FONT_REGULAR, FONTS  # noqa: E402

FACES = (FONTS / "NotoSerifSC-Regular.ttf", FONT_REGULAR, FONT_BOLD)


def ranges(points: list[int]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for point in points:
        if found and found[-1][1] == point - 1:
            found[-1] = (found[-1][0], point)
        else:
            found.append((point, point))
    return found


def main() -> None:
    covered = set.union(*(set(TTFontFile(str(face)).charToGlyph) for face in FACES))
    lines = [f"{start:x}-{end:x}" for start, end in ranges(sorted(covered))]
    header = "# Code points some bundled face has (scripts/make_font_coverage.py); one range a line, hex.\n"
    (FONTS / "coverage.txt").write_text(header + "\n".join(lines) + "\n", encoding="ascii")
    print(f"{len(covered)} code points in {len(lines)} ranges")


if __name__ == "__main__":
    main()
