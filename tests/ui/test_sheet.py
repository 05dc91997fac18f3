"""The 评分表 as the filler uses it: the whole sheet there at once at any size, painted (a widget only for the cell
being edited), spreadsheet keys (typing, F2, Enter, Tab, Esc, Delete), a refused value marked in its cell and said
under the sheet, checklist answers, going to a finding, a read-only window, the reader kept at their row."""

from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from evaldesk.model.edits import SetField
from evaldesk.model.layout import LAYOUT
from evaldesk.model.places import SheetPlace, parse_key
from evaldesk.model.report import new_report, sheet_key
from evaldesk.datafile.store import Store
from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID, Template, builtin_template
from evaldesk.ui.sheet import ChecklistAnswer

SHEET = len(LAYOUT) - 1


def big_template(groups: int, leaves: int) -> Template:
    """一级 → ``groups`` 二级 → ``leaves`` 三级 each, a count input (per_case) or a two-item checklist per 三级."""
    indicators = [{"id": "r", "name": "产出", "weight": "100"}]
    for g in range(groups):
        weight = Decimal(100) / groups
        indicators.append({"id": f"g{g}", "parent": "r", "name": f"二级{g}", "weight": str(weight)})
        for n in range(leaves):
            each = weight / leaves
            rule = ({"kind": "per_case", "per_case": str(each / 2),
                     "count": {"input": "cases", "label": "不符合要求的情况", "kind": "count"}} if n % 2 else
                    {"kind": "checklist", "items": [{"id": "1", "text": "有制度", "points": str(each / 2)},
                                                    {"id": "2", "text": "有效执行", "points": str(each / 2)}]})
            indicators.append({"id": f"g{g}l{n}", "parent": f"g{g}", "name": f"三级{g}.{n}", "weight": str(each),
                               "standard": "每发现一处不符合扣一半分值", "rule": rule})
    yunxi = builtin_template(DEFAULT_TEMPLATE_ID)
    return Template({"format": "evaldesk-template", "version": 1, "id": f"big-{groups * leaves}", "name": "大评分表",
                     "total": 100, "cover": yunxi.data["cover"], "grades": yunxi.data["grades"],
                     "indicators": indicators})


@pytest.fixture
def big_window(app, qtbot, tmp_path, answers):
    """The window on a 500-indicator report; the last 三级指标 overridden without a reason (an error the audit
    names)."""
    from evaldesk.ui.app import open_window

    template = big_template(20, 25)
    report = new_report(2021, template, "测试单位")
    for n, leaf in enumerate(template.leaves):
        for spec in leaf.inputs():
            SetField(sheet_key(leaf.id, "input", spec.name), n % 3 if spec.kind == "count" else n % 2 == 0) \
                .apply(report)
    SetField(sheet_key(template.leaves[-1].id, "hand"), "0.1").apply(report)
    db = tmp_path / "big.sqlite"
    store = Store(db)
    store.add(report)
    store.close()
    window = open_window(db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close_document()


def sheet_of(window, qtbot):
    window.tabs.setCurrentIndex(SHEET)
    sheet = window.pages[SHEET]
    qtbot.waitUntil(sheet.isVisible, timeout=30000)
    return sheet


def key(widget, key, modifiers=Qt.KeyboardModifier.NoModifier, text: str = "") -> None:
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text))


def current(sheet) -> tuple[str, int]:
    index = sheet.view.currentIndex()
    return sheet.model.leaf_at(index.row()).id, index.column()


# ---------------------------------------------------------------- the whole sheet, painted


def test_the_sheet_has_a_widget_per_open_editor_not_per_cell_whatever_its_size(window, big_window, qtbot):
    sample = sheet_of(window, qtbot)
    big = sheet_of(big_window, qtbot)
    count = len(sample.findChildren(QWidget))
    assert count < 40 and len(big.findChildren(QWidget)) == count
    assert len(big.model.plan.leaves) == 500
    big.edit(big.model.plan.leaves[-2].id, "input")   # a checklist's two answers, editable
    assert len(big.findChildren(QWidget)) <= count + 2 + 2 * 8   # the editor and its two boxes (and their parts)
    key(big.view.editor.order[0], Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: big.view.editor is None, timeout=30000)


