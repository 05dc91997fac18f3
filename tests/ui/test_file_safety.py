"""The window and the data file: a second window is offered read-only, a damaged file its backup, a file changed
under the window is read again, and every failure at start is a dialog."""


from tests import raw_file

from PySide6.QtWidgets import QLineEdit

from evaldesk.datafile import backups
from evaldesk.datafile.store import Store
from evaldesk.ui.app import open_window


def test_a_second_window_is_told_who_holds_the_file_and_opens_it_read_only(window, qtbot, answers):
    answers.shown.clear()
    second = open_window(window.store.path)
    qtbot.addWidget(second)
    kind, _title, message = answers.shown[0]
    assert kind == "decide" and "正由" in message and "只读" in message
    assert second.store is not None and second.store.read_only
    assert "只读" in second.windowTitle() and not second.read_only_label.isHidden()
    assert second.document.report.department == window.document.report.department
    boxes = [box for page in second.pages for box in page.findChildren(QLineEdit)]
    assert boxes and all(box.isReadOnly() for box in boxes)


def test_declining_read_only_leaves_the_window_without_a_file(window, qtbot, answers):
    answers.yes = False
    second = open_window(window.store.path)
    qtbot.addWidget(second)
    assert second.store is None and second.document is None
    assert "未打开数据文件" in second.welcome.where.text()


def test_a_read_only_window_follows_the_writer(window, qtbot, answers):
    second = open_window(window.store.path)
    qtbot.addWidget(second)
    from evaldesk.model.edits import SetField

    window.document.apply(SetField("basic.contact", "王五"))
    assert second.files.look_for_changes()
    assert second.document.report.fields["basic.contact"] == "王五"


def test_a_writer_switching_tabs_does_not_make_a_reader_read_the_file_again(window, qtbot, answers):
    """Where the writer's window stands is its own: a reader of the file keeps its pages, and its status bar does
    not say the file changed, however often the writer switches tab or report."""
    second = open_window(window.store.path)
    qtbot.addWidget(second)
    assert second.store.read_only
    pages = list(second.pages.built())
    second.statusBar().clearMessage()
    for tab in (3, 5, 0, 6):
        window.tabs.setCurrentIndex(tab)
    window.files.add_sample()                       # a report added is report data: read again
    assert second.files.look_for_changes()
    pages = list(second.pages.built())
    second.statusBar().clearMessage()
    window.open_report(1)                           # another report shown, and its tabs switched
    window.tabs.setCurrentIndex(2)
    assert not second.files.look_for_changes()      # the reader's poll, driven here: the file holds no change
    assert list(second.pages.built()) == pages and "修改" not in second.statusBar().currentMessage()


def test_the_window_reopens_where_the_filler_was_from_the_settings_not_the_file(window, qtbot, answers):
    from evaldesk.app.datafile import open_data_file

    path = window.store.path
    window.files.add_sample()
    window.tabs.setCurrentIndex(4)
    second_report = window.document.report.id
    window.close()
    again = open_window(path)
    qtbot.addWidget(again)
    assert again.document.report.id == second_report and again.tabs.currentIndex() == 4
    again.close()
    store = open_data_file(path, read_only=True)
    assert store.get_state("open_report") is None and store.get_state("tab") is None   # nothing of it in the file
    store.close()


def test_a_write_over_another_programs_change_is_refused_and_the_window_reads_again(window, answers):
    from evaldesk.model.edits import SetField

    with raw_file.connect(window.store.path) as other:
        other.execute("UPDATE field SET value = 't:别处改的' WHERE key = 'basic.contact'")
    answers.shown.clear()
    assert not window.document.apply(SetField("cover.department", "这边改的"))
    assert answers.shown and answers.shown[-1][1] == "数据文件已在别处修改"
    assert window.document.report.fields["basic.contact"] == "别处改的"


def test_a_damaged_file_at_start_is_offered_its_newest_backup(app, qtbot, tmp_path, sample, answers):
    path = tmp_path / "data.sqlite"
    store = Store(path)
    store.add(sample)
    backups.make_backup(store)
    store.close()
    with raw_file.connect(path) as raw:
        raw.execute("PRAGMA user_version = -1")
    win = open_window(path)
    qtbot.addWidget(win)
    kind, title, message = answers.shown[0]
    assert kind == "decide" and title == "数据文件已损坏" and "1 份报告" in message
    assert win.document is not None and win.document.report.year == 2021
    assert any("恢复前" in name.name for name in backups.folder_of(path).iterdir())


def test_a_read_only_folder_at_start_is_a_dialog_not_a_vanished_window(app, qtbot, tmp_path, sample, answers,
                                                                        monkeypatch):
    path = tmp_path / "data.sqlite"
    Store(path).close()
    import os

    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    win = open_window(path)
    qtbot.addWidget(win)
    assert answers.shown[0][0] == "decide" and "只读" in answers.shown[0][2]
    assert win.store is not None and win.store.read_only


