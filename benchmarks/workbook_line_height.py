"""How tall LibreOffice draws the workbook's lines here, where 宋体 is missing and a CJK face stands in (Noto Sans
CJK, 文泉驿): the line pitch of 11-pt and 16-pt bold “宋体” text, and for cells of 1, 2, 6 and 12 lines (ROW_LINES)
made as tall as workbook_cells.fit_row makes them, the room left under the last line (negative: the line is cut).
Needs LibreOffice. The figures justify workbook_cells.LINE_HEIGHT.

    PYTHONPATH=. .venv/bin/python benchmarks/workbook_line_height.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pypdfium2 as pdfium  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Alignment  # noqa: E402

from evaldesk.exchange.workbook_cells import BOX, FONT, LINE_HEIGHT, TITLE  # noqa: E402

LINES = (1, 2, 6, 12)
SCALE = 4   # pixels per point when looking for the cells' rules


def _pdf(book: Workbook, folder: Path):
    book.save(folder / "probe.xlsx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(folder / "probe.xlsx")],
                   check=True, capture_output=True)
    return pdfium.PdfDocument(str(folder / "probe.pdf"))[0]


def _line_boxes(page, size: float):
    """(top, bottom) of each line of text of about ``size`` points, from the page's top, top to bottom."""
    height = page.get_size()[1]
    text = page.get_textpage()
    boxes = {(round(height - t, 1), round(height - b, 1))
             for l, b, r, t in (text.get_charbox(i, loose=True) for i in range(text.count_chars()))
             if r > l and abs((t - b) - size) < size * 0.2}
    return sorted(boxes)


def _rules(page) -> list[float]:
    """The horizontal rules (cell borders: a dark row of pixels wider than any line of the probe text), in points
    from the page's top."""
    image = page.render(scale=SCALE).to_pil().convert("L")
    pixels = image.load()
    ys = [y / SCALE for y in range(image.height)
          if sum(1 for x in range(0, image.width, 4) if pixels[x, y] < 128) > 150]
    groups: list[list[float]] = []
    for y in ys:
        if groups and y - groups[-1][-1] <= 1:
            groups[-1].append(y)
        else:
            groups.append([y])
    return [sum(g) / len(g) for g in groups]


def main() -> None:
    if not shutil.which("soffice"):
        sys.exit("LibreOffice (soffice) is not installed")
    folder = Path(tempfile.mkdtemp())
    for font, name in ((FONT, "11 pt"), (TITLE, "16 pt bold")):
        book = Workbook()
        ws = book.active
        ws.column_dimensions["A"].width = 40
        scale = font.sz / 11
        for row, lines in enumerate(LINES, 1):
            cell = ws.cell(row, 1, "\n".join(["测试文字行"] * lines))
            cell.font, cell.border = font, BOX
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.row_dimensions[row].height = lines * LINE_HEIGHT * scale + 6   # as fit_row
        page = _pdf(book, folder)
        boxes, rules = _line_boxes(page, font.sz), _rules(page)
        tops = [top for top, _ in boxes]
        pitch = [b - a for a, b in zip(tops, tops[1:]) if b - a < font.sz * 1.8]
        print(f"{name}: line pitch {sum(pitch) / len(pitch):.2f} pt (LINE_HEIGHT × {scale:.2f} = "
              f"{LINE_HEIGHT * scale:.2f})")
        for lines, top, bottom in zip(LINES, rules, rules[1:]):
            last = max(b for t, b in boxes if top <= t < bottom)
            print(f"  {lines:2} lines in {bottom - top:6.1f} pt: {bottom - last:+.1f} pt under the last line")


if __name__ == "__main__":
    main()
