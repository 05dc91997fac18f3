"""Export → import → export: the same data and the same fingerprint, for the sample and for generated reports
with hostile texts; a data sheet edited by hand comes back checked, and is reported as changed."""

import io
from datetime import datetime
import re
import unicodedata
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from evaldesk.cli import main
from evaldesk.model.printable import printable
from evaldesk.datafile.store import Store
from evaldesk.model.document import fingerprint, to_document
from evaldesk.exchange.workbook import read_workbook, shown_from_data, workbook_bytes, write_workbook
from evaldesk.exchange.workbook_shown import shown_digest
from evaldesk.exchange.workbook_data import CHUNK
from evaldesk.model.report import Item, Unit, new_id

from audit.strategies import consistent_reports
from . import workbook_files as build


def data_sheet(data: bytes) -> list[tuple]:
    """The data sheet's rows but the export time (two exports a second apart differ there only)."""
    ws = load_workbook(io.BytesIO(data))["_data"]
    return [tuple(cell.value for cell in row) for row in ws.iter_rows() if row[0].value != "exported_at"]


def roundtrip(report, folder):
    path = folder / "往返.xlsx"
    notes = write_workbook(report, path)
    return notes, read_workbook(path)


def test_sample_comes_back_whole(sample, tmp_path):
    notes, read = roundtrip(sample, tmp_path)
    assert notes == []
    assert to_document(read.report) == to_document(sample)
    assert read.fingerprint_matches and read.stored_fingerprint == read.fingerprint == fingerprint(sample)
    assert read.notes == []
    assert read.report.id is None and {u.id for u in read.report.units}.isdisjoint({u.id for u in sample.units})
    when = datetime(2022, 7, 15, 9, 30)
    assert data_sheet(workbook_bytes(read.report, when)) == data_sheet(workbook_bytes(sample, when))


def test_workbook_records_when_it_was_exported_and_what_its_sheets_show(sample, tmp_path):
    path = tmp_path / "报送.xlsx"
    path.write_bytes(workbook_bytes(sample, datetime(2022, 7, 15, 9, 30)))
    read = read_workbook(path, shown=True)
    assert read.exported_at == "2022-07-15T09:30:00"
    assert read.stored_shown == shown_digest(read.shown)           # nothing visible changed since export
    assert read.shown == shown_from_data(read.report)               # the sheets show what the data gives
    assert any(text == "100" for (sheet, _cell), text in read.shown.items() if sheet == "评分表")


def test_cli_export_then_import_adds_the_same_report(store, sample, tmp_path, capsys):
    store.add(sample)
    path = tmp_path / "报送.xlsx"
    assert main(["--db", str(store.path), "export", "--report", str(sample.id), "-o", str(path)]) == 0  # beside it
    store.close()  # a command writes only when no window holds the file
    assert main(["--db", str(store.path), "import", str(path)]) == 0
    out = capsys.readouterr()
    assert "已导入为新报告 2" in out.out
    assert "报告 1 与这个文件完全相同" in out.err  # a second, identical copy is imported, and said so
    reader = Store(store.path, read_only=True)
    assert fingerprint(reader.load(2)) == fingerprint(reader.load(1))
    reader.close()


def test_hand_edited_data_sheet_is_read_checked_and_reported_changed(sample, tmp_path, store, capsys):
    def edit(workbook):
        build.data_cell(workbook, "/fields/basic.contact").value = "李四"
        build.data_cell(workbook, "/units/0/cells/income.general").value = 95.25  # typed as a number in Excel
        build.data_cell(workbook, "/units/1/cells/assets.other").value = "１２．５万元"  # full-width, as people type
        build.data_cell(workbook, "/sheet/benefits/hand").value = 13

    path = build.edited(sample, tmp_path, "改过.xlsx", edit)
    read = read_workbook(path)
    assert read.report.text("basic.contact") == "李四"
    assert read.report.units[0].cells["income.general"] == Decimal("95.25")
    assert read.report.units[1].cells["assets.other"] == Decimal("12.5")
    assert read.report.hand_score("benefits") == Decimal(13)
    assert read.fingerprint_matches is False
    assert read.stored_fingerprint == fingerprint(sample) != read.fingerprint == fingerprint(read.report)
    assert any("导出后被改动" in note for note in read.notes)

    store.close()
    assert main(["--db", str(store.path), "import", str(path)]) == 0
    err = capsys.readouterr().err
    assert "警告" in err and "数据指纹不符" in err


def test_figures_come_back_exactly(sample, tmp_path):
    sample.units[0].cells.update({"income.general": Decimal("12345678.91"), "expense.personnel": Decimal("0.01"),
                                  "expense.public": Decimal("12345678.90")})
    sample.units[0].cells["expense.balance_year"] = Decimal("-3.5")  # the one signed column
    _, read = roundtrip(sample, tmp_path)
    assert read.report.units[0].cells == sample.units[0].cells
    assert read.fingerprint_matches


