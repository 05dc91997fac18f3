"""The tabs for the parts of 附件2-1, each laid out like its part of the paper form."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget,
)

from evaldesk.model.form import FIELD_BY_KEY, GRIDS
from evaldesk.model.places import CellPlace, ItemPlace, Place, UnitPlace, UnitsPlace
from evaldesk.ui.document import ReportDocument
from evaldesk.ui.fields import ERROR_LABEL_STYLE, FieldEditor, LineField, TextField
from evaldesk.ui.grids import GridModel, GridView
from evaldesk.ui.lists import ListEditor


class Page(QScrollArea):
    """A scrolling page with a title; keeps its field editors by key so the window can take the filler there."""

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

    def line(self, key: str, placeholder: str = "") -> LineField:
        editor = LineField(self.document, key, placeholder)
        self.editors[key] = editor
        return editor

    def text(self, key: str, placeholder: str = "", lines: int = 5) -> TextField:
        editor = TextField(self.document, key, placeholder, min_lines=lines)
        self.editors[key] = editor
        return editor

    def form(self, keys: list[str], title: str | None = None) -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key in keys:
            form.addRow(FIELD_BY_KEY[key].label + "：", self.line(key))
        return form

    def finish(self) -> None:
        self.layout_.addStretch(1)

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
        return {w.model.list_key: w for w in self.findChildren(ListEditor)}


def _group(title: str, inner) -> QWidget:
    """A titled block of the form. A QLabel, not a QGroupBox title: the latter clips titles that contain wide
    Chinese quotation marks (“三公”经费) in the bundled font."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 4)
    layout.setSpacing(4)
    heading = QLabel(title)
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    layout.addWidget(heading)
    if isinstance(inner, QWidget):
        layout.addWidget(inner)
    else:
        layout.addLayout(inner)
    return box


