"""The departments the bureau expects, and how the files received compare with them.

The list is given as a workbook or a CSV file: a column headed 部门名称 (or 部门 / 单位名称 / 预算单位), and a
预算编码 column when there is one — else the first column; or last year's summary workbook (its 汇总 sheet has
both). A department counts as received when a file of this year matches it by the import rule: the same 预算编码
when both have one, else the same name (spaces ignored). The summary then lists 未报送 (expected, no file) and
the files whose department is not on the list.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from evaldesk.app.importing import same_department

NAME_HEADS = ("部门名称", "部门(单位)名称", "部门（单位）名称", "单位名称", "预算单位名称", "预算单位", "部门", "单位")
CODE_HEADS = ("预算编码", "单位编码", "部门编码", "编码")
MAX_ROWS = 20_000


class ExpectedListProblem(ValueError):
    """The list cannot be read; the text says why in Chinese."""


@dataclass(frozen=True)
class Department:
    name: str
    code: str = ""


@dataclass
class Expected:
    departments: list[Department]
    source: str           # the file's name, as the summary says where the list came from


def read_expected(path: Path | str) -> Expected:
    """The list in ``path`` (.xlsx / .xlsm / .csv / .txt). ExpectedListProblem with a Chinese reason."""
    path = Path(path)
    if not path.is_file():
        raise ExpectedListProblem(f"找不到应报部门名单“{path}”")
    suffix = path.suffix.lower()
    try:
        rows = _csv_rows(path) if suffix in (".csv", ".txt") else _workbook_rows(path)
    except ExpectedListProblem:
        raise
    except Exception:   # a damaged or foreign file: one message, whatever the library raised
        raise ExpectedListProblem(f"无法读取应报部门名单“{path.name}”：请给出 .xlsx 或 .csv 文件，"
                                  "其中一列为“部门名称”（可另有“预算编码”列）") from None
    departments = _departments(rows)
    if not departments:
        raise ExpectedListProblem(f"应报部门名单“{path.name}”中没有找到部门名称（需要一列标题为“部门名称”）")
    return Expected(departments, path.name)


def _csv_rows(path: Path) -> list[list[str]]:
    data = path.read_bytes()[:5_000_000]
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ExpectedListProblem(f"应报部门名单“{path.name}”的文字编码无法识别（请另存为 UTF-8 的 CSV）")
    return [row for row, _ in zip(csv.reader(io.StringIO(text)), range(MAX_ROWS))]


def _workbook_rows(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        # Last year's summary: its 汇总 sheet; else the first sheet with a department column.
        names = workbook.sheetnames
        order = (["汇总"] if "汇总" in names else []) + [name for name in names if name != "汇总"]
        for name in order:
            rows = []
            for row, _ in zip(workbook[name].iter_rows(values_only=True), range(MAX_ROWS)):
                rows.append(["" if value is None else str(value).strip() for value in row])
            if _header(rows) is not None:
                return rows
        return rows if len(order) == 1 else []
    finally:
        workbook.close()


def _header(rows: list[list[str]]) -> tuple[int, int, int | None] | None:
    """(header row, name column, code column) of the first row that heads a department column."""
    for number, row in enumerate(rows[:20]):
        cleaned = [cell.replace("\n", "").replace(" ", "") for cell in row]
        name = next((i for head in NAME_HEADS for i, cell in enumerate(cleaned) if cell == head), None)
        if name is not None:
            code = next((i for head in CODE_HEADS for i, cell in enumerate(cleaned) if cell == head), None)
            return number, name, code
    return None


def _departments(rows: list[list[str]]) -> list[Department]:
    found = _header(rows)
    if found is None:   # no header: the first column is the names
        start, name_col, code_col = 0, 0, None
    else:
        start, name_col, code_col = found[0] + 1, found[1], found[2]
    seen, out = set(), []
    for row in rows[start:]:
        name = row[name_col].strip() if len(row) > name_col else ""
        code = row[code_col].strip() if code_col is not None and len(row) > code_col else ""
        if not name or name.startswith(("合计", "注", "说明")) or (name, code) in seen:
            continue
        seen.add((name, code))
        out.append(Department(name, code))
    return out


def _key(name: str) -> str:
    return "".join(name.split())


def compare_with_expected(summary, expected: Expected) -> None:
    """Fill the summary's expected / missing / unexpected / received (see module docstring)."""
    year_files = [row for _rank, row in summary.ranked] + [aside.file for aside in summary.set_aside
                                                            if aside.file.year == summary.year]
    ranked = {id(row) for _rank, row in summary.ranked}
    summary.expected = [department.name for department in expected.departments]
    summary.expected_source = expected.source
    matched: set[int] = set()
    for department in expected.departments:
        files = [row for row in year_files
                 if same_department(department.code, _key(department.name), row.budget_code, _key(row.department))]
        matched.update(id(row) for row in files)
        if not files:
            summary.missing.append(department.name)
        elif not any(id(row) in ranked for row in files):
            summary.received[department.name] = "已报送，但未列入排名（见“问题文件”）"
    summary.unexpected = [row for _rank, row in summary.ranked if id(row) not in matched]