def test_an_unexpected_failure_at_start_is_a_dialog(app, qtbot, tmp_path, answers, monkeypatch):
    from evaldesk.app import datafile

    monkeypatch.setattr(datafile, "open_data_file", lambda *a, **k: (_ for _ in ()).throw(MemoryError("x")))
    win = open_window(tmp_path / "data.sqlite")
    qtbot.addWidget(win)
    assert answers.shown[0][0] == "error" and "意外错误" in answers.shown[0][2]
    assert win.store is None


def test_backup_to_copies_without_switching(window, tmp_path, monkeypatch):
    from evaldesk.ui import dialogs

    target = tmp_path / "U盘" / "备份.sqlite"
    target.parent.mkdir()
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    before = window.store.path
    window.files.back_up_to()
    assert window.store.path == before
    copy = Store(target, read_only=True)
    assert [info.department for info in copy.list_reports()] == ["中共岳阳市云溪区委机构编制委员会办公室"]
    copy.close()


def test_restore_from_backup_lists_the_backups_and_brings_one_back(window, monkeypatch, answers):
    from evaldesk.model.edits import SetField
    from evaldesk.ui import dialogs

    backups.make_backup(window.store)
    window.document.apply(SetField("cover.department", "改坏了"))
    offered = []
    monkeypatch.setattr(dialogs, "choose", lambda parent, title, label, items, current=0: offered.extend(items) or 0)
    window.files.restore_from_backup()
    assert offered and "1 份报告" in offered[0]
    assert window.document.report.department == "中共岳阳市云溪区委机构编制委员会办公室"
    assert not window.store.read_only


def test_damage_found_in_a_row_after_opening_is_offered_the_backup_too(app, qtbot, tmp_path, sample, answers):
    path = tmp_path / "data.sqlite"
    store = Store(path)
    store.add(sample)
    backups.make_backup(store)
    store.close()
    with raw_file.connect(path) as raw:
        raw.execute("UPDATE field SET value = 'd:九十' WHERE key = 'basic.contact'")
    win = open_window(path)
    qtbot.addWidget(win)
    assert [(kind, title) for kind, title, _ in answers.shown] == [("decide", "报告已损坏")]
    assert "其他报告也会回到备份时的内容" in answers.shown[0][2]
    assert win.document is not None and win.document.report.fields["basic.contact"] == sample.fields["basic.contact"]


def test_a_damaged_report_alone_is_refused_and_the_others_open(app, qtbot, tmp_path, sample, answers):
    path = tmp_path / "data.sqlite"
    store = Store(path)
    sample.fields["basic.contact"] = "联系人甲乙丙"
    store.add(sample)
    from evaldesk.exchange.report_json import read_json
    from evaldesk.resources import SAMPLE_REPORT

    second = read_json(SAMPLE_REPORT)
    second.fields["cover.department"] = "第二个部门"
    second.fields["basic.contact"] = "王五"
    store.add(second)
    store.set_state("open_report", "1")
    store.close()
    data = path.read_bytes()  # a bit flip in report 1's contact, readable but not what was written
    flipped = sample.fields["basic.contact"].encode()
    assert data.count(flipped) == 1
    path.write_bytes(data.replace(flipped, flipped[:-1] + bytes([flipped[-1] ^ 1]), 1))
    answers.yes = False  # (there is no backup: the dialog is an error) — the window stays on the file
    win = open_window(path)
    qtbot.addWidget(win)
    assert answers.shown[0][1] == "报告已损坏" and "报告 1 已损坏" in answers.shown[0][2]
    assert win.store is not None and not win.store.damaged
    titles = [info.title() for info in win.store.list_reports()]
    assert any("无法打开" in title for title in titles)
    win.open_report(2)
    assert win.document is not None and win.document.report.department == "第二个部门"


def test_a_read_only_window_disables_the_menus_that_write_and_says_why(window, qtbot, answers):
    def by_text(actions):
        return {action.text(): action for action in actions}

    writer = by_text(window.menus.write_actions)
    assert writer["导入报告（xlsx / JSON）…"].isEnabled() and writer["编辑评分表…"].isEnabled()
    second = open_window(window.store.path)
    qtbot.addWidget(second)
    assert second.store.read_only
    for action in second.menus.write_actions:  # 新建报告, 导入报告, 更换/编辑评分表, 导入评分表模板
        assert not action.isEnabled() and "只读" in action.toolTip(), action.text()
    assert {"新建报告…", "导入报告（xlsx / JSON）…", "编辑评分表…", "导入评分表模板…"} <= set(by_text(second.menus.write_actions))
    exports = by_text(second.menus.report_actions)
    assert exports["导出报送文件（xlsx）…"].isEnabled() and exports["打印…"].isEnabled()  # reading still works
    second.menus.fill_reports_menu()
    entries = by_text(second.menus.reports_menu.actions())
    for text in ("新建报告…", "从本报告新建下一年度…", "加入参考样例", "删除当前报告…"):
        assert not entries[text].isEnabled() and "只读" in entries[text].toolTip()
    window.menus.fill_reports_menu()
    assert by_text(window.menus.reports_menu.actions())["删除当前报告…"].isEnabled()


