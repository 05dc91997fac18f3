"""Where the shipped resources (templates, fonts, the sample report, the audit's rules, the icon) live.

In the source tree they sit in the top-level ``resources/`` folder. A wheel or the PyInstaller bundle carries the
same folder inside the package as ``evaldesk/_resources`` (setup.py's build step, evaldesk.spec), found through
``importlib.resources`` so nothing depends on where the package was installed. Both are real folders on disk:
reportlab and Qt open fonts by file name.
"""

from importlib.resources import files
from pathlib import Path


def _resources_folder() -> Path:
    packaged = Path(str(files("evaldesk") / "_resources"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"  # a source checkout (make run, make test)


RESOURCES = _resources_folder()
TEMPLATES = RESOURCES / "templates"
FONTS = RESOURCES / "fonts"
SAMPLES = RESOURCES / "samples"
ICONS = RESOURCES / "icons"
HELP = RESOURCES / "help"              # 使用说明: guide.html and its pictures, read offline in the window
GUIDE = HELP / "guide.html"

FONT_REGULAR = FONTS / "NotoSansSC-Regular.ttf"
FONT_BOLD = FONTS / "NotoSansSC-Bold.ttf"
SAMPLE_REPORT = SAMPLES / "yunxi-2021-bianban.json"
ICON = ICONS / "evaldesk.png"
