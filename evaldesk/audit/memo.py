"""What one audit can reuse from the one before: a finding computed from the same inputs is the same finding.

A window audits after every keystroke; on a sheet of 2,000 indicators most of the work is the same as the last
time (one indicator's result changed). A check asks :meth:`AuditMemo.recall` for a part of its work with the
inputs that part reads: the part is computed again unless those inputs equal the last audit's (compared with
``==``; an unchanged IndicatorResult is the same object, so the comparison is immediate). What the last audit did
not ask for again is forgotten, so the memo never grows beyond one audit's worth and never answers from older
inputs than the last audit's.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


class AuditMemo:
    def __init__(self):
        self._last: dict[Hashable, tuple[tuple, object]] = {}
        self._now: dict[Hashable, tuple[tuple, object]] = {}

    def recall(self, key: Hashable, inputs: tuple, compute: Callable[[], T]) -> T:
        """``compute()``, or what it gave in the last audit for ``key`` if ``inputs`` are equal to that time's.
        ``inputs`` must be everything ``compute`` reads."""
        entry = self._now.get(key) or self._last.get(key)
        if entry is None or entry[0] != inputs:
            entry = (inputs, compute())
        self._now[key] = entry
        return entry[1]  # type: ignore[return-value]

    def done(self) -> None:
        """The audit is over: keep what it used, forget the rest."""
        self._last, self._now = self._now, {}
