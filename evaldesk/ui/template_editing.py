"""What the parts of the 评分表编辑器 (its tree, :mod:`.template_outline`; its indicator panel, :mod:`.template_panel`)
may ask of the editor window (:mod:`.template_editor`): declared here so that the parts do not import the window
that holds them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from evaldesk.ui.document import ReportDocument


class SheetEditing(Protocol):
    document: ReportDocument | None
    selected: str | None       # the indicator shown in the panel
    panel: QWidget | None      # that panel (its ``name`` box takes the focus after an indicator is added)

    def data(self) -> dict:
        """The template data shown: the draft being adjusted, else the sheet the report scores with."""

    def change(self, make: Callable[[dict], dict], label: str) -> bool:
        """Apply ``make`` to the shown data (a sound result becomes the sheet, an unsound one the draft)."""

    def show_selection(self) -> None:
        """The filler picked another indicator in the tree: show it."""
