"""A folder of departments' files as the bureau receives them, for the summary's benchmark and tests.

Every department is the reference sample with its own name, 预算编码, units and hand scores (so totals and
grades vary); most are sent as the bureau workbook, some as JSON. Then the awkward ones a real folder holds:
files edited after export (the hidden data, the visible 总分, a JSON in Notepad), exact copies, the same data as
.xlsx and .json, an older and a newer version of one report, a later one with 错误, a report of another year, one
scored with another score sheet and one with the same sheet reworded, broken files (cut short, not a workbook, not
ours, bad JSON) and what is no report at all (.xls, a zip holding a report, a zip bomb, a rar, a Word file renamed
.xlsx, a PDF, a scan, an empty file, an earlier summary, Office's lock file), names with spaces.
``generate`` returns what each awkward file is, so a test can check that the summary says so.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from evaldesk.exchange.report_json import dumps, read_json
from evaldesk.exchange.workbook import workbook_bytes
from evaldesk.model.report import Report, sheet_key
from evaldesk.resources import SAMPLE_REPORT
from evaldesk.scoring.template import builtin_template

UNIT_NAMES = ["二级机构", "事务中心", "服务中心", "执法大队", "信息中心", "研究室"]
KINDS = ["委", "局", "办", "中心", "所", "站"]


@dataclass
class Made:
    """What was generated, by relative path."""

    departments: dict[str, str] = field(default_factory=dict)   # the plain files: path → 预算编码
    edited: list[str] = field(default_factory=list)             # changed after export (fingerprint no longer agrees)
    copies: list[str] = field(default_factory=list)             # exact copies of a plain file
    older: list[str] = field(default_factory=list)              # an older version of a plain file's report
    other_year: list[str] = field(default_factory=list)
    other_template: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    shown_edited: list[str] = field(default_factory=list)    # the visible 总分 changed to 99, the data untouched
    json_edited: list[str] = field(default_factory=list)     # a JSON's hand score changed in a text editor
    same_as_json: list[str] = field(default_factory=list)    # a JSON with the very data of a workbook sent too
    with_errors: list[str] = field(default_factory=list)     # a later file of a department, with 错误
    reworded: list[str] = field(default_factory=list)        # the same score sheet, names and standards reworded
    not_reports: dict[str, str] = field(default_factory=dict)   # path → a word the reason must hold


def department_report(index: int, rng: random.Random) -> Report:
    report = read_json(SAMPLE_REPORT)
    report.fields["cover.department"] = f"测试县第{index + 1}{rng.choice(KINDS)}"
    report.fields["cover.budget_code"] = f"{900000 + index}"
    for number, unit in enumerate(report.units[1:], 1):
        unit.name = f"{rng.choice(UNIT_NAMES)}{number}"
    for leaf in report.template.leaves:
        if type(leaf.rule).__name__ == "Hand":
            steps = int(leaf.weight * 2)
            score = Decimal(rng.randint(steps // 2, steps)) / 2
            report.fields[sheet_key(leaf.id, "hand")] = score
            if score < leaf.weight:
                report.fields[sheet_key(leaf.id, "reason")] = "部分工作未按期完成"
            else:
                report.fields.pop(sheet_key(leaf.id, "reason"), None)
    return report


def _write(path: Path, report: Report, as_json: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if as_json:
        path.write_text(dumps(report), encoding="utf-8")
    else:
        path.write_bytes(workbook_bytes(report))


def plain_file(folder: Path, index: int, seed: int = 0) -> tuple[str, str]:
    """Write department ``index``'s file; (relative path, 预算编码). A module-level function: a pool runs it."""
    rng = random.Random(seed * 100_003 + index)
    report = department_report(index, rng)
    as_json = index % 7 == 3
    name = f"乡镇{index % 9 + 1}/{report.department}.{'json' if as_json else 'xlsx'}"
    _write(folder / name, report, as_json)
    return name, report.text("cover.budget_code")


