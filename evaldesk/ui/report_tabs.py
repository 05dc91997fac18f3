"""Which page shows which section of the form: the window makes one tab per section of the layout."""

from __future__ import annotations

from evaldesk.model.form import SECTION_FINANCE, SECTION_SHEET
from evaldesk.ui import pages


def page_for(section_title: str) -> type:
    """The page class that shows a section of the form. The grids' and the score sheet's modules are imported only
    for their own tabs: not before the first tab's paint."""
    if section_title == SECTION_FINANCE:
        from evaldesk.ui.finance_page import FinancePage

        return FinancePage
    if section_title == SECTION_SHEET:
        from evaldesk.ui.sheet import SheetPage

        return SheetPage
    return pages.PAGES[section_title]
