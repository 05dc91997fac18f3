"""审核 panel: the reviewer's findings, updated as the filler types. A click takes the filler to the field; a
警告 gets its 说明 here, stored with the report."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget

from evaldesk.audit.findings import Finding, Severity
from evaldesk.model.places import NotePlace
from evaldesk.ui.document import ReportDocument
from evaldesk.ui.fields import TextField

SEVERITY_COLOURS = {Severity.ERROR: "#c0392b", Severity.WARNING: "#b35c00", Severity.INFO: "#1f5fa8"}


def _same(shown: Finding, finding: Finding) -> bool:
    """Whether the entry showing ``shown`` shows ``finding`` as well."""
    return shown is finding or (shown.key, shown.severity, shown.message, shown.note) == \
        (finding.key, finding.severity, finding.message, finding.note)


def _item(finding: Finding) -> QListWidgetItem:
    text = f"【{finding.severity.label}】{finding.message}" + (f"\n说明：{finding.note}" if finding.note else "")
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, finding)
    item.setForeground(QBrush(QColor(SEVERITY_COLOURS[finding.severity])))
    item.setToolTip(text)
    return item


class AuditPanel(QWidget):
    navigate = Signal(object)  # a Finding.where (a Place)

    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(parent)
        self.document = document
        self.tree = QListWidget()
        self.tree.setWordWrap(True)
        self.tree.setResizeMode(QListView.ResizeMode.Adjust)
        # Wrap to the panel's width: no sideways scrolling through a long message.
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.tree.setUniformItemSizes(False)
        # A long report has thousands of findings of different heights: Qt lays them all out again when one is
        # added or removed. In batches, the first screenful is laid out at once and the rest while the filler
        # pauses, so a keystroke does not wait for the whole list.
        self.tree.setLayoutMode(QListView.LayoutMode.Batched)
        self.tree.setBatchSize(50)
        self.tree.setSpacing(2)
        self.tree.setStyleSheet("QListWidget::item { border-bottom: 1px solid #e3e6ea; padding: 3px; }")
        # The finding clicked stays readable when the focus goes to the field it took the filler to: without this
        # the inactive selection paints its text in the highlight colour on a pale box, and it looks empty.
        palette = self.tree.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor("#dde6f2"))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#1a1a1a"))
        self.tree.setPalette(palette)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda item, _prev: self._show_note(item))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.note_title = QLabel()
        self.note_title.setWordWrap(True)
        # The panel keeps the width it has: a longer summary or finding wraps instead of widening the dock, which
        # would shift the whole form sideways under the filler's cursor (and push it off a 1280-pixel screen).
        for label in (self.summary, self.note_title):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.note_box = QVBoxLayout()
        self.note_editor: TextField | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note_title)
        layout.addLayout(self.note_box)
        self.findings: list[Finding] = []
        document.audited.connect(self.show_findings)
        self.show_findings(document.findings)

    def show_findings(self, findings: list[Finding]) -> None:
        """The list follows the findings; only the entries that changed are replaced (a keystroke changes one or
        two of a long sheet's thousands, and rebuilding the list would lay all of them out again)."""
        current = self.tree.currentItem()
        current_key = current.data(Qt.ItemDataRole.UserRole).key if current else None
        before = self.findings
        common = min(len(before), len(findings))
        same_start = 0
        while same_start < common and _same(before[same_start], findings[same_start]):
            same_start += 1
        same_end = 0
        while same_end < common - same_start and _same(before[-1 - same_end], findings[-1 - same_end]):
            same_end += 1
        self.findings = findings
        kept = [(row, row) for row in range(same_start)]
        kept += [(len(findings) - 1 - k, len(before) - 1 - k) for k in range(same_end)]
        for row, old_row in kept:  # (the list still holds the old entries here)
            if findings[row] is not before[old_row]:  # the same words, a new object (a 说明 is read from it)
                self.tree.item(old_row).setData(Qt.ItemDataRole.UserRole, findings[row])
        if same_start + same_end == len(before) == len(findings):
            return
        self.tree.setUpdatesEnabled(False)
        try:
            for _ in range(len(before) - same_start - same_end):
                self.tree.takeItem(same_start)
            for row in range(same_start, len(findings) - same_end):
                item = _item(findings[row])
                self.tree.insertItem(row, item)
                if findings[row].key == current_key:
                    self.tree.setCurrentItem(item)
        finally:
            self.tree.setUpdatesEnabled(True)
        from evaldesk.audit.findings import counts as severity_counts

        counts = severity_counts(findings)
        self.summary.setText(f"错误 {counts[Severity.ERROR]}　警告 {counts[Severity.WARNING]}　提示 "
                             f"{counts[Severity.INFO]}" + ("　— 有错误时打印稿标为“草稿”，不能导出报送文件"
                                                          if counts[Severity.ERROR] else ""))

    def _clicked(self, item: QListWidgetItem) -> None:
        finding: Finding = item.data(Qt.ItemDataRole.UserRole)
        self._show_note(item)
        self.navigate.emit(finding.where)

    def _show_note(self, item: QListWidgetItem | None) -> None:
        finding: Finding | None = item.data(Qt.ItemDataRole.UserRole) if item else None
        key = NotePlace(finding.key).key if finding and finding.severity is Severity.WARNING else None
        if self.note_editor is not None and self.note_editor.key == key:
            return
        if self.note_editor is not None:
            self.note_editor.setParent(None)
            self.note_editor.deleteLater()
            self.note_editor = None
        if key is None:
            self.note_title.setText("选中一条“警告”可在此写说明（随报告保存、打印和导出）。" if finding is None or
                                    finding.severity is not Severity.ERROR else "“错误”须修改报告内容，不能以说明代替。")
            return
        # The finding's own words above its box: the 说明 is never for a finding the filler cannot read.
        self.note_title.setText(f"为这条警告写说明（为何可以接受）：\n【{finding.severity.label}】{finding.message}")
        self.note_editor = TextField(self.document, key, "例如：本年度无项目支出，故无法计算……", min_lines=3)
        self.note_box.addWidget(self.note_editor)
