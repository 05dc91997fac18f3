"""The 综述 drafted from the report's own figures: every figure as part 二 and the score sheet hold it, blanks as
visible gaps, never zeros; the audit finds nothing about quoted figures in a fully drafted 综述."""

import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings

from evaldesk.audit.context import AuditContext
from evaldesk.audit.engine import audit_report
from evaldesk.audit.quotations import disagreements
from evaldesk.drafts.summary import draft_summary
from evaldesk.drafts.wording import PLACEHOLDER, wording_for
from evaldesk.model.edits import SetField
from evaldesk.model.places import FieldPlace
from evaldesk.model.report import new_report
from evaldesk.scoring.engine import score_report
from evaldesk.scoring.template import builtin_template
from evaldesk.exchange.report_json import read_json
from evaldesk.resources import SAMPLE_REPORT
from tests.audit.helpers import type_cell, type_field, type_hand
from tests.audit.strategies import consistent_reports
from tests.drafts.counties import dazhou, generic
from tests.scoring.strategies import reports

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def drafted(report):
    """The report with its 综述 replaced by the whole draft, as a filler who took every section would have it."""
    SetField("summary.text", draft_summary(report).text).apply(report)
    return report


def summary_findings(report):
    return [f for f in audit_report(report) if f.where == FieldPlace("summary.text")]


def unfilled(text, template_id):
    names = {n for s in wording_for(template_id).sections for p in s.paragraphs for x in p
             for n in PLACEHOLDER.findall(x.text)}
    return [name for name in names if "{" + name + "}" in text]


def test_the_sample_drafts_part_two_as_printed(sample):
    spending = draft_summary(sample).section("spending").body
    assert "全年支出90.50万元" in spending
    assert "基本支出90.50万元（人员经费60.90万元，公用经费29.60万元）" in spending
    assert "“三公”经费支出0.73万元，其中公务接待费0.73万元" in spending
    assert "固定资产合计11.30万元" in spending
    assert "项目支出" not in spending   # blank in the copy: the clause is left out, not written as 0


def test_the_sample_drafts_the_score_sheet(sample):
    performance = draft_summary(sample).section("performance").body
    assert "综合得分为92.5分，评价等次为优秀" in performance
    assert "过程指标满分40分，得37.5分" in performance
    assert "除“预算调整率”“经济效益、社会效益、生态效益”“社会公众或服务对象满意度”3项指标共扣7.5分外，其余指标均得满分" in performance


def test_a_fully_drafted_sample_summary_quotes_nothing_the_audit_disputes(sample):
    assert any(f.check == "text.numbering" for f in summary_findings(sample))   # the copy's own 综述 has some
    found = summary_findings(drafted(sample))
    assert [f.message for f in found if f.check.startswith("quote.")] == []
    assert [f.message for f in found if f.check == "text.numbering"] == []


def test_the_draft_names_the_sample_open_warnings_for_the_filler(sample):
    problems = draft_summary(sample).section("problems").body
    assert "一是“预算调整率”指标扣2.5分，预算调整率为23.13%，超过20%；" in problems
    assert "÷" not in problems and "档" not in problems   # the finding in words, not the rule's formula
    assert "【审核警告尚未说明，请核实后改写或删去：“三公经费”变动率无法按规则计算" in problems
    assert "财政供养人员的增减" not in problems   # a warning that quotes texts is not copied into the 综述


def test_a_blank_report_gives_gaps_not_zeros():
    report = new_report(2023, builtin_template("generic-department"))
    draft = draft_summary(report)
    text = draft.text
    assert "全年支出【待填：支出合计】万元" in text
    assert "人员编制【待填：人员编制】名" in text
    assert "综合得分为【待填：综合得分（评分表尚未评完）】分" in text
    assert not re.search(r"(?<![\d.])0(?:\.00)?(?:万元|分|名)", text)
    assert "支出合计" in draft.section("spending").gaps


def test_a_blank_cell_beside_filled_ones_drops_its_clause_and_a_filled_zero_is_written(sample):
    type_cell(sample, "expense.project", "0")
    assert "项目支出0.00万元" in draft_summary(sample).section("spending").body


def test_last_years_sangong_and_the_change_come_from_the_sheet_input(sample):
    type_field(sample, "sheet.sangong_change.input.last_year_sangong", "0.8")
    body = draft_summary(sample).section("spending").body
    assert "上年“三公”经费0.80万元，比上年减少0.07万元，下降8.75%" in body
    assert [f for f in summary_findings(drafted(sample)) if f.check.startswith("quote.")] == []


@SETTINGS
@given(consistent_reports())
def test_generated_consistent_reports_draft_nothing_that_disagrees(report):
    draft = draft_summary(report)
    assert unfilled(draft.text, report.template.id) == []
    sheet = score_report(report)
    assert disagreements(AuditContext(report, sheet), draft.text) == []
    assert "【待填：支出合计】" not in draft.text and "【待填：综合得分" not in draft.text
    assert [f for f in summary_findings(drafted(report)) if f.check.startswith("quote.")] == []


