"""使用说明 (F1 / 帮助): the guide shipped in resources/help, shown offline in a window of its own, with this
machine's data file named at the top (the guide can only say where it usually is)."""

from __future__ import annotations

from PySide6.QtCore import QSize, QUrl, Qt
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from evaldesk.resources import GUIDE, HELP, RESOURCES
from evaldesk.ui.screen import fit_to_screen

TITLE = "evaldesk 使用说明"


class HelpWindow(QWidget):
    def __init__(self, window):
        super().__init__(window, Qt.WindowType.Window)
        self.setWindowTitle(TITLE)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setStyleSheet("background: #eef5fb; border: 1px solid #c5dcef; padding: 6px;")
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)  # no network: only the guide's own anchors
        self.browser.setSearchPaths([str(HELP)])
        self.browser.setSource(QUrl.fromLocalFile(str(GUIDE)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.browser, 1)
        fit_to_screen(self, QSize(900, 700), window)  # on the filler's screen, a margin left around it

    def show_for(self, path) -> None:
        """Show the guide, naming ``path``: this machine's data file."""
        self.where.setText(f"本机的数据文件：{path}　（备份方法见第七节）")
        self.show()
        self.raise_()
        self.activateWindow()


def licence_notice() -> str:
    """关于's list of the third-party components and their licences (resources/licenses/NOTICE.txt, written by
    scripts/packaging/licences.py from the installed distributions), and where the full texts are."""
    text = (RESOURCES / "licenses" / "NOTICE.txt").read_text(encoding="utf-8")
    components = text.split("\n\n", 2)[-1].strip()
    return (f"第三方组件及许可证（Qt 与 PySide6 按 LGPL-3.0 使用，可替换为同版本的 Qt 库）：\n{components}\n"
            f"Python：PSF 许可证。许可证全文：{RESOURCES / 'licenses'}")
