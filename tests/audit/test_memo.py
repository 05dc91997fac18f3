"""The audit memo reuses a part of the last audit's work only when that part cannot have read anything beyond the
inputs it was recalled with: a part that could (a closure, a bound method, the report itself as an input) is
refused at once, so a forgotten input is an error in the suite, never a stale finding on screen."""

import functools

import pytest

from evaldesk.audit.engine import audit_report
from evaldesk.audit.memo import AuditMemo
from evaldesk.model.edits import SetField


def findings_for(name: str, count: int) -> tuple:
    return tuple(f"{name}/{n}" for n in range(count))


CALLS = []


def counted(name: str, count: int) -> tuple:
    CALLS.append(name)
    return findings_for(name, count)


def test_a_part_is_computed_again_exactly_when_its_inputs_change():
    memo = AuditMemo()
    CALLS.clear()
    assert memo.recall("a", counted, "x", 2) == ("x/0", "x/1")
    memo.done()
    memo.recall("a", counted, "x", 2)
    memo.done()
    memo.recall("a", counted, "x", 3)
    assert CALLS == ["x", "x"]


def test_a_closure_over_what_it_reads_is_refused(sample):
    note = "已说明"
    with pytest.raises(TypeError, match="captured.*note"):
        AuditMemo().recall("noted", lambda finding: (finding, note), "key")


@pytest.mark.parametrize("function", [functools.partial(findings_for, "x"), "abc".upper])
def test_a_function_with_hidden_state_is_refused(function):
    with pytest.raises(TypeError, match="not a plain function"):
        AuditMemo().recall("part", function, 2)


def test_the_report_or_a_dict_as_an_input_is_refused(sample):
    """The report changes in place and still equals itself: as an input it would never make the part run again."""
    for value in (sample, dict(sample.fields), [1, 2]):
        with pytest.raises(TypeError, match="changes in place"):
            AuditMemo().recall("part", findings_for, value, 1)


def test_the_audit_with_a_memo_follows_a_note_typed_and_removed(sample):
    memo = AuditMemo()
    warning = next(f for f in audit_report(sample, memo=memo) if f.severity.value == "warning")
    SetField(f"note.{warning.key}", "已向财政局说明").apply(sample)
    assert next(f for f in audit_report(sample, memo=memo) if f.key == warning.key).note == "已向财政局说明"
    SetField(f"note.{warning.key}", None).apply(sample)
    assert next(f for f in audit_report(sample, memo=memo) if f.key == warning.key).note == ""
