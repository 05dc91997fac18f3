"""Every text the entry limits accept, at its longest, shows whole on the workbook's visible sheets and comes back
identical: no cell clipped at Excel's 409-point row, none cut short on one line (issue 12, “any text of any length
flows”)."""

from openpyxl import load_workbook

from evaldesk.audit.engine import audit_report
from evaldesk.exchange.workbook import read_workbook, write_workbook
from evaldesk.model import validate
from evaldesk.model.document import fingerprint
from evaldesk.model.form import FIELDS, LISTS, QUANT_KINDS, Kind
from evaldesk.model.report import Item, new_id
from evaldesk.printing import proofs

from tests.exchange.test_workbook_pages import VISIBLE, _clipped


def _longest_report(sample):
    """The sample with every text at its limit, each set through the parser a typed or imported value takes (so
    every length here is one the window accepts)."""
    report = sample
    for spec in FIELDS:
        if spec.kind in (Kind.TEXT, Kind.LONGTEXT):
            text = proofs.text_of(validate.TEXT_LIMITS[spec.kind])
        elif spec.kind is Kind.CODE:
            text = ("0730-8417107/" * 10)[:validate.TEXT_LIMITS[Kind.CODE]]
        else:
            continue
        if spec.key == "summary.text":   # the sample's 综述 kept at its head: its numbering findings get a 说明
            text = (report.fields[spec.key] + "\n" + text)[:len(text)]
        report.fields[spec.key] = validate.parse_field(report, spec.key, text)
    for unit in report.units:
        unit.name = validate.parse_unit_name("某" * validate.UNIT_NAME_LIMIT)
    item = proofs.text_of(validate.ITEM_LIMIT)
    for spec in LISTS:
        chosen = [{"group": group, "kind": kinds[0]} for group, kinds in QUANT_KINDS.items()] \
            if spec.choices else [{}, {}]
        report.lists[spec.key] = [
            Item(new_id(), {name: fixed.get(name) or validate.parse_item_value(spec.key, name, item)
                            for name, _ in spec.fields})
            for fixed in chosen]
    # a name without a sentence end to cut at
    report.lists["evaluators"][1].values["name"] = "王" * validate.ITEM_LIMIT
    for leaf in report.template.leaves:
        key = f"sheet.{leaf.id}.reason"
        report.fields[key] = validate.parse_field(report, key, proofs.text_of(validate.REASON_LIMIT))
    # the sheet's own region at its longest: a region the sheet is not for is an 错误 the export refuses
    report.template.cover["region"] = report.text("cover.region")
    findings = audit_report(report)
    assert findings   # the 说明 need findings to stand beside
    for finding in findings:
        key = f"note.{finding.key}"
        report.fields[key] = validate.parse_field(report, key, proofs.text_of(validate.NOTE_LIMIT))
    return report


def test_every_text_at_its_limit_shows_whole_and_comes_back_identical(sample, tmp_path):
    report = _longest_report(sample)
    path = tmp_path / "longest.xlsx"
    assert write_workbook(report, path) == []
    book = load_workbook(path)
    for name in VISIBLE:
        assert _clipped(book[name]) == [], name
    # the 评价人员's 姓名 (A) and 单位 (D) read whole down their rows
    ws = book["自评报告"]
    names, orgs = ("".join(str(ws.cell(row, col).value or "") for row in range(1, ws.max_row + 1)) for col in (1, 4))
    assert "王" * validate.ITEM_LIMIT in names and proofs.text_of(validate.ITEM_LIMIT) in orgs
    back = read_workbook(path)
    assert back.fingerprint_matches and back.fingerprint == fingerprint(report)


def test_a_label_too_long_for_the_running_head_is_written_whole_below_it(sample):
    """Row 1 repeats on every printed page, so a long 附件 label is cut there with …, and written whole once."""
    import io

    from evaldesk.exchange.workbook import workbook_bytes

    label = proofs.text_of(validate.TEXT_LIMITS[Kind.TEXT])
    sample.fields["cover.report_attachment"] = label
    sample.fields["cover.sheet_attachment"] = label
    book = load_workbook(io.BytesIO(workbook_bytes(sample)))
    for name in ("自评报告", "评分表"):
        ws = book[name]
        assert ws["A1"].value.endswith("…") and label.startswith(ws["A1"].value[:-1]), name
        assert label in [ws.cell(row, 1).value for row in range(2, 5)], name