def test_the_whole_big_sheet_is_there_at_once_every_row_whole(big_window, qtbot):
    sheet = sheet_of(big_window, qtbot)
    view, model = sheet.view, sheet.model
    assert model.rowCount() == 2 * 500 + 1
    last = model.plan.leaves[-1].id
    assert "写明改分理由" in sheet.shown(last, "notes") and sheet.shown(last, "hand") == "0.1"
    bar = view.verticalScrollBar()
    for value in (0, bar.maximum() // 3, bar.maximum() // 2, bar.maximum()):   # wherever the filler looks
        bar.setValue(value)
        bottom = view.rowAt(view.viewport().height() - 1)
        shown = range(max(0, view.rowAt(0)), (bottom if bottom >= 0 else model.rowCount() - 1) + 1)
        assert len(shown) > 3 and all(view.rowHeight(row) >= view.row_need(row) for row in shown)
    assert view.rowSpan(0, 0) == 1000 and view.rowSpan(0, 1) == 50   # 产出 over all its rows, 二级0 over its 25
    assert sum(view.widths) <= view.viewport().width() and view.horizontalScrollBar().maximum() == 0


def test_going_to_the_last_indicators_finding_shows_its_cell(big_window, qtbot):
    sheet = sheet_of(big_window, qtbot)
    big_window.tabs.setCurrentIndex(0)
    last = sheet.model.plan.leaves[-1].id
    big_window.go_to(parse_key(sheet_key(last, "hand")))
    assert big_window.tabs.currentIndex() == SHEET
    assert current(sheet) == (last, sheet.cell_index(last, "hand").column())
    rect = sheet.view.visualRect(sheet.view.currentIndex())
    assert sheet.view.viewport().rect().contains(rect)


def test_going_to_a_checklist_answer_opens_its_box(window, qtbot):
    sheet = sheet_of(window, qtbot)
    place = SheetPlace("budget_rules", "input", "2")
    window.go_to(place)
    assert isinstance(QApplication.focusWidget(), ChecklistAnswer)
    assert QApplication.focusWidget().typing.key == place.key


# ---------------------------------------------------------------- keys


def test_typing_over_a_hand_score_replaces_it_and_enter_moves_down(window, qtbot):
    sheet = sheet_of(window, qtbot)
    sheet.view.show_cell(sheet.cell_index("benefits", "hand"))   # 经济/社会/生态效益, 12 of 15
    qtbot.keyClicks(sheet.view, "1")
    editor = sheet.view.editor
    assert editor is not None and editor.text() == "1"
    qtbot.keyClicks(editor, "4")
    assert window.document.sheet.total == Decimal("94.5") and sheet.shown("benefits", "score") == "14"
    key(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sheet.view.editor is None, timeout=30000)
    leaves = [leaf.id for leaf in sheet.model.plan.leaves]
    assert current(sheet) == (leaves[leaves.index("benefits") + 1], sheet.cell_index("benefits", "hand").column())
    window.menus.undo_action.trigger()   # "1", "14": one step
    assert window.document.report.get(sheet_key("benefits", "hand")) == Decimal("12")
    assert current(sheet)[0] == "benefits"   # undo takes the filler to the row it changed


def test_f2_opens_the_editor_and_esc_puts_back_what_the_cell_held(window, qtbot):
    sheet = sheet_of(window, qtbot)
    sheet.view.show_cell(sheet.cell_index("benefits", "hand"))
    key(sheet.view, Qt.Key.Key_F2)
    editor = sheet.view.editor
    assert editor.text() == "12"
    editor.setText("3")
    editor.textEdited.emit("3")
    assert window.document.sheet.indicators["benefits"].score == Decimal("3")
    key(editor, Qt.Key.Key_Escape)
    assert sheet.view.editor is None
    assert window.document.report.get(sheet_key("benefits", "hand")) == Decimal("12")
    assert sheet.shown("benefits", "score") == "12"


def test_delete_clears_the_cell_and_undo_brings_it_back(window, qtbot):
    sheet = sheet_of(window, qtbot)
    sheet.view.show_cell(sheet.cell_index("benefits", "reason"))
    reason = window.document.report.text(sheet_key("benefits", "reason"))
    assert reason and sheet.shown("benefits", "reason") == reason
    key(sheet.view, Qt.Key.Key_Delete)
    assert window.document.report.text(sheet_key("benefits", "reason")) == ""
    window.menus.undo_action.trigger()
    assert sheet.shown("benefits", "reason") == reason


def test_tab_goes_through_the_cells_the_filler_types_in_row_after_row(window, qtbot):
    sheet = sheet_of(window, qtbot)
    leaves = [leaf.id for leaf in sheet.model.plan.leaves]
    columns = {part: sheet.cell_index(leaves[0], part).column() for part in ("input", "hand", "reason")}
    expected = [(leaf, columns[part]) for leaf in leaves for part in ("input", "hand", "reason")
                if sheet.model.editable(sheet.cell_index(leaf, part))][:9]
    assert expected[:3] == [(leaves[0], columns["hand"]), (leaves[0], columns["reason"]), (leaves[1], columns["input"])]
    sheet.view.show_cell(sheet.model.index(sheet.model.row_of[leaves[0]], columns["hand"]))
    visited = [current(sheet)]
    for _ in range(8):
        sheet.view.setCurrentIndex(sheet.view.moveCursor(sheet.view.CursorAction.MoveNext, Qt.KeyboardModifier.NoModifier))
        visited.append(current(sheet))
    assert visited == expected
    for _ in range(8):
        sheet.view.setCurrentIndex(sheet.view.moveCursor(sheet.view.CursorAction.MovePrevious,
                                                         Qt.KeyboardModifier.NoModifier))
    assert current(sheet) == expected[0]


def test_tab_in_an_editor_stores_and_opens_the_next_cell(window, qtbot):
    sheet = sheet_of(window, qtbot)
    editor = sheet.edit("benefits", "hand")
    editor.setText("13")
    editor.textEdited.emit("13")
    key(editor, Qt.Key.Key_Tab)
    assert current(sheet) == ("benefits", sheet.cell_index("benefits", "reason").column())
    assert sheet.view.editor is not None and sheet.view.editor.toPlainText() == \
        window.document.report.text(sheet_key("benefits", "reason"))
    assert window.document.report.get(sheet_key("benefits", "hand")) == Decimal("13")


def test_the_window_keeps_ctrl_z_while_an_editor_is_open(window, qtbot):
    sheet = sheet_of(window, qtbot)
    editor = sheet.edit("benefits", "hand")
    override = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier, "z")
    QApplication.sendEvent(editor, override)
    assert not override.isAccepted()   # the window's 撤销 takes it


