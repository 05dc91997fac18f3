"""Next year's report, stored: the part of "next year" that reads and writes the data file.

What carries over is decided by :func:`evaldesk.templates.newyear.start_next_year`, which builds the new report
from the old one without touching any file; here it is loaded, stored, and what was carried is recorded beside it
(the data file's ``carried`` tables) so the window can mark those values until the filler changes them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evaldesk.model.carried import Carried
from evaldesk.model.report import Report
from evaldesk.templates.newyear import start_next_year

if TYPE_CHECKING:
    from evaldesk.datafile.store import Store
    from evaldesk.scoring.template import Template


def carried_marks(store: Store, report_id: int) -> Carried:
    """What was carried into report ``report_id`` (empty if it was not made from last year's)."""
    return store.carried(report_id)


def create_next_year(store: Store, report_id: int, template: Template | None = None) -> tuple[Report, Carried]:
    """Load report ``report_id``, store next year's report made from it, record what was carried.

    ``template`` is the score sheet next year uses (default: the old report's own). StoreError passes up."""
    new, carried = start_next_year(store.load(report_id), template)
    store.add(new)
    store.set_carried(new.id, carried)
    return new, carried
