"""Template files: what a bureau hands out and a filler sends back. Sound ones round-trip exactly; broken ones are
refused with a message naming the problem and where, and the data file is left as it was."""

import json

import pytest

from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID, Template, builtin_template, builtin_templates
from evaldesk.templates import edit, library
from evaldesk.templates.files import TemplateFileError, import_template_file, read_template_file, write_template_file
from evaldesk.templates.library import LibraryError


def _write(path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def _bureau_sheet(yunxi_data, template_id="bureau-2022", name="某区2022年度评分表"):
    """Next year's sheet as a bureau might hand it out: the Yunxi sheet under another id, one weight moved."""
    data = edit.set_identity(yunxi_data, template_id, name)
    data = edit.set_weight(data, "staff_control", 4)
    return edit.set_weight(data, "key_spending", 6)


@pytest.mark.parametrize("template", builtin_templates(), ids=lambda t: t.id)
def test_export_then_import_gives_identical_data(template, tmp_path, store):
    path = tmp_path / f"{template.id}.json"
    write_template_file(template, path)
    again = read_template_file(path)
    assert again.data == template.data
    assert again.to_json() == template.to_json()
    # the exported file is byte for byte the format resources/templates uses
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(template.to_json())


def test_a_bureau_sheet_is_imported_kept_and_found_again(tmp_path, store, yunxi_data, stored_templates):
    path = tmp_path / "bureau.json"
    _write(path, _bureau_sheet(yunxi_data))
    template, added = import_template_file(store, path)
    assert added and stored_templates() == 1
    assert library.find("bureau-2022", store) == template
    assert library.find("bureau-2022", store).indicator("key_spending").weight == 6
    assert [e.template.id for e in library.entries(store)] == ["generic-department", "sichuan-dazhou-department",
                                                               DEFAULT_TEMPLATE_ID, "bureau-2022"]
    # the same file again adds nothing
    assert import_template_file(store, path) == (template, False)
    assert stored_templates() == 1


def test_an_adjusted_sheet_exports_and_imports_identically(tmp_path, store, yunxi_data):
    adjusted = Template(edit.rename_indicator(_bureau_sheet(yunxi_data), "staff_control", "在职人员控制率"))
    path = tmp_path / "adjusted.json"
    write_template_file(adjusted, path)
    imported, added = import_template_file(store, path)
    assert added and imported.data == adjusted.data


def test_export_replaces_an_existing_file_whole(tmp_path):
    path = tmp_path / "out.json"
    path.write_text("old content that is much longer than nothing " * 1000, encoding="utf-8")
    write_template_file(builtin_template(DEFAULT_TEMPLATE_ID), path)
    assert read_template_file(path) == builtin_template(DEFAULT_TEMPLATE_ID)
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left behind


def _broken(yunxi_data, kind):
    data = yunxi_data
    indicators = {entry["id"]: entry for entry in data["indicators"]}
    if kind == "unknown rule kind":
        indicators["procurement"]["rule"]["kind"] = "magic"
    elif kind == "cycle":
        indicators["input"]["parent"] = "input.budget"
    elif kind == "weights do not add up":
        indicators["staff_control"]["weight"] = 7
    elif kind == "whole is not 100":
        indicators["effect"]["weight"] = 25
        indicators["effect.benefit"]["weight"] = 25
        indicators["benefits"]["weight"] = 20
    elif kind == "newer version":
        data["version"] = 2
    elif kind == "incomplete rule":
        del indicators["procurement"]["rule"]["per_point"]
    elif kind == "unknown parent":
        indicators["card_payment"]["parent"] = "process.nowhere"
    elif kind == "carry names a figure that does not exist":
        indicators["sangong_change"]["rule"]["rate"]["denominator"]["carry"] = "summary:sangong.nothing"
    elif kind == "not a template":
        data = {"format": "something-else"}
    return data


@pytest.mark.parametrize("kind, expected", [
    ("unknown rule kind", ["政府采购执行率", "magic", "未知"]),
    ("cycle", ["成环", "投入", "预算配置"]),
    ("weights do not add up", ["预算配置", "下级分值之和 17", "15"]),
    ("whole is not 100", ["一级指标分值之和 105", "总分 100"]),
    ("newer version", ["版本 2", "升级"]),
    ("incomplete rule", ["政府采购执行率", "per_point"]),
    ("unknown parent", ["公务卡刷卡率", "process.nowhere", "不存在"]),
    ("carry names a figure that does not exist", ["“三公经费”变动率", "sangong.nothing"]),
    ("not a template", ["不是 evaldesk 评分表模板"]),
])
def test_broken_files_are_refused_naming_problem_and_place(kind, expected, tmp_path, store, yunxi_data,
                                                           stored_templates):
    path = tmp_path / "sheet.json"
    _write(path, _broken(yunxi_data, kind))
    with pytest.raises(TemplateFileError) as refused:
        import_template_file(store, path)
    message = str(refused.value)
    assert message.startswith("模板文件“sheet.json”不能使用：")
    for part in expected:
        assert part in message
    assert stored_templates() == 0


@pytest.mark.parametrize("content, expected", [
    (b'{"format": "evaldesk-template", "version": 1,,}', "不是有效的 JSON（第 1 行第 46 列"),
    ("评分表".encode("gbk"), "不是 UTF-8"),
    (b"", "不是有效的 JSON"),
    (b"[" * 100000 + b"]" * 100000, "嵌套过深"),
])
def test_unreadable_files_are_refused(content, expected, tmp_path, store, stored_templates):
    path = tmp_path / "sheet.json"
    path.write_bytes(content)
    with pytest.raises(TemplateFileError, match=expected):
        import_template_file(store, path)
    assert stored_templates() == 0


def test_a_missing_file_or_a_folder_is_refused(tmp_path, store):
    with pytest.raises(TemplateFileError, match="找不到该文件"):
        import_template_file(store, tmp_path / "none.json")
    with pytest.raises(TemplateFileError, match="文件夹"):
        import_template_file(store, tmp_path)


def test_a_builtin_id_with_other_content_is_refused(tmp_path, store, yunxi_data, stored_templates):
    path = tmp_path / "sheet.json"
    _write(path, edit.set_weight(edit.set_weight(yunxi_data, "staff_control", 4), "key_spending", 6))
    with pytest.raises(LibraryError, match="已是内置模板"):
        import_template_file(store, path)
    assert stored_templates() == 0


def test_an_imported_id_is_replaced_only_when_asked(tmp_path, store, yunxi_data, stored_templates):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    _write(first, _bureau_sheet(yunxi_data))
    _write(second, edit.set_standard(_bureau_sheet(yunxi_data), "staff_control", "新的评分标准"))
    import_template_file(store, first)
    with pytest.raises(LibraryError, match="已导入过编号为“bureau-2022”"):
        import_template_file(store, second)
    assert library.find("bureau-2022", store).indicator("staff_control").standard != "新的评分标准"
    import_template_file(store, second, replace=True)
    assert stored_templates() == 1
    assert library.find("bureau-2022", store).indicator("staff_control").standard == "新的评分标准"
