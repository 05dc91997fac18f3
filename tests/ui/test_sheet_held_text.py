"""While the score sheet's cells are held (a keystroke does not lay the sheet out again), no text under a row is
cut off: an explanation or a finding that needs more room than its row holds waits in it shortened, marked, and
whole in its tooltip; the 评分标准 above them keeps every line. Shown again, the row takes the room it needs."""

import pytest
from PySide6.QtCore import QPoint

from evaldesk.ui.sheet_row import MORE_IN_TOOLTIP

SHEET = 6


def held_sheet(window, qtbot, size: str):
    window.menus.font_size_actions[size].trigger()
    sheet = window.pages[SHEET]
    window.tabs.setCurrentWidget(sheet)
    qtbot.waitUntil(sheet.isVisible)
    qtbot.waitUntil(lambda: sheet.hold.is_held(sheet.total_label))
    return sheet


def squeezed(row) -> list[str]:
    """The texts under ``row`` given less height than their lines need (what the filler sees cut off)."""
    width = row.detail.width()
    return [label.text() for label in (row.standard, row.explanation, row.problems)
            if label.isVisible() and label.text() and label.heightForWidth(width) > label.height()]


def _y(widget, sheet) -> int:
    return widget.mapTo(sheet.widget(), QPoint(0, 0)).y()


@pytest.mark.parametrize("size", ["特大", "标准"])
def test_an_explanation_that_grows_while_held_is_shortened_with_its_whole_text_at_hand(window, qtbot, size):
    sheet = held_sheet(window, qtbot, size)
    ids = list(sheet.rows)
    row = sheet.rows["asset_use"]
    below = sheet.rows[ids[ids.index("asset_use") + 1]]
    before = _y(below.name, sheet)
    row.hand.editor.setFocus()
    row.hand.editor.setText("0.5")
    row.hand.editor.textEdited.emit("0.5")  # an override: the explanation adds 已手工改为…, a finding appears
    qtbot.waitUntil(lambda: row.state.text() == "已改分")
    qtbot.wait(20)
    whole = row.explanation_text
    assert "已手工改为 0.5 分" in whole
    assert squeezed(row) == []
    assert _y(below.name, sheet) == before  # the rows below stay where they are
    if row.explanation.text() != whole:  # no room for all of it: marked, and whole in its tooltip
        assert row.explanation.text().endswith(MORE_IN_TOOLTIP)
        assert whole.startswith(row.explanation.text().removesuffix(MORE_IN_TOOLTIP))
        assert row.explanation.toolTip() == whole
    if "须在扣分原因" not in row.problems.text():
        assert "须在扣分原因" in row.problems.toolTip()
    window.tabs.setCurrentIndex(0)  # the filler looks elsewhere and comes back: everything whole
    window.tabs.setCurrentWidget(sheet)
    qtbot.waitUntil(lambda: row.explanation.text() == whole)
    qtbot.waitUntil(lambda: squeezed(row) == [])
    assert row.explanation.toolTip() == "" and row.problems.toolTip() == ""
    window.menus.font_size_actions["标准"].trigger()


def test_no_text_under_any_row_is_cut_after_every_row_is_overridden_at_the_largest_size(window, qtbot):
    sheet = held_sheet(window, qtbot, "特大")
    for row in sheet.rows.values():
        row.hand.editor.setText("0.5")
        row.hand.editor.textEdited.emit("0.5")
    qtbot.wait(50)
    assert {indicator: squeezed(row) for indicator, row in sheet.rows.items() if squeezed(row)} == {}
    window.menus.font_size_actions["标准"].trigger()


def test_a_standard_made_longer_in_the_template_editor_is_shown_whole_at_once(window, qtbot):
    # The template editor applies each change while the sheet stays on screen behind it: a row kept for the
    # adjusted sheet must take the room its new words need, not keep the old row's height.
    import copy

    from evaldesk.model.edits import SetTemplate
    from evaldesk.scoring.template import Template

    sheet = held_sheet(window, qtbot, "标准")
    data = copy.deepcopy(window.document.report.template.data)
    for entry in data["indicators"]:
        if entry["id"] == "staff_control":
            entry["standard"] = "每超一个百分点扣0.5分，扣完为止。" * 12
    window.document.apply(SetTemplate(Template(data)), merge=False)
    row = sheet.rows["staff_control"]
    qtbot.waitUntil(lambda: row.standard.text().endswith("扣完为止。"))
    qtbot.waitUntil(lambda: not squeezed(row), timeout=2000)