def test_a_refused_hand_score_is_marked_in_its_cell_and_said_under_the_sheet(window, qtbot):
    sheet = sheet_of(window, qtbot)
    editor = sheet.edit("benefits", "hand")
    editor.setText("12x")
    editor.textEdited.emit("12x")
    assert editor.toolTip() and window.document.report.get(sheet_key("benefits", "hand")) == Decimal("12")
    key(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sheet.view.editor is None, timeout=30000)
    index = sheet.cell_index("benefits", "hand")
    assert sheet.shown("benefits", "hand") == "12x"                       # what was typed stays, marked
    assert index.data(Qt.ItemDataRole.ToolTipRole)                        # why, in the tooltip …
    assert sheet.message.isVisible() and "“12x”未被接受" in sheet.message.text()   # … and under the sheet
    assert "1 处输入未被接受" in window.refused_label.text()
    editor = sheet.edit("benefits", "hand")
    assert editor.text() == "12x"
    editor.setText("11")
    editor.textEdited.emit("11")
    assert sheet.shown("benefits", "hand") == "11" and window.refused_label.isHidden()


def test_a_checklist_answer_is_chosen_in_its_row_and_tab_leaves_for_the_hand_score(window, qtbot):
    sheet = sheet_of(window, qtbot)
    editor = sheet.edit("budget_rules", "input")
    boxes = editor.order
    assert len(boxes) == 3 and all(isinstance(box, ChecklistAnswer) for box in boxes)
    before = window.document.sheet.indicators["budget_rules"].score
    boxes[0].setCurrentIndex(2)
    boxes[0].activated.emit(2)   # 不符合, as a click picks it
    assert window.document.report.get(boxes[0].typing.key) is False
    assert window.document.sheet.indicators["budget_rules"].score < before
    assert "不符合" in sheet.shown("budget_rules", "input").splitlines()[0]
    boxes[-1].setFocus()
    key(boxes[-1], Qt.Key.Key_Tab)
    assert current(sheet) == ("budget_rules", sheet.cell_index("budget_rules", "hand").column())


