"""An adjusted score sheet that does not check yet: kept with the report, undone like any edit, never scored."""


from tests import raw_file
from decimal import Decimal

from evaldesk.model.edits import Batch, SetTemplate, SetTemplateDraft
from evaldesk.datafile.store import Store
from evaldesk.scoring.engine import score_report
from evaldesk.templates import edit

D = Decimal


def reopened(store, report_id):
    other = Store(store.path, read_only=True)
    try:
        return other.load(report_id)
    finally:
        other.close()


def stored_draft(store, report_id):
    """The draft's row in the file, as text (None if there is none)."""
    with raw_file.connect(store.path) as raw:
        row = raw.execute("SELECT data FROM template_draft WHERE report_id = ?", (report_id,)).fetchone()
    return row[0] if row else None


def put_draft_text(store, report_id, data):
    with raw_file.connect(store.path) as raw:
        raw.execute("INSERT OR REPLACE INTO template_draft (report_id, data) VALUES (?, ?)", (report_id, data))


def test_a_draft_is_kept_in_the_file_and_scoring_keeps_the_valid_sheet(store, sample):
    store.add(sample)
    draft = edit.set_weight(sample.template.data, "staff_control", "6")
    inverse = store.apply(sample, SetTemplateDraft(draft))
    again = reopened(store, sample.id)
    assert again.template_draft == draft
    assert again.template_draft["indicators"][2]["weight"] == 6
    assert again.template == sample.template  # the last valid sheet is what scores
    assert score_report(again).total == D("92.5")
    store.apply(sample, inverse)
    assert sample.template_draft is None
    assert reopened(store, sample.id).template_draft is None
    assert stored_draft(store, sample.id) is None


def test_a_draft_that_becomes_valid_is_replaced_by_the_template_in_one_step(store, sample):
    store.add(sample)
    old = sample.template
    draft = edit.set_weight(old.data, "staff_control", "6")
    store.apply(sample, SetTemplateDraft(draft))
    lighter = edit.set_weight(draft, "key_spending", "4")  # its top band still gives 5: one step at a time
    lighter = edit.set_band(lighter, "key_spending", 0, score="4")
    template, problems = edit.validated(lighter)
    assert problems == []
    inverse = store.apply(sample, Batch([SetTemplateDraft(None), SetTemplate(template)]))
    again = reopened(store, sample.id)
    assert again.template_draft is None and again.template.indicator("staff_control").weight == 6
    store.apply(sample, inverse)  # undo brings back both the old sheet and the unfinished draft
    again = reopened(store, sample.id)
    assert again.template == old and again.template_draft == draft


def test_the_draft_is_a_copy(sample):
    draft = edit.rename_indicator(sample.template.data, "staff_control", "在职人员控制率")
    SetTemplateDraft(draft).apply(sample)
    draft["name"] = "changed afterwards"
    assert sample.template_draft["name"] != "changed afterwards"


def test_an_unreadable_draft_is_dropped_not_fatal(store, sample):
    store.add(sample)
    put_draft_text(store, sample.id, "{not json")
    assert reopened(store, sample.id).template_draft is None
    put_draft_text(store, sample.id, "[1, 2]")
    assert reopened(store, sample.id).template_draft is None


def test_deleting_a_report_forgets_its_draft(store, sample):
    store.add(sample)
    store.apply(sample, SetTemplateDraft(edit.set_weight(sample.template.data, "staff_control", "6")))
    assert stored_draft(store, sample.id) is not None
    store.delete(sample.id)  # by ON DELETE CASCADE
    assert stored_draft(store, sample.id) is None


def test_replacing_a_report_drops_its_old_draft(store, sample):
    from evaldesk.exchange.report_json import read_json
    from evaldesk.resources import SAMPLE_REPORT

    store.add(sample)
    store.apply(sample, SetTemplateDraft(edit.set_weight(sample.template.data, "staff_control", "6")))
    store.replace(sample.id, read_json(SAMPLE_REPORT))
    assert reopened(store, sample.id).template_draft is None
    assert stored_draft(store, sample.id) is None
