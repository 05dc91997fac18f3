"""The evaldesk window, its cover's 部门（单位）名称 field focused, for the input-method test (test_fcitx.py): it
prints READY once the field has the keyboard focus, then TYPED and the field's text once Chinese arrived in it
(stored as the filler types: the field commits on every edit), and quits. Run as `python ime_window.py DATA_FILE`.
"""

import re
import sys

from PySide6.QtCore import QTimer

from evaldesk.ui.app import start
from evaldesk.ui.pages import CoverPage

CHINESE = re.compile("[\u4e00-\u9fff]")


def main(db: str) -> int:
    app, window = start(db)
    print("IM plugin:", app.inputMethod().__class__.__name__, flush=True)

    def focus_the_department_field():
        pages = window.findChildren(CoverPage)
        field = pages[0].editors.get("cover.department") if pages else None
        if field is None or not field.isVisible():
            QTimer.singleShot(100, focus_the_department_field)
            return
        window.raise_()
        window.activateWindow()
        field.editor.setFocus()
        if not field.editor.hasFocus():
            QTimer.singleShot(100, focus_the_department_field)
            return
        print("READY", flush=True)
        watch(field)

    def watch(field):
        if CHINESE.search(field.text()):
            print("TYPED", field.text(), flush=True)
            window.close()
            app.quit()
        else:
            QTimer.singleShot(100, lambda: watch(field))

    QTimer.singleShot(0, focus_the_department_field)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
