"""打印预览, 导出PDF, 导出报送文件 and 导入 from the window, on the real PDF and workbook."""

from decimal import Decimal

from evaldesk.app.output import pdf_bytes
from evaldesk.ui import dialogs
from printing.pdfread import pages_text


def test_export_pdf_and_preview_show_the_same_pages(window, tmp_path, monkeypatch, qtbot):
    target = tmp_path / "报告.pdf"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.output.export_pdf()
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    window.output.print_preview()
    preview = window.preview
    qtbot.addWidget(preview)
    assert preview.pdf.pageCount() > 5
    assert preview.data == data  # what the preview shows is exactly what was exported


def test_blank_form_export(window, tmp_path, monkeypatch):
    target = tmp_path / "空表.pdf"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.output.export_blank_pdf()
    assert target.read_bytes().startswith(b"%PDF")


def test_workbook_export_then_import_as_a_new_report(window, tmp_path, monkeypatch, answers):
    target = tmp_path / "报送.xlsx"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.output.export_workbook()
    assert target.exists(), answers.shown
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(target))
    answers.yes = False  # keep the existing report: import as a new one
    before = len(window.store.list_reports())
    window.output.import_report()
    assert len(window.store.list_reports()) == before + 1
    assert window.document.sheet.total == Decimal("92.5")


def test_a_broken_file_is_refused_on_import_and_nothing_is_added(window, tmp_path, monkeypatch, answers):
    bad = tmp_path / "坏文件.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(bad))
    before = len(window.store.list_reports())
    window.output.import_report()
    assert answers.shown[-1][0] == "error" and answers.shown[-1][1] == "未导入"
    assert len(window.store.list_reports()) == before


def test_export_refused_while_errors_remain(window, tmp_path, monkeypatch, answers):
    page = window.pages[0]
    field = page.editors["cover.department"]
    field.editor.setText("")
    field.commit()  # a report with no department name is not one the bureau can file
    target = tmp_path / "x.xlsx"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.output.export_workbook()
    assert not target.exists()
    kind, title, message = answers.shown[-1]
    assert kind == "error" and "部门" in message


def test_a_workbook_changed_after_export_is_imported_with_a_warning(window, tmp_path, monkeypatch, answers):
    import openpyxl

    target = tmp_path / "报送.xlsx"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.output.export_workbook()
    book = openpyxl.load_workbook(target)
    data = book["_data"]
    for row in data.iter_rows():
        if row[0].value == "/fields/basic.phone":
            row[1].value = "0730-1234567"  # a reviewer "corrects" the phone in the data sheet
    book.save(target)
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(target))
    answers.yes = False
    window.output.import_report()
    assert window.document.report.get("basic.phone") == "0730-1234567"
    kind, title, message = answers.shown[-1]
    assert kind == "inform" and "指纹" in message


def test_the_audit_result_is_its_own_document(window, qtbot):
    window.output.print_audit()
    preview = window.preview
    qtbot.addWidget(preview)
    assert preview.windowTitle() == "审核结果"
    assert "审核结果" in pages_text(preview.data)[0]
    assert not any("审核结果" in page for page in pages_text(pdf_bytes(window.document.report)))


def test_an_export_that_cannot_be_built_says_so_and_writes_nothing(window, tmp_path, monkeypatch, answers):
    from evaldesk.app import output

    def fail(*args, **kwargs):
        raise RuntimeError("版面无法排下")

    monkeypatch.setattr(output, "pdf_bytes", fail)
    target = tmp_path / "报告.pdf"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    window.output.export_pdf()
    assert not target.exists()
    kind, title, message = answers.shown[-1]
    assert kind == "error" and title == "导出失败" and "什么也没有写出" in message and "版面无法排下" in message
    window.output.print_preview()
    assert answers.shown[-1][0] == "error" and answers.shown[-1][1] == "打印预览失败"
