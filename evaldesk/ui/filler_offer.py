"""On 四、评价人员: 填报人 and 联系电话 offered from part 一's 联系人 and 联络电话 (most often the same person), in
one click that is one undo step; shown only while they are empty and part 一 has a contact to offer."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from evaldesk.model.edits import Batch, SetField
from evaldesk.ui.document import ReportDocument

OFFERED = (("people.filler", "basic.contact"), ("people.filler_phone", "basic.phone"))  # (field, offered from)


class FillerOffer(QWidget):
    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(parent)
        self.document = document
        self.text = QLabel()
        self.text.setStyleSheet("color: #1f618d;")
        self.button = QPushButton("填入")
        self.button.clicked.connect(self.take)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text)
        row.addWidget(self.button)
        row.addStretch(1)
        # A bound method, not a lambda: Qt drops the connection when the page is rebuilt (a new 字号), where a
        # lambda would go on calling a deleted widget.
        document.changed.connect(self._changed)
        self.refresh()

    def _changed(self, _changes) -> None:
        self.refresh()

    def offer(self) -> list[tuple[str, str]]:
        """(field, value) for each empty field whose source in part 一 is filled."""
        report = self.document.report
        return [(key, report.text(source).strip()) for key, source in OFFERED
                if not report.text(key).strip() and report.text(source).strip()]

    def refresh(self) -> None:
        offer = dict(self.offer())
        if offer:
            shown = "，".join(v for v in (offer.get("people.filler"), offer.get("people.filler_phone")) if v)
            self.text.setText(f"填报人与联系电话可与第一部分的联系人相同：{shown}")
        self.setVisible(bool(offer))

    def take(self) -> None:
        edits = [SetField(key, value, "填入填报人和联系电话") for key, value in self.offer()]
        if edits:
            self.document.apply(Batch(edits, "填入填报人和联系电话"), merge=False)
