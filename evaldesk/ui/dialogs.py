"""Every modal question the window asks goes through here, so tests can answer without a dialog blocking."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)


def inform(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def ask(parent: QWidget | None, title: str, message: str) -> bool:
    answer = QMessageBox.question(parent, title, message,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def _file_dialog(parent, title: str, start: str, filters: str, saving: bool) -> str:
    """Qt's own file dialog with its labels in Chinese: PySide6's wheels ship no qtbase_zh_CN translation, so
    the words a filler reads first are set here (the rest of the dialog comes from qt_zh_CN where it can)."""
    dialog = QFileDialog(parent, title, start, filters)
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


def choose(parent: QWidget | None, title: str, label: str, items: list[str], current: int = 0) -> int | None:
    """Pick one of ``items``; the index, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getItem(parent, title, label, items, current, False)
    return items.index(text) if ok and text in items else None


def decide(parent: QWidget | None, title: str, message: str, options: list[str]) -> int | None:
    """A question with several answers and 取消; the index of the chosen answer, or None."""
    box = QMessageBox(QMessageBox.Icon.Question, title, message, QMessageBox.StandardButton.NoButton, parent)
    buttons = [box.addButton(text, QMessageBox.ButtonRole.AcceptRole) for text in options]
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else None


def open_folder(parent: QWidget | None, title: str, start: str) -> str:
    """Pick a folder (Qt's own dialog, labels in Chinese as in _file_dialog); '' when cancelled."""
    dialog = QFileDialog(parent, title, start)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    for label, text in {QFileDialog.DialogLabel.LookIn: "查找范围：", QFileDialog.DialogLabel.FileName: "文件夹：",
                        QFileDialog.DialogLabel.Reject: "取消", QFileDialog.DialogLabel.Accept: "选择"}.items():
        dialog.setLabelText(label, text)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]
