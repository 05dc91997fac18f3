"""The SQLite file: several reports, every edit written at once, exact figures, undo, migrations, foreign files."""

import json

from tests import raw_file
from decimal import Decimal

import pytest

from evaldesk.exchange.report_json import to_document
from evaldesk.datafile import schema
from evaldesk.model.edits import (
    Batch, InsertItem, InsertUnit, MoveItem, MoveUnit, RemoveItem, RemoveUnit, RenameUnit, SetCell, SetField,
    SetItemValue,
)
from evaldesk.model.carried import Carried
from evaldesk.model.report import Item, Unit, new_report
from evaldesk.datafile.store import Store, StoreError, default_db_path, open_store
from evaldesk.model.values import Rejected
from evaldesk.scoring.engine import score_report

D = Decimal


def reopened(store, report_id):
    """The report as a second window opening the same file would see it."""
    other = Store(store.path, read_only=True)
    try:
        return other.load(report_id)
    finally:
        other.close()


def test_several_reports_in_one_file(store, sample, blank_report):
    store.add(sample)
    SetField("cover.department", "岳阳市云溪区财政局").apply(blank_report)
    blank_report.year = 2022
    store.add(blank_report)
    infos = store.list_reports()
    assert [(i.year, i.department, i.budget_code) for i in infos] == [
        (2022, "岳阳市云溪区财政局", ""), (2021, "中共岳阳市云溪区委机构编制委员会办公室", "141")]
    assert score_report(store.load(sample.id)).total == D("92.5")
    assert store.load(blank_report.id).department == "岳阳市云溪区财政局"
    assert to_document(store.load(sample.id)) == to_document(sample)


def test_each_edit_is_committed_at_once(store, sample):
    store.add(sample)
    store.apply(sample, SetCell(sample.units[0].id, "expense.project", "12.5"))
    store.apply(sample, SetField("sheet.satisfaction.input.survey", "96"))
    seen = reopened(store, sample.id)
    assert seen.units[0].cells["expense.project"] == D("12.5")
    assert score_report(seen).indicators["satisfaction"].score == D(5)


def test_figures_are_never_stored_as_real(store, sample):
    store.add(sample)
    store.apply(sample, SetCell(sample.units[1].id, "assets.in_use", "0.1"))
    with raw_file.connect(store.path) as raw:
        kinds = {row[0] for table in ("field", "cell") for row in raw.execute(f"SELECT typeof(value) FROM {table}")}
        stored = raw.execute("SELECT value FROM cell WHERE unit_id = ? AND key = 'assets.in_use'",
                             (sample.units[1].id,)).fetchone()[0]
    assert kinds == {"text"}
    assert stored == "d:0.1"
    assert store.load(sample.id).units[1].cells["assets.in_use"] == D("0.1")   # exactly, not 0.1000000000000000055


def test_undo_through_the_returned_inverse(store, sample):
    store.add(sample)
    unit = sample.units[0].id
    inverse = store.apply(sample, SetCell(unit, "income.general", "１００"))
    assert reopened(store, sample.id).units[0].cells["income.general"] == D(100)
    store.apply(sample, inverse)
    assert reopened(store, sample.id).units[0].cells["income.general"] == D("90.5")
    inverse = store.apply(sample, SetField("sheet.budget_adjustment.reason", None))
    assert "sheet.budget_adjustment.reason" not in reopened(store, sample.id).fields
    store.apply(sample, inverse)
    assert reopened(store, sample.id).reason("budget_adjustment").startswith("2021年年初预算73.5万元")


def test_units_removed_inserted_moved_renamed_persist(store, sample):
    store.add(sample)
    first = sample.units[0]
    undo_remove = store.apply(sample, RemoveUnit(first.id))
    seen = reopened(store, sample.id)
    assert [u.name for u in seen.units] == ["二级机构1", "二级机构2"]
    assert score_report(seen).indicators["asset_use"].state.value == "missing"   # its 11.3 went with it
    store.apply(sample, undo_remove)
    seen = reopened(store, sample.id)
    assert [u.name for u in seen.units] == ["局机关", "二级机构1", "二级机构2"]
    assert seen.units[0].cells == first.cells

    store.apply(sample, InsertUnit(1, Unit("newunit0001", "区机构编制信息中心", {"income.general": D(3)})))
    store.apply(sample, MoveUnit("newunit0001", 3))
    store.apply(sample, RenameUnit(sample.units[1].id, "区编办机关服务中心"))
    seen = reopened(store, sample.id)
    assert [u.name for u in seen.units] == ["局机关", "区编办机关服务中心", "二级机构2", "区机构编制信息中心"]
    assert seen.units[3].cells == {"income.general": D(3)}
    assert score_report(seen).indicators["fund_balance"].state.value == "computed"


