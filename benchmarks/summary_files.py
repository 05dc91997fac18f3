"""A folder of departments' files as the bureau receives them, for the summary's benchmark and tests.

Every department is the reference sample with its own name, 预算编码, units and hand scores (so totals and
grades vary); most are sent as the bureau workbook, some as JSON. Then the awkward ones a real folder holds:
files edited after export, exact copies, an older and a newer version of one report, a report of another year,
one scored with another score sheet, and broken files (cut short, not a workbook, not ours, bad JSON).
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
    report.template = builtin_template("generic-department")
    made.other_template.append("其他评分表.json")
    _write(folder / made.other_template[-1], report, True)
    made.broken += _broken_files(folder, names[0])
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
