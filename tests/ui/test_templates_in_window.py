"""The 评分表 menu and next year, from the window: switching a report's sheet (undoable), importing a template
file, a new year's report that shows what it carried."""

import json
from decimal import Decimal

from evaldesk.ui import dialogs, template_actions


def test_switch_template_is_an_undoable_edit(window, monkeypatch):
    found, names = template_actions.template_names(window.store)
    other = next(i for i, e in enumerate(found) if e.template.id != "yueyang-yunxi-2021")
    monkeypatch.setattr(dialogs, "choose", lambda *args: other)
    window.templates.switch_template()
    assert window.document.report.template.id == found[other].template.id
    assert set(window.pages[6].model.row_of) == {i.id for i in found[other].template.leaves}  # the sheet tab follows
    window.menus.undo_action.trigger()
    assert window.document.report.template.id == "yueyang-yunxi-2021"
    assert window.document.sheet.total == Decimal("92.5")


def test_import_a_template_file_then_use_it_for_a_new_report(window, tmp_path, monkeypatch, answers):
    data = json.loads(window.document.report.template.to_json())
    data["id"], data["name"] = "bureau-2022", "某区2022年度评分表"
    path = tmp_path / "bureau-2022.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(path))
    window.templates.import_template()
    assert "已导入评分表模板" in answers.shown[-1][2]
    window.show_welcome()
    names = [window.welcome.template.itemText(i) for i in range(window.welcome.template.count())]
    assert "某区2022年度评分表" in names
    window.welcome.template.setCurrentIndex(names.index("某区2022年度评分表"))
    window.welcome.year.setValue(2022)
    window.welcome.create_button.click()
    assert window.document.report.template.id == "bureau-2022"


def test_a_broken_template_file_is_refused_and_nothing_changes(window, tmp_path, monkeypatch, answers):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "evaldesk-template", "version": 1', encoding="utf-8")
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(path))
    before = window.store.saved_templates()
    window.templates.import_template()
    kind, title, message = answers.shown[-1]
    assert kind == "error" and "broken.json" in message and "JSON" in message
    assert window.store.saved_templates() == before


def test_next_year_from_the_sample_marks_what_it_carried(window, monkeypatch):
    monkeypatch.setattr(dialogs, "choose", lambda *args: 0)
    window.templates.next_year()
    report = window.document.report
    assert report.year == 2022 and report.department == "中共岳阳市云溪区委机构编制委员会办公室"
    department = window.pages[0].editors["cover.department"]
    assert "2021 年度报告带入" in department.editor.toolTip()
    budget_code = window.pages[0].editors["cover.budget_code"]
    budget_code.editor.setText("142")
    budget_code.commit()
    assert budget_code.editor.toolTip() == ""  # changed by the filler: no longer shown as carried
    assert window.pages[0].editors["cover.report_date"].editor.text() == ""  # not carried
