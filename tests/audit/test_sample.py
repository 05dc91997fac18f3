"""The reference copy (云溪区委编办 2021): the audit reports the copy's real findings, one by one, and no 错误."""

import json

from evaldesk.audit.engine import audit_report, findings_as_data, findings_as_text
from evaldesk.audit.findings import Severity
from evaldesk.cli import main
from evaldesk.model.form import SECTION_SELF, SECTION_SHEET, SECTION_SUMMARY

from .helpers import quant_row, type_field

HAND_WITHOUT_REASON = ("sangong_change", "key_spending", "sangong_control", "procurement", "card_payment")


def test_the_copy_has_no_error(sample):
    assert [f.message for f in audit_report(sample) if f.severity is Severity.ERROR] == []


def test_the_copys_findings_one_by_one(sample):
    found = {f.key: f for f in audit_report(sample)}
    expected = {
        "contradiction/staff_growth": Severity.WARNING,
        "numbering/sub/2/twice/（四）": Severity.WARNING,
        "numbering/top//gap/四、": Severity.WARNING,
        "satisfaction_quote/quant/14/actual": Severity.INFO,  # the 14th 定量目标 row, 满意度
        **{f"hand_reason/{ind}": Severity.WARNING for ind in HAND_WITHOUT_REASON},
    }
    assert {key: f.severity for key, f in found.items()} == expected


def test_the_staff_contradiction_quotes_all_three_claims_and_where_they_are(sample):
    finding = next(f for f in audit_report(sample) if f.key == "contradiction/staff_growth")
    assert "继续实现负增长" in finding.message
    assert "财政供养人员为正增长" in finding.message
    assert "净增35名" in finding.message
    assert str(finding.where) == "self.actual"
    economic = quant_row(sample, "经济效益")
    assert set(map(str, finding.related)) == {f"list/quant/{economic.id}/target", f"list/quant/{economic.id}/actual",
                                    "sheet.benefits.reason", "summary.text"}
    assert finding.section == SECTION_SELF


def test_the_copys_numbering_slips(sample):
    found = {f.key: f for f in audit_report(sample)}
    twice = found["numbering/sub/2/twice/（四）"]
    assert "“（四）”用了两次" in twice.message
    assert "真改实改" in twice.message and "围绕服务大局" in twice.message
    gap = found["numbering/top//gap/四、"]
    assert "缺少“三、”" in gap.message and "部门整体支出绩效情况" in gap.message
    assert str(twice.where) == str(gap.where) == "summary.text" and gap.section == SECTION_SUMMARY


def test_the_satisfaction_is_stated_two_ways(sample):
    finding = next(f for f in audit_report(sample) if f.check == "quote.satisfaction")
    assert "90%以上" in finding.message and "92%" in finding.message
    assert tuple(map(str, finding.related)) == ("sheet.satisfaction.input.survey",)


def test_the_hand_scores_without_reason_point_at_their_reason(sample):
    hands = [f for f in audit_report(sample) if f.check == "sheet.hand"]
    assert [str(f.where) for f in hands] == [f"sheet.{ind}.reason" for ind in HAND_WITHOUT_REASON]
    assert all(f.section == SECTION_SHEET for f in hands)
    assert "缺少上年三公经费合计" in hands[0].message and "手工评 5 分" in hands[0].message


def test_the_quoted_figures_of_part_five_agree_with_part_two(sample):
    # 全年支出90.5 基本支出90.5 人员经费支出60.9 公用支出29.6 三公经费0.73 固定资产合计11.3: all as in part 二.
    assert [f for f in audit_report(sample) if f.check.startswith("quote.figure")] == []


def test_listed_in_the_forms_order(sample):
    sections = [f.section for f in audit_report(sample)]
    assert sections == sorted(sections, key=[SECTION_SELF, SECTION_SUMMARY, SECTION_SHEET].index)


def test_a_note_explains_its_warning_and_stays_attached_as_figures_change(sample):
    type_field(sample, "note.hand_reason/procurement", "政府采购按预算全额执行，采购预算表附后")
    type_field(sample, "basic.staff_actual", 5)  # an unrelated edit
    finding = next(f for f in audit_report(sample) if f.key == "hand_reason/procurement")
    assert finding.note == "政府采购按预算全额执行，采购预算表附后"
    assert finding.explained
    assert "说明：政府采购按预算全额执行" in findings_as_text(audit_report(sample))
    assert "1 个已说明" in findings_as_text(audit_report(sample))


def test_text_lists_counts_and_groups(sample):
    text = findings_as_text(audit_report(sample))
    assert text.splitlines()[0] == "审核结果：0 个错误，8 个警告，1 个提示"
    assert "警告（8）" in text and "提示（1）" in text and "错误（" not in text


def test_data_form_carries_where_and_related(sample):
    data = findings_as_data(audit_report(sample))
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    first = data[0]
    assert set(first) >= {"key", "severity", "severity_label", "message", "where", "related", "section", "note",
                          "explained"}


def test_command_exits_0_on_the_copy_and_1_with_an_error(tmp_path, capsys):
    db = str(tmp_path / "r.sqlite")
    assert main(["--db", db, "sample"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "audit"]) == 0
    out = capsys.readouterr().out
    assert "0 个错误，8 个警告，1 个提示" in out and "净增35名" in out
    assert main(["--db", db, "audit", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["key"] for d in data} >= {"contradiction/staff_growth", "hand_reason/procurement"}


def test_command_exits_1_while_errors_remain(tmp_path, capsys):
    from evaldesk.model.edits import SetField
    from evaldesk.datafile.store import Store

    db = tmp_path / "r.sqlite"
    assert main(["--db", str(db), "sample"]) == 0
    store = Store(db)
    report = store.load(store.list_reports()[0].id)
    store.apply(report, SetField("basic.contact", None))
    store.close()
    capsys.readouterr()
    assert main(["--db", str(db), "audit"]) == 1
    out = capsys.readouterr().out
    assert "1 个错误" in out and "“联系人”未填写" in out and "不能报送财政局" in out


def test_notes_survive_export_and_import(sample):
    """Keys name units and entries by name and number, not by ids that a JSON round trip renews."""
    from evaldesk.exchange.report_json import from_document, to_document
    from evaldesk.model.edits import SetCell

    SetCell(sample.units[0].id, "income.general", "100.5").apply(sample)  # 结余 now owed: warnings on 局机关
    for finding in audit_report(sample):
        type_field(sample, f"note.{finding.key}", f"说明：{finding.check}")
    before = [(f.key, f.note) for f in audit_report(sample)]
    again = from_document(to_document(sample))
    after = [(f.key, f.note) for f in audit_report(again)]
    assert after == before
    assert all(note for _, note in after)
