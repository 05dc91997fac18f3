"""What one audit can reuse from the one before: a finding computed from the same inputs is the same finding.

A window audits after every keystroke; on a sheet of 2,000 indicators most of the work is the same as the last
time (one indicator's result changed). A check asks :meth:`AuditMemo.recall` for a part of its work as a function
and the arguments it is called with: ``recall(key, function, *inputs)`` is ``function(*inputs)``, or what it gave
the last audit for ``key`` when the inputs are equal to that time's (compared with ``==``; an unchanged
IndicatorResult is the same object, so the comparison is immediate). What the last audit did not ask for again is
forgotten, so the memo never grows beyond one audit's worth and never answers from older inputs than the last
audit's.

**The reads are the arguments.** A part that read something its inputs do not hold would be a silently stale
finding, so the memo takes only what cannot read anything else (checked on every call, :func:`refusal`):

* ``function`` is called with the inputs alone: a plain function without a closure (a lambda or inner function
  that captured a variable is refused, so are a bound method and a partial, which carry hidden state);
* each input is an immutable value (its type hashable: text, numbers, Decimal, tuples, frozen dataclasses such as
  a Finding or an IndicatorResult, a Template, which a change replaces) — not the report, the audit context, a dict
  or a list, which change in place and still compare equal to themselves.

A check that reuses nothing needs none of this: it reads the context afresh on every audit.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from types import FunctionType
from typing import TypeVar

T = TypeVar("T")


_CHECKED: set[Callable] = set()     # functions found plain
_VALUE_TYPES: set[type] = set()     # input types found immutable


def refusal(function: Callable, inputs: tuple) -> str | None:
    """Why ``function(*inputs)`` could read something ``inputs`` do not hold, or None."""
    if not isinstance(function, FunctionType):  # a bound method, a partial, a callable object: hidden state
        return f"{function!r} is not a plain function: it can read state its inputs do not hold"
    if function.__closure__:
        names = ", ".join(function.__code__.co_freevars)
        return f"{function.__qualname__} reads variables it captured ({names}): pass them as inputs"
    for value in inputs:
        if type(value).__hash__ is None:
            return (f"{function.__qualname__}: an input of type {type(value).__name__} changes in place and still "
                    f"compares equal to itself; pass the immutable values it reads")
    return None


class AuditMemo:
    def __init__(self):
        self._last: dict[Hashable, tuple[tuple, object]] = {}
        self._now: dict[Hashable, tuple[tuple, object]] = {}

    def recall(self, key: Hashable, function: Callable[..., T], *inputs) -> T:
        """``function(*inputs)``, or what it gave in the last audit for ``key`` if ``inputs`` are equal to that
        time's. ``function`` reads its arguments only (see the module's note): a closure, a bound method or a
        mutable input is refused with TypeError."""
        if function not in _CHECKED or not all(type(value) in _VALUE_TYPES for value in inputs):
            why = refusal(function, inputs)   # checked once per function and per type: a keystroke recalls thousands
            if why is not None:
                raise TypeError(f"AuditMemo.recall({key!r}): {why}")
            _CHECKED.add(function)
            _VALUE_TYPES.update(type(value) for value in inputs)
        entry = self._now.get(key) or self._last.get(key)
        if entry is None or entry[0] != inputs:
            entry = (inputs, function(*inputs))
        self._now[key] = entry
        return entry[1]  # type: ignore[return-value]

    def done(self) -> None:
        """The audit is over: keep what it used, forget the rest."""
        self._last, self._now = self._now, {}
