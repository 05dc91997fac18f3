"""The report's tabs, each page built the first time it is shown or asked for.

Building all seven pages when a report opens cost most of the wait before it was painted (the score sheet alone
is hundreds of rows with their own widgets); the filler sees one tab at a time. Each tab holds an empty widget at
first; its page is made and takes the tab's place when the tab is first shown (the window asks on
``currentChanged``) or when code asks for ``pages[i]`` (going to a finding's place, tests), so ``tabs.widget(i)``
is the page itself from then on. Iterating builds every page, for the few
callers that must reach all of them (locking a read-only window).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QTabWidget, QWidget


class LazyPages(Sequence):
    def __init__(self, tabs: QTabWidget, makers: list[Callable[[], QWidget]], titles: list[str], shown: int = 0):
        """Tab ``shown``'s page is built at once and added as itself (no empty widget to swap out)."""
        self._tabs = tabs
        self._makers = makers
        self._built: list[QWidget | None] = [None] * len(makers)
        shown = min(max(shown, 0), len(makers) - 1)
        for index, title in enumerate(titles):
            if index == shown:
                page = self._built[index] = makers[index]()
            else:
                page = QWidget()
            tabs.addTab(page, title)
        tabs.setCurrentIndex(shown)

    def __len__(self) -> int:
        return len(self._makers)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        index = range(len(self))[index]   # negative indices as a list takes them; IndexError past the end
        page = self._built[index]
        if page is None:
            page = self._built[index] = self._makers[index]()
            self._swap(index, page)
        return page

    def built(self) -> list[QWidget]:
        """The pages made so far (nothing is built by asking)."""
        return [page for page in self._built if page is not None]

    def _swap(self, index: int, page: QWidget) -> None:
        """Put ``page`` in place of tab ``index``'s empty widget, the tab shown staying the one shown."""
        tabs = self._tabs
        shown, title, empty = tabs.currentIndex(), tabs.tabText(index), tabs.widget(index)
        blocked = tabs.blockSignals(True)   # the same tab stays current: nobody is told of a change
        tabs.removeTab(index)
        tabs.insertTab(index, page, title)
        tabs.setCurrentIndex(shown)
        tabs.blockSignals(blocked)
        empty.deleteLater()
