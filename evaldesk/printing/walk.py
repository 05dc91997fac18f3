"""Printing a section of the form by walking its blocks (:mod:`evaldesk.model.layout`).

Each part module says how the paper draws each kind of block its section holds; a kind it has no drawing for
fails loudly here rather than dropping off the paper. Hints are for the screen and are never printed.
"""

from __future__ import annotations

from typing import Callable

from evaldesk.model import layout
from evaldesk.printing.printout import Printout

Drawing = Callable[[Printout, object], list]


def walk(printout: Printout, title: str, drawings: dict[type, Drawing]) -> list:
    """The flowables of section ``title``: each block drawn by the drawing for its kind, top to bottom."""
    flowables = []
    for block in layout.blocks(title):
        if not layout.on_paper(block):
            continue
        drawing = drawings.get(type(block))
        if drawing is None:
            raise TypeError(f"the printed {title} has no drawing for a {type(block).__name__} block")
        flowables += drawing(printout, block)
    return flowables