def test_list_items_inserted_edited_moved_removed_persist(store, sample):
    store.add(sample)
    store.apply(sample, InsertItem("tasks", 10, Item("task0000011", {"text": "完成年度绩效自评。"})))
    store.apply(sample, MoveItem("tasks", "task0000011", 0))
    store.apply(sample, SetItemValue("tasks", "task0000011", "text", "完成2021年度绩效自评。"))
    first_goal = sample.items("goals")[0].id
    undo = store.apply(sample, RemoveItem("goals", first_goal))
    seen = reopened(store, sample.id)
    assert seen.items("tasks")[0].values == {"text": "完成2021年度绩效自评。"}
    assert len(seen.items("tasks")) == 11
    assert [g.values["text"] for g in seen.items("goals")][0] == "园区管理体制改革"
    store.apply(sample, undo)
    assert reopened(store, sample.id).items("goals")[0].values["text"] == "事权下放属地管理改革"


def test_list_item_refuses_an_unknown_kind(store, sample):
    store.add(sample)
    quant = sample.items("quant")[0].id
    with pytest.raises(Rejected, match="指标类型应为"):
        store.apply(sample, SetItemValue("quant", quant, "kind", "心情指标"))
    assert reopened(store, sample.id).items("quant")[0].values["kind"] == "质量指标"


def test_a_batch_is_all_or_nothing(store, sample):
    store.add(sample)
    unit = sample.units[0].id
    before = to_document(sample)
    with pytest.raises(Rejected):
        store.apply(sample, Batch([SetCell(unit, "income.general", "1"), SetCell(unit, "income.other", "x")]))
    assert to_document(sample) == before
    assert to_document(reopened(store, sample.id)) == before


def test_default_file_in_the_data_folder_created_on_first_use(private_data_folder):
    assert not private_data_folder.exists()
    assert default_db_path() == private_data_folder / "evaldesk.sqlite"
    opened = open_store()
    try:
        assert opened.path == private_data_folder / "evaldesk.sqlite"
        assert opened.path.is_file()
        assert opened.list_reports() == []
    finally:
        opened.close()


# ---------------------------------------------------------------- the schema and its upgrades


def _make_v1_file(path, sample):
    """A file as the first schema wrote it, holding the reference report's cover and one figure."""
    with raw_file.connect(path) as raw:
        for statement in schema.SCHEMA_V1:
            raw.execute(statement)
        raw.execute("INSERT INTO report (id, year, template_id, template_json, created_at, updated_at) "
                    "VALUES (1, 2021, ?, ?, '2022-07-15T09:00:00', '2022-07-15T09:00:00')",
                    (sample.template.id, sample.template.to_json()))
        raw.execute("INSERT INTO field VALUES (1, 'cover.department', 't:中共岳阳市云溪区委机构编制委员会办公室')")
        raw.execute("INSERT INTO field VALUES (1, 'basic.staff_quota', 'i:6')")
        raw.execute("INSERT INTO field VALUES (1, 'sheet.satisfaction.input.survey', 'd:92')")
        raw.execute("INSERT INTO unit VALUES (1, 'u1', 0, '局机关')")
        raw.execute("INSERT INTO cell VALUES (1, 'u1', 'income.general', 'd:90.5')")
        raw.execute("INSERT INTO item VALUES (1, 'tasks', 't1', 0, '{\"text\": \"推进园区管理体制改革。\"}')")
        raw.execute("PRAGMA user_version = 1")


def _user_version(path):
    with raw_file.connect(path) as raw:
        return raw.execute("PRAGMA user_version").fetchone()[0]


def test_a_version_1_file_is_upgraded_and_keeps_its_data(tmp_path, sample):
    path = tmp_path / "old.sqlite"
    _make_v1_file(path, sample)
    opened = Store(path)
    try:
        report = opened.load(1)
        assert report.department == "中共岳阳市云溪区委机构编制委员会办公室"
        assert report.fields["basic.staff_quota"] == 6
        assert report.units[0].cells == {"income.general": D("90.5")}
        assert report.items("tasks")[0].values == {"text": "推进园区管理体制改革。"}
        assert score_report(report).indicators["satisfaction"].score == D(3)
        opened.set_state("open_report", "1")     # the version 2 table is there
        assert opened.get_state("open_report") == "1"
    finally:
        opened.close()
    assert _user_version(path) == schema.SCHEMA_VERSION