@SETTINGS
@given(reports(with_texts=True))
def test_generated_reports_with_blanks_draft_gaps_and_no_disagreement(report):
    sheet = score_report(report)
    draft = draft_summary(report, sheet)
    assert unfilled(draft.text, report.template.id) == []
    assert disagreements(AuditContext(report, sheet), draft.text) == []
    if sheet.final_total is None:
        assert "【待填：综合得分" in draft.text
    else:
        quoted = re.search(r"综合得分为([\d.]+)分", draft.text).group(1)
        assert Decimal(quoted) == sheet.total


def test_a_regions_wording_file_changes_the_headings_without_code(sample):
    from evaldesk.model.edits import SetTemplate

    SetTemplate(builtin_template("sichuan-dazhou-department")).apply(sample)
    draft = draft_summary(sample)
    assert [s.heading for s in draft.sections][:2] == ["一、部门（单位）基本情况", "二、部门整体支出管理及使用情况"]
    assert "全年支出90.50万元" in draft.section("spending").body   # the sentences are the default file's


def test_an_imported_templates_id_cannot_reach_outside_the_wording_folder():
    assert wording_for("../templates/yueyang-yunxi-2021").name == "default.json"


def test_every_placeholder_in_the_shipped_wording_is_a_known_name():
    from evaldesk.drafts.figures import LABELS
    from evaldesk.drafts.wording import DRAFTS

    for path in DRAFTS.glob("*.json"):
        wording = wording_for(path.stem) if path.stem != "default" else wording_for("")
        sentences = [x.text for s in wording.sections for p in s.paragraphs for x in p]
        unknown = {n for text in sentences for n in PLACEHOLDER.findall(text)} - set(LABELS)
        assert unknown == set(), (path.name, unknown)


# ---------------------------------------------------------------- the check: drafted, then audited

QUOTING_CHECKS = ("quote.", "text.contradiction", "text.numbering")


def quoting_the_summary(report):
    """The findings that quote the 综述 (where it is the place, or one of the places a contradiction quotes)."""
    place = FieldPlace("summary.text")
    return {(f.check, f.message) for f in audit_report(report)
            if f.check.startswith(QUOTING_CHECKS) and (f.where == place or place in f.related)}


@pytest.mark.parametrize("make", [lambda: read_json(SAMPLE_REPORT), dazhou, generic],
                         ids=["yunxi-sample", "dazhou-2023", "generic-2022"])
def test_a_whole_draft_taken_as_the_summary_brings_no_finding_that_quotes_it(make):
    report = make()
    disputed = [f for f in audit_report(report) if f.check == "text.contradiction"]
    assert disputed   # each report has texts that disagree on 财政供养人员, as the reference copy does
    draft = draft_summary(report)
    assert unfilled(draft.text, report.template.id) == []
    drafted(report)
    assert quoting_the_summary(report) == set()
    # the contradiction is still there, between the filler's own texts: the draft left it out, it did not hide it
    assert [f.check for f in audit_report(report) if f.check == "text.contradiction"] == ["text.contradiction"]
    assert "财政供养人员" in draft.section("problems").body   # named in the bracketed note, for the filler


def test_the_sample_draft_is_an_official_summary_not_a_copy_of_rows(sample):
    draft = draft_summary(sample)
    performance = draft.section("performance").body
    assert "本年度共设定定量目标14项（产出目标11项、效益目标3项），从填报的完成情况看，已完成13项；“省委巡视反馈问题整改”尚未全部完成" in performance
    assert "接收下放机构16个" not in performance            # a done row is counted, not copied
    assert "一是完成事权下放属地管理改革；二是推进园区管理体制改革" in draft.section("overview").body
    assert "净增35名" not in draft.text and "正增长" not in draft.text and "负增长" not in draft.text
    # the copy's rows made the earlier draft 2,410 characters (its own 运行情况及取得的成绩 now stands in 三, below)
    assert len(draft.text) - len(sample.text("basic.achievements")) < 1800


def test_an_indicator_name_with_quotes_is_quoted_once(sample):
    type_hand(sample, "sangong_change", "4", "三公经费略有增加")
    assert "一是“‘三公经费’变动率”指标扣1分，三公经费略有增加" in draft_summary(sample).section("problems").body


def test_the_reports_own_achievements_stand_where_the_draft_asked_for_them(sample):
    performance = draft_summary(sample).section("performance").body
    assert sample.text("basic.achievements").strip() in performance
    assert "【请补写本年度重点工作的推进情况和取得的成效】" not in performance
    sample.fields["basic.achievements"] = ""
    assert "【请补写本年度重点工作的推进情况和取得的成效】" in draft_summary(sample).section("performance").body


def test_all_rows_done_beside_a_hand_deduction_is_not_said_as_all_done(sample):
    for item in sample.items("quant"):
        item.values["actual"] = "已完成"
    performance = draft_summary(sample).section("performance").body
    assert "各项目标均已完成" not in performance
    assert "评价组对“经济效益、社会效益、生态效益”仍作了扣分" in performance


def test_a_reason_that_states_the_deduction_is_not_preceded_by_it_again(sample):
    sample.fields["sheet.benefits.reason"] = "生态效益无相关指标，按评分标准酌情扣3分"
    problems = draft_summary(sample).section("problems").body
    assert "“经济效益、社会效益、生态效益”指标：生态效益无相关指标，按评分标准酌情扣3分" in problems
    assert problems.count("扣3分") == 1