def test_notes_fold_for_one_row_or_all(window, qtbot):
    sheet = sheet_of(window, qtbot)
    first = sheet.model.plan.leaves[0].id
    notes = sheet.cell_index(first, "name").siblingAtRow(sheet.model.row_of[first] + 1)
    sheet.view.clicked.emit(notes.siblingAtColumn(sheet.model.detail_from))
    assert sheet.shown(first, "notes").startswith("▸")
    sheet.notes_box.setChecked(False)
    assert all(sheet.shown(leaf.id, "notes").startswith("▸") for leaf in sheet.model.plan.leaves)
    sheet.notes_box.setChecked(True)
    assert "评分标准" in sheet.shown(first, "notes")


def test_a_larger_font_size_measures_the_sheet_again_and_it_still_fits(window, qtbot):
    sheet = sheet_of(window, qtbot)
    row = sheet.model.row_of["staff_control"]
    before = sheet.view.rowHeight(row)
    window.menus.font_size_actions["特大"].trigger()
    sheet = sheet_of(window, qtbot)
    view = sheet.view
    qtbot.waitUntil(lambda: view.rowHeight(row) > before, timeout=30000)
    assert sum(view.widths) <= view.viewport().width() and view.horizontalScrollBar().maximum() == 0
    shown = range(max(0, view.rowAt(0)), view.rowAt(view.viewport().height() - 1) + 1)
    assert all(view.rowHeight(r) >= view.row_need(r) for r in shown)
    window.menus.font_size_actions["标准"].trigger()


# ---------------------------------------------------------------- read-only


def test_a_read_only_window_takes_no_typing_on_the_sheet_but_shows_or_hides_the_standards(big_window, qtbot):
    from evaldesk.ui.app import open_window

    second = open_window(big_window.store.path)   # the file is held by the first window: offered read-only
    qtbot.addWidget(second)
    assert second.store is not None and second.store.read_only
    second.show()
    sheet = sheet_of(second, qtbot)
    last = sheet.model.plan.leaves[-1].id
    assert not any(sheet.model.editable(sheet.cell_index(last, part)) for part in ("input", "hand", "reason"))
    sheet.view.show_cell(sheet.cell_index(last, "hand"))
    key(sheet.view, Qt.Key.Key_F2)
    qtbot.keyClicks(sheet.view, "5")
    key(sheet.view, Qt.Key.Key_Delete)
    assert sheet.view.editor is None and sheet.shown(last, "hand") == "0.1"
    assert sheet.standards_box.isEnabled()
    sheet.standards_box.setChecked(False)
    assert "评分标准" not in sheet.shown(last, "notes")
    sheet.standards_box.setChecked(True)
    second.close_document()


def test_a_read_only_reader_stays_at_the_row_they_read_when_the_writer_types(big_window, qtbot, answers):
    """The window reads the report again each time the writer's window stores a change; the reader of a big sheet
    stays at the row they were reading, not sent back to the sheet's top."""
    from evaldesk.ui.app import open_window

    second = open_window(big_window.store.path)
    qtbot.addWidget(second)
    second.resize(1366, 768)
    second.show()
    sheet = sheet_of(second, qtbot)
    reading = sheet.model.row_of[sheet.model.plan.leaves[300].id]
    bar = sheet.view.verticalScrollBar()
    while sheet.view.rowViewportPosition(reading) != 100:   # the filler scrolls there (rows measured as they come)
        bar.setValue(bar.value() + sheet.view.rowViewportPosition(reading) - 100)
    leaf = big_window.document.report.template.leaves[3].id
    big_window.document.apply(SetField(sheet_key(leaf, "reason"), "另一窗口写的原因"), merge=False)
    assert second.files.look_for_changes()
    sheet = second.pages[SHEET]
    qtbot.waitUntil(lambda: sheet.view.isVisible() and bool(sheet.view.widths), timeout=30000)
    assert abs(sheet.view.rowViewportPosition(reading) - 100) <= 2
    assert sheet.shown(leaf, "reason") == "另一窗口写的原因"
    second.close_document()
