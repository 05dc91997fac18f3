"""Draws the application icon once; the results are committed in resources/icons/ (evaldesk.png for the window
and the Linux .desktop entry, evaldesk.ico for Windows and the PyInstaller bundle).

A sheet of paper with a ruled form, the character 评 in the bundled font and a red check mark: the form the
filler fills in, and its score. Run:  QT_QPA_PLATFORM=offscreen python scripts/make_icon.py
"""

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from evaldesk.resources import FONT_BOLD, ICONS  # noqa: E402

SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    s = size / 256  # drawn on a 256 grid
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(s, s)
    p.setPen(QPen(QColor("#1f4e79"), 8))
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(36, 16, 184, 224), 16, 16)  # the sheet
    p.setPen(QPen(QColor("#9db3c8"), 7))
    for y in (170, 198):  # ruled lines of the form
        p.drawLine(QPointF(64, y), QPointF(192, y))
    family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(FONT_BOLD)))[0]
    font = QFont(family)
    font.setPixelSize(118)
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#1f4e79"))
    p.drawText(QRectF(36, 24, 184, 132), Qt.AlignmentFlag.AlignCenter, "评")
    check = QPainterPath(QPointF(132, 196))
    check.lineTo(QPointF(166, 230))
    check.lineTo(QPointF(236, 140))
    p.setPen(QPen(QColor("#c0392b"), 24, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(check)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(images: list[QImage]) -> bytes:
    """An .ico holding PNG images (Windows Vista and later read these; Qt's ICO writer is not always there)."""
    pngs = [png_bytes(image) for image in images]
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries = b""
    for image, png in zip(images, pngs):
        side = image.width() % 256  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return header + entries + b"".join(pngs)


def main() -> None:
    QGuiApplication([])
    images = [draw(size) for size in SIZES]
    ICONS.mkdir(exist_ok=True)
    (ICONS / "evaldesk.png").write_bytes(png_bytes(images[-1]))
    (ICONS / "evaldesk.ico").write_bytes(ico_bytes(images))
    print("wrote", ICONS / "evaldesk.png", ICONS / "evaldesk.ico")


if __name__ == "__main__":
    main()
