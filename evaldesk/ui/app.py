"""Starting the window: the bundled Chinese font, Qt's own dialogs in Chinese, the data file, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from evaldesk import __version__
from evaldesk.paths import default_db_path
from evaldesk.resources import FONT_BOLD, FONT_REGULAR, ICON
from evaldesk.ui.input_method import reach_fcitx_through_ibus
from evaldesk.ui.main_window import MainWindow

_translators: list[QTranslator] = []  # kept alive for the application's lifetime


def register_fonts() -> str | None:
    """Register the bundled Noto Sans SC so Chinese renders on a machine with no Chinese font; returns its family."""
    family = None
    for path in (FONT_REGULAR, FONT_BOLD):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    return family


def install_chinese(app: QApplication) -> None:
    """Qt's own dialogs (file chooser, message boxes, print dialog) speak Chinese."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
            break


def create_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication (or the existing one, as under pytest-qt), with font and language set up."""
    reach_fcitx_through_ibus()  # before Qt starts: it reads QT_IM_MODULE once (input_method.py)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("evaldesk")
    app.setOrganizationName("evaldesk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(ICON)))  # every window's title bar and the task bar
    app.setDesktopFileName("evaldesk")  # the Linux desktop matches the window to evaldesk.desktop (its icon)
    family = register_fonts()
    if family:
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        app.setFont(font)
    install_chinese(app)
    return app


def open_window(db: str | Path | None = None, *, show_first: bool = False, painted=None):
    """The main window on ``db`` (default: the user's data file). A file that cannot be opened is explained in
    a dialog and the window starts without it, so nothing is overwritten.

    With ``show_first`` the window is shown at once: an existing file's report is its first paint (the audit
    follows it: MainWindow.open_report); a file still to be made (that loads the database library, the slowest
    part of starting) is preceded by the welcome page, painted first; ``painted`` (for the benchmark) is called
    then."""
    window = MainWindow()
    path = Path(db) if db else default_db_path()
    if show_first:
        if path.is_file():
            # An existing file opens in tens of milliseconds: the first thing painted is its report (or the
            # welcome page behind a question about the file: Files.attach).
            window.show()
        else:  # a first start makes the file (the database library loads then): the welcome page first
            window.show_welcome(opening=path)
            window.show()
            QApplication.processEvents()
            if painted is not None:
                painted(window)
    window.files.attach(path)
    return window


def start(db: str | Path | None = None, painted=None):
    """The application and its window on ``db``, as the ``evaldesk`` command starts them (benchmarks/bench_window.py
    measures this); ``painted`` is called once the welcome page is painted (when the file is still to be made)."""
    app = create_app()
    window = open_window(db, show_first=True, painted=painted)
    window.show()
    return app, window


def run(db: str | Path | None = None) -> int:
    app, _window = start(db)
    return app.exec()
