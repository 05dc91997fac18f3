"""Places in a report: where a value lives, what an edit changed, where a finding points — one typed vocabulary.

Every place has one text form (``str(place)``), read back by :func:`parse_place` and nowhere else:

* a value the report stores under a key (``Report.fields``) — the key itself, dotted:
  ``cover.department`` (:class:`FieldPlace`), ``sheet.<indicator>.input.<name>`` / ``sheet.<indicator>.hand`` /
  ``sheet.<indicator>.reason`` (:class:`SheetPlace`), ``note.<finding key>`` (:class:`NotePlace`);
* everything else — slashed: ``unit/<unit id>/<grid>.<column>`` and ``summary/<grid>.<column>`` (:class:`CellPlace`),
  ``unit/<unit id>`` (:class:`UnitPlace`), ``units`` (their order), ``list/<list>[/<item id>[/<field>]]``
  (:class:`ItemPlace`), ``section/<title>`` (:class:`SectionPlace`), ``template`` and ``draft`` (the score sheet).

The dotted keys are what the data file and the JSON form store, so they never change meaning. A place knows its
section of the form (the window's tab, the order of findings) and its words (:meth:`Place.parts`), from which
both the location a reviewer reads (``label``) and the phrase an undo text uses (``phrase``) are made.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from evaldesk.model.form import (
    FIELD_BY_KEY, GRID_BY_KEY, LIST_BY_KEY, SECTION_FINANCE, SECTION_SHEET, SECTIONS, SUMMARY_ROW_LABEL,
    split_cell_key,
)

SHEET_PARTS = ("input", "hand", "reason")
SHEET_PART_WORDS = {"hand": "手工评分", "reason": "扣分原因"}  # as the score sheet heads its boxes


class PlaceError(ValueError):
    """A text that names no place of the form."""


class Place:
    """Base of every place. Frozen dataclasses: hashable, comparable, usable as dict keys."""

    section: str = SECTION_SHEET

    def parts(self, report) -> tuple[str, ...]:
        """The place in words, from the widest to the narrowest: ("局机关", "公共财政拨款")."""
        return (self.section,)

    def label(self, report) -> str:
        """Where it is, as a reviewer reads it in a list of findings: 评分表 · “预算调整率” · 扣分原因."""
        try:
            return " · ".join(self.parts(report))
        except (KeyError, ValueError):  # an entry whose indicator, unit or item is gone: its text form still says
            return str(self)

    def phrase(self, report) -> str:
        """The place inside a sentence (修改……): “预算调整率”的扣分原因, 任务3的工作内容, 联系人."""
        try:
            return "的".join(self.parts(report)[-2:]) if len(self.parts(report)) > 1 else self.parts(report)[0]
        except (KeyError, ValueError):
            return str(self)


class ValuePlace(Place):
    """A place whose value the report keeps in ``Report.fields`` under :attr:`key`."""

    @property
    def key(self) -> str:
        return str(self)


@dataclass(frozen=True)
class FieldPlace(ValuePlace):
    """A scalar field of the form (``cover.department``)."""

    name: str

    def __str__(self) -> str:
        return self.name

    @property
    def section(self) -> str:  # type: ignore[override]
        return FIELD_BY_KEY[self.name].section

    def parts(self, report) -> tuple[str, ...]:
        return (FIELD_BY_KEY[self.name].label,)


@dataclass(frozen=True)
class SheetPlace(ValuePlace):
    """A score-sheet entry of one indicator: an input the rule needs, the hand score, or the 扣分原因."""

    indicator: str
    part: str           # input / hand / reason
    name: str = ""      # the input's name (only for part == "input")

    def __str__(self) -> str:
        return f"sheet.{self.indicator}.{self.part}" + (f".{self.name}" if self.part == "input" else "")

    def parts(self, report) -> tuple[str, ...]:
        try:
            indicator = report.template.indicator(self.indicator)
        except KeyError:  # an entry of an indicator the sheet no longer has (kept for undo)
            return ("评分表", f"指标“{self.indicator}”", SHEET_PART_WORDS.get(self.part, self.name))
        name = indicator.name if "“" in indicator.name else f"“{indicator.name}”"
        if self.part == "input":
            spec = indicator.input_spec(self.name)
            return ("评分表", name, spec.label if spec else self.name)
        return ("评分表", name, SHEET_PART_WORDS[self.part])


@dataclass(frozen=True)
class NotePlace(ValuePlace):
    """The filler's 说明 to an audit finding (by the finding's key)."""

    finding: str

    def __post_init__(self):
        if not self.finding:  # "note." would name no finding and not read back
            raise PlaceError("说明须对应一条审核结果（键不能为空）")

    def __str__(self) -> str:
        return f"note.{self.finding}"

    def parts(self, report) -> tuple[str, ...]:
        return ("审核说明",)


@dataclass(frozen=True)
class CellPlace(Place):
    """A cell of part 二: one unit's typed or computed figure, or (``unit`` None) the 汇总 row's."""

    unit: str | None
    cell: str           # grid.column

    section = SECTION_FINANCE

    def __str__(self) -> str:
        return f"summary/{self.cell}" if self.unit is None else f"unit/{self.unit}/{self.cell}"

    @property
    def grid(self) -> str:
        return split_cell_key(self.cell)[0]

    @property
    def column(self) -> str:
        return split_cell_key(self.cell)[1]

    def parts(self, report) -> tuple[str, ...]:
        grid = GRID_BY_KEY[self.grid]
        row = SUMMARY_ROW_LABEL if self.unit is None else report.unit(self.unit).name
        return (grid.title, row, grid.column(self.column).label)

    def phrase(self, report) -> str:
        return "的".join(self.parts(report)[1:])


@dataclass(frozen=True)
class UnitPlace(Place):
    """A unit (row of part 二) as a whole: its name, its being there."""

    unit: str

    section = SECTION_FINANCE

    def __str__(self) -> str:
        return f"unit/{self.unit}"

    def parts(self, report) -> tuple[str, ...]:
        return (report.unit(self.unit).name,)


@dataclass(frozen=True)
class UnitsPlace(Place):
    """The order of the units."""

    section = SECTION_FINANCE

    def __str__(self) -> str:
        return "units"

    def parts(self, report) -> tuple[str, ...]:
        return ("机构",)


@dataclass(frozen=True)
class ItemPlace(Place):
    """A list (``item`` None: the list as a whole, its order), one entry, or one field of an entry."""

    list: str
    item: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        text = f"list/{self.list}"
        if self.item is not None:
            text += f"/{self.item}"
            if self.field is not None:
                text += f"/{self.field}"
        return text

    @property
    def section(self) -> str:  # type: ignore[override]
        spec = LIST_BY_KEY.get(self.list)
        return spec.section if spec else SECTION_SHEET

    @property
    def whole_list(self) -> bool:
        return self.item is None

    def parts(self, report) -> tuple[str, ...]:
        spec = LIST_BY_KEY[self.list]
        if self.item is None:
            return (spec.label,)
        number = [item.id for item in report.items(self.list)].index(self.item) + 1
        words = (spec.label, f"{spec.item_label}{number}")
        return words + ((dict(spec.fields)[self.field],) if self.field else ())

    def phrase(self, report) -> str:
        return "的".join(self.parts(report)[1:]) if self.item is not None else self.parts(report)[0]


@dataclass(frozen=True)
class SectionPlace(Place):
    """A whole section of the form (a finding about the score sheet as a whole, say)."""

    title: str

    def __str__(self) -> str:
        return f"section/{self.title}"

    @property
    def section(self) -> str:  # type: ignore[override]
        return self.title if self.title in SECTIONS else SECTION_SHEET

    def parts(self, report) -> tuple[str, ...]:
        return (self.title,)


@dataclass(frozen=True)
class TemplatePlace(Place):
    """The report's score sheet (评分表模板)."""

    def __str__(self) -> str:
        return "template"

    def parts(self, report) -> tuple[str, ...]:
        return ("评分表",)


