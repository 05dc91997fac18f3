"""A big score sheet opens at once: the 评分表 tab shows its first rows straight away and builds the rest on the
event loop (sheet_chunks.py, sheet_slices.py). What the filler relies on stays true meanwhile: going to a finding
reaches a row not built yet, every row shows its right score and findings when it appears, typing in a late row is
stored and rescored, Tab goes through the rows in the sheet's order, and the columns line up from chunk to chunk."""

from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from evaldesk.model.edits import SetField
from evaldesk.model.layout import LAYOUT
from evaldesk.model.places import SheetPlace
from evaldesk.model.report import new_report, sheet_key
from evaldesk.datafile.store import Store
from evaldesk.scoring.engine import score_report
from evaldesk.scoring.report_text import score_text
from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID, Template, builtin_template
from evaldesk.ui.sheet_chunks import FIRST_LEAVES

SHEET = len(LAYOUT) - 1
GROUPS, LEAVES = 5, 25   # 125 三级指标 in eleven chunks, groups running on from one to the next


def big_template() -> Template:
    """一级 → 5 二级 → 25 三级 each, a count input per 三级 (per_case) or a two-item checklist, 分值 adding up to 100."""
    indicators = [{"id": "r", "name": "产出", "weight": "100"}]
    for g in range(GROUPS):
        indicators.append({"id": f"g{g}", "parent": "r", "name": f"二级{g}", "weight": "20"})
        for n in range(LEAVES):
            weight = Decimal(20) / LEAVES
            rule = ({"kind": "per_case", "per_case": str(weight / 2),
                     "count": {"input": "cases", "label": "不符合要求的情况", "kind": "count"}} if n % 2 else
                    {"kind": "checklist", "items": [{"id": "1", "text": "有制度", "points": str(weight / 2)},
                                                    {"id": "2", "text": "有效执行", "points": str(weight / 2)}]})
            indicators.append({"id": f"g{g}l{n}", "parent": f"g{g}", "name": f"三级{g}.{n}", "weight": str(weight),
                               "standard": "每发现一处不符合扣一半分值", "rule": rule})
    yunxi = builtin_template(DEFAULT_TEMPLATE_ID)
    return Template({"format": "evaldesk-template", "version": 1, "id": "big-125", "name": "大评分表",
                     "total": 100, "cover": yunxi.data["cover"], "grades": yunxi.data["grades"],
                     "indicators": indicators})


@pytest.fixture
def big_window(app, qtbot, tmp_path, answers):
    """The window on a 125-indicator report, on its first tab; the last 三级指标 overridden without a reason (an
    error the audit names)."""
    from evaldesk.ui.app import open_window

    template = big_template()
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
    window.tabs.setCurrentIndex(0)
    yield window
    window.close_document()


def click_sheet_tab(window):
    window.tabs.setCurrentIndex(SHEET)
    QApplication.processEvents()
    return window.pages[SHEET]


def settled(sheet) -> bool:
    return not sheet.slices.busy and sheet.hold.is_held(sheet.total_label)


def on_screen(sheet, widget) -> bool:
    top = widget.mapTo(sheet.viewport(), widget.rect().topLeft()).y()
    return 0 <= top and top + widget.height() <= sheet.viewport().height()


def test_the_tab_shows_its_first_rows_at_once_with_the_whole_sheets_scroll_range(big_window, qtbot):
    sheet = click_sheet_tab(big_window)
    leaves = big_window.document.report.template.leaves
    assert len(sheet.rows) < len(leaves)   # the rest is still to come: the click did not wait for it
    first = sheet.rows[leaves[0].id]
    assert first.score.isVisible() and on_screen(sheet, first.score)
    assert first.score.text() == score_text(big_window.document.sheet.indicators[leaves[0].id].score)
    early_range = sheet.verticalScrollBar().maximum()
    qtbot.waitUntil(lambda: settled(sheet), timeout=30000)
    assert len(sheet.rows) == len(leaves)
    assert early_range > 0.8 * sheet.verticalScrollBar().maximum()   # the scroll bar had about its range at once


