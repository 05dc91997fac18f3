"""The paper form (附件2-1), declared once: every scalar field, the four grids of part 二, and the lists.

Everything that shows, stores, prints, exports or checks a report walks these declarations instead of naming
fields one by one; where each field stands on the page is said once, in :mod:`evaldesk.model.layout`. A field
added here and placed there appears everywhere. Iterate ``FIELD_BY_KEY.values()`` (not a copy of ``FIELDS``
imported by name) to see the fields as they stand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum


class Kind(str, Enum):
    TEXT = "text"          # one line
    LONGTEXT = "longtext"  # paragraphs
    CODE = "code"          # 预算编码, phone numbers: full-width digits become ASCII, spaces trimmed
    INTEGER = "integer"    # whole non-negative number (人员编制, 实有人数)
    DATE = "date"
    MONEY = "money"        # 万元, never negative
    SIGNED_MONEY = "signed_money"  # 万元, may be negative (当年结余)
    PERCENT = "percent"    # 0–100, survey results
    COUNT = "count"        # number of cases
    BOOL = "bool"          # a checklist item met or not


@dataclass(frozen=True)
class FieldSpec:
    """One field of the form: its key, label, kind and section."""

    key: str
    label: str
    kind: Kind
    section: str
    default: str | None = None  # what a new report starts with
    wording: str | None = None  # the key of the template's cover wording this field replaces when filled


SECTION_COVER = "封面"
SECTION_BASIC = "一、部门（单位）基本概况"
SECTION_FINANCE = "二、部门（单位）收支情况"
SECTION_SELF = "三、部门（单位）整体支出绩效自评情况"
SECTION_PEOPLE = "四、评价人员"
SECTION_SUMMARY = "五、评价报告综述"
SECTION_SHEET = "附件：评分表"

SECTIONS = (SECTION_COVER, SECTION_BASIC, SECTION_FINANCE, SECTION_SELF, SECTION_PEOPLE, SECTION_SUMMARY,
            SECTION_SHEET)

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("cover.department", "部门(单位)名称", Kind.TEXT, SECTION_COVER),
    FieldSpec("cover.budget_code", "预算编码", Kind.CODE, SECTION_COVER),
    FieldSpec("cover.method", "评价方式", Kind.TEXT, SECTION_COVER, default="单位绩效自评"),
    FieldSpec("cover.agency", "评价机构", Kind.TEXT, SECTION_COVER, default="单位评价组"),
    FieldSpec("cover.report_date", "报告日期", Kind.DATE, SECTION_COVER),
    FieldSpec("basic.contact", "联系人", Kind.TEXT, SECTION_BASIC),
    FieldSpec("basic.phone", "联络电话", Kind.CODE, SECTION_BASIC),
    FieldSpec("basic.staff_quota", "人员编制", Kind.INTEGER, SECTION_BASIC),
    FieldSpec("basic.staff_actual", "实有人数", Kind.INTEGER, SECTION_BASIC),
    FieldSpec("basic.duties", "职能职责概述", Kind.LONGTEXT, SECTION_BASIC),
    FieldSpec("basic.achievements", "年度部门（单位）总体运行情况及取得的成绩", Kind.LONGTEXT, SECTION_BASIC),
    FieldSpec("self.actual", "实际完成", Kind.LONGTEXT, SECTION_SELF),
    FieldSpec("people.filler", "填报人", Kind.TEXT, SECTION_PEOPLE),
    FieldSpec("people.filler_phone", "联系电话", Kind.CODE, SECTION_PEOPLE),
    FieldSpec("summary.text", "评价报告综述", Kind.LONGTEXT, SECTION_SUMMARY),
    # The county's own wording (issue 11): declared last so the bureau workbook's data rows of older
    # files keep their places; blank means "as the score sheet's template words it".
    FieldSpec("cover.region", "地区", Kind.TEXT, SECTION_COVER, wording="region"),
    FieldSpec("cover.bureau", "财政局名称", Kind.TEXT, SECTION_COVER, wording="bureau"),
    FieldSpec("cover.report_attachment", "报告的附件标注", Kind.TEXT, SECTION_COVER, wording="report_attachment"),
    FieldSpec("cover.sheet_attachment", "评分表的附件标注", Kind.TEXT, SECTION_COVER, wording="sheet_attachment"),
)


class _FieldIndex(Mapping[str, FieldSpec]):
    """FIELDS by key, in their order, always as the module's FIELDS now stands: a field declared there (or put
    there by a test) is found at once by every module that imported FIELD_BY_KEY, with nothing to rebuild."""

    def __init__(self) -> None:
        self._source: tuple[FieldSpec, ...] = ()
        self._index: dict[str, FieldSpec] = {}

    def _current(self) -> dict[str, FieldSpec]:
        if self._source is not FIELDS:
            self._index = {spec.key: spec for spec in FIELDS}
            self._source = FIELDS
        return self._index

    def __getitem__(self, key: str) -> FieldSpec:
        return self._current()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._current()

    def __iter__(self) -> Iterator[str]:
        return iter(self._current())

    def __len__(self) -> int:
        return len(self._current())


FIELD_BY_KEY: Mapping[str, FieldSpec] = _FieldIndex()


# ---------------------------------------------------------------- part 二: the four grids


@dataclass(frozen=True)
class Column:
    """One column of a part 二 grid: typed, or a computed 合计 of other columns."""

    key: str
    label: str
    kind: Kind = Kind.MONEY
    sum_of: tuple[str, ...] = ()  # a computed 合计: the sum of these columns of the same row
    group: str | None = None       # the merged header above it on paper (其中： / 结余)

    @property
    def computed(self) -> bool:
        return bool(self.sum_of)


@dataclass(frozen=True)
class Grid:
    """One grid of part 二 (a row per unit), with its columns."""

    key: str
    title: str
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    @property
    def typed_columns(self) -> tuple[Column, ...]:
        return tuple(column for column in self.columns if not column.computed)


GRIDS: tuple[Grid, ...] = (
    Grid("income", "年度收入情况（万元）", (
        Column("total", "收入合计", sum_of=("carryover", "general", "fund", "special", "other")),
        Column("carryover", "上年结转", group="其中："),
        Column("general", "公共财政拨款", group="其中："),
        Column("fund", "政府基金拨款", group="其中："),
        Column("special", "纳入专户管理的非税收入拨款", group="其中："),
        Column("other", "其他收入", group="其中："),
    )),
    Grid("expense", "部门（单位）年度支出和结余情况（万元）", (
        Column("total", "支出合计", sum_of=("basic", "project")),
        Column("basic", "基本支出", sum_of=("personnel", "public"), group="其中："),
        Column("personnel", "人员支出", group="其中："),
        Column("public", "公用支出", group="其中："),
        Column("project", "项目支出", group="其中："),
        Column("balance_year", "当年结余", kind=Kind.SIGNED_MONEY, group="结余"),
        Column("balance_total", "累计结余", group="结余"),
    )),
    Grid("sangong", "“三公”经费（万元）", (
        Column("total", "三公经费合计", sum_of=("reception", "car_run", "car_buy", "abroad")),
        Column("reception", "公务接待费", group="其中："),
        Column("car_run", "公务用车运维费", group="其中："),
        Column("car_buy", "公务用车购置费", group="其中："),
        Column("abroad", "因公出国费", group="其中："),
    )),
    Grid("assets", "固定资产（万元）", (
        Column("total", "固定资产合计", sum_of=("in_use", "rented", "other")),
        Column("in_use", "在用固定资产", group="其中："),
        Column("rented", "出租固定资产", group="其中："),
        Column("other", "其他"),
    )),
)
GRID_BY_KEY = {grid.key: grid for grid in GRIDS}
SUMMARY_ROW_LABEL = "局机关及二级机构汇总"
DEFAULT_UNITS = ("局机关", "二级机构1", "二级机构2")


def cell_key(grid: str, column: str) -> str:
    return f"{grid}.{column}"


def split_cell_key(key: str) -> tuple[str, str]:
    """``"income.carryover"`` → ``("income", "carryover")``: the one reading of :func:`cell_key`."""
    grid_key, _, column_key = key.partition(".")
    return grid_key, column_key


def cell_spec(key: str) -> tuple[Grid, Column]:
    """``"income.carryover"`` → its grid and column; KeyError for anything else."""
    grid_key, column_key = split_cell_key(key)
    grid = GRID_BY_KEY[grid_key]
    return grid, grid.column(column_key)


# ---------------------------------------------------------------- the lists


@dataclass(frozen=True)
class ListSpec:
    """One list of the form (tasks, goals, indicators, evaluators): the fields of each entry."""

    key: str
    label: str
    item_label: str              # 任务 / 目标 / 指标 / 评价人员 — numbered on paper
    fields: tuple[tuple[str, str], ...]  # (key, label) — all text
    section: str                 # where the form prints it (findings about it are listed there)
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    numbered: bool = False       # one text per entry, which the form prints as 任务1：… (the number is not typed)

    def without_number(self, text: str) -> str:
        """The entry without the number a filler typed as on paper ("目标1：提高…" → "提高…"): the form numbers
        the entries itself, so a typed number would print twice. Only the list's own word with a number and a
        separator is taken off, never a figure the text starts with."""
        if not self.numbered:
            return text
        return re.sub(rf"^\s*{re.escape(self.item_label)}\s*[0-9０-９]{{1,3}}\s*(?:[：:、.．]|\s)\s*", "", text)


QUANT_GROUPS = ("产出目标", "效益目标")
QUANT_KINDS = {
    "产出目标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益目标": ("经济效益", "社会效益", "生态效益", "可持续影响", "社会公众或服务对象满意度"),
}

LISTS: tuple[ListSpec, ...] = (
    ListSpec("tasks", "年度主要工作内容", "任务", (("text", "工作内容"),), SECTION_BASIC, numbered=True),
    ListSpec("goals", "定性目标（预期目标）", "目标", (("text", "预期目标"),), SECTION_SELF, numbered=True),
    ListSpec("quant", "定量目标", "指标", (
        ("group", "评价内容"), ("kind", "指标类型"), ("name", "指标名称"), ("target", "绩效目标"),
        ("actual", "完成情况")), SECTION_SELF,
        choices={"group": QUANT_GROUPS, "kind": tuple(k for kinds in QUANT_KINDS.values() for k in kinds)}),
    ListSpec("evaluators", "评价人员", "评价人员", (("name", "姓名"), ("title", "职务/职称"), ("org", "单位")),
             SECTION_PEOPLE),
)
LIST_BY_KEY = {spec.key: spec for spec in LISTS}
