"""The edit → store → rescore → audit pipeline without Qt: a ReportSession on a real data file."""

from decimal import Decimal

import pytest

from evaldesk.app.session import ReportSession
from evaldesk.model.edits import Batch, InsertUnit, SetCell, SetField
from evaldesk.datafile.errors import StoreError
from evaldesk.model.places import CellPlace, FieldPlace, UnitPlace
from evaldesk.model.report import Unit, new_id
from evaldesk.model.values import Rejected


@pytest.fixture
def session(store, sample):
    store.add(sample)
    return ReportSession.open(store, sample.id)


def stored(session, key):
    return session.store.load(session.report.id).get(key)


def test_an_edit_is_stored_rescored_and_audited_at_once(session):
    office = session.report.units[0]
    sheet, findings = session.sheet, session.findings
    changes = session.apply(SetCell(office.id, "income.general", "100"))
    assert list(changes) == [CellPlace(office.id, "income.general")]
    assert session.store.load(session.report.id).units[0].cells["income.general"] == Decimal("100")
    assert session.sheet is not sheet and session.findings is not findings and not session.audit_stale
    score = session.sheet.indicators["staff_control"].score
    session.apply(SetField("basic.staff_actual", "20"))  # more people than the quota of 6
    assert session.sheet.indicators["staff_control"].score < score


def test_keystrokes_in_one_field_merge_into_one_undo_step(session):
    before = session.report.get("basic.phone")
    for text in ("0", "07", "073"):
        session.apply(SetField("basic.phone", text, "修改联系电话"))
    assert session.history.count == 1 and session.undo_text() == "修改联系电话"
    moved = session.undo()
    assert moved.label == "修改联系电话" and moved.shown == FieldPlace("basic.phone")
    assert session.report.get("basic.phone") == before == stored(session, "basic.phone")
    assert session.can_redo() and not session.can_undo()
    session.redo()
    assert stored(session, "basic.phone") == "073"  # redo goes to the last keystroke


def test_a_break_or_another_field_starts_a_new_step(session):
    session.apply(SetField("basic.phone", "1"))
    session.apply(SetField("basic.phone", "12"))
    session.break_merge()  # the field lost the focus
    session.apply(SetField("basic.phone", "123"))
    session.apply(SetField("basic.contact", "王五"))
    session.apply(SetField("basic.phone", "1234"), merge=False)
    assert session.history.count == 4


def test_a_value_typed_and_taken_back_leaves_nothing_to_undo(session):
    before = session.report.get("basic.staff_quota")
    session.apply(SetField("basic.staff_quota", "12"))
    session.apply(SetField("basic.staff_quota", before, checked=False))  # a refused text put back
    assert session.history.count == 0 and not session.can_undo()
    assert stored(session, "basic.staff_quota") == before


def test_a_refused_value_changes_nothing(session):
    sheet = session.sheet
    with pytest.raises(Rejected):
        session.apply(SetField("basic.staff_quota", "十二个"))
    assert session.history.count == 0 and session.sheet is sheet
    assert stored(session, "basic.staff_quota") == 6


def test_undo_puts_back_exactly_what_was_stored_not_what_typing_it_would_give(session):
    session.store.apply(session.report, SetField("basic.contact", "  张三\t", checked=False))  # as an old file held it
    session.apply(SetField("basic.contact", "李四"))
    session.undo()
    assert stored(session, "basic.contact") == "  张三\t"


def test_a_new_edit_after_undo_drops_the_redo_steps(session):
    session.apply(SetField("basic.phone", "1"), merge=False)
    session.apply(SetField("basic.contact", "王五"), merge=False)
    session.undo()
    session.apply(SetField("basic.duties", "职能"), merge=False)
    assert session.history.count == 2 and not session.can_redo()


def test_undo_and_redo_of_structure_and_batches(session):
    unit = Unit(new_id(), "新机构")
    session.apply(InsertUnit(len(session.report.units), unit))
    assert [u.name for u in session.store.load(session.report.id).units][-1] == "新机构"
    moved = session.undo()
    assert UnitPlace(unit.id) in moved.changes
    assert "新机构" not in [u.name for u in session.store.load(session.report.id).units]
    office = session.report.units[0]
    session.apply(Batch([SetCell(office.id, "income.general", "1"), SetCell(office.id, "income.other", "2")], "粘贴"))
    assert session.undo().shown == CellPlace(office.id, "income.general")  # the first cell of the block
    assert session.store.load(session.report.id).units[0].cells["income.general"] == Decimal("90.5")


def test_a_file_that_cannot_be_written_changes_nothing_and_the_history_stays(session, monkeypatch):
    session.apply(SetField("basic.phone", "1"), merge=False)

    def refuse(_work):
        raise StoreError("无法写入数据文件")

    monkeypatch.setattr(session.store, "_write", refuse)
    with pytest.raises(StoreError):
        session.apply(SetField("basic.contact", "王五"))
    assert session.report.get("basic.contact") != "王五" and session.history.count == 1
    with pytest.raises(StoreError):
        session.undo()
    assert session.report.get("basic.phone") == "1" and session.history.index == 1  # still undoable later
    monkeypatch.undo()
    session.undo()
    assert stored(session, "basic.phone") == "8417107"


def test_very_long_texts_leave_the_audit_to_the_caller(session):
    long_text = "说明" * (ReportSession.AUDIT_AT_ONCE_UP_TO // 2 + 1)
    session.apply(SetField("summary.text", long_text))
    assert session.audit_stale
    session.run_audit()
    assert not session.audit_stale


def test_a_session_built_without_the_audit_has_no_findings_until_it_runs_then_the_same_as_at_once(store, sample):
    store.add(sample)
    audited = ReportSession(store, store.load(sample.id))
    later = ReportSession(store, store.load(sample.id), audit=False)
    assert audited.findings and not audited.audit_stale
    assert later.findings == [] and later.audit_stale          # the window paints before it audits
    assert later.sheet.total == audited.sheet.total             # the score sheet is there at once
    later.run_audit()
    assert later.findings == audited.findings and not later.audit_stale


def test_an_edit_before_the_first_audit_audits_the_report_as_edited(store, sample):
    store.add(sample)
    session = ReportSession(store, store.load(sample.id), audit=False)
    session.apply(SetField("basic.staff_actual", "20"))
    assert not session.audit_stale
    fresh = ReportSession(store, store.load(sample.id))
    assert session.findings == fresh.findings