def test_texts_longer_than_a_cell_continue_on_the_next_rows(sample, tmp_path):
    long_text = ("这是一段很长的评价报告综述。" * 3000)[: 2 * CHUNK + 123]
    sample.fields["summary.text"] = long_text
    data = workbook_bytes(sample)
    rows = [row for row in data_sheet(data) if row[0] == "/fields/summary.text"]
    assert len(rows) == 3 and all(len(row[1]) <= CHUNK for row in rows)
    book = load_workbook(io.BytesIO(data))
    assert all(len(c.value) <= 32767 for ws in book.worksheets for r in ws.iter_rows() for c in r
               if isinstance(c.value, str))
    _, read = roundtrip(sample, tmp_path)
    assert read.report.text("summary.text") == long_text and read.fingerprint_matches


def test_control_characters_are_dropped_with_a_note(sample, tmp_path):
    sample.fields["basic.duties"] = "负责\x01全区\x0b机构编制\x1f工作"
    sample.lists["tasks"][0].values["text"] = "任务\x07一"
    notes, read = roundtrip(sample, tmp_path)
    assert any("职能职责概述" in note and "控制字符" in note for note in notes)
    assert any("年度主要工作内容" in note for note in notes)
    assert read.report.text("basic.duties") == "负责全区机构编制工作"
    assert read.report.items("tasks")[0].values["text"] == "任务一"
    assert read.fingerprint_matches  # the file's digest is that of what the file holds


# ---------------------------------------------------------------- generated reports

CONTROL = "\x00\x01\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f"
PREFIXES = ["", "=", "+", "-", "@", "#N/A", "#REF!", "=SUM(A1:A9)", "http://example.com/", "'", "=HYPERLINK(\"x\")"]
# The core of every text is visible (a text made only of control characters would become blank, and a blank
# reason or name is an audit error, refused elsewhere); the control characters come as noise around it.
visible = st.text(alphabet=st.sampled_from([char for char in map(chr, range(0x21, 0xA000)) if printable(char)
                                           and unicodedata.category(char) not in ("Cc", "Cs", "Zs", "Zl", "Zp")]),
                  min_size=1, max_size=30)
hostile_text = st.builds(lambda prefix, core, noise, tail: prefix + core + noise + tail,
                         st.sampled_from(PREFIXES), visible, st.text(alphabet=CONTROL, max_size=3),
                         st.sampled_from(["", "\n第二段", "\t制表"]))


def expected_text(text: str) -> str:
    """What the file must hold: the text without control characters (written independently of the code)."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)


@st.composite
def hostile_reports(draw):
    """An audit-clean report (figures that add up, every score with a reason), then every text made hostile
    and the lists made long or short at random."""
    report = draw(consistent_reports())
    for key in ("basic.contact", "basic.duties", "basic.achievements", "self.actual", "people.filler",
                "cover.department", "summary.text"):
        report.fields[key] = draw(hostile_text)
    for unit in report.units:
        unit.name = draw(hostile_text)
    for _ in range(draw(st.integers(0, 3))):
        report.units.append(Unit(new_id(), draw(hostile_text)))
    for list_key, names in (("tasks", ("text",)), ("goals", ("text",)), ("evaluators", ("name", "title", "org"))):
        count = draw(st.integers(1 if list_key == "evaluators" else 0, 8))
        report.lists[list_key] = [Item(new_id(), {name: draw(hostile_text) for name in names}) for _ in range(count)]
    for leaf in report.template.leaves:
        report.fields[f"sheet.{leaf.id}.reason"] = draw(hostile_text)
    return report


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(report=hostile_reports())
def test_generated_reports_round_trip(report, tmp_path_factory):
    folder = tmp_path_factory.mktemp("gen")
    notes, read = roundtrip(report, folder)
    wanted = to_document(report)
    for key, value in wanted["fields"].items():
        if isinstance(value, str):
            assert read.report.text(key) == expected_text(value)
    assert [u.name for u in read.report.units] == [expected_text(u.name) for u in report.units]
    assert [u.cells for u in read.report.units] == [u.cells for u in report.units]
    for key, items in wanted["lists"].items():
        assert [i.values for i in read.report.items(key)] == \
               [{k: expected_text(v) for k, v in values.items()} for values in items]
    assert read.fingerprint_matches and read.stored_fingerprint == fingerprint(read.report)
    texts = [value for key, value in wanted["fields"].items() if isinstance(value, str)]
    texts += [u.name for u in report.units] + [v for items in wanted["lists"].values() for i in items for v in i.values()]
    texts += [entry.get("reason", "") for entry in wanted["sheet"].values()]
    had_control = any(ch in CONTROL for text in texts for ch in text)
    assert bool(notes) == had_control
    # once more: the same data sheet, the same fingerprint
    again = folder / "再导出.xlsx"
    assert write_workbook(read.report, again) == []
    assert data_sheet(again.read_bytes()) == data_sheet((folder / "往返.xlsx").read_bytes())
    assert read_workbook(again).fingerprint == read.fingerprint