def test_going_to_the_last_indicators_finding_before_the_rest_is_built_focuses_it_and_it_stays_put(big_window,
                                                                                                 qtbot):
    sheet = click_sheet_tab(big_window)
    last = big_window.document.report.template.leaves[-1].id
    finding = next(f for f in big_window.document.findings
                   if isinstance(f.where, SheetPlace) and f.where.indicator == last)
    middle = big_window.document.report.template.leaves[len(big_window.document.report.template.leaves) // 2].id
    big_window.go_to(finding.where)
    assert middle not in sheet.rows   # the rows between are not built yet
    row = sheet.rows[last]
    assert QApplication.focusWidget() in (row.hand.editor, row.reason.editor)
    assert on_screen(sheet, QApplication.focusWidget())
    where = QApplication.focusWidget().mapTo(sheet.viewport(), QApplication.focusWidget().rect().topLeft())
    assert any(f.message in row.problems.text() or f.message in row.problems.toolTip() for f in [finding])
    qtbot.waitUntil(lambda: settled(sheet), timeout=30000)
    qtbot.wait(20)
    now = QApplication.focusWidget().mapTo(sheet.viewport(), QApplication.focusWidget().rect().topLeft())
    assert abs(now.y() - where.y()) <= 2   # the rows built above it did not push it away


def test_every_row_appears_with_its_score_and_findings_and_the_columns_line_up(big_window, qtbot):
    sheet = click_sheet_tab(big_window)
    qtbot.waitUntil(lambda: settled(sheet), timeout=30000)
    document = big_window.document
    whole = score_report(document.report)
    for leaf in document.report.template.leaves:
        row = sheet.rows[leaf.id]
        assert row.score.text() == (score_text(whole.indicators[leaf.id].score) or "—"), leaf.id
        expected = [f for f in document.findings if leaf.id in sheet._rows_named(f)]
        assert row.findings == expected, leaf.id
    for group_id, label in sheet.group_labels.items():
        assert f"小计 {whole.groups[group_id].score.normalize():f}".rstrip(".") in label.text() or \
            str(whole.groups[group_id].score) in label.text(), group_id
    assert whole.total_text() in sheet.total_label.text()
    body = sheet.widget()
    for cell in ("name", "score", "hand", "reason"):
        edges = {getattr(row, cell).mapTo(body, getattr(row, cell).rect().topLeft()).x() for row in sheet.rows.values()}
        assert len(edges) == 1, cell
    assert len({row.reason.width() for row in sheet.rows.values()}) == 1
    continued = [label.text() for labels in sheet.continued.values() for label in labels]
    assert continued and all(text.endswith("（续）") for text in continued)


def test_every_row_built_in_the_background_shows_all_it_says_and_none_covers_the_next(big_window, qtbot):
    """Rows built off screen and held there are held at the room they need: their explanation and findings whole
    (or shortened with the mark, whole in the tooltip), never cut mid-line with the next row painted over them."""
    sheet = click_sheet_tab(big_window)
    qtbot.waitUntil(lambda: settled(sheet), timeout=30000)
    body = sheet.widget()
    rows = list(sheet.rows.values())
    for row, below in zip(rows, rows[1:] + [None]):
        detail = row.detail
        assert detail.layout().totalHeightForWidth(detail.width()) <= detail.height(), row.indicator.id
        bottom = detail.mapTo(body, detail.rect().bottomLeft()).y()
        if below is not None:
            assert bottom < below.score.mapTo(body, below.score.rect().topLeft()).y(), row.indicator.id


def test_typing_in_a_row_that_appeared_late_is_stored_and_rescored(big_window, qtbot):
    sheet = click_sheet_tab(big_window)
    leaf = big_window.document.report.template.leaves[-2]
    qtbot.waitUntil(lambda: leaf.id in sheet.rows, timeout=30000)
    row = sheet.rows[leaf.id]
    box = row.editors[sheet_key(leaf.id, "input", "cases")].editor
    box.setFocus()
    box.setText("2")
    box.textEdited.emit("2")
    qtbot.wait(10)
    document = big_window.document
    assert document.report.get(sheet_key(leaf.id, "input", "cases")) == 2
    assert row.score.text() == score_text(document.sheet.indicators[leaf.id].score) == "0"
    assert document.sheet.total_text() in sheet.total_label.text() or leaf.id not in sheet.rows


def test_tab_goes_from_the_last_row_of_a_chunk_to_the_next_row_even_before_it_is_built(big_window, qtbot):
    big_window.tabs.setCurrentIndex(SHEET)   # shown, and nothing more built yet (the event loop has not turned)
    sheet = big_window.pages[SHEET]
    leaves = big_window.document.report.template.leaves
    before, after = leaves[FIRST_LEAVES - 1].id, leaves[FIRST_LEAVES].id
    assert after not in sheet.rows
    reason = sheet.rows[before].reason.editor
    reason.setFocus()
    qtbot.keyClick(reason, Qt.Key.Key_Tab)
    following = sheet.rows[after]
    assert QApplication.focusWidget() is following.tab_stops()[0]
    assert on_screen(sheet, QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is reason


def test_tab_goes_through_the_samples_rows_in_order(window, qtbot):
    sheet = window.pages[SHEET]
    window.tabs.setCurrentWidget(sheet)
    qtbot.waitUntil(sheet.isVisible)
    rows = list(sheet.rows.values())[:4]
    expected = [stop for row in rows for stop in row.tab_stops()]
    expected[0].setFocus()
    visited = [QApplication.focusWidget()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == expected
    assert any(type(stop).__name__ == "ChecklistAnswer" for stop in expected) or len(expected) > 8


class LayoutRequests(QObject):
    def __init__(self, widgets):
        super().__init__()
        self.reached: set = set()
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LayoutRequest:
            self.reached.add(watched)
        return False


def test_a_refusal_that_needs_room_lays_out_only_the_rows_around_it(big_window, qtbot):
    sheet = click_sheet_tab(big_window)
    qtbot.waitUntil(lambda: settled(sheet), timeout=30000)
    chunk = sheet.chunks[2]
    row = sheet.rows[big_window.document.report.template.leaves[chunk.first].id]
    sheet.ensureWidgetVisible(row.hand)
    qtbot.wait(20)
    requests = LayoutRequests([other.widget for other in sheet.chunks])
    row.hand.show_error("手工评分须为数字，且不能超过本项分值；请改正后再离开此格，否则不会保存")
    qtbot.wait(20)
    assert requests.reached == {chunk.widget}
    qtbot.waitUntil(lambda: row.hand.error.heightForWidth(row.hand.error.width()) <= row.hand.error.height())


def test_an_adjusted_template_and_the_standards_toggle_reach_the_rows_built_after_them(big_window, qtbot):
    import copy

    from evaldesk.model.edits import SetTemplate

    sheet = click_sheet_tab(big_window)
    leaves = big_window.document.report.template.leaves
    late, group = leaves[-3], leaves[-3].parent
    assert late.id not in sheet.rows
    data = copy.deepcopy(big_window.document.report.template.data)
    for entry in data["indicators"]:
        if entry["id"] == late.id:
            entry["name"] = "改名后的指标"
        if entry["id"] == group:
            entry["name"] = "改名后的二级"
    big_window.document.apply(SetTemplate(Template(data)), merge=False)
    sheet.standards_box.setChecked(False)
    qtbot.waitUntil(lambda: settled(sheet), timeout=30000)
    row = sheet.rows[late.id]
    assert row.name.text() == "改名后的指标"
    assert not row.standard.isVisible() and not sheet.rows[leaves[0].id].standard.isVisible()
    names = [sheet.group_labels[group].text(), *(label.text() for label in sheet.continued.get(group, []))]
    assert all(name.startswith("改名后的二级") for name in names)
    sheet.standards_box.setChecked(True)
    assert row.standard.isVisible() and row.standard.text().startswith("评分标准")


def test_a_read_only_window_locks_the_rows_built_after_it_opened(big_window, qtbot, answers):
    from evaldesk.ui.app import open_window
    from evaldesk.ui.sheet_row import ChecklistAnswer

    second = open_window(big_window.store.path)   # the file is held by the first window: offered read-only
    qtbot.addWidget(second)
    assert second.store is not None and second.store.read_only
    sheet = second.pages[SHEET]
    last = second.document.report.template.leaves[-1].id
    assert last not in sheet.rows
    second.show()
    second.tabs.setCurrentIndex(SHEET)
    qtbot.waitUntil(lambda: not sheet.slices.busy, timeout=30000)
    row = sheet.rows[last]
    assert row.hand.editor.isReadOnly() and row.reason.editor.isReadOnly()
    answers_boxes = [box for box in row.editors.values() if isinstance(box, ChecklistAnswer)]
    assert answers_boxes and not any(box.isEnabled() for box in answers_boxes)
    second.close_document()


def test_every_group_cell_runs_the_whole_height_of_the_rows_it_names(big_window, qtbot):
    """The 一级/二级 cells (a group's name, 分值 and 小计, or its name again with （续）) of a chunk built in the
    background reach from its group's first row there to its last: held while the chunk was still being built, they
    stayed as short as its rows built by then, the text floating mid-chunk and the rows beside them with no 一级/二级
    cell at all."""
    sheet = click_sheet_tab(big_window)
    qtbot.waitUntil(lambda: settled(sheet), timeout=30000)
    body = sheet.widget()
    leaves = sheet.plan.leaves
    checked = 0
    for chunk in sheet.chunks:
        for group_id, _level, start, end in sheet.plan.groups:
            first, last = max(start, chunk.first), min(end, chunk.last)
            if first >= last:
                continue
            labels = [label for label in (sheet.group_labels.get(group_id), *sheet.continued.get(group_id, ()))
                      if label is not None and label.parentWidget() is chunk.widget]
            assert len(labels) == 1, (chunk.number, group_id)
            label = labels[0]
            top = sheet.rows[leaves[first]].name.mapTo(body, sheet.rows[leaves[first]].name.rect().topLeft()).y()
            bottom_row = sheet.rows[leaves[last - 1]].detail
            bottom = bottom_row.mapTo(body, bottom_row.rect().bottomLeft()).y()
            label_top = label.mapTo(body, label.rect().topLeft()).y()
            label_bottom = label.mapTo(body, label.rect().bottomLeft()).y()
            assert abs(label_top - top) <= 1 and abs(label_bottom - bottom) <= 1, \
                (chunk.number, group_id, label.text(), (label_top, label_bottom), (top, bottom))
            checked += 1
    assert checked > len(sheet.chunks)   # groups running on from chunk to chunk were checked


def test_a_sheet_dropped_while_it_was_being_built_is_freed(big_window, qtbot):
    """Another 字号 (or another report) while the big sheet is still being built: the rows of the sheet it drops
    are given back, not kept for as long as the program runs. (Each slice freezes the objects Python's collector
    knows; rows already dropped but not yet collected were frozen with them, and were never freed.)"""
    import gc
    import weakref

    from PySide6.QtCore import QCoreApplication

    sheet = click_sheet_tab(big_window)
    qtbot.waitUntil(lambda: len(sheet.rows) > FIRST_LEAVES + 5, timeout=30000)
    assert sheet.slices.busy
    dropped = [weakref.ref(row) for row in sheet.rows.values()]
    del sheet   # (this test's own hold on it)
    big_window.set_font_size("较大")
    rebuilt = big_window.pages[SHEET]
    qtbot.waitUntil(lambda: settled(rebuilt), timeout=30000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()
    assert sum(ref() is not None for ref in dropped) == 0
    big_window.set_font_size("标准")


def test_a_read_only_window_still_lets_the_reader_show_or_hide_the_standards(big_window, qtbot, answers):
    """显示评分标准 changes what the window shows, not the report: a reader of a file held elsewhere may use it."""
    from evaldesk.ui.app import open_window

    second = open_window(big_window.store.path)   # read-only: the first window holds the file
    qtbot.addWidget(second)
    second.show()
    second.tabs.setCurrentIndex(SHEET)
    sheet = second.pages[SHEET]
    first = sheet.rows[second.document.report.template.leaves[0].id]
    assert sheet.standards_box.isEnabled() and first.standard.isVisible()
    sheet.standards_box.click()
    assert not first.standard.isVisible()
    assert first.hand.editor.isReadOnly()
    second.close_document()


def test_a_read_only_reader_stays_at_the_row_they_read_when_the_writer_types(big_window, qtbot, answers):
    """The window reads the report again each time the writer's window stores a change (every few seconds while
    they type); the reader of a big sheet stays at the row they were reading, not sent back to the sheet's top."""
    from evaldesk.ui.app import open_window

    second = open_window(big_window.store.path)
    qtbot.addWidget(second)
    second.resize(1366, 768)
    second.show()
    second.tabs.setCurrentIndex(SHEET)
    sheet = second.pages[SHEET]
    qtbot.waitUntil(lambda: settled(sheet), timeout=30000)
    reading = sheet.rows[second.document.report.template.leaves[70].id].score
    sheet.verticalScrollBar().setValue(reading.mapTo(sheet.widget(), reading.rect().topLeft()).y() - 100)
    qtbot.wait(20)
    leaf = big_window.document.report.template.leaves[3].id
    big_window.document.apply(SetField(sheet_key(leaf, "reason"), "另一窗口写的原因"), merge=False)
    assert second.files.look_for_changes()
    sheet = second.pages[SHEET]
    qtbot.waitUntil(lambda: settled(sheet), timeout=30000)
    qtbot.wait(50)
    again = sheet.rows[second.document.report.template.leaves[70].id].score
    assert abs(again.mapTo(sheet.viewport(), again.rect().topLeft()).y() - 100) <= 2
    second.close_document()


def test_a_row_gone_to_in_the_middle_stays_put_while_the_chunk_above_it_is_built(big_window, qtbot):
    """The row the filler went to stays where it appeared while the rows just above it, in the view too, are
    built: the chunk above, just built, changes height twice as Qt shows its rows, and was kept in place instead."""
    from evaldesk.model.places import parse_key

    sheet = click_sheet_tab(big_window)
    leaf = big_window.document.report.template.leaves[70].id   # the first row of a chunk, the chunk above unbuilt
    big_window.go_to(parse_key(sheet_key(leaf, "hand")))
    editor = sheet.rows[leaf].hand.editor
    where = editor.mapTo(sheet.viewport(), editor.rect().topLeft()).y()
    assert on_screen(sheet, editor)
    assert not sheet.places[big_window.document.report.template.leaves[69].id][0].done
    qtbot.waitUntil(lambda: settled(sheet), timeout=30000)
    qtbot.wait(20)
    assert abs(editor.mapTo(sheet.viewport(), editor.rect().topLeft()).y() - where) <= 2
