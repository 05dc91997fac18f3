"""A keystroke on the score sheet repaints what it changed and nothing else: the row typed in and the rows whose
result changed with it (a cell of part 二 read through the 汇总 row), the subtotals, total and grade; the sheet is
not laid out again, its columns stay aligned; a figure that outgrows its held cell is given room; the 审核 list
replaces only the entries that changed and keeps the one the filler selected."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from evaldesk.model.edits import SetCell, SetField
from evaldesk.model.places import NotePlace
from evaldesk.model.report import sheet_key
from evaldesk.scoring.engine import score_report
from evaldesk.scoring.rules import num
from evaldesk.ui.sheet_hold import SizeHold
from evaldesk.ui.sheet_row import IndicatorRow

SHEET = 6


class LayoutRequests(QObject):
    """Counts the requests for a new layout that reach a widget."""

    def __init__(self, widget):
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def shown_sheet(window, qtbot):
    sheet = window.pages[SHEET]
    window.tabs.setCurrentWidget(sheet)
    qtbot.waitUntil(sheet.isVisible)
    qtbot.waitUntil(lambda: sheet.hold.is_held(sheet.total_label))  # held once laid out, all at once
    qtbot.wait(20)
    return sheet


def repainted_rows(monkeypatch) -> list[str]:
    shown: list[str] = []
    original = IndicatorRow.show

    def spy(row, result, template_id):
        shown.append(row.indicator.id)
        original(row, result, template_id)

    monkeypatch.setattr(IndicatorRow, "show", spy)
    return shown


def type_text(editor, text: str) -> None:
    editor.setFocus()
    editor.setText(text)
    editor.textEdited.emit(text)  # as a key press sends it


def test_a_hand_score_repaints_its_row_the_subtotals_and_the_total_and_no_other_row(window, qtbot, monkeypatch):
    sheet = shown_sheet(window, qtbot)
    shown = repainted_rows(monkeypatch)
    row = sheet.rows["staff_control"]
    group = sheet.group_labels["budget_setup"] if "budget_setup" in sheet.group_labels else \
        sheet.group_labels[row.indicator.parent]
    subtotal_before = group.text()
    type_text(row.hand.editor, "4")
    qtbot.wait(10)
    assert shown == ["staff_control"]
    assert row.score.text() == "4" and row.state.text() == "已改分"
    assert group.text() != subtotal_before and "小计" in group.text()
    assert window.document.sheet.total_text() in sheet.total_label.text()


def test_a_part_two_cell_repaints_the_rows_that_read_the_summary_row(window, qtbot, monkeypatch):
    sheet = shown_sheet(window, qtbot)
    shown = repainted_rows(monkeypatch)
    row = sheet.rows["fund_balance"]
    assert row.score.text() == "3"
    before = score_report(window.document.report)
    window.document.apply(SetCell(window.document.report.units[0].id, "expense.balance_total", "5"), merge=False)
    qtbot.wait(10)
    after = score_report(window.document.report)
    assert set(shown) == {i for i in after.indicators if after.indicators[i] != before.indicators[i]}
    assert "fund_balance" in shown
    assert row.score.text() == "0" and "5.00" in row.refs.text()  # 取自报告 quotes the new 汇总 figure


def test_a_keystroke_does_not_lay_out_the_sheet_again_and_its_columns_stay_aligned(window, qtbot):
    sheet = shown_sheet(window, qtbot)
    requests = LayoutRequests(sheet.widget())
    rows = list(sheet.rows.values())
    for text in ("0", "0.5", "3", "0.25", ""):  # shorter, longer, a finding appearing and going
        type_text(sheet.rows["staff_control"].hand.editor, text)
        qtbot.wait(5)
    assert requests.count == 0
    assert len({row.score.mapTo(sheet.widget(), row.score.rect().topLeft()).x() for row in rows}) == 1
    assert len({row.reason.mapTo(sheet.widget(), row.reason.rect().topLeft()).x() for row in rows}) == 1


def test_a_text_that_outgrows_its_held_cell_is_given_room(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    label = QLabel("小计 5")
    label.setWordWrap(True)
    layout.addWidget(label)
    layout.addStretch(1)
    page.resize(120, 400)
    page.show()
    qtbot.waitExposed(page)
    hold = SizeHold()
    hold.set_text(label, "小计 4")  # fits: held
    assert hold.is_held(label) and label.minimumSize() == label.maximumSize()
    hold.set_text(label, "小计 4.5，尚有十二项指标未评分，待手工评分后计入")  # needs more lines than it holds
    assert not hold.is_held(label)
    qtbot.waitUntil(lambda: label.heightForWidth(label.width()) <= label.height())


def test_the_audit_list_replaces_only_the_changed_entries_and_keeps_the_selection(window, qtbot):
    panel = window.audit_panel
    tree = panel.tree
    selected = tree.item(tree.count() - 1)
    tree.setCurrentItem(selected)
    first = tree.item(0)
    sheet = shown_sheet(window, qtbot)
    type_text(sheet.rows["staff_control"].hand.editor, "0.5")  # an override without a reason: a new 错误
    findings = window.document.findings
    assert [tree.item(i).data(Qt.ItemDataRole.UserRole) for i in range(tree.count())] == findings
    assert [tree.item(i).text().split("\n")[0] for i in range(tree.count())] == \
        [f"【{f.severity.label}】{f.message}" for f in findings]
    assert tree.currentItem() is selected and tree.item(0) is first  # untouched entries are the same items
    window.menus.undo_action.trigger()
    assert [tree.item(i).data(Qt.ItemDataRole.UserRole) for i in range(tree.count())] == window.document.findings


def test_a_refused_keystroke_is_said_whole_and_lays_out_its_rows_only_when_its_line_needs_room(window, qtbot):
    sheet = shown_sheet(window, qtbot)
    row = sheet.rows["staff_control"]
    requests = LayoutRequests(sheet.places[row.indicator.id][0].widget)   # the grid of rows it is in
    box = row.hand
    room = box.height() - box.editor.height() - box.layout().spacing()
    type_text(box.editor, "5x")  # a letter in a hand score: refused
    qtbot.wait(10)
    message = box.editor.toolTip()
    assert message and box.error.isVisible() and box.error.text() == message
    fitted = box.error.heightForWidth(box.width()) <= room
    assert requests.count == (0 if fitted else 1)
    qtbot.waitUntil(lambda: box.error.heightForWidth(box.error.width()) <= box.error.height())  # never cut off
    type_text(box.editor, "5")
    qtbot.wait(10)
    assert not box.error.isVisible()


def test_a_refusal_that_fits_under_the_held_box_does_not_lay_out_the_sheet_again(window, qtbot):
    sheet = shown_sheet(window, qtbot)
    row = sheet.rows["staff_control"]
    box = row.hand
    requests = LayoutRequests(sheet.widget())
    box.show_error("须为数字")  # a short message: it fits in the cell under the box
    qtbot.wait(10)
    assert box.error.isVisible() and sheet.hold.is_held(box)
    assert box.error.heightForWidth(box.error.width()) <= box.error.height()
    box.show_error(None)
    qtbot.wait(10)
    assert requests.count == 0


def test_after_keystrokes_in_many_rows_each_row_and_subtotal_shows_what_a_sheet_built_afresh_shows(window, qtbot):
    """The rows and subtotal labels a keystroke touches are worked out from what changed; after scores, reasons
    and a 说明 typed here and there (a reason typed, then taken back), every row's findings and every subtotal
    are those of the whole lists sorted out from scratch."""
    sheet = shown_sheet(window, qtbot)
    leaves = list(sheet.rows.values())
    for number, row in enumerate(leaves * 2):
        type_text(row.hand.editor, "0" if number % 3 else "")
        if number % 4 == 0:
            reason = sheet_key(row.indicator.id, "reason")
            window.document.try_apply(SetField(reason, "已说明" if number < len(leaves) else None))
    warning = next(f for f in window.document.findings if not f.severity.blocking)
    window.document.try_apply(SetField(NotePlace(warning.key).key, "说明一句"))
    qtbot.wait(10)
    findings = window.document.findings
    assert any(f.note == "说明一句" for f in findings)
    for indicator_id, row in sheet.rows.items():
        expected = [f for f in findings if indicator_id in sheet._rows_named(f)]
        assert row.findings == expected, indicator_id
    whole = score_report(window.document.report)
    for indicator_id, label in sheet.group_labels.items():
        assert f"小计 {num(whole.groups[indicator_id].score)}" in label.text(), indicator_id
    assert whole.total_text() in sheet.total_label.text()
