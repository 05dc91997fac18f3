"""使用说明 on F1 and 帮助: shipped with the program, read offline, naming this machine's data file."""

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from evaldesk.resources import GUIDE, HELP


def test_f1_opens_the_guide_offline_with_this_data_file(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.help_window
    qtbot.waitExposed(guide)
    text = guide.browser.toPlainText()
    for part in ("第一次使用", "填写报告", "审核", "打印纸质稿", "导出报送文件", "下一年度", "怎样备份"):
        assert part in text
    assert str(window.store.path) in guide.where.text()
    assert guide.width() <= 1366 and guide.height() <= 768


def test_every_picture_of_the_guide_is_shipped_and_loads(qapp):
    pictures = re.findall(r'<img src="([^"]+)"', GUIDE.read_text(encoding="utf-8"))
    assert len(pictures) >= 3
    for name in pictures:
        assert not QImage(str(HELP / name)).isNull(), name
