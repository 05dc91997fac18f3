"""A keystroke on the score sheet repaints what it changed and nothing else: the row typed in and the rows whose
result changed with it (a cell of part 二 read through the 汇总 row), the subtotals, total and grade; only those
rows are measured again; the 审核 list replaces only the entries that changed and keeps the one the filler
selected; after many keystrokes every row shows what a sheet made afresh shows."""

from PySide6.QtCore import Qt

from evaldesk.model.edits import SetCell, SetField
from evaldesk.model.places import NotePlace
from evaldesk.model.report import sheet_key
from evaldesk.scoring.engine import score_report
from evaldesk.scoring.report_text import score_text
from evaldesk.scoring.rules import num

SHEET = 6


def shown_sheet(window, qtbot):
    sheet = window.pages[SHEET]
    window.tabs.setCurrentWidget(sheet)
    qtbot.waitUntil(sheet.isVisible, timeout=30000)
    return sheet


class Repaints:
    """The rows (and group cells) the model tells the view to repaint, and the rows it measures again."""

    def __init__(self, model):
        self.rows, self.cells, self.measured = set(), set(), set()
        model.dataChanged.connect(self._changed)
        model.heights_stale.connect(self.measured.update)
        self.model = model

    def _changed(self, top, bottom):
        if top.column() == bottom.column():
            self.cells.add((top.row(), top.column()))
        else:
            self.rows.update(range(top.row(), bottom.row() + 1))

    def leaves(self) -> set[str]:
        return {self.model.leaf_at(row).id for row in self.rows if self.model.leaf_at(row) is not None}


def type_hand(sheet, indicator_id: str, text: str) -> None:
    editor = sheet.view.editor
    if editor is None or editor.typing.key != sheet_key(indicator_id, "hand"):
        editor = sheet.edit(indicator_id, "hand")
    editor.setText(text)
    editor.textEdited.emit(text)   # as a key press sends it


def test_a_hand_score_repaints_its_row_the_subtotals_and_the_total_and_no_other_row(window, qtbot):
    sheet = shown_sheet(window, qtbot)
    editor = sheet.edit("staff_control", "hand")
    group = window.document.report.template.indicator("staff_control").parent
    subtotal_before = sheet.group_text(group)
    seen = Repaints(sheet.model)
    editor.setText("4")
    editor.textEdited.emit("4")
    total_row = sheet.model.rowCount() - 1
    assert seen.leaves() == {"staff_control"} and total_row in seen.rows
    assert seen.measured <= seen.rows   # only the rows repainted are measured again
    assert sheet.shown("staff_control", "score") == "4" and sheet.shown("staff_control", "state") == "已改分"
    assert sheet.group_text(group) != subtotal_before and "小计" in sheet.group_text(group)
    assert all(column < sheet.model.name_column for _row, column in seen.cells)   # group cells only
    assert window.document.sheet.total_text() in sheet.total_text()


def test_a_part_two_cell_repaints_the_rows_that_read_the_summary_row(window, qtbot):
    sheet = shown_sheet(window, qtbot)
    seen = Repaints(sheet.model)
    assert sheet.shown("fund_balance", "score") == "3"
    before = score_report(window.document.report)
    window.document.apply(SetCell(window.document.report.units[0].id, "expense.balance_total", "5"), merge=False)
    after = score_report(window.document.report)
    changed = {i for i in after.indicators if after.indicators[i] != before.indicators[i]}
    assert "fund_balance" in changed
    assert changed <= seen.leaves() <= changed | set(sheet.model.summary_readers)
    assert sheet.shown("fund_balance", "score") == "0" and "5.00" in sheet.shown("fund_balance", "input")


def test_a_part_one_field_repaints_only_the_rows_that_quote_it(window, qtbot):
    sheet = shown_sheet(window, qtbot)
    seen = Repaints(sheet.model)
    window.document.apply(SetField("basic.staff_actual", "7"), merge=False)
    assert "staff_control" in seen.leaves() and len(seen.leaves()) <= 2
    assert "实有人数 7" in sheet.shown("staff_control", "input")


def test_the_audit_list_replaces_only_the_changed_entries_and_keeps_the_selection(window, qtbot):
    panel = window.audit_panel
    tree = panel.tree
    selected = tree.item(tree.count() - 1)
    tree.setCurrentItem(selected)
    first = tree.item(0)
    sheet = shown_sheet(window, qtbot)
    type_hand(sheet, "staff_control", "0.5")  # an override without a reason: a new 错误
    findings = window.document.findings
    assert [tree.item(i).data(Qt.ItemDataRole.UserRole) for i in range(tree.count())] == findings
    assert [tree.item(i).text().split("\n")[0] for i in range(tree.count())] == \
        [f"【{f.severity.label}】{f.message}" for f in findings]
    assert tree.currentItem() is selected and tree.item(0) is first  # untouched entries are the same items
    window.menus.undo_action.trigger()
    assert [tree.item(i).data(Qt.ItemDataRole.UserRole) for i in range(tree.count())] == window.document.findings


def test_after_keystrokes_in_many_rows_each_row_and_subtotal_shows_what_a_sheet_made_afresh_shows(window, qtbot):
    """The rows and subtotals a keystroke touches are worked out from what changed; after scores, reasons and a
    说明 typed here and there (a reason typed, then taken back), every row's findings and every subtotal are those
    of the whole lists sorted out from scratch."""
    sheet = shown_sheet(window, qtbot)
    leaves = [leaf.id for leaf in sheet.model.plan.leaves]
    for number, leaf_id in enumerate(leaves * 2):
        type_hand(sheet, leaf_id, "0" if number % 3 else "")
        if number % 4 == 0:
            reason = sheet_key(leaf_id, "reason")
            window.document.try_apply(SetField(reason, "已说明" if number < len(leaves) else None))
    warning = next(f for f in window.document.findings if not f.severity.blocking)
    window.document.try_apply(SetField(NotePlace(warning.key).key, "说明一句"))
    findings = window.document.findings
    assert any(f.note == "说明一句" for f in findings)
    for leaf_id in leaves:
        expected = [f for f in findings if leaf_id in sheet.model._rows_named(f)]
        assert sheet.model.findings_of(leaf_id) == expected, leaf_id
        for finding in expected:
            assert finding.message in sheet.shown(leaf_id, "notes")
        assert sheet.shown(leaf_id, "score") == (score_text(window.document.sheet.indicators[leaf_id].score) or "—")
    whole = score_report(window.document.report)
    for group in window.document.report.template.indicators:
        if not group.is_leaf:
            assert f"小计 {num(whole.groups[group.id].score)}" in sheet.group_text(group.id), group.id
    assert whole.total_text() in sheet.total_text()
