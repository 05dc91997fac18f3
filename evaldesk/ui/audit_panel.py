"""审核 panel: the reviewer's findings, updated as the filler types. A click takes the filler to the field; a
警告 gets its 说明 here, stored with the report."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QLabel, QListView, QListWidget, QListWidgetItem, QSizePolicy, QStyle,
                               QStyledItemDelegate, QVBoxLayout, QWidget)

from evaldesk.audit.findings import Finding, Severity
from evaldesk.model.places import NotePlace
from evaldesk.ui.document import ReportDocument
from evaldesk.ui.fields import TextField

SEVERITY_COLOURS = {Severity.ERROR: "#c0392b", Severity.WARNING: "#b35c00", Severity.INFO: "#1f5fa8"}
SELECTED_BACKGROUND = "#dde6f2"
RULE = "#e3e6ea"
ALL_CLEAR = "审核已完成，未发现问题。"
PICK_TO_EXPLAIN = "单击一条“警告”（或选中后按回车）可在此写说明（随报告保存、打印和导出）。"


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


class FindingDelegate(QStyledItemDelegate):
    """Draws an entry as its wrapped text in its severity's colour, selected or not, on a box as tall as the text
    at the list's width in the current 字号. Qt's own drawing (with a style sheet) measured an entry's height at
    another width than it drew it, so at 特大 a short entry that wraps was cut to one line, and painted the
    selected entry's text black with a gap above it."""

    PADDING = 4  # pixels around the text

    def __init__(self, view: QListView):
        super().__init__(view)
        self.view = view

    def text_rect(self, width: int, option) -> QRect:
        return QRect(self.PADDING, self.PADDING, max(width - 2 * self.PADDING, 40), 10 ** 6)

    def sizeHint(self, option, index) -> QSize:
        width = self.view.viewport().width() - 2 * self.view.spacing()
        bounds = option.fontMetrics.boundingRect(self.text_rect(width, option), Qt.TextFlag.TextWordWrap,
                                                 index.data(Qt.ItemDataRole.DisplayRole))
        return QSize(width, bounds.height() + 2 * self.PADDING + 1)

    def paint(self, painter, option, index) -> None:
        painter.save()
        rect = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, QColor(SELECTED_BACKGROUND))
        painter.setPen(QColor(RULE))
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        painter.setPen(index.data(Qt.ItemDataRole.ForegroundRole).color())
        painter.setFont(option.font)
        text = self.text_rect(rect.width(), option).translated(rect.topLeft())
        painter.drawText(text, Qt.TextFlag.TextWordWrap, index.data(Qt.ItemDataRole.DisplayRole))
        painter.restore()


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
        self.tree.setSpacing(1)
        # The finding clicked stays readable, in its colour, when the focus goes to the field it took the filler to.
        self.tree.setItemDelegate(FindingDelegate(self.tree))
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        # Moving the selection (arrow keys, the list renewed) does not open a 说明 box: it would take half the
        # panel from the list under the filler's eyes. A click or Enter on a 警告 does.
        self.tree.currentItemChanged.connect(lambda item, _prev: self._selection_moved(item))
        # The audit ran and found nothing: said in words, not shown as an empty white box.
        self.all_clear = QLabel(ALL_CLEAR)
        self.all_clear.setWordWrap(True)
        self.all_clear.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.all_clear.setStyleSheet("QLabel { color: #2e7d32; padding: 8px; }")
        self.all_clear.hide()
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
        layout.addWidget(self.all_clear, 1)
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
        self._show_counts(findings)
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

    def _show_counts(self, findings: list[Finding]) -> None:
        """The counts above the list, every time (the first audit of a report may find nothing, and say so)."""
        from evaldesk.audit.findings import counts as severity_counts

        self.tree.setVisible(bool(findings))
        self.all_clear.setVisible(not findings)
        self.note_title.setVisible(bool(findings))
        counts = severity_counts(findings)
        self.summary.setText(f"错误 {counts[Severity.ERROR]}　警告 {counts[Severity.WARNING]}　提示 "
                             f"{counts[Severity.INFO]}" + ("　— 有错误时打印稿标为“草稿”，不能导出报送文件"
                                                          if counts[Severity.ERROR] else ""))

    def _clicked(self, item: QListWidgetItem) -> None:
        finding: Finding = item.data(Qt.ItemDataRole.UserRole)
        self._show_note(item)
        self.navigate.emit(finding.where)

    def _selection_moved(self, item: QListWidgetItem | None) -> None:
        """The 说明 box of another finding is closed; none is opened."""
        finding: Finding | None = item.data(Qt.ItemDataRole.UserRole) if item else None
        if self.note_editor is not None and finding is not None and self.note_editor.key == NotePlace(finding.key).key:
            return
        if self.note_editor is not None:
            self._close_note()
        self.note_title.setText(PICK_TO_EXPLAIN if finding is None or finding.severity is not Severity.ERROR
                                else "“错误”须修改报告内容，不能以说明代替。")

    def _close_note(self) -> None:
        self.note_editor.setParent(None)
        self.note_editor.deleteLater()
        self.note_editor = None

    def _show_note(self, item: QListWidgetItem | None) -> None:
        finding: Finding | None = item.data(Qt.ItemDataRole.UserRole) if item else None
        key = NotePlace(finding.key).key if finding and finding.severity is Severity.WARNING else None
        if self.note_editor is not None and self.note_editor.key == key:
            return
        if self.note_editor is not None:
            self._close_note()
        if key is None:
            self._selection_moved(item)
            return
        # The finding's own words above its box: the 说明 is never for a finding the filler cannot read.
        self.note_title.setText(f"为这条警告写说明（为何可以接受）：\n【{finding.severity.label}】{finding.message}")
        self.note_editor = TextField(self.document, key, "例如：本年度无项目支出，故无法计算……", min_lines=3)
        self.note_box.addWidget(self.note_editor)
