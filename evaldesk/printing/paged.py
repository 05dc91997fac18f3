"""A ruled table that breaks across pages the way the paper form does.

reportlab's own Table splitting cannot do what a signed form needs: it splits a row and leaves the merged cells of
the continuation blank (a score-sheet page starting under empty 一级/二级), it fails outright on a cell taller than a
page (a 1,500-character 扣分原因), and it lays the whole table out again at every page break. Here the table is cut
into page-sized pieces by us, and each piece is an ordinary reportlab Table that never splits:

* rows are grouped into *atoms* — rows that share a merged cell which cannot be repeated (the 分值 and 自评得分 of
  经济/社会/生态效益) stay together;
* a *keep* group (a 二级指标 block, a 指标类型 block) moves whole to the next page when it fits there, and otherwise
  never leaves one lone row at a page foot or head;
* merged cells that can be repeated (一级/二级, 评价内容/指标类型, a shared 评分标准) are real spans inside a piece and
  start again at the top of the next piece, as the paper repeats them;
* a row that is taller than what a page holds is split between lines: the text columns continue, the key columns
  are repeated, the figures print once;
* the header is repeated on every piece, and a piece always carries at least one row (no page of headers only);
* the flowables ``before`` the table (its caption) stay with its first piece, those ``after`` it (the score
  sheet's footnote) with its last.

Each row and atom is measured once; a piece is measured as a whole once more, so what is drawn is what was planned.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from reportlab.platypus import Flowable, PageBreak, Table, TableStyle

from evaldesk.printing.styles import CELL_PADDING, FRAME_HEIGHT
from evaldesk.printing.tables import as_list, ruled

MIN_SPLIT = 30          # points of text a split row must leave on the page, or it moves whole to the next
KEEP_WASTE = 0.1        # a group moves whole to the next page if that leaves at most this share of a page empty
SHORT_ATOM = 0.25       # an atom this share of a page or less is never split at a page's head; it moves on
LONE_WASTE = 0.15       # at most this share of a page is left empty to keep a group's atom from standing alone
GAP = 0.1               # more than this share of a page left under the rows that fit: the next row is split into it


@dataclass
class Row:
    """One body row: per column its content and its merge key (equal non-None keys in consecutive rows make one
    merged cell); ``keep`` groups rows that should share a page; ``spans`` are (first, last) columns merged
    across this row alone (the 总分 label)."""

    cells: list
    keys: list | None = None
    keep: object = None
    spans: tuple = ()
    bold_rule: bool = False
    _heights: dict = field(default_factory=dict, repr=False)   # an atom's height, by the columns running into it

    def key(self, column: int):
        return self.keys[column] if self.keys else None


class PagedTable(Flowable):
    def __init__(self, header: list[list], widths: list[float], rows: list[Row], *, header_spans=(),
                 repeat=frozenset(), flow=frozenset(), top=frozenset(), recall=frozenset(),
                 min_height: float | None = None,
                 padding: float = CELL_PADDING, before=(), after=(), extra_style=()):
        super().__init__()
        self.header = header
        self.widths = widths
        self.rows = rows
        self.header_spans = list(header_spans)
        self.repeat, self.flow, self.top = frozenset(repeat), frozenset(flow), frozenset(top)
        self.recall = frozenset(recall)   # flowing columns written again on a split row's continuation
        self.min_height = min_height
        self.padding = padding
        self.before = list(before)
        self.after = list(after)
        self.extra_style = list(extra_style)
        self._atoms = _atoms(rows, self.repeat)
        self._header_height: float | None = None

    # ---- measuring
    def _piece(self, rows: list[Row], with_header: bool = True) -> Table:
        return piece_table(self, rows, with_header)

    def header_height(self) -> float:
        if self._header_height is None:
            self._header_height = self._piece([], True).wrap(sum(self.widths), 1e9)[1] if self.header else 0
        return self._header_height

    def atom_heights(self) -> list[float]:
        """Each atom's height where it stands: a merged cell running on from the atom above is drawn by the row
        that starts it, so it is left out here (the piece is measured whole before it is drawn)."""
        heights, above = [], None
        for atom in self._atoms:
            running = frozenset(c for c in self.repeat if above is not None and atom[0].key(c) is not None
                                and atom[0].key(c) == above.key(c))
            if running not in atom[0]._heights:
                table = piece_table(self, atom, with_header=False, running=running)
                atom[0]._heights[running] = table.wrap(sum(self.widths), 1e9)[1]
            heights.append(atom[0]._heights[running])
            above = atom[-1]
        return heights

    def before_height(self, width: float) -> float:
        return _stack_height(self.before, width)

    def after_height(self, width: float) -> float:
        return _stack_height(self.after, width)

    def wrap(self, availWidth, availHeight):
        # Always taller than the space offered: the frame then asks ``split`` for what fits, and every piece that
        # is drawn is a plain Table measured there.
        self.width = sum(self.widths)
        return self.width, availHeight + 1

    def draw(self):  # never drawn itself; its pieces are
        pass

    # ---- cutting
    def split(self, availWidth, availHeight):
        width = sum(self.widths)
        if not self._atoms:   # an empty list: its header alone, as the form has it
            fits = self.header_height() + self.before_height(width) <= availHeight
            return self._emit([], [], width, availHeight) if fits or availHeight >= FRAME_HEIGHT - 1 else []
        room = availHeight - self.header_height() - self.before_height(width)
        page = FRAME_HEIGHT - self.header_height()
        heights = self.atom_heights()
        fitting = self._more_fitting(_fitting(heights, room), width, availHeight)
        room_after = availHeight - self.before_height(width) - self.after_height(width)
        if fitting == len(heights) and self._height(fitting, width) > room_after:
            # What follows the table (its footnote) goes with its last two rows (总分 never alone at a page's head)
            fitting = max(0, fitting - 2)
        count = self._respect_keep(fitting, heights, room, page)
        if 0 < count == fitting < len(heights):
            parts = self._fill_gap(count, availHeight - self.before_height(width) - self._height(count, width), page)
            if parts:
                return self._emit(self._atoms[:count] + [[parts[0]]], [[parts[1]]] + self._atoms[count + 1:],
                                  width, availHeight)
        if count == 0:
            first = heights[0]
            fresh = availHeight >= FRAME_HEIGHT - 1
            if not fresh and (first <= page * SHORT_ATOM or room < page * SHORT_ATOM or first <= page
                              and room < first / 2):
                return []  # a short row, or little room: the row starts the next page whole
            parts = self._split_atom(self._atoms[0], room)
            if parts is None and fresh:   # even a key cell taller than a page must print: let every column flow
                parts = self._split_atom(self._atoms[0], room, every_column_flows=True)
            if parts is None:
                return []
            rest = ([[parts[1]]] if parts[1] else []) + self._atoms[1:]
            return self._emit([[parts[0]]], rest, width, availHeight)
        return self._emit(self._atoms[:count], self._atoms[count:], width, availHeight)

    def _height(self, count: int, width: float) -> float:
        """The height of a piece of the first ``count`` atoms, header included, measured whole."""
        return self._piece([row for atom in self._atoms[:count] for row in atom]).wrap(width, 1e9)[1]

    def _more_fitting(self, count: int, width: float, availHeight: float) -> int:
        """Atoms measured alone count a merged cell (a 产出目标 with its note) in its first row; spread over the
        rows it spans it takes less, so a piece measured whole may hold a few atoms more."""
        room = availHeight - self.before_height(width)
        while 0 < count < len(self._atoms) and self._height(count + 1, width) <= room:
            count += 1
        return count

    def _fill_gap(self, count: int, left: float, page: float):
        """The next atom split into the room ``left`` under the rows that fit, when that room is a large gap:
        its text continues on the next page under its key cells (repeated) instead. None when the gap is small
        or the split would leave less than MIN_SPLIT of text on either page."""
        if left <= page * GAP:
            return None
        parts = self._split_atom(self._atoms[count], left)
        if parts is None or parts[1] is None:
            return None
        rest = piece_table(self, [parts[1]], with_header=False).wrap(sum(self.widths), 1e9)[1]
        return parts if rest - self.padding * 2 - 1 >= MIN_SPLIT else None

    def _respect_keep(self, count: int, heights: list[float], room: float, page: float) -> int:
        """Move a keep group whole to the next page when it fits there and would leave little of this page empty;
        else continue it (its merged cells repeat) without a lone atom of it at the foot of this page or at the
        head of the next, unless avoiding that would leave a large gap."""
        atoms = self._atoms
        if count in (0, len(atoms)):
            return count
        group = atoms[count][0].keep
        if group is None or atoms[count - 1][-1].keep != group:
            return count
        start = count
        while start > 0 and atoms[start - 1][-1].keep == group:
            start -= 1
        end = count
        while end < len(atoms) and atoms[end][0].keep == group:
            end += 1
        if start > 0 and sum(heights[start:end]) <= page and room - sum(heights[:start]) <= page * KEEP_WASTE:
            return start
        # A lone atom is sent over (or fetched) only when that leaves no large gap: a tall one stays alone under
        # its repeated key cells rather than empty a third of the page.
        if count - start == 1 and start > 0 and room - sum(heights[:start]) <= page * LONE_WASTE:
            return start
        if end - count == 1 and count - 1 > start and room - sum(heights[:count - 1]) <= page * LONE_WASTE:
            return count - 1
        return count

    def _emit(self, placed: list[list[Row]], rest: list[list[Row]], width: float, availHeight: float) -> list:
        rows = [row for atom in placed for row in atom]
        table = self._piece(rows)
        # Spans and rules may differ by a fraction of a point from the atoms measured alone: check the piece.
        while len(placed) > 1 and table.wrap(width, 1e9)[1] + self.before_height(width) + (
                0 if rest else self.after_height(width)) > availHeight:
            rest.insert(0, placed.pop())
            rows = [row for atom in placed for row in atom]
            table = self._piece(rows)
        out = [*self.before, table] + ([] if rest else self.after)
        if rest:  # the rest starts the next page: a piece ends where this page's rows were chosen to end
            out.append(PageBreak())
            out.append(PagedTable(self.header, self.widths, [row for atom in rest for row in atom],
                                  header_spans=self.header_spans, repeat=self.repeat, flow=self.flow,
                                  top=self.top, recall=self.recall, min_height=self.min_height, padding=self.padding,
                                  after=self.after, extra_style=self.extra_style))
        return out

    def _split_atom(self, atom: list[Row], room: float, every_column_flows: bool = False):
        """The atom as one row cut at ``room``: (the part for this page, the rest), or None."""
        row = _collapsed(atom)
        pad = self.padding * 2 + 1
        text_room = room - pad
        if text_room < MIN_SPLIT:
            return None
        head, rest = [], []
        for column, (cell, width) in enumerate(zip(row.cells, self.widths)):
            content = as_list(cell) if not isinstance(cell, str) else ([cell] if cell else [])
            inner = width - CELL_PADDING * 2 - 2
            if column in self.flow or every_column_flows:
                now, later = _split_flowables(content, inner, text_room)
            else:
                if _stack_height(content, inner) > text_room:
                    return None
                now, later = content, []
                if column in self.repeat and content:
                    later = [copy.copy(f) for f in content]
            head.append(now)
            rest.append(later)
        if not any(rest[c] for c in range(len(rest)) if c in self.flow or every_column_flows):
            # Collapsed, the atom fits whole (its rows' own cells stacked in one); else nothing splits here.
            return (Row(head, [None] * len(head), row.keep, row.spans), None) if len(atom) > 1 else None
        for column in self.recall:   # a row's own name (绩效目标) printed whole above is written again under it
            if head[column] and not rest[column]:
                rest[column] = [copy.copy(f) for f in head[column]]
        # The rest keeps the repeated columns' keys, so the next rows of the same 一级/二级 merge with it.
        keys = [atom[0].key(c) if c in self.repeat else None for c in range(len(self.widths))]
        return (Row(head, keys, row.keep, row.spans), Row(rest, keys, row.keep, row.spans))


def _atoms(rows: list[Row], repeat: frozenset) -> list[list[Row]]:
    """Consecutive rows bound by a shared merged cell that cannot be repeated on a new page."""
    atoms: list[list[Row]] = []
    for row in rows:
        if atoms:
            above = atoms[-1][-1]
            columns = range(len(row.cells))
            if any(c not in repeat and row.key(c) is not None and row.key(c) == above.key(c) for c in columns):
                atoms[-1].append(row)
                continue
        atoms.append([row])
    return atoms


def _fitting(heights: list[float], room: float) -> int:
    used = 0.0
    for count, height in enumerate(heights):
        used += height
        if used > room:
            return count
    return len(heights)


def _collapsed(atom: list[Row]) -> Row:
    """Rows that share a cell, as one row: the shared cell once, the others' contents stacked."""
    if len(atom) == 1:
        return atom[0]
    cells = []
    for column in range(len(atom[0].cells)):
        shared = all(r.key(column) is not None and r.key(column) == atom[0].key(column) for r in atom)
        if shared:
            cells.append(atom[0].cells[column])
        else:
            cells.append([f for r in atom for f in (as_list(r.cells[column]) if r.cells[column] != "" else [])])
    return Row(cells, None, atom[0].keep, atom[0].spans)


