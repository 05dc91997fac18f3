"""Every modal question the window asks goes through here, so tests can answer without a dialog blocking. Each
fits the screen: a long message keeps its buttons on it, a list is never wider than it, and each dialog made
here is kept within the screen when shown (:func:`evaldesk.ui.screen.kept_on_screen`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from evaldesk.ui.screen import SCREEN_SHARE, available, kept_on_screen

# QMessageBox and QFileDialog are imported where a dialog is made: PySide6 makes a class's enums when it is
# imported (about 2 ms for these two), and the window paints before any dialog is needed.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

# A message longer than this many lines would grow its box past a 720-pixel screen (the buttons under the task
# bar): the first lines are shown and the whole text is one click away in the box's scrolling details.
MAX_MESSAGE_LINES = 14


def message_box(icon: QMessageBox.Icon, title: str, message: str, parent: QWidget | None) -> QMessageBox:
    """A message box that fits the screen whatever the message's length."""
    from PySide6.QtWidgets import QMessageBox

    lines = message.splitlines()
    box = QMessageBox(icon, title, message, QMessageBox.StandardButton.NoButton, parent)
    if len(lines) > MAX_MESSAGE_LINES:
        box.setText("\n".join(lines[:MAX_MESSAGE_LINES - 2]) + f"\n……（共 {len(lines)} 行，点“显示详情…”看全文）")
        box.setDetailedText(message)
    return kept_on_screen(box)


def _tell(critical: bool, parent: QWidget | None, title: str, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = message_box(QMessageBox.Icon.Critical if critical else QMessageBox.Icon.Information, title, message, parent)
    box.addButton("确定", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def error(parent: QWidget | None, title: str, message: str) -> None:
    _tell(True, parent, title, message)


def inform(parent: QWidget | None, title: str, message: str) -> None:
    _tell(False, parent, title, message)


def ask(parent: QWidget | None, title: str, message: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = message_box(QMessageBox.Icon.Question, title, message, parent)
    yes = box.addButton("是", QMessageBox.ButtonRole.YesRole)
    no = box.addButton("否", QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def _file_dialog(parent, title: str, start: str, filters: str, saving: bool) -> str:
    """Qt's own file dialog with its labels in Chinese: PySide6's wheels ship no qtbase_zh_CN translation, so
    the words a filler reads first are set here (the rest of the dialog comes from qt_zh_CN where it can)."""
    from PySide6.QtWidgets import QFileDialog

    dialog = kept_on_screen(QFileDialog(parent, title, start, filters))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if saving else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if saving else QFileDialog.FileMode.ExistingFile)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = {QFileDialog.DialogLabel.LookIn: "查找范围：", QFileDialog.DialogLabel.FileName: "文件名：",
              QFileDialog.DialogLabel.FileType: "文件类型：", QFileDialog.DialogLabel.Reject: "取消",
              QFileDialog.DialogLabel.Accept: "保存" if saving else "打开"}
    for label, text in labels.items():
        dialog.setLabelText(label, text)
    if saving:
        suffix = start.rsplit(".", 1)[-1] if "." in start.rsplit("/", 1)[-1] else ""
        dialog.setDefaultSuffix(suffix)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]


def open_file(parent: QWidget | None, title: str, folder: str, filters: str) -> str:
    return _file_dialog(parent, title, folder, filters, saving=False)


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    return _file_dialog(parent, title, suggested, filters, saving=True)


def chooser(parent: QWidget | None, title: str, label: str, items: list[str], current: int = 0):
    """The list :func:`choose` asks from: never wider than the screen however long its entries (a backup's
    description), its label wrapped."""
    from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel

    dialog = kept_on_screen(QInputDialog(parent))
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setComboBoxItems(items)
    dialog.setComboBoxEditable(False)
    dialog.setTextValue(items[current] if 0 <= current < len(items) else "")
    dialog.setOkButtonText("确定")
    dialog.setCancelButtonText("取消")
    width = int(available(parent).width() * SCREEN_SHARE)
    for combo in dialog.findChildren(QComboBox):  # the box as wide as the dialog; its open list shows entries whole
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)
        combo.view().setMinimumWidth(min(combo.view().sizeHintForColumn(0) + 24, width))
    for text in dialog.findChildren(QLabel):
        text.setWordWrap(True)
    dialog.setMaximumWidth(width)
    return dialog


def choose(parent: QWidget | None, title: str, label: str, items: list[str], current: int = 0) -> int | None:
    """Pick one of ``items``; the index, or None when cancelled."""
    dialog = chooser(parent, title, label, items, current)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    text = dialog.textValue()
    return items.index(text) if text in items else None


def decide(parent: QWidget | None, title: str, message: str, options: list[str]) -> int | None:
    """A question with several answers and 取消; the index of the chosen answer, or None."""
    from PySide6.QtWidgets import QMessageBox

    box = message_box(QMessageBox.Icon.Question, title, message, parent)
    buttons = [box.addButton(text, QMessageBox.ButtonRole.AcceptRole) for text in options]
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else None


def open_folder(parent: QWidget | None, title: str, start: str) -> str:
    """Pick a folder (Qt's own dialog, labels in Chinese as in _file_dialog); '' when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    dialog = kept_on_screen(QFileDialog(parent, title, start))
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    for label, text in {QFileDialog.DialogLabel.LookIn: "查找范围：", QFileDialog.DialogLabel.FileName: "文件夹：",
                        QFileDialog.DialogLabel.Reject: "取消", QFileDialog.DialogLabel.Accept: "选择"}.items():
        dialog.setLabelText(label, text)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]


def print_setup(parent: QWidget | None, printer) -> bool:
    """Qt's print dialog on ``printer`` (which printer, 双面, 份数, pages; to a file too); whether to print.
    Its options open at once (on Linux Qt folds them behind 选项 >>), so 份数 and 双面 are in sight."""
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog
    from PySide6.QtWidgets import QPushButton

    dialog = kept_on_screen(QPrintDialog(printer, parent))
    dialog.setWindowTitle("打印")
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    unfold = [button for button in dialog.findChildren(QPushButton) if button.text().endswith(">>")]
    if unfold:   # Windows' native dialog has no such button: nothing to do there
        QTimer.singleShot(0, unfold[0].click)
    return dialog.exec() == QDialog.DialogCode.Accepted
