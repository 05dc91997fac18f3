"""Where the shipped resources (templates, fonts, the sample report) live."""

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
TEMPLATES = RESOURCES / "templates"
FONTS = RESOURCES / "fonts"
SAMPLES = RESOURCES / "samples"
HELP = RESOURCES / "help"              # 使用说明: guide.html and its pictures, read offline in the window
GUIDE = HELP / "guide.html"

FONT_REGULAR = FONTS / "NotoSansSC-Regular.ttf"
FONT_BOLD = FONTS / "NotoSansSC-Bold.ttf"
SAMPLE_REPORT = SAMPLES / "yunxi-2021-bianban.json"