def test_a_failing_upgrade_leaves_the_file_as_it_was(tmp_path, sample, monkeypatch):
    path = tmp_path / "old.sqlite"
    _make_v1_file(path, sample)
    before = path.read_bytes()

    def broken_upgrade(connection):
        from sqlalchemy import text

        connection.execute(text("CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"))
        connection.execute(text("ALTER TABLE no_such_table ADD COLUMN x TEXT"))

    monkeypatch.setitem(schema.UPGRADES, 2, broken_upgrade)
    with pytest.raises(StoreError):
        Store(path)
    assert path.read_bytes() == before
    assert _user_version(path) == 1
    with raw_file.connect(path) as raw:
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "app_state" not in tables


def _refused_untouched(path, *fragments):
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert path.read_bytes() == before
    for fragment in fragments:
        assert fragment in str(caught.value)


def test_a_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes("这是一份会议记录，不是数据库。\n".encode("utf-8") * 200)
    _refused_untouched(path, "不是 evaldesk 数据文件", "未作任何修改")


def test_a_file_with_a_sqlite_header_but_garbage(tmp_path):
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    _refused_untouched(path, "已损坏")


def test_a_newer_schema(tmp_path, sample):
    path = tmp_path / "newer.sqlite"
    _make_v1_file(path, sample)
    with raw_file.connect(path) as raw:
        raw.execute("PRAGMA user_version = 99")
    _refused_untouched(path, "更新版本的 evaldesk", "99")


@pytest.mark.parametrize("user_version", [0, 1, schema.SCHEMA_VERSION])
def test_another_programs_sqlite_file(tmp_path, user_version):
    path = tmp_path / "contacts.sqlite"
    with raw_file.connect(path) as raw:
        raw.execute("CREATE TABLE contact (name TEXT, phone TEXT)")
        raw.execute("INSERT INTO contact VALUES ('张常成', '8417107')")
        raw.execute(f"PRAGMA user_version = {user_version}")
    _refused_untouched(path, "其他程序的 SQLite 文件")


def test_a_folder_is_not_a_data_file(tmp_path):
    with pytest.raises(StoreError, match="是一个文件夹"):
        Store(tmp_path)


