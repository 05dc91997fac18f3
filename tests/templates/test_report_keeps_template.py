"""A report keeps the template it was filled with: importing, replacing or editing templates afterwards never
changes an old report's scores, and the template in use stays named (Template.id / .name)."""

import json
from decimal import Decimal

from evaldesk.model.edits import SetTemplate
from evaldesk.scoring.engine import score_report
from evaldesk.templates import edit, library
from evaldesk.templates.files import import_template_file


def _scores(report):
    sheet = score_report(report)
    return {ind_id: result.score for ind_id, result in sheet.indicators.items()}, sheet.total, sheet.grade


def test_old_report_keeps_its_scores_when_templates_change(tmp_path, store, sample, yunxi_data):
    old_id = store.add(sample)
    before = _scores(store.load(old_id))
    assert before[1:] == (Decimal("92.5"), "优秀")  # the reference case

    # the bureau hands out a new sheet: 财政供养人员控制率 and 重点支出安排率 re-weighted, bands moved
    bureau = edit.set_identity(yunxi_data, "bureau-2022", "某区2022年度评分表")
    bureau = edit.set_weight(edit.set_weight(bureau, "staff_control", 4), "key_spending", 6)
    bureau = edit.set_band(bureau, "satisfaction", 1, lower=93)  # 3 points from 93% instead of 85%
    path = tmp_path / "bureau.json"
    path.write_text(json.dumps(bureau, ensure_ascii=False), encoding="utf-8")
    import_template_file(store, path)
    # … and replaces it with yet another version
    path.write_text(json.dumps(edit.set_band(bureau, "satisfaction", 2, lower=80, upper=93), ensure_ascii=False),
                    encoding="utf-8")
    import_template_file(store, path, replace=True)

    old = store.load(old_id)
    assert _scores(old) == before
    assert old.template.id == "yueyang-yunxi-2021"
    assert old.template.name == "岳阳市云溪区2021年度部门整体支出绩效评价评分表（参考样表）"

    # a report given the new sheet scores by it; the old one still does not
    other = store.load(old_id)
    other_id = store.add(other)
    store.apply(other, SetTemplate(library.find("bureau-2022", store)))
    changed = store.load(other_id)
    assert changed.template.name == "某区2022年度评分表"
    assert score_report(changed).indicators["satisfaction"].score == 1  # 92% now falls in [80%, 93%)
    assert _scores(store.load(old_id)) == before


def test_editing_one_reports_sheet_leaves_the_others_alone(store, sample):
    first = store.add(sample)
    second_report = store.load(first)
    second = store.add(second_report)
    renamed = edit.rename_indicator(second_report.template.data, "satisfaction", "服务对象满意度")
    store.apply(second_report, SetTemplate(edit.validated(renamed)[0]))
    assert store.load(second).template.indicator("satisfaction").name == "服务对象满意度"
    assert store.load(first).template.indicator("satisfaction").name == "社会公众或服务对象满意度"
    assert score_report(store.load(second)).total == score_report(store.load(first)).total
