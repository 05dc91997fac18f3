"""The template editor's cover section (封面措辞), folded under a button so the sheet keeps the room.

Two kinds of wording, said apart on screen:

* this report's own 地区, 财政局名称 and attachment labels — the very fields of the 封面 tab (form fields with a
  ``wording`` key), so a change here is a change there, stored and undone the same way;
* the sheet's own wording — the title pattern, the sheet's title and footnote — which goes with the sheet when it
  is exported for the bureau (``edit.set_cover`` through the editor's :meth:`change`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from evaldesk.model.form import FIELD_BY_KEY
from evaldesk.templates import edit
from evaldesk.ui.fields import LineField
from evaldesk.ui.template_widgets import LineEdit

OWN_FIELDS = ("cover.region", "cover.bureau", "cover.report_attachment", "cover.sheet_attachment")
SHEET_WORDING = (("report_title", "报告标题（{region} 为地区，{year} 为年度）"), ("sheet_title", "评分表标题"),
                 ("sheet_footnote", "评分表备注"))
NOTE_STYLE = "color: #555;"


class CoverSection(QWidget):
    def __init__(self, editor):
        super().__init__()
        self.editor = editor
        self.toggle = QToolButton()
        self.toggle.setText("封面措辞（地区、财政局、附件标注、标题） ▸")
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._fold)
        self.body = QWidget()
        self.own = QWidget()  # replaced by bind()
        self.fields: dict[str, LineField] = {}
        own_note = QLabel("本报告的封面（与“封面”页相同；留空则按评分表的措辞）：")
        own_note.setStyleSheet(NOTE_STYLE)
        self.sheet_lines: dict[str, LineEdit] = {}
        sheet_form = QFormLayout()
        for key, label in SHEET_WORDING:
            line = LineEdit(lambda text, k=key: editor.change(lambda d: edit.set_cover(d, k, text), "修改封面措辞"))
            self.sheet_lines[key] = line
            sheet_form.addRow(label + "：", line)
        sheet_note = QLabel("评分表自带的措辞（随评分表导出给财政局）：")
        sheet_note.setStyleSheet(NOTE_STYLE)
        inner = QVBoxLayout(self.body)
        inner.setContentsMargins(12, 0, 0, 0)
        inner.addWidget(own_note)
        inner.addWidget(self.own)
        self.inner = inner
        inner.addWidget(sheet_note)
        inner.addLayout(sheet_form)
        self.body.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)

    def _fold(self, open_: bool) -> None:
        self.body.setVisible(open_)
        self.toggle.setText(self.toggle.text()[:-1] + ("▾" if open_ else "▸"))

    def bind(self, document) -> None:
        """The report's own fields, bound to ``document`` (rebuilt when the window opens another report)."""
        own = QWidget()
        grid = QGridLayout(own)
        grid.setContentsMargins(0, 0, 0, 0)
        self.fields = {key: LineField(document, key) for key in OWN_FIELDS}
        for i, key in enumerate(OWN_FIELDS):
            grid.addWidget(QLabel(FIELD_BY_KEY[key].label + "："), i // 2, (i % 2) * 2)
            grid.addWidget(self.fields[key], i // 2, (i % 2) * 2 + 1)
        self.inner.replaceWidget(self.own, own)
        self.own.deleteLater()
        self.own = own

    def refresh(self, data: dict) -> None:
        cover = data.get("cover") if isinstance(data.get("cover"), dict) else {}
        for key, line in self.sheet_lines.items():
            line.show_value(str(cover.get(key, "")), missing=not str(cover.get(key, "")).strip())
        for key, field in self.fields.items():
            field.editor.setPlaceholderText(str(cover.get(FIELD_BY_KEY[key].wording, "")))
