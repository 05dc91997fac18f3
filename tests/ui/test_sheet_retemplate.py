"""An adjusted score sheet with the same tree keeps the table (no new model, the filler's row and cell stay), with
the new words and 分值 on screen; a row whose entries changed shows its new entries; a sheet with another tree is a
new table."""

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


def resets(model) -> list:
    seen = []
    model.modelReset.connect(lambda: seen.append(1))
    return seen


def test_new_words_keep_the_table_and_show_on_screen(window, qtbot):
    sheet = window.pages[SHEET]
    window.tabs.setCurrentWidget(sheet)
    model, reset = sheet.model, resets(sheet.model)
    sheet.view.setCurrentIndex(sheet.cell_index("staff_control", "hand"))
    template = adjusted(window.document.report.template,
                        staff_control=lambda e: e.update(name="人员控制率", standard="每超一个百分点扣0.5分",
                                                         weight=6),
                        sangong_change=lambda e: e.update(weight=4))
    window.document.apply(SetTemplate(template), merge=False)
    assert sheet.model is model and not reset
    assert sheet.shown("staff_control", "name") == "人员控制率"
    assert sheet.shown("staff_control", "weight") == "6"
    assert "评分标准：每超一个百分点扣0.5分" in sheet.shown("staff_control", "notes")
    assert sheet.shown("staff_control", "score") == "6"   # its result shown again, with the new 分值
    assert sheet.view.currentIndex() == sheet.cell_index("staff_control", "hand")


def test_a_changed_entry_shows_in_its_row(window, qtbot):
    sheet = window.pages[SHEET]
    window.tabs.setCurrentWidget(sheet)
    reset = resets(sheet.model)
    relabel = lambda e: e["rule"]["rate"]["numerator"].update(label="在职人数")  # noqa: E731
    window.document.apply(SetTemplate(adjusted(window.document.report.template, staff_control=relabel)), merge=False)
    assert "在职人数" in sheet.shown("staff_control", "input") and not reset
    window.menus.undo_action.trigger()
    assert "实有人数" in sheet.shown("staff_control", "input")


def test_another_tree_is_a_new_table(window, qtbot):
    sheet = window.pages[SHEET]
    reset = resets(sheet.model)
    template = window.document.report.template
    data = copy.deepcopy(template.data)  # 财政供养人员控制率 dropped, its 5 分 given to 三公经费变动率
    data["indicators"] = [e for e in data["indicators"] if e["id"] != "staff_control"]
    next(e for e in data["indicators"] if e["id"] == "sangong_change")["weight"] = 10
    other = Template(data)
    window.document.apply(SetTemplate(other), merge=False)
    assert reset and sheet.built_for is other
    assert [leaf.id for leaf in sheet.model.plan.leaves] == [leaf.id for leaf in other.leaves]
    assert sheet.shown("sangong_change", "weight") == "10"
