"""Starting the window: the bundled Chinese font, Qt's own dialogs in Chinese, the data file, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from evaldesk import __version__
from evaldesk.resources import FONT_BOLD, FONT_REGULAR, ICON
from evaldesk.ui.input_method import reach_fcitx_through_ibus

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


_dialogs_on_screen = None  # the application's filter that keeps every dialog on the screen


def keep_dialogs_on_screen(app: QApplication) -> None:
    """Install the filter that keeps every dialog on the screen (once, though tests create the window many times).

    It sees every event of the application, and the first events it sees cost about 20 ms (PySide6 builds the
    Python enums of all its classes then, measured): the window installs it once the report is painted (run)."""
    global _dialogs_on_screen
    if _dialogs_on_screen is None:
        from evaldesk.ui.screen import DialogsOnScreen

        _dialogs_on_screen = DialogsOnScreen(app)
        app.installEventFilter(_dialogs_on_screen)


def create_app(argv: list[str] | None = None, *, dialogs_filter: bool = True) -> QApplication:
    """The QApplication (or the existing one, as under pytest-qt), with font and language set up; with
    ``dialogs_filter`` the filter that keeps dialogs on screen too (``run`` installs it later)."""
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
    if dialogs_filter:
        keep_dialogs_on_screen(app)
    return app


def open_window(db: str | Path | None = None, *, show_first: bool = False, painted=None):
    """The main window on ``db`` (default: the user's data file). A file that cannot be opened is explained in
    a dialog and the window starts without it, so nothing is overwritten.

    With ``show_first`` the window is shown at once: an existing file's report is its first paint (the audit
    follows it: MainWindow.open_report); a file still to be made (that loads the database library, the slowest
    part of starting) is preceded by the welcome page, painted first; ``painted`` (for the benchmark) is called
    then."""
    from evaldesk.model.paths import default_db_path
    from evaldesk.ui.main_window import MainWindow

    window = MainWindow()
    path = Path(db) if db else default_db_path()
    if show_first:
        if path.is_file():
            # An existing file opens in tens of milliseconds: the first thing painted is its report (or the
            # welcome page behind a question about the file: attach_store).
            window.show()
        else:  # a first start makes the file (the database library loads then): the welcome page first
            window.show_welcome(opening=path)
            window.show()
            QApplication.processEvents()
            if painted is not None:
                painted(window)
    attach_store(window, path)
    return window


def attach_store(window, path: Path) -> None:
    """Open ``path`` in ``window``. Whatever goes wrong is a dialog (read-only offered, a damaged file offered its
    newest good backup, anything else explained) and the window stays, on its welcome page, without a file."""
    from evaldesk.model.paths import DamagedFile, StoreError
    from evaldesk.ui import dialogs, file_safety

    store = file_safety.open_with_questions(window, path, before_asking=lambda: window.show_welcome(opening=path))
    if store is not None:
        try:
            window.use_store(store)
            return
        except DamagedFile as err:  # found in a row read after opening
            file_safety.damaged_while_open(window, str(err))
            if window.store is not None:
                return
        except StoreError as err:
            window.close_document()
            store.close()
            window.store = None
            dialogs.error(window, "无法打开数据文件", str(err))
    window.show_welcome()
    window.welcome.where.setText(f"未打开数据文件（{path}）。可用“文件 → 打开数据文件”选择其他文件，"
                                 "或“文件 → 从备份恢复”。")
    window.welcome.create_button.setEnabled(False)
    window.welcome.sample_button.setEnabled(False)


def start(db: str | Path | None = None, painted=None):
    """The application and its window on ``db``, as the ``evaldesk`` command starts them (benchmarks/bench_window.py
    measures this); ``painted`` is called once the welcome page is painted (when the file is still to be made)."""
    from evaldesk.ui.main_window import WARM_UP_MS

    app = create_app(dialogs_filter=False)
    window = open_window(db, show_first=True, painted=painted)
    window.show()
    # After the report's first paint (a message box asked while opening fits the screen by itself: dialogs.py).
    QTimer.singleShot(WARM_UP_MS, app, lambda: keep_dialogs_on_screen(app))
    return app, window


def run(db: str | Path | None = None) -> int:
    app, _window = start(db)
    return app.exec()