def edit_shown_total(path: Path, total: str = "99") -> None:
    """Change the 总分 printed on the visible 评分表 (the data sheet untouched), as someone with Excel would."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook["评分表"]
    for row in sheet.iter_rows():
        if isinstance(row[0].value, str) and "".join(row[0].value.split()) == "总分":
            sheet.cell(row=row[0].row, column=6).value = Decimal(total)
            break
    workbook.save(path)


def edit_json(path: Path) -> None:
    """Change one hand score in a JSON file, as someone with Notepad would (the fingerprint left as it was)."""
    import json

    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["sheet"]["xiaokang"] = {"hand": "0.5", "reason": "改动"}
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")


def edit_after_export(path: Path) -> None:
    """Change one hand score on the data sheet, as someone editing the sent workbook by hand would."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook["_data"]
    for row in sheet.iter_rows(min_col=1, max_col=2):
        if row[0].value == "/sheet/xiaokang/hand":
            row[1].value = "0.5"
            break
    workbook.save(path)


def generate(folder: Path, count: int, seed: int = 0, pool=None) -> Made:
    """``count`` department files plus the awkward ones (about one in twenty of each kind, at least one)."""
    folder = Path(folder)
    made = Made()
    run = pool.map if pool else map
    for name, code in run(plain_file, [folder] * count, range(count), [seed] * count):
        made.departments[name] = code
    names = sorted(made.departments)
    rng = random.Random(seed)
    extra = max(1, count // 20)
    workbooks = [name for name in names if name.endswith(".xlsx")]
    for name in rng.sample(workbooks, min(extra, len(workbooks))):
        edit_after_export(folder / name)
        made.edited.append(name)
    for number, name in enumerate(rng.sample(names, min(extra, len(names)))):
        copy = f"重复报送/{number}_{Path(name).name}"
        (folder / copy).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(folder / name, folder / copy)
        made.copies.append(copy)
    for number in range(extra):
        index = rng.randrange(count)
        report = department_report(index, random.Random(seed * 100_003 + index))
        report.fields["cover.report_date"] = dt.date(2022, 1, 10)     # before the sample's 2022-07-15
        report.fields[sheet_key("xiaokang", "hand")] = Decimal("0.5")
        report.fields[sheet_key("xiaokang", "reason")] = "初稿"
        made.older.append(f"初稿/{number}_{report.department}.xlsx")
        _write(folder / made.older[-1], report, False)
    report = department_report(count + 1, rng)
    report.year = 2020
    made.other_year.append("往年/2020年度.json")
    _write(folder / made.other_year[-1], report, True)
    report = department_report(count + 2, rng)
    report.template = builtin_template("sichuan-dazhou-department")
    made.other_template.append("其他评分表.json")
    _write(folder / made.other_template[-1], report, True)
    made.broken += _broken_files(folder, names[0])
    if count >= 6:   # a folder big enough for every trick
        _tricks(folder, made, names, rng, count, seed)
    return made


def _tricks(folder: Path, made: Made, names: list[str], rng: random.Random, count: int, seed: int) -> None:
    """What else a real inbox holds (see the module docstring); one or a few of each."""
    untouched = [name for name in names if name not in made.edited]
    workbooks = [name for name in untouched if name.endswith(".xlsx")]
    jsons = [name for name in untouched if name.endswith(".json")]
    extra = max(1, count // 50)
    for name in rng.sample(workbooks, min(extra, len(workbooks))):
        edit_shown_total(folder / name)
        made.shown_edited.append(name)
    for name in rng.sample(jsons, min(extra, len(jsons))):
        edit_json(folder / name)
        made.json_edited.append(name)
    taken = set(made.shown_edited) | set(made.json_edited) | {Path(copy).name for copy in made.copies}
    spare = [name for name in workbooks if name not in taken and Path(name).name not in taken]
    # The same data as .xlsx and .json (the JSON exported later): counted once.
    twin = spare.pop()
    index = _index_of(made.departments[twin])
    report = department_report(index, random.Random(seed * 100_003 + index))
    made.same_as_json.append(f"另存/{Path(twin).stem} 副本.json")
    _write(folder / made.same_as_json[-1], report, True)
    # A later JSON of a department, without its 预算编码 (an audit 错误): the clean workbook stays ranked.
    late = spare.pop()
    index = _index_of(made.departments[late])
    report = department_report(index, random.Random(seed * 100_003 + index))
    report.fields.pop("cover.budget_code", None)
    report.fields["cover.report_date"] = dt.date(2022, 8, 1)
    made.with_errors.append(f"补报/{report.department}（更正）.json")
    _write(folder / made.with_errors[-1], report, True)
    # The same score sheet, reworded (another id and name, three names and a standard changed).
    report = department_report(count + 3, rng)
    report.template = _reworded(report.template)
    made.reworded.append("中性模板/测试县第九十九局 2021年 自评.json")
    _write(folder / made.reworded[-1], report, True)
    made.departments[made.reworded[-1]] = report.text("cover.budget_code")
    made.not_reports.update(_not_reports(folder, folder / workbooks[0]))


def _index_of(code: str) -> int:
    return int(code) - 900000


def _reworded(template):
    import json

    from evaldesk.scoring.template import Template

    data = json.loads(template.to_json())
    data["id"], data["name"] = "neutral-department", "部门整体支出绩效评价指标表（通用）"
    leaves = [entry for entry in data["indicators"] if "rule" in entry or "standard" in entry]
    for entry in leaves[:3]:
        entry["name"] = entry["name"] + "（通用表述）"
    for entry in leaves[3:9]:
        if "standard" in entry:
            entry["standard"] = "按规定评分：" + entry["standard"]
    return Template(data)


def _not_reports(folder: Path, good: Path) -> dict[str, str]:
    """Files that are no report, by path, with a word the summary's reason for each must hold."""
    import io
    import zipfile

    other = folder / "其他材料"
    other.mkdir(parents=True, exist_ok=True)
    made = {}

    def put(name: str, data: bytes, word: str) -> None:
        (other / name).write_bytes(data)
        made[f"其他材料/{name}"] = word

    put("旧版报表.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "另存为")
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("某局/某局 2021 自评.xlsx", good.read_bytes())
        archive.writestr("说明.txt", "请查收")
    put("打包报送.zip", packed.getvalue(), "某局 2021 自评.xlsx")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("报表.xlsx", "w", force_zip64=True) as member:
            block = bytes(1024 * 1024)
            for _ in range(64):
                member.write(block)
    put("压缩炸弹.zip", bomb.getvalue(), "压缩包")
    put("材料.rar", b"Rar!\x1a\x07\x01\x00" + bytes(64), "解压")
    word = io.BytesIO()
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    put("自评报告（Word）.xlsx", word.getvalue(), "Word")
    put("盖章页.pdf", b"%PDF-1.4\n%scan\n", "PDF")
    put("扫描件 第1页.jpg", b"\xff\xd8\xff\xe0" + bytes(64), "图片")
    put("空文件.xlsx", b"", "空文件")
    put("~$某局.xlsx", b"\x00" * 162, "临时")
    return made


def _broken_files(folder: Path, good: str) -> list[str]:
    from openpyxl import Workbook

    broken = folder / "损坏"
    broken.mkdir(parents=True, exist_ok=True)
    data = (folder / good).read_bytes()
    (broken / "只拷了一半.xlsx").write_bytes(data[: len(data) // 2])
    (broken / "其实是PDF.xlsx").write_bytes(b"%PDF-1.4\n%fake\n")
    (broken / "坏的.json").write_text("{\"format\": \"evaldesk-report\", ", encoding="utf-8")
    (broken / "别的程序.json").write_text("[1, 2, 3]", encoding="utf-8")
    other = Workbook()
    other.active["A1"] = "=SUM(1,2)"
    other.save(broken / "别人的表格.xlsx")
    return sorted(f"损坏/{path.name}" for path in broken.iterdir())
