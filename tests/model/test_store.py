"""The SQLite file: several reports, every edit written at once, exact figures, undo, migrations, foreign files."""

import sqlite3
from decimal import Decimal

import pytest

from evaldesk.exchange.report_json import to_document
from evaldesk.model import schema
from evaldesk.model.edits import (
    Batch, InsertItem, InsertUnit, MoveItem, MoveUnit, RemoveItem, RemoveUnit, RenameUnit, SetCell, SetField,
    SetItemValue,
)
from evaldesk.model.report import Item, Unit, new_report
from evaldesk.model.store import Store, StoreError, default_db_path, open_store
from evaldesk.model.values import Rejected
from evaldesk.scoring.engine import score_report

D = Decimal


def reopened(store, report_id):
    """The report as a second window opening the same file would see it."""
    other = Store(store.path)
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
    with sqlite3.connect(store.path) as raw:
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
    with sqlite3.connect(path) as raw:
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
    with sqlite3.connect(path) as raw:
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
    with sqlite3.connect(path) as raw:
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
    _refused_untouched(path, "不是 evaldesk 数据文件")


def test_a_newer_schema(tmp_path, sample):
    path = tmp_path / "newer.sqlite"
    _make_v1_file(path, sample)
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA user_version = 99")
    _refused_untouched(path, "更新版本的 evaldesk", "99")


@pytest.mark.parametrize("user_version", [0, 1, schema.SCHEMA_VERSION])
def test_another_programs_sqlite_file(tmp_path, user_version):
    path = tmp_path / "contacts.sqlite"
    with sqlite3.connect(path) as raw:
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
    from evaldesk.model.report import new_report
    from evaldesk.templates.newyear import carried_marks, create_next_year

    store.add(sample)
    new, carried = create_next_year(store, sample.id)
    assert carried_marks(store, new.id).fields
    store.delete(new.id)
    blank = new_report(2030, sample.template, "另一个部门")
    store.add(blank)
    assert blank.id == new.id  # SQLite hands the id out again …
    assert not carried_marks(store, blank.id).fields  # … but not the old report's "carried" marks
