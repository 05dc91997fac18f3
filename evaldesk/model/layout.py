"""Where everything stands on the form (附件2-1), declared once: sections → blocks → fields.

:mod:`evaldesk.model.form` says what a report holds (each field's key, label and kind; the grids; the lists).
This module says where each of them stands and what the form prints around it: the sections in order, with the
title the paper prints and the short one the window's tab shows, and in each section its blocks, top to bottom.
The window's pages (``evaldesk.ui.pages``), the printed parts (``evaldesk.printing``) and the workbook's form
sheet (``evaldesk.exchange.workbook_report``) all walk this declaration; each draws a block of a kind its own way
(a ruled table on paper, an editor on screen), so a field added to a block appears in all three.

A block is one of a few kinds:

* :class:`Fields` — label/value rows of one-line fields, one or two to a row (联系人 | 联络电话);
* :class:`Text` — a long text under its label, with how long it is expected to run (:class:`Size`);
* :class:`GridBlock` — one of the four grids of part 二 (``form.GRIDS``);
* :class:`ListBlock` — one of the lists (``form.LISTS``), numbered or tabled;
* :class:`Beside` — a list and a text side by side under one caption (预期目标 | 实际完成);
* :class:`Result` — the overall score and grade, which come from the score sheet;
* :class:`Signatures` — the boxes left blank to sign or stamp by hand;
* :class:`CoverText` — a line of the template's cover wording (附件2-1：, the title, the bureau);
* :class:`Hint` — guidance for the filler on screen; the paper leaves it out;
* :class:`Wording` — the filler's own cover wording (地区, 财政局, 附件标注), edited on screen; the paper and the
  workbook show it only where the :class:`CoverText` lines it fills stand;
* :class:`ScoreSheet` — the score sheet attached to the report (its own tab, its own pages).

Renderers read the layout through :func:`section` (and :data:`LAYOUT` at call time), never a copy taken at
import, so a block changed in one place is seen by all of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Union

from evaldesk.model import wording
from evaldesk.model.form import (
    FIELD_BY_KEY, GRID_BY_KEY, GRIDS, LIST_BY_KEY, SECTION_BASIC, SECTION_COVER, SECTION_FINANCE, SECTION_PEOPLE,
    SECTION_SELF, SECTION_SHEET, SECTION_SUMMARY, Column, Grid, Kind, ListSpec,
)
from evaldesk.model.placeholders import fill
from evaldesk.model.values import format_date_cn


class Size(Enum):
    """How long a text is expected to run, in lines: the room an editor gives it and a blank form leaves."""

    SHORT = 3    # a few lines (职能职责概述, 实际完成)
    LONG = 10    # may run over a page, printed paragraph by paragraph (运行情况及取得的成绩)
    PAGE = 30    # the section's whole content; the section's title is its heading (评价报告综述)


@dataclass(frozen=True)
class Fields:
    """Label/value rows of one-line fields, one or two fields to a row."""

    rows: tuple[tuple[str, ...], ...]
    labels: tuple[tuple[str, str], ...] = ()   # (key, label): the form's own wording for a field in this spot

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(key for row in self.rows for key in row)

    def label(self, key: str) -> str:
        return dict(self.labels).get(key) or FIELD_BY_KEY[key].label


@dataclass(frozen=True)
class Text:
    """A long text (a field of kind LONGTEXT) under its label."""

    key: str
    size: Size = Size.SHORT

    @property
    def label(self) -> str:
        return FIELD_BY_KEY[self.key].label

    @property
    def titled(self) -> bool:
        """A whole-page text prints no label of its own: the section's title is its heading."""
        return self.size is not Size.PAGE


@dataclass(frozen=True)
class GridBlock:
    """One grid of part 二: the 汇总 row first, then each unit."""

    key: str

    @property
    def grid(self) -> Grid:
        return GRID_BY_KEY[self.key]


@dataclass(frozen=True)
class ListBlock:
    """One of the lists, under a caption (the list's own label unless the form words it otherwise)."""

    key: str
    caption: str | None = None
    signed: bool = False      # a 签字 column left empty for each entry to sign by hand

    @property
    def spec(self) -> ListSpec:
        return LIST_BY_KEY[self.key]

    @property
    def heading(self) -> str:
        return self.caption or self.spec.label


@dataclass(frozen=True)
class Beside:
    """A list beside a text under one caption: the form's 预期目标 | 实际完成."""

    caption: str
    list: ListBlock
    text: Text

    @property
    def list_heading(self) -> str:
        """The list's column heading: the label of its (only) field, 预期目标."""
        return self.list.spec.fields[0][1]


