"""Screenshots at the office screens' sizes with the reference sample loaded: every tab, the score sheet in the
larger 字号, the print preview and the template editor — for the README and for looking at the window as the
filler sees it.

Run under a real X server of each size so the real platform plugin draws:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py docs/screenshots
    xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python scripts/screenshots.py docs/screenshots/1280x720
"""

import sys
import tempfile
from pathlib import Path

from evaldesk.model.layout import TAB_TITLES
from evaldesk.ui import screen
from evaldesk.ui.app import create_app, open_window

NAMES = ("cover", "basic", "finance", "self-evaluation", "people", "summary", "score-sheet")


def settle(app, times: int = 10) -> None:
    for _ in range(times):
        app.processEvents()


def wait(app, seconds: float) -> None:
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def save(widget, path: Path, what: str) -> None:
    widget.grab().save(str(path))
    print(f"{what} → {path}")


def main(out: str) -> None:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    app = create_app()
    with tempfile.TemporaryDirectory() as temp:
        window = open_window(Path(temp) / "screens.sqlite")
        window.show()
        # Without a window manager (xvfb) "maximised" is only a wish: take the available area as a maximised
        # window has it on a desktop.
        window.setGeometry(screen.available(window))
        window.files.add_sample()
        for index in range(len(NAMES)):  # a first visit lays every tab out at its real width
            window.tabs.setCurrentIndex(index)
            app.processEvents()
        for index, name in enumerate(NAMES):
            window.tabs.setCurrentIndex(index)
            settle(app)
            save(window, folder / f"{index + 1}-{name}.png", TAB_TITLES[index])


        editor = window.templates.edit_template()
        settle(app)
        save(editor, folder / "8-template-editor.png", "评分表编辑器")
        editor.close()

        window.output.print_preview()
        wait(app, 2.0)  # the preview renders its pages in the background
        save(window.preview, folder / "9-print-preview.png", "打印预览")
        window.preview.close()

        window.set_font_size("特大")
        window.tabs.setCurrentIndex(len(NAMES) - 1)
        settle(app)
        save(window, folder / "10-score-sheet-larger-text.png", "评分表（字号：特大）")
        window.set_font_size(screen.DEFAULT_FONT_SIZE)
        window.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
