"""The 评分所需数据 cell of a 三级指标: the figures its rule takes from the report (取自报告), and a line per figure
or checklist requirement it asks for, each with its value in a box at the right (未判断 / 符合 / 不符合, or the
figure with its unit). Painted from one layout (:func:`layout`); while the cell is edited, :class:`InputsEditor`
puts a box or a choice over each painted box, at the same place — the filler sees the cell turn editable, not move.
Tab goes from box to box, then to the next cell.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPen
from PySide6.QtWidgets import QAbstractItemDelegate, QLineEdit, QWidget

from evaldesk.model.form import Kind
from evaldesk.model.report import sheet_key
from evaldesk.ui.combo import SteadyComboBox
from evaldesk.ui.fields import display
from evaldesk.ui.sheet_editors import CellEditor, Typing
from evaldesk.ui.sheet_table import ERROR_BACKGROUND, PAD, metrics_of, text_height

UNITS = {"money": "（万元）", "percent": "（%）", "count": "（个）"}
ANSWERS = (("未判断", None, "#8a9099"), ("符合", True, "#1e7b34"), ("不符合", False, "#c0392b"))
GAP = 3
LEFT_MIDDLE = int(Qt.AlignmentFlag.AlignLeft.value) | int(Qt.AlignmentFlag.AlignVCenter.value)
RIGHT_MIDDLE = int(Qt.AlignmentFlag.AlignRight.value) | int(Qt.AlignmentFlag.AlignVCenter.value)
WORD_JOINER = "\u2060"


@dataclass(frozen=True)
class Entry:
    key: str
    label: str
    kind: str
    label_rect: QRect
    box: QRect


@dataclass(frozen=True)
class Layout:
    refs: str
    refs_rect: QRect
    entries: tuple[Entry, ...]
    note: str
    height: int


def box_width(metrics: QFontMetrics) -> int:
    return max(metrics.horizontalAdvance("不符合") + 34, metrics.horizontalAdvance("00000.00") + 14)


def box_height(metrics: QFontMetrics) -> int:
    return metrics.height() + 10


def layout(model, leaf, width: int, font) -> Layout:
    """Where the 取自报告 line, each entry's words and its box stand in a cell ``width`` wide."""
    metrics = metrics_of(font)
    inner = width - 2 * PAD
    y = PAD
    refs = model.refs_text(leaf)
    refs_rect = QRect()
    if refs:
        height = text_height(metrics, refs, inner)
        refs_rect = QRect(PAD, y, inner, height)
        y += height + GAP
    entries = []
    box_w, box_h = min(box_width(metrics), inner), box_height(metrics)
    label_w = inner - box_w - 6
    beside = label_w >= 5 * metrics.horizontalAdvance("中")   # else the box stands under its words
    for spec in model.entries(leaf)[0]:
        label = entry_label(spec)
        key = sheet_key(leaf.id, "input", spec.name)
        if beside:
            height = max(box_h, text_height(metrics, label, label_w))
            entries.append(Entry(key, label, spec.kind, QRect(PAD, y, label_w, height),
                                 QRect(PAD + inner - box_w, y + (height - box_h) // 2, box_w, box_h)))
        else:
            words = text_height(metrics, label, inner)
            height = words + 2 + box_h
            entries.append(Entry(key, label, spec.kind, QRect(PAD, y, inner, words),
                                 QRect(PAD + inner - box_w, y + words + 2, box_w, box_h)))
        y += height + GAP
    note = ""
    if not refs and not entries:
        note = "由评价组手工评分" if model.entries(leaf)[2] else ""
        y += text_height(metrics, note, inner) if note else 0
    return Layout(refs, refs_rect, tuple(entries), note, y + PAD - (GAP if entries or refs else 0))


def entry_label(spec) -> str:
    if spec.kind == Kind.BOOL.value:
        return f"{spec.name}. {spec.label}"
    unit = UNITS.get(spec.kind, "")
    # The unit stays whole on its line: "（万\n元）" reads as nonsense. Qt breaks Chinese between any two
    # characters; a word joiner (U+2060, drawn as nothing) between them holds.
    return spec.label + (WORD_JOINER.join(unit) if unit not in spec.label else "")


def measure(model, leaf, width: int, font) -> int:
    return layout(model, leaf, width, font).height


def value_text(model, entry: Entry) -> tuple[str, str | None]:
    """What an entry's box shows and in which colour."""
    error = model.error_of(entry.key)
    if error:
        return error[0], "#c0392b"
    value = model.document.report.get(entry.key)
    if entry.kind == Kind.BOOL.value:
        for text, answer, colour in ANSWERS:
            if value is answer:
                return text, colour
        return ANSWERS[0][0], ANSWERS[0][2]
    return display(value), None


def paint(painter, rect: QRect, model, leaf, font) -> None:
    shown = layout(model, leaf, rect.width(), font)
    painter.setFont(font)
    at = rect.topLeft()
    wrap = LEFT_MIDDLE | int(Qt.TextFlag.TextWordWrap.value)
    if shown.refs:
        painter.setPen(QColor("#555555"))
        painter.drawText(shown.refs_rect.translated(at), wrap, shown.refs)
    for entry in shown.entries:
        painter.setPen(QColor("#222222"))
        painter.drawText(entry.label_rect.translated(at), wrap, entry.label)
        box = entry.box.translated(at)
        text, colour = value_text(model, entry)
        painter.fillRect(box, QColor(ERROR_BACKGROUND if model.error_of(entry.key) else "#ffffff"))
        painter.setPen(QPen(QColor("#c8ccd2")))
        painter.drawRect(box.adjusted(0, 0, -1, -1))
        painter.setPen(QColor(colour or "#222222"))
        inside = box.adjusted(5, 0, -5, 0)
        if entry.kind == Kind.BOOL.value:
            painter.drawText(inside, LEFT_MIDDLE, text)
            painter.setPen(QColor("#8a9099"))
            painter.drawText(inside, RIGHT_MIDDLE, "▾")
        else:
            painter.drawText(inside, RIGHT_MIDDLE, text)
    if shown.note:
        painter.setPen(QColor("#555555"))
        painter.drawText(rect.adjusted(PAD, PAD, -PAD, -PAD), wrap, shown.note)


def text(model, leaf):
    """The cell as words (copied, read out): 取自报告 and each entry with its value."""
    from evaldesk.ui.sheet_table import LEFT, Cell

    specs, _quoted, hand_only = model.entries(leaf)
    lines = [model.refs_text(leaf)]
    for spec in specs:
        entry = Entry(sheet_key(leaf.id, "input", spec.name), entry_label(spec), spec.kind, QRect(), QRect())
        lines.append(f"{entry.label}：{value_text(model, entry)[0]}")
    if not specs and not lines[0] and hand_only:
        lines.append("由评价组手工评分")
    return Cell(tuple((line, None) for line in lines if line), align=LEFT)


def editable(model, leaf) -> bool:
    return bool(model.entries(leaf)[0])


class ChecklistAnswer(CellEditor, SteadyComboBox):
    """未判断 / 符合 / 不符合 for one requirement of a checklist (stored when chosen)."""

    CHOICES = tuple((text, answer) for text, answer, _colour in ANSWERS)

    def __init__(self, model, key: str, parent=None):
        super().__init__(parent)
        self.typing = Typing(model, key)
        self.addItems([text for text, _ in self.CHOICES])
        self.show_stored()
        self.activated.connect(lambda index: self.typing.type(self.CHOICES[index][1], merge=False))
        self.follow()

    def show_stored(self) -> None:
        value = self.typing.model.document.report.get(self.typing.key)
        self.setCurrentIndex([v for _, v in self.CHOICES].index(value) if value in (True, False) else 0)


class FigureBox(CellEditor, QLineEdit):
    def __init__(self, model, key: str, parent=None):
        super().__init__(parent)
        self.typing = Typing(model, key)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setText(self.typing.shown())
        error = model.error_of(key)
        self.show_refusal(error[1] if error else None)
        self.textEdited.connect(lambda text: self.show_refusal(self.typing.type(text)))
        self.follow()

    def show_stored(self) -> None:
        self.setText(self.typing.shown())
        self.show_refusal(None)


class InputsEditor(CellEditor, QWidget):
    """The row's figures and checklist answers, editable, each over its painted box."""

    def __init__(self, parent, model, leaf):
        super().__init__(parent)
        self.model, self.leaf = model, leaf
        self.setAutoFillBackground(True)
        self.boxes: dict[str, QWidget] = {}
        for entry in layout(model, leaf, 400, self.font()).entries:
            box = ChecklistAnswer(model, entry.key, self) if entry.kind == Kind.BOOL.value \
                else FigureBox(model, entry.key, self)
            box.installEventFilter(self)
            self.boxes[entry.key] = box
        self.order = list(self.boxes.values())
        if self.order:
            self.setFocusProxy(self.order[0])

    def focus_entry(self, key: str) -> None:
        box = self.boxes.get(key)
        if box is not None:
            box.setFocus()

    def resizeEvent(self, event):  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        for entry in layout(self.model, self.leaf, self.width(), self.font()).entries:
            self.boxes[entry.key].setGeometry(entry.box)

    def paintEvent(self, event):  # noqa: N802 - Qt's name
        from PySide6.QtGui import QPainter

        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        paint(painter, self.rect(), self.model, self.leaf, self.font())   # the boxes cover their painted values
        painter.end()

    def finish(self) -> None:
        for box in self.order:
            box.typing.finish()

    def revert(self) -> None:
        for box in self.order:
            box.typing.revert()

    def replace_on_typing(self) -> None:
        if self.order and isinstance(self.order[0], QLineEdit):
            self.order[0].selectAll()

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() != event.Type.KeyPress or watched not in self.order:
            return False
        key, at = event.key(), self.order.index(watched)
        Hint = QAbstractItemDelegate.EndEditHint
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            step = -1 if key == Qt.Key.Key_Backtab or event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            if 0 <= at + step < len(self.order):
                self.order[at + step].setFocus(Qt.FocusReason.TabFocusReason)
            else:
                self.close_with(Hint.EditNextItem if step > 0 else Hint.EditPreviousItem)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(watched, QLineEdit):
            self.close_with(Hint.SubmitModelCache)
            return True
        if key == Qt.Key.Key_Escape:
            self.close_with(Hint.RevertModelCache)
            return True
        return False
