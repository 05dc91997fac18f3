"""The page shown when the data file holds no report yet (or the filler asks for a new one): year, department,
the county's 地区 and 财政局名称 (the file's latest report's offered), score sheet (the one worded for that
county first, else the region-neutral one), and the reference sample one click away."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from evaldesk.app import score_sheets
from evaldesk.app.datafile import latest_wording
from evaldesk.ui.combo import SteadyComboBox, SteadySpinBox

if TYPE_CHECKING:
    from evaldesk.ui.file_actions import Files


class WelcomePage(QWidget):
    """Shown when the file holds no report yet (or the filler asks for a new one)."""

    def __init__(self, files: Files):
        super().__init__()
        self.files = files
        title = QLabel("evaldesk　部门整体支出绩效评价自评报告")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        self.where = QLabel()
        self.where.setStyleSheet("color: #555;")
        self.year = SteadySpinBox()  # the wheel scrolls the page, never the year or the sheet chosen
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year - 1)
        self.year.setSuffix(" 年度")
        self.department = QLineEdit()
        self.department.setPlaceholderText("例如：某某县农业农村局")
        self.region = QLineEdit()
        self.region.setPlaceholderText("例如：某某市某某县（印在封面标题前）")
        self.bureau = QLineEdit()
        self.bureau.setPlaceholderText("例如：某某县财政局（印在封面下方）")
        self.region.textChanged.connect(lambda _text: self._offer_templates())
        self.template = SteadyComboBox()
        self.templates = []
        self.picked: str | None = None  # the sheet the filler chose by hand: typing a region does not undo that
        self.template.activated.connect(lambda index: setattr(self, "picked", self.templates[index].id))
        form = QFormLayout()
        form.addRow("年度：", self.year)
        form.addRow("部门(单位)名称：", self.department)
        form.addRow("地区：", self.region)
        form.addRow("财政局名称：", self.bureau)
        form.addRow("评分表：", self.template)
        self.create_button = QPushButton("新建空白报告")
        self.create_button.clicked.connect(self._create)
        self.sample_button = QPushButton("打开参考样例（云溪区委编办 2021 年度）")
        self.sample_button.clicked.connect(files.add_sample)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        box = QWidget()
        box.setMaximumWidth(760)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(self.where)
        inner.addSpacing(16)
        inner.addWidget(QLabel("新建一份自评报告："))
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addSpacing(12)
        hint = QLabel("每一处修改都会立即保存，无需“保存”。下一年度可从本年度报告新建。")
        hint.setStyleSheet("color: #555;")
        inner.addWidget(hint)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)  # the few controls sit together in the middle, not spread over the window
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def fill_templates(self, store) -> None:
        """The score sheets a new report can use (the built-in ones and those imported into this file), and the
        地区 and 财政局名称 of the file's latest report, offered for this one."""
        self.store = store
        self.picked = None
        offered = latest_wording(store) if store is not None else {"region": "", "bureau": ""}
        self.bureau.setText(offered["bureau"])
        self.region.setText(offered["region"])
        self._offer_templates()

    def _offer_templates(self) -> None:
        """The sheets in the order :func:`evaldesk.app.score_sheets.for_region` gives for the region typed: outside
        Yunxi, the region-neutral sheet comes first and is picked."""
        self.templates = [entry.template for entry in score_sheets.for_region(getattr(self, "store", None),
                                                                           self.region.text())]
        self.template.clear()
        self.template.addItems([template.name for template in self.templates])
        ids = [template.id for template in self.templates]
        self.template.setCurrentIndex(ids.index(self.picked) if self.picked in ids else 0)

    def _create(self) -> None:
        template = self.templates[self.template.currentIndex()] if self.templates else None
        self.files.create_report(self.year.value(), self.department.text().strip(), template,
                                   region=self.region.text().strip(), bureau=self.bureau.text().strip())