@dataclass(frozen=True)
class Result:
    """The overall score and grade, computed by the score sheet: nothing to type."""

    score_label: str = wording.OVERALL_SCORE
    grade_label: str = wording.OVERALL_GRADE

    @property
    def heading(self) -> str:
        return f"{self.score_label}与{self.grade_label}"


@dataclass(frozen=True)
class Signatures:
    """Boxes to sign or stamp by hand: each a heading, room to write, the signer's line if any, and the date."""

    boxes: tuple[tuple[str, str | None], ...] = wording.SIGNATURE_BLOCKS
    date_line: str = wording.DATE_LINE
    heading: str = "签字与意见"


@dataclass(frozen=True)
class CoverText:
    """A line of the template's cover wording, by its key in ``Template.cover`` (``report_title``: the title
    filled in for the report's year)."""

    key: str


@dataclass(frozen=True)
class Hint:
    """Guidance for the filler, shown beside the fields on screen and not printed."""

    text: str


@dataclass(frozen=True)
class Wording(Fields):
    """The fields that replace the template's cover wording for this report (form.FieldSpec.wording): edited on
    screen under a caption; on paper and in the workbook they appear only through :func:`cover_text`."""

    caption: str = "本报告的地区、财政局与附件标注"


def on_paper(block) -> bool:
    """Whether the paper and the workbook draw this block (hints and the wording editors are screen only)."""
    return not isinstance(block, (Hint, Wording))


@dataclass(frozen=True)
class ScoreSheet:
    """The score sheet attached to the report."""


Block = Union[Fields, Text, GridBlock, ListBlock, Beside, Result, Signatures, CoverText, Hint, Wording, ScoreSheet]


@dataclass(frozen=True)
class Section:
    """A section of the form: its printed title, its tab, its blocks in order."""

    title: str                 # as the paper prints it (form.SECTIONS)
    tab: str                   # the window's tab
    blocks: tuple[Block, ...] = field(default=())


LAYOUT: tuple[Section, ...] = (
    Section(SECTION_COVER, "封面", (
        CoverText("report_attachment"),
        CoverText("report_title"),
        Fields((("cover.department",), ("cover.budget_code",), ("cover.method",), ("cover.agency",),
                ("cover.report_date",))),
        CoverText("bureau"),
        Wording((("cover.region",), ("cover.bureau",), ("cover.report_attachment", "cover.sheet_attachment"))),
    )),
    Section(SECTION_BASIC, "一、基本概况", (
        Fields((("basic.contact", "basic.phone"), ("basic.staff_quota", "basic.staff_actual"))),
        Text("basic.duties", Size.SHORT),
        ListBlock("tasks"),
        Text("basic.achievements", Size.LONG),
    )),
    Section(SECTION_FINANCE, "二、收支情况", tuple(GridBlock(grid.key) for grid in GRIDS)),
    Section(SECTION_SELF, "三、绩效自评", (
        Beside(wording.QUALITATIVE_CAPTION, ListBlock("goals"), Text("self.actual", Size.SHORT)),
        ListBlock("quant", caption=wording.QUANTITATIVE_CAPTION),
        Result(),
    )),
    Section(SECTION_PEOPLE, "四、评价人员", (
        ListBlock("evaluators", signed=True),
        Signatures(),
        Fields((("people.filler", "people.filler_phone"),), labels=(("people.filler", wording.FILLER),)),
    )),
    Section(SECTION_SUMMARY, "五、评价报告综述", (
        Hint(wording.SUMMARY_GUIDE),
        Text("summary.text", Size.PAGE),
    )),
    Section(SECTION_SHEET, "附件：评分表", (ScoreSheet(),)),
)

# The window's tabs, in the form's order.
TAB_TITLES: tuple[str, ...] = tuple(section.tab for section in LAYOUT)


def section(title: str) -> Section:
    """The section with this title (form.SECTION_*), as the layout now stands."""
    for candidate in LAYOUT:
        if candidate.title == title:
            return candidate
    raise KeyError(title)


def blocks(title: str) -> tuple[Block, ...]:
    return section(title).blocks


def with_row(row: tuple[str, ...], *, after: str) -> tuple[Section, ...]:
    """The layout with one more row of fields, right below the row that holds the field ``after`` — how a
    variant of the form (or a test) places a field declared in form.FIELDS without restating the rest."""

    def grown(block: Block) -> Block:
        if not isinstance(block, Fields) or after not in block.keys:
            return block
        at = next(i for i, keys in enumerate(block.rows) if after in keys) + 1
        return replace(block, rows=block.rows[:at] + (row,) + block.rows[at:])

    placed = tuple(replace(each, blocks=tuple(grown(block) for block in each.blocks)) for each in LAYOUT)
    if placed == LAYOUT:
        raise KeyError(f"no row of fields holds {after}")
    return placed


