"""Windows that fit the filler's screen: office PCs are often 1366×768 (or 1280×720) with a task bar, so every
window is sized to the screen's available area, never to a fixed size; the main window opens maximised on a
small screen and comes back where the filler left it; the text size (字号) is the filler's to choose.

The settings are :mod:`evaldesk.ui.settings`: ``window`` holds the main window's geometry and maximised state,
``font_size`` the chosen 字号. Every dialog is kept on the screen by :func:`kept_on_screen`, called where it is
made (:mod:`evaldesk.ui.dialogs` for Qt's own dialogs and message boxes).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

# Below this width a window smaller than the screen only wastes it: the main window opens maximised.
MAXIMISE_BELOW = 1600
MAIN_WINDOW_SIZE = QSize(1400, 900)  # preferred on a large screen
SCREEN_SHARE = 0.92  # a dialog leaves a margin of the screen around it, so it is seen as a dialog

# 字号: the application's point size. 标准 is the size the program was designed at.
FONT_SIZES = {"标准": 10.0, "较大": 12.0, "特大": 14.0}
DEFAULT_FONT_SIZE = "标准"


def available(widget: QWidget | None = None) -> QRect:
    """The area a window may use on the screen ``widget`` is on (the primary screen otherwise): the screen less
    its task bar and panels."""
    screen = widget.screen() if widget is not None else None
    return (screen or QGuiApplication.primaryScreen()).availableGeometry()


def fit_to_screen(window: QWidget, preferred: QSize, parent: QWidget | None = None) -> None:
    """Size ``window`` (a dialog or a window of its own) to ``preferred``, or to the screen's available area less
    a margin if that is smaller, and centre it there, so its buttons are never below the screen's edge."""
    area = available(parent or window)
    width = min(preferred.width(), int(area.width() * SCREEN_SHARE))
    height = min(preferred.height(), int(area.height() * SCREEN_SHARE))
    window.resize(width, height)
    frame = QRect(0, 0, window.width(), window.height())
    frame.moveCenter(area.center())
    window.move(frame.topLeft())


def keep_on_screen(window: QWidget) -> None:
    """Shrink ``window`` to the available area of its screen if it is larger, and move it wholly onto it: a
    dialog's buttons are never below the task bar, whatever its text made it."""
    area = available(window.parentWidget() or window)
    frame = window.frameGeometry()
    extra = QSize(frame.width() - window.width(), frame.height() - window.height())  # the title bar and borders
    if frame.width() > area.width() or frame.height() > area.height():
        window.resize(min(window.width(), area.width() - extra.width()), min(window.height(), area.height() - extra.height()))
        frame = window.frameGeometry()
    x = min(max(frame.x(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.top()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


class _OnScreen(QObject):
    """Watches one dialog: each time it is shown (its size now final, whatever its text made it), onto the screen."""

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show:
            keep_on_screen(watched)
        return False


def kept_on_screen(dialog: QWidget) -> QWidget:
    """``dialog``, kept within the screen whenever it is shown (its buttons never below the task bar). It sees only
    that dialog's events, and goes with it."""
    dialog.installEventFilter(_OnScreen(dialog))
    return dialog


def place_main_window(window: QWidget, settings: dict) -> None:
    """Where the main window opens: as the filler left it if that still fits this screen, else maximised on a
    screen narrower than :data:`MAXIMISE_BELOW`, else at its preferred size, centred. Call before ``show``."""
    saved = settings.get("window") if isinstance(settings.get("window"), dict) else {}
    area = available(window)
    try:
        left = QRect(*(int(saved[k]) for k in ("x", "y", "width", "height")))
    except (KeyError, TypeError, ValueError):
        left = QRect()
    if left.isValid() and area.contains(left):
        window.setGeometry(left)
    else:  # never used, or left on a larger screen than this one
        fit_to_screen(window, MAIN_WINDOW_SIZE)
        if area.width() < MAXIMISE_BELOW:
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    if saved.get("maximized"):
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def remember_main_window(window: QWidget, settings: dict) -> None:
    """Keep the main window's place and size (as it is when not maximised) and whether it is maximised in
    ``settings`` (the caller saves them)."""
    normal = window.normalGeometry() if window.isMaximized() else window.geometry()
    settings["window"] = {"x": normal.x(), "y": normal.y(), "width": normal.width(), "height": normal.height(),
                          "maximized": window.isMaximized()}


def font_size_name(settings: dict) -> str:
    name = settings.get("font_size")
    return name if name in FONT_SIZES else DEFAULT_FONT_SIZE


def apply_font_size(name: str) -> None:
    """Set the application's text size; widgets without a font of their own follow at once."""
    app = QApplication.instance()
    font = QFont(app.font())
    font.setPointSizeF(FONT_SIZES.get(name, FONT_SIZES[DEFAULT_FONT_SIZE]))
    app.setFont(font)
    # Qt tells the existing widgets later, by posted events; a widget built before they are delivered would
    # take its parent's old size. Deliver them now.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)

