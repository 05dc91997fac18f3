"""The tabs for the parts of 附件2-1: each page walks its section's blocks (evaldesk.model.layout) and builds an
editor for each, so the window shows what the paper prints, in the same order, under the same words.

Grids are ui/grids.py's spreadsheets, lists ui/lists.py's tables; the score sheet's tab is ui/sheet.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget,
)

from evaldesk.model import layout
from evaldesk.model.form import (
    FIELD_BY_KEY, SECTION_BASIC, SECTION_COVER, SECTION_PEOPLE, SECTION_SELF,
    SECTION_SUMMARY, Kind,
)
from evaldesk.model.layout import (
    Beside, CoverText, Fields, GridBlock, Hint, ListBlock, Result, Signatures, Text, Wording, cover_text,
)
from evaldesk.model.places import ItemPlace, Place
from evaldesk.ui.document import ReportDocument
from evaldesk.ui.fields import FieldEditor, LineField, TextField
from evaldesk.ui.filler_offer import FillerOffer

if TYPE_CHECKING:   # imported where a list is built: the first tab (封面) has none, and it is painted sooner
    from evaldesk.ui.lists import ListEditor

HINT_STYLE = "color: #555;"
PLACEHOLDERS = {Kind.DATE: "例如 2022年7月15日 或 2022-07-15"}
# How a list's table is laid out on screen: the column that takes the spare width, and fixed widths (in characters).
LIST_LOOKS = {"quant": {"stretch": "actual", "widths": {"name": 4, "target": 20}}}
SIGNED_NOTE = "“签字”一栏在打印稿上留空，由评价人员手签。"


class Page(QScrollArea):
    """A scrolling page with a title; keeps its field editors by key so the window can take the filler there.
    Each list's editor is also an attribute named after the list (``page.tasks``)."""

    def __init__(self, document: ReportDocument, title: str, parent=None):
        super().__init__(parent)
        self.document = document
        self.setWidgetResizable(True)
        self.body = QWidget()
        self.layout_ = QVBoxLayout(self.body)
        self.layout_.setContentsMargins(24, 16, 24, 24)
        self.layout_.setSpacing(12)
        heading = QLabel(title)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        self.layout_.addWidget(heading)
        self.setWidget(self.body)
        self.editors: dict[str, QWidget] = {}
        self.stretched = False  # a whole-page text takes the page's height, so no stretch is added below it

    def line(self, key: str, placeholder: str = "") -> LineField:
        editor = LineField(self.document, key, placeholder or PLACEHOLDERS.get(FIELD_BY_KEY[key].kind, ""))
        self.editors[key] = editor
        return editor

    def text(self, key: str, placeholder: str = "", lines: int = 5) -> TextField:
        editor = TextField(self.document, key, placeholder, min_lines=lines, sized_to_lines=True)
        self.editors[key] = editor
        return editor

    def finish(self) -> None:
        if not self.stretched:
            self.layout_.addStretch(1)

    # ---- walking the section
    def build(self, section: str) -> None:
        """An editor (or a line of text) for each block of ``section``, top to bottom."""
        drawings = self.drawings()
        for block in layout.blocks(section):
            drawing = drawings.get(type(block))
            if drawing is None:
                raise TypeError(f"the {section} tab has no drawing for a {type(block).__name__} block")
            drawing(block)

    def drawings(self) -> dict:
        return {Fields: self.draw_fields, Text: self.draw_text, ListBlock: self.draw_list, Beside: self.draw_beside,
                Result: self.draw_result, Signatures: self.draw_signatures, Hint: self.draw_hint,
                GridBlock: self.draw_grid}

    def draw_fields(self, block: Fields) -> None:
        """Label and line editor, one or two fields to a row; a field alone on its row takes the row."""
        grid = QGridLayout()
        for row, keys in enumerate(block.rows):
            for column, key in enumerate(keys):
                grid.addWidget(QLabel(block.label(key) + "："), row, column * 2, Qt.AlignmentFlag.AlignRight)
                if len(keys) == 1:
                    grid.addWidget(self.line(key), row, 1, 1, 3)
                else:
                    grid.addWidget(self.line(key), row, column * 2 + 1)
        self.layout_.addLayout(grid)

    def draw_text(self, block: Text) -> None:
        editor = self.text(block.key, lines=block.size.value)
        if block.titled:
            self.layout_.addWidget(group_box(block.label, editor))
        else:
            self.layout_.addWidget(editor, 1)  # the long text takes the page's height
            self.stretched = True

    def list_editor(self, block: ListBlock) -> ListEditor:
        from evaldesk.ui.lists import ListEditor

        editor = ListEditor(self.document, block.key, confirm_remove=True, **LIST_LOOKS.get(block.key, {}))
        setattr(self, block.key, editor)
        return editor

    def draw_list(self, block: ListBlock) -> None:
        editor = self.list_editor(block)
        if not block.signed:
            self.layout_.addWidget(group_box(block.heading, editor))
            return
        note = QLabel(SIGNED_NOTE)
        note.setStyleSheet(HINT_STYLE)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(editor)
        column.addWidget(note)
        self.layout_.addWidget(group_box(block.heading, box))

    def draw_beside(self, block: Beside) -> None:
        """On screen the list and the text stand one above the other, each under its column's heading."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(block.list_heading))
        column.addWidget(self.list_editor(block.list))
        column.addWidget(QLabel(block.text.label))
        column.addWidget(self.text(block.text.key, lines=block.text.size.value))
        self.layout_.addWidget(group_box(block.caption, box))

    def draw_result(self, block: Result) -> None:
        self.result_block = block
        self.result = QLabel()
        font = self.result.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.result.setFont(font)
        self.result.setToolTip("来自评分表，不需填写")
        self.layout_.addWidget(group_box(f"{block.heading}（来自评分表）", self.result))
        self.document.rescored.connect(self.show_result)
        self.show_result(self.document.sheet)

    def show_result(self, sheet) -> None:
        block = self.result_block
        self.result.setText(f"{block.score_label}：{sheet.total_text()}　　　{block.grade_label}：{sheet.grade or '待定'}")

    def draw_signatures(self, block: Signatures) -> None:
        """The boxes as lines of grey text: they are signed on paper."""
        lines = []
        for opinion, signer in block.boxes:
            lines.append(opinion + (f"　{signer}　　　　" if signer else "　" * 7) + "年　月　日")
        boxes = QLabel("\n\n".join(lines))
        boxes.setStyleSheet(HINT_STYLE)
        self.layout_.addWidget(group_box(f"{block.heading}（打印后手写）", boxes))

    def draw_hint(self, block: Hint) -> None:
        hint = QLabel(block.text)
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.layout_.addWidget(hint)

    def draw_grid(self, block: GridBlock) -> None:
        raise TypeError("part 二's grids are drawn by FinancePage")

    # ---- taking the filler somewhere
    def focus(self, place: Place) -> bool:
        """Take the filler to ``place`` (a field, a list, an entry or an entry's field) if it is on this page."""
        if isinstance(place, ItemPlace):
            editor = self.list_editors().get(place.list)
            if editor is None:
                return False
            self.ensureWidgetVisible(editor, 50, 50)
            if place.item is not None:
                editor.select(place.item, place.field)
            else:
                editor.view.setFocus()
            return True
        editor = self.editors.get(str(place))
        if editor is None:
            return False
        self.ensureWidgetVisible(editor, 50, 80)
        editor.setFocus()
        return True

    def list_editors(self) -> dict[str, ListEditor]:
        from evaldesk.ui.lists import ListEditor

        return {w.model.list_key: w for w in self.findChildren(ListEditor)}


def group_box(title: str, inner) -> QWidget:
    """A titled block of the form. A QLabel, not a QGroupBox title: the latter clips titles that contain wide
    Chinese quotation marks (“三公”经费) in the bundled font."""
    box = QWidget()
    layout_ = QVBoxLayout(box)
    layout_.setContentsMargins(0, 4, 0, 4)
    layout_.setSpacing(4)
    heading = QLabel(title)
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    layout_.addWidget(heading)
    if isinstance(inner, QWidget):
        layout_.addWidget(inner)
    else:
        layout_.addLayout(inner)
    return box


class CoverPage(Page):
    """The cover: the template's cover lines around the cover fields, centred as on paper; below them, which
    year and score sheet the report is on (the window's own line)."""

    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(document, SECTION_COVER, parent)
        self.cover_lines: dict[str, QLabel] = {}
        self.build(SECTION_COVER)
        self.title = self.cover_lines.get("report_title")
        self.attachment = self.cover_lines.get("report_attachment")
        self.bureau = self.cover_lines.get("bureau")
        self.template_line = QLabel()
        self.template_line.setStyleSheet(HINT_STYLE)
        self.template_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addWidget(self.template_line)
        self.finish()
        document.rescored.connect(self.refresh)  # a bound method: dropped with the page (字号 rebuilds the tabs)
        self.refresh()

    def drawings(self) -> dict:
        return {**super().drawings(), CoverText: self.draw_cover_line, Fields: self.draw_cover_fields,
                Wording: self.draw_wording}

    def draw_cover_line(self, block: CoverText) -> None:
        label = QLabel()
        if block.key != "report_attachment":
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if block.key == "report_title":
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 1.5)
            font.setBold(True)
            label.setFont(font)
        self.cover_lines[block.key] = label
        self.layout_.addWidget(label)

    def draw_cover_fields(self, block: Fields) -> None:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key in block.keys:
            form.addRow(block.label(key) + "：", self.line(key))
        frame = QFrame()
        frame.setLayout(form)
        frame.setMaximumWidth(720)
        wrapper = QHBoxLayout()
        wrapper.addStretch(1)
        wrapper.addWidget(frame, 3)
        wrapper.addStretch(1)
        self.layout_.addLayout(wrapper)

    def draw_wording(self, block: Wording) -> None:
        """The county's own region, bureau and attachment labels; each blank one shows the template's wording
        greyed, which is what prints until the filler types their own."""
        grid = QGridLayout()
        for row, keys in enumerate(block.rows):
            for column, key in enumerate(keys):
                grid.addWidget(QLabel(block.label(key) + "："), row, column * 2, Qt.AlignmentFlag.AlignRight)
                grid.addWidget(self.line(key), row, column * 2 + 1, 1, 3 if len(keys) == 1 else 1)
        note = QLabel("留空则按评分表模板的措辞；填写后封面、打印稿和报送文件都用这里的文字。")
        note.setStyleSheet(HINT_STYLE)
        note.setWordWrap(True)
        inner = QVBoxLayout()
        inner.addLayout(grid)
        inner.addWidget(note)
        self.layout_.addSpacing(12)
        self.layout_.addWidget(group_box(block.caption, inner))

    def refresh(self, _sheet=None) -> None:
        report = self.document.report
        for key, editor in self.editors.items():  # the template's wording, shown where the filler has none
            wording = FIELD_BY_KEY[key].wording
            if wording:
                editor.editor.setPlaceholderText(report.template.cover[wording])
        for key, label in self.cover_lines.items():
            text = cover_text(report, key)
            if key == "report_title":  # the form's own name on a line of its own
                cut = text.find("部门整体支出")
                text = text[:cut] + "\n" + text[cut:] if cut > 0 else text
            label.setText(text)
        self.template_line.setText(f"年度：{report.year}　　评分表：{report.template.name}")