def test_an_empty_file_becomes_a_data_file(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    opened = Store(path)
    opened.close()
    assert _user_version(path) == schema.SCHEMA_VERSION


def test_a_deleted_reports_marks_do_not_reach_the_next_report_with_its_id(store, sample):
    from evaldesk.app.next_year import carried_marks, create_next_year

    store.add(sample)
    new, carried = create_next_year(store, sample.id)
    assert carried_marks(store, new.id).fields
    store.delete(new.id)
    blank = new_report(2030, sample.template, "另一个部门")
    store.add(blank)
    assert blank.id == new.id  # SQLite hands the id out again …
    assert not carried_marks(store, blank.id).fields  # … but not the old report's "carried" marks


# ---------------------------------------------------------------- per-report state: the draft and the carried marks

# A version 2 file kept each report's draft and carried marks in app_state; this is what it wrote (newyear.Carried).
V2_CARRIED = ('{"source_year": 2020, "fields": {"cover.department": "t:中共岳阳市云溪区委机构编制委员会办公室", '
              '"basic.staff_quota": "i:6"}, "cells": [["u1", "income.carryover", "d:3.25"]]}')


def _make_v2_file(path, sample):
    """A version 2 file: the version 1 report (id 1) and a second report (id 2), with report 1's draft and carried
    marks in app_state, report 2's unreadable, and rows left behind by a report 7 deleted long ago."""
    from sqlalchemy import create_engine, text

    from evaldesk.templates import edit

    _make_v1_file(path, sample)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        schema.upgrade_to_2(connection)
        connection.execute(text("PRAGMA user_version = 2"))
    engine.dispose()
    draft = edit.set_weight(sample.template.data, "staff_control", "6")
    with raw_file.connect(path) as raw:
        raw.execute("INSERT INTO report (id, year, template_id, template_json, created_at, updated_at) "
                    "VALUES (2, 2022, ?, ?, '2023-01-05T09:00:00', '2023-01-05T09:00:00')",
                    (sample.template.id, sample.template.to_json()))
        raw.executemany("INSERT INTO app_state (key, value) VALUES (?, ?)", [
            ("open_report", "1"), ("tab", "2"),
            ("template_draft.1", json.dumps(draft, ensure_ascii=False)), ("carried.1", V2_CARRIED),
            ("template_draft.2", "{not json"), ("carried.2", '{"fields": {"basic.phone": "x:8417107"}}'),
            ("template_draft.7", json.dumps(draft)), ("carried.7", V2_CARRIED)])
    return draft


def _rows(path, table):
    with raw_file.connect(path) as raw:
        return raw.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()


def test_a_version_2_file_moves_drafts_and_carried_marks_into_their_tables(tmp_path, sample):
    path = tmp_path / "v2.sqlite"
    draft = _make_v2_file(path, sample)
    opened = Store(path)
    try:
        assert opened.load(1).template_draft == draft
        assert opened.carried(1) == Carried(
            fields={"cover.department": "中共岳阳市云溪区委机构编制委员会办公室", "basic.staff_quota": 6},
            cells={("u1", "income.carryover"): D("3.25")}, source_year=2020)
        # unreadable rows are dropped, as an unreadable draft was dropped on loading before
        assert opened.load(2).template_draft is None
        assert opened.carried(2) == Carried()
        assert opened.get_state("open_report") == "1" and opened.get_state("tab") == "2"
    finally:
        opened.close()
    assert _user_version(path) == schema.SCHEMA_VERSION
    assert _rows(path, "app_state") == [("open_report", "1"), ("tab", "2")]  # the deleted report 7's rows too
    assert [row[0] for row in _rows(path, "template_draft")] == [1]
    assert [row[0] for row in _rows(path, "carried")] == [1]


def test_a_failing_upgrade_to_3_leaves_the_version_2_file_as_it_was(tmp_path, sample, monkeypatch):
    path = tmp_path / "v2.sqlite"
    _make_v2_file(path, sample)
    before = path.read_bytes()

    def broken_upgrade(connection):
        from sqlalchemy import text

        schema.upgrade_to_3(connection)  # the whole move done, then a failure: none of it may stay
        connection.execute(text("ALTER TABLE no_such_table ADD COLUMN x TEXT"))

    monkeypatch.setitem(schema.UPGRADES, 3, broken_upgrade)
    with pytest.raises(StoreError):
        Store(path)
    assert path.read_bytes() == before
    assert _user_version(path) == 2
    assert len(_rows(path, "app_state")) == 8
    with raw_file.connect(path) as raw:
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not tables & {"template_draft", "carried", "carried_value"}


def _next_year_with_a_draft(store, sample):
    """A new year's report made from the sample (it has carried marks) with a draft score sheet."""
    from evaldesk.model.edits import SetTemplateDraft
    from evaldesk.templates import edit
    from evaldesk.app.next_year import create_next_year

    sample.units[0].cells["expense.balance_total"] = D("3.25")  # so a cell is carried too
    store.add(sample)
    new, carried = create_next_year(store, sample.id)
    assert carried.fields and carried.cells
    store.apply(new, SetTemplateDraft(edit.set_weight(new.template.data, "staff_control", "6")))
    assert store.carried(new.id) == carried
    assert reopened(store, new.id).template_draft is not None
    return new


def test_deleting_a_report_deletes_its_draft_and_carried_marks(store, sample):
    new = _next_year_with_a_draft(store, sample)
    store.delete(new.id)  # by ON DELETE CASCADE, nothing else
    for table in ("template_draft", "carried", "carried_value"):
        assert _rows(store.path, table) == []
    assert store.load(sample.id).fields  # the other report is untouched


def test_replacing_a_report_clears_its_draft_and_carried_marks(store, sample):
    from evaldesk.exchange.report_json import read_json
    from evaldesk.resources import SAMPLE_REPORT

    new = _next_year_with_a_draft(store, sample)
    store.replace(new.id, read_json(SAMPLE_REPORT))
    assert reopened(store, new.id).template_draft is None
    assert store.carried(new.id) == Carried()
    for table in ("template_draft", "carried", "carried_value"):
        assert _rows(store.path, table) == []


def test_carried_marks_come_back_as_typed_values_and_a_new_record_replaces_the_old(store, sample):
    import datetime as dt

    store.add(sample)
    marks = Carried(fields={"basic.staff_quota": 6, "cover.report_date": dt.date(2022, 3, 1), "basic.phone": "0730",
                            "sheet.x.input.y": D("0.10")},
                    cells={(sample.units[0].id, "income.carryover"): D("12345678.90")}, source_year=2021)
    store.set_carried(sample.id, marks)
    store.set_carried(sample.id, marks)  # again: replaces, does not add
    again = Store(store.path, read_only=True)
    try:
        assert again.carried(sample.id) == marks
    finally:
        again.close()
    with raw_file.connect(store.path) as raw:
        stored = dict(raw.execute("SELECT key, value FROM carried_value"))
    assert stored["income.carryover"] == "d:12345678.9"  # exact decimal text, never REAL
    assert len(stored) == 5
