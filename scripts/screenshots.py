"""Screenshots of every tab with the reference sample loaded, for the README and for looking at the window.

Run under a real X server so the real platform plugin draws:  xvfb-run -s "-screen 0 1440x960x24" \
    .venv/bin/python scripts/screenshots.py docs/screenshots
"""

import sys
import tempfile
from pathlib import Path

from evaldesk.ui.app import create_app, open_window
from evaldesk.model.layout import TAB_TITLES
from evaldesk.ui import file_actions

NAMES = ("cover", "basic", "finance", "self-evaluation", "people", "summary", "score-sheet")


def main(out: str) -> None:
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    app = create_app()
    with tempfile.TemporaryDirectory() as temp:
        window = open_window(Path(temp) / "screens.sqlite")
        window.resize(1440, 920)
        window.show()
        file_actions.add_sample(window)
        for index in range(len(NAMES)):  # a first visit lays every tab out at its real width
            window.tabs.setCurrentIndex(index)
            app.processEvents()
        for index, name in enumerate(NAMES):
            window.tabs.setCurrentIndex(index)
            for _ in range(10):
                app.processEvents()
            window.grab().save(str(folder / f"{index + 1}-{name}.png"))
            print(f"{TAB_TITLES[index]} → {folder / f'{index + 1}-{name}.png'}")
        window.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
