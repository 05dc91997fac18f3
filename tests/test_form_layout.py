"""Adding a field is one declaration: a made-up field, declared in form.FIELDS and placed in one row of the
layout, shows on screen, prints, goes into the bureau workbook, and survives the JSON and workbook round trips —
with no other code touched."""

import pytest

from evaldesk.exchange.report_json import dumps, loads
from evaldesk.exchange.workbook import workbook_bytes, write_workbook
from evaldesk.exchange.workbook_read import read_workbook
from evaldesk.exchange.workbook_report import SHEET_NAME
from evaldesk.model import form, layout
from evaldesk.model.document import fingerprint, to_document
from evaldesk.model.form import FIELD_BY_KEY, SECTION_BASIC, FieldSpec, Kind
from evaldesk.printing.pdf import build_pdf
from tests.printing.pdfread import body_text, squeeze

WEBSITE = FieldSpec("basic.website", "单位网址", Kind.TEXT, SECTION_BASIC)
ADDRESS = "www.yxbb.gov.cn/云溪"


@pytest.fixture
def website(monkeypatch):
    """The made-up field: declared once, placed once (below 联系人 | 联络电话)."""
    monkeypatch.setattr(form, "FIELDS", form.FIELDS + (WEBSITE,))
    monkeypatch.setattr(layout, "LAYOUT", layout.with_row(("basic.website",), after="basic.phone"))
    return WEBSITE


@pytest.fixture
def report(sample, website):
    sample.fields[website.key] = ADDRESS
    return sample


def placed(block) -> tuple[tuple[str, str], ...]:
    """What a block holds: ("field", key), ("list", key), ("grid", key)."""
    if isinstance(block, layout.Fields):
        return tuple(("field", key) for key in block.keys)
    if isinstance(block, layout.Text):
        return (("field", block.key),)
    if isinstance(block, layout.ListBlock):
        return (("list", block.key),)
    if isinstance(block, layout.Beside):
        return placed(block.list) + placed(block.text)
    if isinstance(block, layout.GridBlock):
        return (("grid", block.key),)
    return ()


def test_the_layout_places_everything_the_form_declares_once_in_its_section():
    assert tuple(section.title for section in layout.LAYOUT) == form.SECTIONS
    assert layout.TAB_TITLES == ("封面", "一、基本概况", "二、收支情况", "三、绩效自评", "四、评价人员", "五、评价报告综述",
                                 "附件：评分表")
    where = [(thing, section.title) for section in layout.LAYOUT for block in section.blocks for thing in placed(block)]
    things = [thing for thing, _ in where]
    assert len(things) == len(set(things))
    assert dict(where) == {**{("field", spec.key): spec.section for spec in FIELD_BY_KEY.values()},
                           **{("list", key): spec.section for key, spec in form.LIST_BY_KEY.items()},
                           **{("grid", grid.key): form.SECTION_FINANCE for grid in form.GRIDS}}


def test_the_field_is_known_everywhere_at_once(website):
    assert FIELD_BY_KEY[website.key] is website  # the index every module imported sees the new field
    assert ("basic.website",) in layout.section(SECTION_BASIC).blocks[0].rows


def test_on_screen(report, store, qtbot):
    from PySide6.QtWidgets import QLabel

    from evaldesk.ui.document import ReportDocument
    from evaldesk.ui.pages import BasicPage

    store.add(report)
    page = BasicPage(ReportDocument(store, report))
    qtbot.addWidget(page)
    assert page.editors[website_key()].editor.text() == ADDRESS
    assert "单位网址：" in [label.text() for label in page.findChildren(QLabel)]


def test_on_paper(report):
    text = body_text(build_pdf(report))
    assert squeeze("单位网址") + squeeze(ADDRESS) in text


def test_in_the_workbook_and_back(report, tmp_path):
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(workbook_bytes(report)))[SHEET_NAME]
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    at = values.index("单位网址")
    assert ADDRESS in values[at:at + 3]

    path = tmp_path / "报送.xlsx"
    write_workbook(report, path)
    read = read_workbook(path)
    assert read.report.get(website_key()) == ADDRESS
    assert read.fingerprint_matches and fingerprint(read.report) == fingerprint(report)


def test_through_json_and_back(report):
    again = loads(dumps(report))
    assert again.get(website_key()) == ADDRESS
    assert to_document(again) == to_document(report) and fingerprint(again) == fingerprint(report)


def website_key() -> str:
    return WEBSITE.key
