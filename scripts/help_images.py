"""The pictures of the 使用说明 (resources/help/*.png): the window at 1366×768, the most common office screen, as a
filler of a county other than Yunxi sees it, scaled to the guide's width.

Run under a real X server:  xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/help_images.py
"""

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt

from evaldesk.resources import HELP
from evaldesk.ui.app import create_app, open_window

WIDTH = 900  # the guide shows them at 640; a little more keeps the Chinese legible when zoomed


def settle(app) -> None:
    for _ in range(10):
        app.processEvents()


def save(window, app, name: str) -> None:
    settle(app)
    window.grab().scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation).save(str(HELP / name))
    print(HELP / name)


def main() -> None:
    app = create_app()
    with tempfile.TemporaryDirectory() as temp:
        window = open_window(Path(temp) / "guide.sqlite")
        window.resize(1366, 740)
        window.show()
        welcome = window.welcome
        welcome.year.setValue(2023)
        welcome.department.setText("某县农业农村局")
        welcome.region.setText("某某市某某县")
        welcome.bureau.setText("某某县财政局")
        save(window, app, "1-welcome.png")
        welcome.create_button.click()
        window.tabs.setCurrentIndex(0)
        save(window, app, "2-cover.png")
        window.files.add_sample()
        window.tabs.setCurrentIndex(6)
        save(window, app, "3-audit.png")
        window.close()


if __name__ == "__main__":
    sys.exit(main())
