"""What 汇总报送文件… asks before it reads the folder: the bureau's list of the departments it expects (optional),
and the region and 编制单位 for the summary's title page (blank: the score sheet's)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from evaldesk.ui import dialogs

LIST_FILTERS = "应报部门名单 (*.xlsx *.xlsm *.csv *.txt);;所有文件 (*)"


@dataclass
class SummaryOptions:
    expected: str = ""    # the list's path, '' for none
    region: str = ""
    bureau: str = ""


class SummaryOptionsDialog(QDialog):
    def __init__(self, parent: QWidget | None, options: SummaryOptions):
        super().__init__(parent)
        self.setWindowTitle("汇总报送文件")
        layout = QVBoxLayout(self)
        intro = QLabel("文件夹中的每个文件都会列入汇总表：列入排名、未列入排名（并说明原因）或不是报送文件。\n"
                       "给出应报部门名单，汇总表还会列出未报送的部门和不在名单上的部门。")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.expected = QLineEdit(options.expected)
        self.expected.setPlaceholderText("可不填；.xlsx 或 .csv，含“部门名称”列，或上一年度的汇总表")
        browse = QPushButton("浏览…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.expected, 1)
        row.addWidget(browse)
        form.addRow("应报部门名单：", row)
        self.region = QLineEdit(options.region)
        self.region.setPlaceholderText("不填则取评分表中的地区，如 岳阳市云溪区")
        form.addRow("标题中的地区：", self.region)
        self.bureau = QLineEdit(options.bureau)
        self.bureau.setPlaceholderText("不填则取评分表中的财政局名称")
        form.addRow("编制单位：", self.bureau)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("下一步")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _browse(self) -> None:
        chosen = dialogs.open_file(self, "选择应报部门名单", self.expected.text(), LIST_FILTERS)
        if chosen:
            self.expected.setText(chosen)

    def options(self) -> SummaryOptions:
        return SummaryOptions(self.expected.text().strip(), self.region.text().strip(), self.bureau.text().strip())


def ask_options(parent: QWidget | None, options: SummaryOptions) -> SummaryOptions | None:
    dialog = SummaryOptionsDialog(parent, options)
    return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None