def _stack_height(content: list, width: float) -> float:
    return sum(f.wrap(width, 1e9)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in content if not isinstance(f, str))


def _split_flowables(content: list, width: float, room: float) -> tuple[list, list]:
    """The flowables that fit in ``room``, the one straddling it split between lines, and the rest."""
    used = 0.0
    for index, flowable in enumerate(content):
        height = flowable.wrap(width, 1e9)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        if used + height <= room:
            used += height
            continue
        parts = flowable.split(width, room - used - flowable.getSpaceBefore()) if room - used > 0 else []
        if len(parts) == 2:
            return content[:index] + [parts[0]], [parts[1]] + content[index + 1:]
        return content[:index], content[index:]
    return content, []


def piece_table(table: PagedTable, rows: list[Row], with_header: bool, running=frozenset()) -> Table:
    """One page's piece: the header, then ``rows`` with their merged cells as real spans (a piece never splits).
    ``running``: columns whose merged cell began above these rows (left empty; for measuring only)."""
    header = [[as_list(cell) for cell in row] for row in table.header] if with_header else []
    n_head, n_cols = len(header), len(table.widths)
    body = [[as_list(cell) if cell != "" else "" for cell in row.cells] for row in rows]
    for column in running:
        body[0][column] = ""
    commands = ruled(table.padding)
    if with_header:
        commands += [("SPAN", start, end) for start, end in table.header_spans]
    for column in table.top:
        commands.append(("VALIGN", (column, n_head), (column, -1), "TOP"))
    for r, row in enumerate(rows):
        commands += [("SPAN", (first, n_head + r), (last, n_head + r)) for first, last in row.spans]
    for column in range(n_cols):
        r = 0
        while r < len(rows):
            end = r
            key = rows[r].key(column)
            while key is not None and end + 1 < len(rows) and rows[end + 1].key(column) == key:
                end += 1
            if end > r:
                commands.append(("SPAN", (column, n_head + r), (column, n_head + end)))
                for blank in range(r + 1, end + 1):
                    body[blank][column] = ""
            r = end + 1
    commands += table.extra_style
    heights = None
    if table.min_height:
        heights = [0] * n_head + [table.min_height] * len(body)
    return Table(header + body, colWidths=table.widths, style=TableStyle(commands), minRowHeights=heights)
