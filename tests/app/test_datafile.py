"""The data file through the application layer: open, create, the sample, delete, save as."""

import pytest

from evaldesk.app import datafile
from evaldesk.datafile.errors import StoreError
from evaldesk.model.values import Rejected


def test_the_default_file_lives_in_the_data_folder(private_data_folder):
    store = datafile.open_data_file()
    try:
        assert store.path.parent == private_data_folder
    finally:
        store.close()


def test_an_existing_file_is_required_when_asked(tmp_path):
    with pytest.raises(StoreError, match="不存在"):
        datafile.open_data_file(tmp_path / "none.sqlite", create=False)


def test_create_sample_delete_and_what_opens(store):
    assert datafile.report_to_open(store) is None
    first = datafile.create_report(store, 2022, "  某部门 ")
    assert first.department == "某部门" and datafile.report_to_open(store) == first.id
    sample = datafile.add_sample(store)
    store.set_state("open_report", str(sample.id))
    assert datafile.report_to_open(store) == sample.id
    datafile.delete_report(store, sample.id)
    assert [info.id for info in datafile.list_reports(store)] == [first.id]
    assert datafile.report_to_open(store) == first.id  # the one open last time is gone
    with pytest.raises(Rejected, match="年度 20222 不合理"):
        datafile.create_report(store, 20222)


def test_save_as_copies_the_whole_file(store, tmp_path):
    datafile.add_sample(store)
    copy = datafile.save_as(store, tmp_path / "副本.sqlite")
    other = datafile.open_data_file(copy, create=False)
    try:
        assert [info.title() for info in other.list_reports()] == [info.title() for info in store.list_reports()]
    finally:
        other.close()
    with pytest.raises(StoreError, match="同一个文件"):
        datafile.save_as(store, store.path)
