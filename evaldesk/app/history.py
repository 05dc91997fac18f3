"""The undo history of one open report, in plain Python (the window only needs texts, enabled state and an index).

Each step keeps the edit (what redo applies) and its inverse (what undo applies, exactly what was stored before:
unchecked edits, so an undo never meets a refusal of a value the file already held). Consecutive keystrokes in
one field merge into one step: the merge key is the place a typing edit changes. A merged step keeps the inverse
of its first keystroke and the edit of its last; if the value ends where it started (typed and taken back, or a
refused text put back), the step is obsolete and dropped: there is nothing to undo.
"""

from __future__ import annotations

from dataclasses import dataclass

from evaldesk.model.edits import Edit, SetCell, SetField, SetItemValue
from evaldesk.model.places import Place

_TYPING = (SetField, SetCell, SetItemValue)


def typing_key(edit: Edit) -> Place | None:
    """Edits that may merge with the next one on the same place: consecutive keystrokes undo together."""
    if isinstance(edit, _TYPING):
        return edit.changes().places[0]
    return None


def same_value(edit: Edit, inverse: Edit) -> bool:
    """Both set the same place to the same value, so the step changes nothing."""
    return (type(edit) is type(inverse) and isinstance(edit, _TYPING)
            and typing_key(edit) == typing_key(inverse) and edit.value == inverse.value)


@dataclass
class Step:
    """One undoable step: its label (the first edit's: 修改联系人), what redo and undo apply, and whether the
    next keystroke may still merge into it."""

    label: str
    edit: Edit
    inverse: Edit
    merge_key: Place | None = None


class History:
    """Steps in order; ``index`` of them are done (the ones after it can be redone)."""

    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.index = 0

    @property
    def count(self) -> int:
        return len(self.steps)

    def can_undo(self) -> bool:
        return self.index > 0

    def can_redo(self) -> bool:
        return self.index < len(self.steps)

    def undo_text(self) -> str:
        return self.steps[self.index - 1].label if self.can_undo() else ""

    def redo_text(self) -> str:
        return self.steps[self.index].label if self.can_redo() else ""

    def record(self, edit: Edit, inverse: Edit, merge: bool = True) -> None:
        """An edit was applied (``inverse`` undoes it): the steps that could be redone go; a keystroke in the same
        place as the last step merges into it."""
        key = typing_key(edit) if merge else None
        last = self.steps[self.index - 1] if self.index else None
        del self.steps[self.index:]
        if key is not None and last is not None and last.merge_key == key:
            last.edit = edit  # redo goes to the latest value; undo still goes back to before the first keystroke
            if same_value(last.edit, last.inverse):
                self.steps.pop()  # typed and taken back: no step left to undo
                self.index -= 1
            return
        self.steps.append(Step(edit.label, edit, inverse, key))
        self.index += 1

    def break_merge(self) -> None:
        """The next keystroke starts a new step (a field lost the focus)."""
        if self.index:
            self.steps[self.index - 1].merge_key = None

    def to_undo(self) -> Step | None:
        return self.steps[self.index - 1] if self.can_undo() else None

    def to_redo(self) -> Step | None:
        return self.steps[self.index] if self.can_redo() else None
