"""What the window's controllers (:mod:`.file_actions`, :mod:`.output_actions`, :mod:`.template_actions`,
:mod:`.summary_actions`) may ask of the main window: the report it shows, and showing another. Declared here, not
by importing the window, so that no controller depends on the window that makes it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from evaldesk.ui.document import ReportDocument


class ReportShell(Protocol):
    """The main window as its controllers see it (it is also the parent of their dialogs)."""

    document: ReportDocument | None

    def open_report(self, report_id: int, tab: int | None = None) -> None:
        """Show report ``report_id`` (on tab ``tab``, default the one shown)."""

    def close_document(self) -> None:
        """Let go of the open report (its tabs and audit)."""

    def may_leave_report(self, doing: str = "关闭") -> bool:
        """Whether the open report may go (the filler is asked if inputs were refused)."""

    def show_file(self) -> None:
        """Show the data file just opened: its report of last time, else the first, else the welcome page."""

    def show_welcome(self, opening=None) -> None:
        """The welcome page (with ``opening``: the file being opened, named on it)."""

    def show_missing_file(self, message: str) -> None:
        """The welcome page without a file (or without the report that could not be read), saying why."""

    def read_again(self, message: str) -> None:
        """Read the open report again from the file (another program changed it) and say ``message``."""

    def say(self, message: str, milliseconds: int = 8000) -> None:
        """A line in the status bar."""