class BasicPage(Page):
    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(document, SECTION_BASIC, parent)
        self.build(SECTION_BASIC)
        self.finish()


class SelfEvaluationPage(Page):
    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(document, SECTION_SELF, parent)
        self.build(SECTION_SELF)
        self.finish()


class PeoplePage(Page):
    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(document, SECTION_PEOPLE, parent)
        self.build(SECTION_PEOPLE)
        self.filler_offer = FillerOffer(document)
        self.layout_.addWidget(self.filler_offer)
        self.finish()


class SummaryPage(Page):
    """The 综述 with 生成草稿: the drafted sections beside the filler's text (ui/summary_drafts.py)."""

    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(document, SECTION_SUMMARY, parent)
        self.build(SECTION_SUMMARY)
        self.finish()

    def draw_text(self, block: Text) -> None:
        from evaldesk.ui.summary_drafts import beside_text

        holder, self.drafts = beside_text(self.document, self.text(block.key, lines=block.size.value))
        self.generate_button = holder.generate_button
        self.layout_.addWidget(holder, 1)
        self.stretched = True


__all__ = ["CoverPage", "BasicPage", "SelfEvaluationPage", "PeoplePage", "SummaryPage", "FieldEditor"]


# The pages of the sections that need no module of their own (the window's report_tabs.page_for adds the others).
PAGES = {SECTION_COVER: CoverPage, SECTION_BASIC: BasicPage, SECTION_SELF: SelfEvaluationPage,
         SECTION_PEOPLE: PeoplePage, SECTION_SUMMARY: SummaryPage}
