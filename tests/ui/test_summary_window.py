"""报告 → 汇总报送文件…: a folder in, a summary out, the window never blocked, 取消 honoured."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from benchmarks.summary_files import generate
from evaldesk.ui import dialogs, summary_dialog
from evaldesk.ui.summary_dialog import SummaryOptions, SummaryOptionsDialog


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("bureau")
    generate(root, 4, seed=7)
    return root


def _menu_action(window, text):
    window.menus.fill_reports_menu()
    return next(action for action in window.menus.reports_menu.actions() if action.text() == text)


def test_menu_makes_the_summary_and_offers_to_open_it(window, qtbot, answers, folder, tmp_path, monkeypatch):
    out = tmp_path / "汇总"
    monkeypatch.setattr(dialogs, "open_folder", lambda parent, title, start: str(folder))
    monkeypatch.setattr(dialogs, "save_file", lambda parent, title, suggested, filters: str(out))
    listed = tmp_path / "名单.csv"
    listed.write_text("部门名称\n还没报的局\n", encoding="utf-8")
    asked = []
    monkeypatch.setattr(summary_dialog, "ask_options",
                        lambda parent, options: asked.append(options) or SummaryOptions(str(listed), "某某县", ""))
    answers.yes = False   # do not open it in a spreadsheet program here
    reports_before = window.store.list_reports()
    _menu_action(window, "汇总报送文件…").trigger()
    qtbot.waitUntil(lambda: any(kind == "ask" for kind, *_ in answers.shown), timeout=60000)
    (_kind, title, message), = [entry for entry in answers.shown if entry[0] == "ask"]
    assert title == "汇总完成" and "已汇总 2021 年度 3 个部门" in message   # the one changed after export is not ranked and "问题文件" in message
    assert "1 个应报部门未报送" in message
    written = tmp_path / "汇总.xlsx"   # the extension is added when the filler leaves it out
    assert load_workbook(written).sheetnames == ["汇总说明", "汇总", "指标明细", "等次分布", "问题文件"]
    assert load_workbook(written)["汇总说明"]["A1"].value.startswith("某某县2021年度")
    assert window.settings["summary_options"]["expected"] == str(listed)   # asked with it next time
    assert window.store.list_reports() == reports_before   # nothing imported into the open data file


def test_the_window_is_not_blocked_and_cancel_writes_nothing(window, qtbot, answers, folder, tmp_path):
    out = tmp_path / "汇总.xlsx"
    run = window.summary.start_summary(folder, out)
    assert not run.finished.is_set()           # start_summary returned while the files are still being read
    assert run.progress_dialog.isVisible()
    run.progress_dialog.cancel()
    qtbot.waitUntil(run.finished.is_set, timeout=60000)
    qtbot.waitUntil(lambda: "已取消汇总" in window.statusBar().currentMessage(), timeout=30000)
    assert not out.exists() and run.summary is None
    assert not [entry for entry in answers.shown if entry[0] == "error"]


def test_an_empty_folder_is_said_plainly(window, qtbot, answers, tmp_path):
    (tmp_path / "空").mkdir()
    run = window.summary.start_summary(tmp_path / "空", tmp_path / "汇总.xlsx")
    qtbot.waitUntil(lambda: any(kind == "error" for kind, *_ in answers.shown), timeout=30000)
    assert run.finished.is_set()
    assert "没有 .xlsx 或 .json 文件" in answers.shown[-1][2] and not (tmp_path / "汇总.xlsx").exists()


def test_the_options_dialog_asks_for_the_list_region_and_bureau(window, qtbot, tmp_path):
    dialog = SummaryOptionsDialog(window, SummaryOptions("上年汇总.xlsx", "", "某某县财政局"))
    qtbot.addWidget(dialog)
    dialog.resize(640, 240)
    dialog.grab().save(str(tmp_path / "summary_options.png"))
    dialog.region.setText(" 某某县 ")
    assert dialog.options() == SummaryOptions("上年汇总.xlsx", "某某县", "某某县财政局")