@dataclass(frozen=True)
class DraftPlace(Place):
    """A score sheet being adjusted that does not check yet (Report.template_draft)."""

    def __str__(self) -> str:
        return "draft"

    def parts(self, report) -> tuple[str, ...]:
        return ("调整中的评分表",)


# ---------------------------------------------------------------- the one parser


def parse_place(text: str) -> Place:
    """The place ``text`` (see the module docstring) names; PlaceError for anything else."""
    if not isinstance(text, str) or not text:
        raise PlaceError(f"“{text}”不是报告中的位置")
    if text in FIELD_BY_KEY or text.partition(".")[0] in ("sheet", "note"):
        return parse_key(text)  # (a finding's key, and so a 说明's, may itself hold slashes)
    return _parse_slashed(text)


def value_place(key: str) -> ValuePlace | None:
    """The place of a key ``Report.fields`` holds, or None for a key that names none (a damaged or foreign data
    file can hold one): such a value is not the report's data, and readers pass it by."""
    try:
        return parse_key(key)
    except PlaceError:
        return None


def parse_key(key: str) -> ValuePlace:
    """A key of ``Report.fields`` as its place: a form field, a score-sheet entry or a 说明."""
    if key in FIELD_BY_KEY:
        return FieldPlace(key)
    head, _, rest = key.partition(".")
    if head == "note" and rest:
        return NotePlace(rest)
    if head == "sheet":
        indicator, _, part = rest.partition(".")
        part, _, name = part.partition(".")
        if indicator and part in ("hand", "reason") and not name:
            return SheetPlace(indicator, part)
        if indicator and part == "input" and name:
            return SheetPlace(indicator, "input", name)
    raise PlaceError(f"报告中没有“{key}”这一项")