class CoverPage(Page):
    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(document, "封面", parent)
        template = document.report.template
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.attachment = QLabel(template.cover["report_attachment"])
        self.layout_.addWidget(self.attachment)
        self.layout_.addWidget(self.title)
        form = self.form(["cover.department", "cover.budget_code", "cover.method", "cover.agency",
                          "cover.report_date"])
        self.editors["cover.report_date"].editor.setPlaceholderText("例如 2022年7月15日 或 2022-07-15")
        frame = QFrame()
        frame.setLayout(form)
        frame.setMaximumWidth(720)
        wrapper = QHBoxLayout()
        wrapper.addStretch(1)
        wrapper.addWidget(frame, 3)
        wrapper.addStretch(1)
        self.layout_.addLayout(wrapper)
        self.bureau = QLabel()
        self.bureau.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addWidget(self.bureau)
        self.template_line = QLabel()
        self.template_line.setStyleSheet("color: #555;")
        self.template_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addWidget(self.template_line)
        self.finish()
        document.rescored.connect(lambda _sheet: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        report = self.document.report
        template = report.template
        title = template.title(report.year)
        cut = title.find("部门整体支出")
        self.title.setText(title[:cut] + "\n" + title[cut:] if cut > 0 else title)
        self.attachment.setText(template.cover["report_attachment"])
        self.bureau.setText(template.cover["bureau"])
        self.template_line.setText(f"年度：{report.year}　　评分表：{template.name}")


class BasicPage(Page):
    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(document, "一、部门（单位）基本概况", parent)
        grid = QGridLayout()
        for row, pair in enumerate((("basic.contact", "basic.phone"), ("basic.staff_quota", "basic.staff_actual"))):
            for column, key in enumerate(pair):
                grid.addWidget(QLabel(FIELD_BY_KEY[key].label + "："), row, column * 2,
                               Qt.AlignmentFlag.AlignRight)
                grid.addWidget(self.line(key), row, column * 2 + 1)
        self.layout_.addLayout(grid)
        self.layout_.addWidget(_group("职能职责概述", self.text("basic.duties", lines=3)))
        self.tasks = ListEditor(document, "tasks", confirm_remove=True)
        self.layout_.addWidget(_group("年度主要工作内容", self.tasks))
        self.layout_.addWidget(_group(FIELD_BY_KEY["basic.achievements"].label,
                                      self.text("basic.achievements", lines=10)))
        self.finish()


class FinancePage(Page):
    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(document, "二、部门（单位）收支情况", parent)
        from PySide6.QtWidgets import QPushButton

        self.views: dict[str, GridView] = {}
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_LABEL_STYLE)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in (("添加二级机构", self.add_unit), ("删除所选机构", self.remove_unit),
                           ("上移", lambda: self.move_unit(-1)), ("下移", lambda: self.move_unit(1))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = QLabel("双击或直接输入即可填写；Enter 下移，Tab 右移；可从 Excel/WPS 复制一块粘贴。"
                      "灰色的合计与汇总行自动计算。机构名称可直接修改。")
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)
        self.layout_.addWidget(hint)
        self.layout_.addLayout(buttons)
        for grid in GRIDS:
            view = GridView(GridModel(document, grid))
            view.message_handler = self.show_message
            self.views[grid.key] = view
            self.layout_.addWidget(_group(grid.title, view))
        self.layout_.addWidget(self.message)
        self.finish()
        document.changed.connect(self._clear_message)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def _clear_message(self, changes) -> None:
        """A paste's message stays until the next change in part 二."""
        if changes.any(CellPlace, UnitPlace, UnitsPlace):
            self.message.clear()

    def _current_unit(self):
        for view in self.views.values():
            if view.hasFocus() or view.isAncestorOf(self.focusWidget() or view):
                unit = view.model().unit_at(view.currentIndex().row())
                if unit:
                    return unit
        view = next(iter(self.views.values()))
        return view.model().unit_at(view.currentIndex().row())

    def add_unit(self) -> None:
        from evaldesk.model.edits import InsertUnit
        from evaldesk.model.report import Unit, new_id

        units = self.document.report.units
        name = f"二级机构{len(units)}"
        self.document.apply(InsertUnit(len(units), Unit(new_id(), name)), merge=False)

    def remove_unit(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from evaldesk.model.edits import RemoveUnit

        unit = self._current_unit()
        if unit is None:
            self.show_message("请先在表中选中要删除的机构所在的行。")
            return
        if unit.cells:
            answer = QMessageBox.question(self, "删除机构", f"“{unit.name}”已填有金额，确定删除？（可用“撤销”恢复）")
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.document.apply(RemoveUnit(unit.id), merge=False)

    def move_unit(self, step: int) -> None:
        from evaldesk.model.edits import MoveUnit

        unit = self._current_unit()
        if unit is None:
            return
        index = self.document.report.units.index(unit)
        if 0 <= index + step < len(self.document.report.units):
            self.document.apply(MoveUnit(unit.id, index + step), merge=False)

    def focus(self, place: Place) -> bool:
        if not isinstance(place, CellPlace):
            return False
        view = self.views.get(place.grid)
        if view is None:
            return False
        self.ensureWidgetVisible(view, 50, 50)
        view.select_cell(place.unit, place.cell)
        return True


class SelfEvaluationPage(Page):
    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(document, "三、部门（单位）整体支出绩效自评情况", parent)
        qualitative = QWidget()
        q_layout = QVBoxLayout(qualitative)
        q_layout.setContentsMargins(0, 0, 0, 0)
        self.goals = ListEditor(document, "goals", confirm_remove=True)
        q_layout.addWidget(QLabel("预期目标"))
        q_layout.addWidget(self.goals)
        q_layout.addWidget(QLabel("实际完成"))
        q_layout.addWidget(self.text("self.actual", lines=3))
        self.layout_.addWidget(_group("整体支出绩效定性目标及实施计划完成情况", qualitative))
        self.quant = ListEditor(document, "quant", stretch="actual", widths={"name": 64, "target": 280},
                                confirm_remove=True)
        self.layout_.addWidget(_group("整体支出绩效定量目标及实施计划完成情况", self.quant))
        self.result = QLabel()
        font = self.result.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.result.setFont(font)
        self.result.setToolTip("来自评分表，不需填写")
        self.layout_.addWidget(_group("绩效自评综合得分与评价等次（来自评分表）", self.result))
        self.finish()
        document.rescored.connect(self.show_result)
        self.show_result(document.sheet)

    def show_result(self, sheet) -> None:
        self.result.setText(f"绩效自评综合得分：{sheet.total_text()}　　　评价等次：{sheet.grade or '待定'}")

class PeoplePage(Page):
    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(document, "四、评价人员", parent)
        self.evaluators = ListEditor(document, "evaluators", confirm_remove=True)
        note = QLabel("“签字”一栏在打印稿上留空，由评价人员手签。")
        note.setStyleSheet("color: #555;")
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.evaluators)
        layout.addWidget(note)
        self.layout_.addWidget(_group("评价人员", box))
        blocks = QLabel("评价组组长（签字）：　　　　　　　年　月　日\n\n"
                        "部门（单位）意见：　部门（单位）负责人（签章）：　　　　年　月　日\n\n"
                        "财政部门归口业务股室意见：　财政部门归口业务股室负责人（签章）：　　　　年　月　日")
        blocks.setStyleSheet("color: #555;")
        self.layout_.addWidget(_group("签字与意见（打印后手写）", blocks))
        grid = QGridLayout()
        for column, key in enumerate(("people.filler", "people.filler_phone")):
            label = "填报人（签名）：" if key == "people.filler" else "联系电话："
            grid.addWidget(QLabel(label), 0, column * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(self.line(key), 0, column * 2 + 1)
        self.layout_.addLayout(grid)
        self.finish()

class SummaryPage(Page):
    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(document, "五、评价报告综述", parent)
        hint = QLabel("按“一、部门（单位）概况　二、一般公共预算支出情况　三、部门整体支出绩效情况　四、建议”等部分撰写。"
                      "文中引用的支出、三公经费、固定资产等数字应与第二部分一致（审核会核对）。")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.layout_.addWidget(hint)
        self.layout_.addWidget(self.text("summary.text", lines=30), 1)  # the long text takes the page's height


__all__ = ["CoverPage", "BasicPage", "FinancePage", "SelfEvaluationPage", "PeoplePage", "SummaryPage", "FieldEditor"]