# ---------------------------------------------------------------- what the blocks show


def field_text(report, key: str) -> str:
    """A field's value as the form shows it: dates as 2022年7月15日, the rest as typed."""
    value = report.get(key)
    if FIELD_BY_KEY[key].kind is Kind.DATE:
        return format_date_cn(value)
    return "" if value is None else str(value)


# A bureau line ends with what the bureau signs it with, e.g. （制）: kept from the template's wording when the
# filler types only the bureau's name.
_SIGN_OFF = re.compile(r"[（(][^（）()]{1,4}[）)]$")


def wording_field(key: str) -> str | None:
    """The form field that replaces the template's cover wording ``key`` (None: the template's alone)."""
    return next((spec.key for spec in FIELD_BY_KEY.values() if spec.wording == key), None)


def cover_text(report, key: str) -> str:
    """A line of the report's cover wording: the filler's own (form fields with ``wording``) where filled, else the
    template's; ``report_title`` is the title for the report's year, with the report's region."""
    cover = report.template.cover
    if key == "report_title":
        return title(cover, cover_text(report, "region"), report.year)
    field_key = wording_field(key)
    own = report.text(field_key).strip() if field_key else ""
    if not own:
        return cover[key]
    if key == "bureau":
        sign_off = _SIGN_OFF.search(cover[key])
        if sign_off and not _SIGN_OFF.search(own):
            return own + sign_off.group()
    return own


def has_wording(report, key: str) -> bool:
    """Whether the cover says something for ``key`` beyond a bare sign-off (a neutral template's bureau is just
    （制）, waiting for the filler's bureau name)."""
    return bool(_SIGN_OFF.sub("", cover_text(report, key)).strip())


def title(cover: dict, region: str, year: int) -> str:
    """The one title function: a cover wording's ``report_title`` for ``region`` and ``year`` (placeholders filled
    by name only, never ``str.format``: the wording comes from files a filler imports)."""
    return fill(cover["report_title"], region=region, year=year)


def report_title(report) -> str:
    """The report's title as the cover, the 审核结果 and the workbook print it, with the filler's 地区 (else the
    template's): 平江县2023年度部门整体支出绩效评价自评报告."""
    return cover_text(report, "report_title")


def numbered(spec: ListSpec, number: int, text: str) -> str:
    """A list entry as the form numbers it: 任务1：… (a number typed as on paper, kept by an older file, is not
    printed a second time)."""
    return f"{spec.item_label}{number}：{spec.without_number(text)}"


def column_headings(grid: Grid, column: Column) -> list[str]:
    """The labels above a column of a grid, top to bottom: a column in a group sits under the group's label
    (其中： / 结余); a part of a 合计 that is itself in a group (人员支出 in 基本支出) under a second 其中：."""
    if column.group is None:
        return [column.label]
    whole = next((other for other in grid.columns
                  if other.computed and column.key in other.sum_of and other.group == column.group), None)
    if whole is not None:
        return column_headings(grid, whole)[:-1] + [wording.GROUP_SUBHEAD, column.label]
    return [column.group, column.label]


def grid_headings(grid: Grid) -> list[list[str]]:
    """The label paths of a grid's columns, the unit column (机构名称) first."""
    return [[wording.UNIT_COLUMN]] + [column_headings(grid, column) for column in grid.columns]


def grid_header_cells(grid: Grid) -> list[tuple[int, int, int, int, str]]:
    """The merged header cells above a grid, as the paper draws them: (row, column, row span, column span, text),
    column 0 the unit column. A column's own label reaches down to the last header row; a group label (其中： /
    结余, and the second 其中： under 基本支出) spans the following columns under the same labels."""
    paths = grid_headings(grid)
    depth = max(len(path) for path in paths)
    cells = []
    for level in range(depth):
        c = 0
        while c < len(paths):
            path = paths[c]
            if level >= len(path):
                c += 1
                continue
            if level == len(path) - 1:
                cells.append((level, c, depth - level, 1, path[level]))
                c += 1
                continue
            end = c
            while end + 1 < len(paths) and len(paths[end + 1]) - 1 > level \
                    and paths[end + 1][:level + 1] == path[:level + 1]:
                end += 1
            cells.append((level, c, 1, end - c + 1, path[level]))
            c = end + 1
    return cells