def _parse_slashed(text: str) -> Place:
    head, _, rest = text.partition("/")
    pieces = rest.split("/") if rest else []
    if head == "units" and not pieces:
        return UnitsPlace()
    if head == "template" and not pieces:
        return TemplatePlace()
    if head == "draft" and not pieces:
        return DraftPlace()
    if head == "section" and rest:
        return SectionPlace(rest)
    if head == "summary" and len(pieces) == 1:
        return CellPlace(None, pieces[0])
    if head == "unit" and len(pieces) == 1 and pieces[0]:
        return UnitPlace(pieces[0])
    if head == "unit" and len(pieces) == 2 and all(pieces):
        return CellPlace(pieces[0], pieces[1])
    if head == "list" and 1 <= len(pieces) <= 3 and all(pieces):
        return ItemPlace(*pieces)
    raise PlaceError(f"“{text}”不是报告中的位置")


# ---------------------------------------------------------------- what an edit changed


class Changes:
    """The places an edit changed (as Anki's OpChanges): each view asks for its own kind and repaints that part."""

    __slots__ = ("places",)

    def __init__(self, places: Iterable[Place] = ()):
        seen: dict[Place, None] = {}
        for place in places:
            seen.setdefault(place, None)
        self.places: tuple[Place, ...] = tuple(seen)

    def __iter__(self) -> Iterator[Place]:
        return iter(self.places)

    def __contains__(self, place: object) -> bool:
        return place in self.places

    def __len__(self) -> int:
        return len(self.places)

    def __add__(self, other: "Changes") -> "Changes":
        return Changes((*self.places, *other.places))

    def __repr__(self) -> str:
        return f"Changes({', '.join(map(str, self.places))})"

    def of(self, *kinds: type) -> list:
        """The changed places of these kinds, in order."""
        return [place for place in self.places if isinstance(place, kinds)]

    def any(self, *kinds: type) -> bool:
        return any(isinstance(place, kinds) for place in self.places)

    @property
    def units(self) -> bool:
        """Part 二's rows were added, removed, renamed or moved (its tables must be rebuilt)."""
        return self.any(UnitPlace, UnitsPlace)

    @property
    def score_sheet(self) -> bool:
        """The report's score sheet (or its draft) changed: the sheet's layout must be rebuilt."""
        return self.any(TemplatePlace, DraftPlace)

    def first_shown(self) -> Place | None:
        """The place to show the filler after an undo: the first one a tab holds (a 说明 is shown in the audit
        panel, beside its finding, not on a tab)."""
        return next((place for place in self.places if not isinstance(place, NotePlace)), None)