def test_a_stale_lock_from_another_computer_can_be_broken_after_a_warning(app, qtbot, tmp_path, answers, monkeypatch):
    import json

    from evaldesk.datafile.lock import lock_path
    from evaldesk.ui import dialogs

    path = tmp_path / "data.sqlite"
    Store(path).close()
    lock_path(path).write_text(json.dumps({"user": "李四", "host": "财务室电脑", "since": "2026-03-01T09:30:00",
                                           "pid": 1}), encoding="utf-8")
    choices = iter([1])  # 强制解除锁定…
    monkeypatch.setattr(dialogs, "decide", lambda parent, title, message, options:
                        answers.shown.append(("decide", title, message, options)) or next(choices, None))
    win = open_window(path)
    qtbot.addWidget(win)
    assert "强制解除锁定…" in answers.shown[0][3] and "李四" in answers.shown[0][2]
    warning = answers.shown[1]
    assert warning[:2] == ("ask", "强制解除锁定") and "互相覆盖" in warning[2] and lock_path(path).name in warning[2]
    assert win.store is not None and not win.store.read_only  # the window writes now, under its own lock
    held = json.loads(lock_path(path).read_text(encoding="utf-8"))
    assert held["host"] != "财务室电脑"


def test_declining_the_warning_leaves_the_other_computers_lock(app, qtbot, tmp_path, answers, monkeypatch):
    import json

    from evaldesk.datafile.lock import lock_path
    from evaldesk.ui import dialogs

    path = tmp_path / "data.sqlite"
    Store(path).close()
    lock_path(path).write_text(json.dumps({"user": "李四", "host": "财务室电脑", "since": "2026-03-01T09:30:00",
                                           "pid": 1}), encoding="utf-8")
    monkeypatch.setattr(dialogs, "decide", lambda parent, title, message, options: 1)
    answers.yes = False
    win = open_window(path)
    qtbot.addWidget(win)
    assert win.store is None
    assert json.loads(lock_path(path).read_text(encoding="utf-8"))["host"] == "财务室电脑"


def test_a_report_read_again_after_another_programs_change_stays_on_its_tab_with_its_new_findings(window, qtbot):
    """A read-only window beside the writer reads the report again every few seconds: the filler stays on the tab
    they were reading, and the 审核 counts and panel are those of the report as it now is."""
    from tests.ui.conftest import settle

    from evaldesk.model.edits import SetField

    second = open_window(window.store.path)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    settle(second, qtbot)
    second.tabs.setCurrentIndex(3)
    assert "错误 0" in second.audit_label.text()
    window.document.apply(SetField("basic.contact", ""))  # an error the reviewer reports
    assert second.files.look_for_changes()
    settle(second, qtbot)
    assert second.tabs.currentIndex() == 3
    qtbot.waitUntil(lambda: "错误 1" in second.audit_label.text(), timeout=30000)
    assert second.audit_panel.document is second.document
    assert second.audit_panel.tree.count() == len(second.document.findings)
    assert any("联系人" in second.audit_panel.tree.item(row).text() for row in range(second.audit_panel.tree.count()))


def test_a_read_only_window_stays_read_only_in_another_font_size(window, qtbot):
    """字号 builds the report's tabs again: in a read-only window they still accept no typing."""
    second = open_window(window.store.path)
    qtbot.addWidget(second)
    second.set_font_size("较大")
    boxes = [box for page in second.pages for box in page.findChildren(QLineEdit)]
    assert boxes and all(box.isReadOnly() for box in boxes)


def test_a_damaged_report_is_offered_the_newest_backup_that_holds_it_whole(app, qtbot, tmp_path, sample, answers):
    """A copy made after the damage (the daily one, while the filler edited the file's other reports) lists its
    reports like any other: offering it would restore the damage. The newest copy whose report reads is offered."""
    import datetime as dt
    import shutil

    path = tmp_path / "data.sqlite"
    store = Store(path)
    store.add(sample)
    good = backups.make_backup(store, dt.datetime.now() - dt.timedelta(days=2))
    store.close()
    with raw_file.connect(path) as raw:
        raw.execute("UPDATE field SET value = 'd:九十' WHERE key = 'basic.contact'")
    later = backups.folder_of(path) / f"data-{(dt.datetime.now() - dt.timedelta(days=1)):%Y%m%d-%H%M%S}.sqlite"
    shutil.copyfile(path, later)  # a day later, with the damage in it
    win = open_window(path)
    qtbot.addWidget(win)
    assert [(kind, title) for kind, title, _ in answers.shown] == [("decide", "报告已损坏")]
    assert good.stem[-15:-7] in answers.shown[0][2].replace("-", "")  # the day of the good copy
    assert win.document is not None and win.document.report.fields["basic.contact"] == sample.fields["basic.contact"]
