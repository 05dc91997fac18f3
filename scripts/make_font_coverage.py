"""Write resources/fonts/coverage.txt: the code points every bundled face that prints a filler's text has (the
serif body and the bold titles), as ranges ``4e00-9fff`` one a line. The entry check (model/validate.py) reads it, so
the domain never imports printing; run again whenever a font in resources/fonts changes.

Run: .venv/bin/python scripts/make_font_coverage.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.pdfbase.ttfonts import TTFontFile  # noqa: E402

from evaldesk.resources import FONT_BOLD, FONTS  # noqa: E402

FACES = (FONTS / "NotoSerifSC-Regular.ttf", FONT_BOLD)


def ranges(points: list[int]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for point in points:
        if found and found[-1][1] == point - 1:
            found[-1] = (found[-1][0], point)
        else:
            found.append((point, point))
    return found


def main() -> None:
    covered = set.intersection(*(set(TTFontFile(str(face)).charToGlyph) for face in FACES))
    lines = [f"{start:x}-{end:x}" for start, end in ranges(sorted(covered))]
    header = "# Code points both printing faces have (scripts/make_font_coverage.py); one range a line, hex.\n"
    (FONTS / "coverage.txt").write_text(header + "\n".join(lines) + "\n", encoding="ascii")
    print(f"{len(covered)} code points in {len(lines)} ranges")


if __name__ == "__main__":
    main()
