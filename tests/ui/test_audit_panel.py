"""The 审核 panel: live findings, counts in the status bar, a click takes the filler to the field, and a 警告's
说明 is written there and kept with the report."""

import dataclasses

from PySide6.QtCore import QRect, Qt

from evaldesk.audit.findings import Severity
from evaldesk.ui import audit_panel


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
    window.audit_panel._clicked(item)
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


def test_an_audit_that_found_nothing_says_so(window, monkeypatch):
    """Issue 24: after open (or a 字号 change) with no finding the panel was an empty white box with no counts."""
    monkeypatch.setattr(window.document.session, "findings", [])
    window._build_audit_panel()
    panel = window.audit_panel
    assert "错误 0" in panel.summary.text() and "警告 0" in panel.summary.text()
    assert not panel.all_clear.isHidden() and panel.all_clear.text() == audit_panel.ALL_CLEAR
    assert panel.tree.isHidden()
    window.document.audited.emit([_a_finding()])
    assert panel.all_clear.isHidden() and not panel.tree.isHidden()


def _a_finding():
    from evaldesk.audit.findings import Finding
    from evaldesk.model.places import FieldPlace

    return Finding("basic.contact.empty", Severity.WARNING, "联系人未填", FieldPlace("basic.contact"))


def short_findings(window):
    base = window.document.findings
    words = ["预算编码未填", "联络电话未填：请填写联系人的电话", "人员编制应为整数，请检查一、基本概况的人员编制",
             "年末实有人数未填", "三公经费合计与分项之和不符，请核对", "评价机构未填"]
    return [dataclasses.replace(base[i % len(base)], key=f"short{i}", message=m) for i, m in enumerate(words)]


def test_every_entry_is_as_tall_as_its_wrapped_text_and_keeps_its_colour_when_selected(window, qtbot):
    """Issue 24: at 特大 short entries were cut to one line; the selected entry was drawn black."""
    window.menus.font_size_actions["特大"].trigger()
    panel = window.audit_panel
    window.document.audited.emit(short_findings(window))
    qtbot.waitUntil(lambda: panel.tree.count() == 6, timeout=30000)
    tree = panel.tree
    delegate = tree.itemDelegate()
    metrics = tree.fontMetrics()
    for row in range(tree.count()):
        item = tree.item(row)
        rect = tree.visualItemRect(item)
        text = delegate.text_rect(rect.width(), None)
        needed = metrics.boundingRect(text, Qt.TextFlag.TextWordWrap, item.text()).height()
        assert rect.height() >= needed + 2 * delegate.PADDING, item.text()
    tree.setCurrentRow(2)
    image = tree.viewport().grab().toImage()
    rect = tree.visualItemRect(tree.item(2))
    colours = {image.pixelColor(x, y).name() for x in range(rect.left(), rect.right(), 2)
               for y in range(rect.top(), rect.bottom(), 2)}
    assert audit_panel.SEVERITY_COLOURS[tree.item(2).data(Qt.ItemDataRole.UserRole).severity] in colours \
        or _near(colours, audit_panel.SEVERITY_COLOURS[Severity.WARNING])
    assert image.pixelColor(rect.left() + 1, rect.top() + 1).name() == audit_panel.SELECTED_BACKGROUND


def _near(colours, wanted, within=40):
    """Whether some pixel is close to ``wanted`` (text is anti-aliased)."""
    from PySide6.QtGui import QColor

    target = QColor(wanted)
    return any(abs(QColor(c).red() - target.red()) + abs(QColor(c).green() - target.green())
               + abs(QColor(c).blue() - target.blue()) < within for c in colours)


def test_the_note_box_opens_on_a_click_not_when_the_selection_moves(window):
    """Issue 24: the 说明 box opened by itself as the selection moved (arrow keys, the list renewed)."""
    panel = window.audit_panel
    warnings = [i for i in items(window) if finding_of(i).severity is Severity.WARNING]
    panel.tree.setCurrentItem(warnings[0])
    assert panel.note_editor is None
    panel._clicked(warnings[0])
    assert panel.note_editor is not None and panel.note_editor.key == f"note.{finding_of(warnings[0]).key}"
    panel.tree.setCurrentItem(warnings[1])  # moving on closes the box of the one before
    assert panel.note_editor is None
