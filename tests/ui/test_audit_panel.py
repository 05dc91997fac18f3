"""The 审核 panel: live findings, counts in the status bar, a click takes the filler to the field, and a 警告's
说明 is written there and kept with the report."""

from PySide6.QtCore import Qt

from evaldesk.audit.findings import Severity


def items(window):
    panel = window.audit_panel
    return [panel.tree.item(i) for i in range(panel.tree.count())]


def finding_of(item):
    return item.data(Qt.ItemDataRole.UserRole)


def test_counts_follow_typing(window):
    assert "错误 0" in window.audit_label.text() and "警告 8" in window.audit_label.text()
    field = window.pages[0].editors["cover.budget_code"]
    field.editor.setText("")
    field.commit()
    assert "错误 1" in window.audit_label.text()
    assert any("预算编码" in finding_of(i).message for i in items(window))
    window.menus.undo_action.trigger()
    assert "错误 0" in window.audit_label.text()


def test_clicking_a_finding_takes_the_filler_to_the_field(window, qtbot):
    field = window.pages[1].editors["basic.contact"]
    field.editor.setText("")
    field.commit()
    item = next(i for i in items(window) if str(finding_of(i).where) == "basic.contact")
    window.tabs.setCurrentIndex(6)
    window.audit_panel._clicked(item)
    assert window.tabs.currentIndex() == 1
    assert field.editor.hasFocus() or window.focusWidget() is field.editor or not window.isActiveWindow()


def test_clicking_a_score_sheet_finding_opens_the_sheet(window):
    item = next(i for i in items(window) if str(finding_of(i).where).startswith("sheet."))
    window.audit_panel._clicked(item)
    assert window.tabs.currentIndex() == 6


def test_a_warning_gets_a_note_that_is_stored_and_shown(window):
    item = next(i for i in items(window) if finding_of(i).severity is Severity.WARNING)
    key = finding_of(item).key
    window.audit_panel.tree.setCurrentItem(item)
    editor = window.audit_panel.note_editor
    assert editor is not None and editor.key == f"note.{key}"
    editor.editor.setPlainText("上年三公经费数据在财务系统中，本表未列出，按实际未增长计满分。")
    assert window.document.report.get(f"note.{key}").startswith("上年三公经费")
    refreshed = next(f for f in window.document.findings if f.key == key)
    assert refreshed.note.startswith("上年三公经费") and refreshed.explained
    assert any("说明：上年三公经费" in i.text() for i in items(window))
    reopened = window.store.load(window.document.report.id)
    assert reopened.get(f"note.{key}").startswith("上年三公经费")


def test_with_very_long_texts_the_audit_waits_for_a_pause_in_typing(window, qtbot):
    document = window.document
    summary = window.pages[5].editors["summary.text"]
    long_text = document.report.text("summary.text") * 26  # about 100,000 characters
    summary.editor.setPlainText(long_text)
    assert document.text_length() > document.AUDIT_AT_ONCE_UP_TO
    qtbot.waitUntil(lambda: not document._audit_timer.isActive(), timeout=30000)
    field = window.pages[0].editors["cover.budget_code"]
    field.editor.setText("")
    field.commit()
    assert document.sheet is not None and "错误 0" in window.audit_label.text()  # not yet re-audited …
    qtbot.waitUntil(lambda: "错误 1" in window.audit_label.text(), timeout=30000)  # … but soon after
