"""An adjusted score sheet with the same tree is shown without building the sheet again: every row keeps its
widgets, the new words and 分值 are on screen, a row whose entries changed is built again in its place, and a
sheet with another tree is built anew."""

import copy

from evaldesk.model.edits import SetTemplate
from evaldesk.scoring.template import Template

SHEET = 6


def adjusted(template, **by_id):
    """The template with some indicators' entries replaced (``by_id``: id → function changing the entry)."""
    data = copy.deepcopy(template.data)
    for entry in data["indicators"]:
        if entry["id"] in by_id:
            by_id[entry["id"]](entry)
    return Template(data)


def test_new_words_keep_every_row_and_show_on_screen(window, qtbot):
    sheet = window.pages[SHEET]
    window.tabs.setCurrentWidget(sheet)
    before = dict(sheet.rows)
    editors = {i: row.hand for i, row in before.items()}
    template = adjusted(window.document.report.template,
                        staff_control=lambda e: e.update(name="人员控制率", standard="每超一个百分点扣0.5分"))
    window.document.apply(SetTemplate(template), merge=False)
    assert all(sheet.rows[i] is before[i] and sheet.rows[i].hand is editors[i] for i in before)
    row = sheet.rows["staff_control"]
    assert row.name.text() == "人员控制率" and row.standard.text() == "评分标准：每超一个百分点扣0.5分"
    assert row.indicator is template.indicator("staff_control")
    assert row.score.text() == "5"  # its result shown again, with the new indicator


def test_a_changed_entry_builds_that_row_again_in_its_place(window, qtbot):
    sheet = window.pages[SHEET]
    window.tabs.setCurrentWidget(sheet)
    before = dict(sheet.rows)
    old = before["staff_control"]
    y = old.name.y()
    relabel = lambda e: e["rule"]["rate"]["numerator"].update(label="在职人数")  # noqa: E731
    window.document.apply(SetTemplate(adjusted(window.document.report.template, staff_control=relabel)), merge=False)
    new = sheet.rows["staff_control"]
    assert new is not old and "在职人数" in new.refs.text()
    assert all(sheet.rows[i] is before[i] for i in before if i != "staff_control")
    qtbot.waitUntil(lambda: new.name.isVisible())
    assert abs(new.name.y() - y) < 5  # where the old row stood
    window.menus.undo_action.trigger()
    assert "实有人数" in sheet.rows["staff_control"].refs.text()


def test_another_tree_builds_the_sheet_anew(window, qtbot):
    sheet = window.pages[SHEET]
    template = window.document.report.template
    data = copy.deepcopy(template.data)  # 财政供养人员控制率 dropped, its 5 分 given to 三公经费变动率
    data["indicators"] = [e for e in data["indicators"] if e["id"] != "staff_control"]
    next(e for e in data["indicators"] if e["id"] == "sangong_change")["weight"] = 10
    other = Template(data)
    body = sheet.widget()
    window.document.apply(SetTemplate(other), merge=False)
    assert sheet.widget() is not body and sheet.built_for is other
    assert set(sheet.rows) == {leaf.id for leaf in other.leaves}
