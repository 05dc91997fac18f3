"""附件：评分表 — the template's tree with merged-looking groups; beside each 三级指标 the figures its rule needs,
the score, its state and explanation, the hand score / override and 扣分原因. Subtotals, total and grade follow
every keystroke.

A big sheet is built in chunks (sheet_chunks.py): the first when the tab opens, the rest a few rows at a time on
the event loop (sheet_slices.py), so the filler reads and types at once whatever the sheet's size. A row not built
yet is built when something asks for it (:meth:`SheetPage.row`: going to a finding, Tab from the row above)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from evaldesk.model.layout import cover_text
from evaldesk.model.places import CellPlace, Place, SheetPlace, UnitPlace, UnitsPlace, ValuePlace
from evaldesk.scoring.engine import SheetResult
from evaldesk.scoring.rules import num
from evaldesk.ui.document import ReportDocument
from evaldesk.ui.settings import Settings
from evaldesk.ui.file_safety import LOCKED, VIEWING, lock_widgets
from evaldesk.ui.sheet_chunks import Chunk, ChunkColumn, cut, sheet_plan
from evaldesk.ui.sheet_hold import SizeHold
from evaldesk.ui.sheet_row import COLUMNS, ChecklistAnswer, IndicatorRow, cell, fit_lines
from evaldesk.ui.sheet_slices import SheetSlices, thaw
from evaldesk.ui.sheet_tab import SheetBody, tab_from
from evaldesk.ui.template_banner import DraftBanner

__all__ = ["ChecklistAnswer", "SheetPage"]

NONE: list = []  # the findings of a row without any (shared, never changed)


class SheetPage(QScrollArea):
    def __init__(self, document: ReportDocument, parent=None):
        super().__init__(parent)
        self.document = document
        self.setWidgetResizable(True)
        self.rows: dict[str, IndicatorRow] = {}
        self.group_labels: dict[str, QLabel] = {}
        self.standards_shown = Settings.load().get("sheet_standards", True) is not False
        self.hold = SizeHold()  # the cells a keystroke repaints keep their size while the sheet is on screen
        self._hold_timer = QTimer(self)
        self._hold_timer.setSingleShot(True)
        self._hold_timer.timeout.connect(self.hold_cells)
        self.slices = SheetSlices(self)
        self.destroyed.connect(thaw)   # its rows are freed (sheet_slices.py)
        self.build()
        document.rescored.connect(self.update_scores)
        document.audited.connect(self.show_findings)
        document.changed.connect(self._figures_changed)

    def build(self) -> None:
        template = self.document.report.template
        self.built_for = template  # a renamed or re-weighted sheet keeps its leaf ids: rebuild on identity
        self.slices.stop()
        if self.rows:
            thaw()   # the rows dropped now are freed (sheet_slices.py)
        body = SheetBody(lambda forward: tab_from(self, forward))
        outer = QVBoxLayout(body)
        title = self.title = QLabel()
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        outer.addWidget(title)
        line = QHBoxLayout()
        self.template_name = QLabel()
        line.addWidget(self.template_name, 1)
        self.standards_box = QCheckBox("显示评分标准")
        self.standards_box.setToolTip("在每个三级指标下显示它的评分标准；不勾选时只在指标名称的提示中显示")
        self.standards_box.setChecked(self.standards_shown)
        self.standards_box.toggled.connect(self.show_standards)
        self.standards_box.setProperty(VIEWING, True)   # a read-only window's reader may use it too
        line.addWidget(self.standards_box)
        outer.addLayout(line)
        outer.addWidget(DraftBanner(self.document))  # shown while an adjusted sheet does not check yet
        self.rows.clear()
        self.group_labels.clear()
        self.continued: dict[str, list[QLabel]] = {}  # group id → its cells in later chunks, marked （续）
        self.groups_shown: dict[str, object] = {}  # indicator id → the GroupResult its label shows
        self.findings_shown = self.document.findings  # the findings the rows show (each row's as it is built)
        self._findings_index = None
        self.hold.forget()
        self.readers: dict[str, list[IndicatorRow]] = {}       # a field's key → the rows that quote it
        self.summary_readers: list[IndicatorRow] = []          # the rows that quote the 汇总 row
        self.row_cells: dict[QWidget, IndicatorRow] = {}       # a row's editing cells → the row (Tab)
        self.places = {}                                      # indicator id → (its chunk, its index in the plan)
        self.indicators = {indicator.id: indicator for indicator in template.indicators}
        self.plan = sheet_plan(template)
        self.chunks = cut(self.plan, self._columns_laid_out)
        self.column = ChunkColumn(self.chunks, self)
        outer.addWidget(self.column)
        for chunk in self.chunks:
            for index in range(chunk.first, chunk.last):
                self.places[self.plan.leaves[index]] = (chunk, index)
        self.total_label = cell("", bold=True, background="#eef1f5")
        self.total_weight = cell("", bold=True, background="#eef1f5")
        self.column_widths: tuple[int, ...] = ()
        self.footnote = QLabel()
        self.footnote.setWordWrap(True)
        self.footnote.setStyleSheet("color: #555;")
        outer.addWidget(self.footnote)
        outer.addStretch(1)
        body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)   # as tall as its lines at its width
        for grows in (body, self.column):   # a sheet that grows below the screen does not repaint the screen
            grows.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.show_template_words(template)
        self.setWidget(body)
        self.leaf_height = self.fontMetrics().lineSpacing() * 7   # a guess until the first chunk is laid out
        for chunk in self.chunks[1:]:
            chunk.hold_room(self.leaf_height * (chunk.last - chunk.first))
        self.begin_chunk(self.chunks[0])
        while not self.chunks[0].done:   # the first screenful and more, at once
            self.build_next(self.chunks[0])
        self.update_scores(self.document.sheet)
        self.column.place()   # the whole sheet's height (the others' guessed) before it is first shown
        self.slices.start(self.chunks)

    def begin_chunk(self, chunk: Chunk) -> None:
        """Lay out a chunk's frame: the headings (first chunk), its groups' cells, the 总分 row (last chunk)."""
        grid = chunk.grid
        if chunk.number == 0:
            for column, text in enumerate(COLUMNS):
                heading = cell(text, bold=True, background="#eef1f5")
                fit_lines(heading, *text.split("\n"))
                grid.addWidget(heading, 0, column)
            self._widen_group_columns(grid)
        else:
            chunk.follow(self.column_widths)
        for group_id, level, start, end in self.plan.groups:
            first, last = max(start, chunk.first), min(end, chunk.last)
            if first >= last:
                continue
            group = self.indicators[group_id]
            if start >= chunk.first:   # the group begins here: its name, 分值 and 小计
                label = self.group_labels[group_id] = cell("", bold=True, background="#f4f6f8")
                self._show_group(group_id, self.document.sheet)
            else:
                label = cell(f"{group.name}\n（续）", bold=True, background="#f4f6f8")
                self.continued.setdefault(group_id, []).append(label)
            grid.addWidget(label, chunk.grid_row(first), level - 1, 2 * (last - first), 1)
            chunk.spans.append(label)
        if chunk is self.chunks[-1]:
            row = chunk.end_row()
            grid.addWidget(cell("总　分", bold=True, background="#eef1f5"), row, 0, 1, 3)
            grid.addWidget(self.total_weight, row, 3)
            grid.addWidget(self.total_label, row, 4, 1, 5)
            chunk.spans.append(self.total_label)
        if chunk.number:
            chunk.begin(self.leaf_height * (chunk.last - chunk.first))
        chunk.started = True

    def _widen_group_columns(self, grid) -> None:
        """The 一级/二级 columns as wide as their widest cell anywhere on the sheet (the other chunks follow the
        first one's widths). A name wraps between its characters if it must (预算\n配置), 小计 before its figure;
        figures do not."""
        metrics = cell("", bold=True).fontMetrics()
        for group_id, level, _start, _end in self.plan.groups:
            weight = num(self.indicators[group_id].weight)
            width = max(metrics.horizontalAdvance(f"（{weight}分）"), metrics.horizontalAdvance(f"{weight}.00")) + 16
            if width > grid.columnMinimumWidth(level - 1):
                grid.setColumnMinimumWidth(level - 1, width)

    def build_next(self, chunk: Chunk) -> IndicatorRow:
        """Build the chunk's next 三级指标 row, showing its score, figures and findings as they are now."""
        if not chunk.started:
            self.begin_chunk(chunk)
        indicator = self.indicators[self.plan.leaves[chunk.next]]
        widgets = self.place_row(indicator)
        sheet = self.document.sheet
        widgets.show_refs(self.document.report, self.document.summary)
        widgets.show(sheet.indicators[indicator.id], sheet.template.id)
        widgets.show_findings(self._findings_of(indicator.id))
        chunk.next += 1
        self.slices.to_hold(widgets)
        if chunk.done:
            if chunk.number:
                chunk.finish()
            for label in chunk.spans:
                self.slices.to_hold(label)
        return widgets

    def row(self, indicator_id: str) -> IndicatorRow | None:
        """``indicator_id``'s row, built now (with the rest of its chunk) if it was not yet; None if the sheet has
        no such 三级指标."""
        if indicator_id not in self.rows and indicator_id in self.places:
            chunk = self.places[indicator_id][0]
            while not chunk.done:
                self.build_next(chunk)
        return self.rows.get(indicator_id)

    def _columns_laid_out(self, widths: tuple[int, ...]) -> None:
        """The first chunk was laid out: the others take its column widths; the chunks not begun yet its rows'
        height as their guess (once)."""
        first = self.chunks[0]
        height = (first.widget.height() - first.grid.cellRect(0, 0).height()) // max(1, first.last - first.first)
        if first.done and abs(height - self.leaf_height) > self.leaf_height // 10:
            self.leaf_height = max(1, height)
            for chunk in self.chunks[1:]:
                if not chunk.started:
                    chunk.hold_room(self.leaf_height * (chunk.last - chunk.first))
        if widths == self.column_widths:
            return
        self.column_widths = widths
        for chunk in self.chunks[1:]:
            if chunk.started:
                chunk.follow(widths)

    def place_row(self, indicator) -> IndicatorRow:
        """Build ``indicator``'s row and put it in the grid at its place (replacing the row there, if any)."""
        old = self.rows.get(indicator.id)
        widgets = self.rows[indicator.id] = IndicatorRow(self.document, self.hold, indicator)
        for op in widgets.ref_operands:
            if op.source == "field":
                self.readers.setdefault(op.key, []).append(widgets)
            elif widgets not in self.summary_readers:
                self.summary_readers.append(widgets)
        chunk, index = self.places[indicator.id]
        first, grid = chunk.grid_row(index), chunk.grid
        # A 三级 sits in column 2; a leaf higher up the tree (a sheet without 二级) spans to column 2.
        column = min(indicator.level - 1, 2)
        grid.addWidget(widgets.name, first, column, 1, 3 - column)
        grid.addWidget(widgets.weight, first, 3)
        grid.addWidget(widgets.inputs, first, 4)
        grid.addWidget(widgets.score, first, 5)
        grid.addWidget(widgets.state, first, 6)
        grid.addWidget(widgets.hand, first, 7)
        grid.addWidget(widgets.reason, first, 8)
        widgets.standard.setVisible(self.standards_shown)
        grid.addWidget(widgets.detail, first + 1, 2, 1, 7)
        for editing in (widgets.inputs, widgets.hand, widgets.reason):
            self.row_cells[editing] = widgets
        if self.property(LOCKED):   # a read-only window: a row built after the lock takes no typing either
            for cell_widget in widgets.cells():
                lock_widgets(cell_widget)
        if old is not None:
            for editing in (old.inputs, old.hand, old.reason):
                self.row_cells.pop(editing, None)
            old.remove()
        return widgets

    def show_template_words(self, template) -> None:
        self.title.setText(f"{cover_text(self.document.report, 'sheet_attachment')}　{template.cover['sheet_title']}")
        self.template_name.setText(f"评分表模板：{template.name}")
        self.total_weight.setText(num(template.total))
        self.footnote.setText(template.cover["sheet_footnote"])

    def retemplate(self, template) -> bool:
        """An adjusted sheet with the same tree (ids, parents, order): the rows stay, those whose entries changed
        are built again in place, the words and 分值 follow. False if the tree changed (the sheet is rebuilt)."""
        def shape(t):
            return [(i.id, i.parent, i.is_leaf) for i in t.indicators]

        if shape(template) != shape(self.built_for):
            return False
        self.built_for = template
        self.indicators = {indicator.id: indicator for indicator in template.indicators}  # for rows still to build
        for group_id, labels in self.continued.items():
            for label in labels:
                label.setText(f"{self.indicators[group_id].name}\n（续）")
        self.groups_shown.clear()  # the groups' names and 分值 may have changed: every label is written again
        self.findings_shown = None  # a row built again shows no findings yet: the next list is sorted out whole
        self.readers, self.summary_readers = {}, []
        for leaf in template.leaves:
            widgets = self.rows.get(leaf.id)
            if widgets is None:
                continue
            if IndicatorRow.entries(leaf) == IndicatorRow.entries(widgets.indicator):
                widgets.adopt(leaf)
                for op in widgets.ref_operands:
                    (self.readers.setdefault(op.key, []) if op.source == "field" else self.summary_readers) \
                        .append(widgets)
            else:
                self.place_row(leaf).show_refs(self.document.report, self.document.summary)
        self.show_template_words(template)
        return True

    def show_standards(self, shown: bool) -> None:
        """显示评分标准: the standards under the indicators, or not (remembered for the next time)."""
        self.standards_shown = shown
        self.release_heights()
        for widgets in self.rows.values():
            widgets.standard.setVisible(shown)
        Settings.load().keep(sheet_standards=shown)

    def release_heights(self) -> None:
        """Let every held cell take its natural size again (the sheet's width changed, or its standards)."""
        self._hold_timer.stop()
        self.slices.release()
        self.hold.release_all()
        self._hold_when_laid_out()

    HOLD_AFTER_MS = 300

    def _hold_when_laid_out(self) -> None:
        """Hold the cells once the sheet has settled: a window being opened or resized is shown and resized several
        times in a row, and each time would let every cell go and lay the whole sheet out again."""
        self._hold_timer.start(self.HOLD_AFTER_MS)

    def hold_cells(self) -> None:
        """Hold every cell a keystroke may repaint, at the size it has on screen, a chunk at a time on the event
        loop (sheet_slices.py), instead of one layout on the first keystroke in each row; rows built later are
        held as they come. From then on a keystroke repaints its cells without laying the sheet out again."""
        if not self.isVisible():
            return
        spans = [label for chunk in self.chunks if chunk.done for label in chunk.spans]   # the others: when done
        self.slices.hold_all([*self.rows.values(), *spans])

    def showEvent(self, event):  # noqa: N802 - Qt's name
        # The cells whose content changed while held take the room they need now; the others stay as they are.
        self.hold.release_changed()
        super().showEvent(event)
        self._hold_when_laid_out()

    def resizeEvent(self, event):  # noqa: N802 - Qt's name
        if event.size().width() != event.oldSize().width():
            self.release_heights()
            for chunk in self.chunks[1:]:   # their own widths until the first chunk is laid out at the new width
                chunk.follow(())
        super().resizeEvent(event)

    def update_scores(self, sheet: SheetResult) -> None:
        """Repaint the rows whose result changed (the SheetResult says which: a rule shared with other rows, the
        汇总 or a balance changes those rows' results too), the subtotals, total and grade."""
        report = self.document.report
        if self.built_for is not report.template and not self.retemplate(report.template):
            self.build()
            return
        template_id = sheet.template.id
        for indicator_id, widgets in self.rows.items():
            result = sheet.indicators[indicator_id]
            if result is not widgets.result and result != widgets.result:
                widgets.show(result, template_id)
        for indicator_id in self.group_labels:
            self._show_group(indicator_id, sheet)
        self.hold.set_text(self.total_label, f"自评得分 {sheet.total_text()}　　评价等次 {sheet.grade or '待定'}")

    def _show_group(self, indicator_id: str, sheet: SheetResult) -> None:
        group = sheet.groups[indicator_id]
        if self.groups_shown.get(indicator_id) is group:  # an unchanged subtotal keeps its object (incremental.py)
            return
        self.groups_shown[indicator_id] = group
        self.hold.set_text(self.group_labels[indicator_id],
                           f"{group.indicator.name}\n（{num(group.indicator.weight)}分）\n小计 {num(group.score)}")

    def _figures_changed(self, changes) -> None:
        """取自报告 follows the part 一 fields and the 汇总 row it quotes (only in the rows that quote them)."""
        rows = [row for place in changes.of(ValuePlace) if not isinstance(place, SheetPlace)
                for row in self.readers.get(place.key, ())]
        if changes.any(CellPlace, UnitPlace, UnitsPlace):
            rows += self.summary_readers
        for widgets in dict.fromkeys(rows):
            widgets.show_refs(self.document.report, self.document.summary)

    def show_findings(self, findings) -> None:
        """Each row's findings under it; only the rows whose findings changed are repainted.

        An audit after a keystroke gives back most findings as the same objects (audit/memo.py), so the findings
        that came or went are told by identity, without a Python step per finding; only the rows they name are
        worked out again. The first list, and one after the rows were built again, is sorted out whole."""
        last, self.findings_shown = self.findings_shown, findings
        self._findings_index = None
        if last is None:
            return self._show_all_findings(findings)
        kept = set(map(id, last)) & set(map(id, findings))
        came = [finding for finding in findings if id(finding) not in kept]
        went = [finding for finding in last if id(finding) not in kept]
        touched = {indicator for finding in came + went for indicator in self._rows_named(finding)}
        if not touched:
            return
        position = {id(finding): number for number, finding in enumerate(findings)}
        for indicator in touched:
            widgets = self.rows[indicator]
            found = [finding for finding in widgets.findings if id(finding) in kept]
            found += [finding for finding in came if indicator in self._rows_named(finding)]
            found.sort(key=lambda finding: position[id(finding)])
            if found != widgets.findings:
                widgets.show_findings(found or NONE)

    def _rows_named(self, finding) -> list[str]:
        """The indicators on this sheet whose rows show ``finding`` (where it is, and the places it names)."""
        return [place.indicator for place in (finding.where, *finding.related)
                if isinstance(place, SheetPlace) and place.indicator in self.rows]

    def _show_all_findings(self, findings) -> None:
        for indicator_id, widgets in self.rows.items():
            found = self._findings_of(indicator_id)
            if found != widgets.findings:
                widgets.show_findings(found)

    def _findings_of(self, indicator_id: str) -> list:
        """The findings shown under ``indicator_id``'s row (sorted out once per list: rows built later ask too)."""
        if self._findings_index is None:
            by_indicator: dict[str, list] = {}  # only the indicators with findings
            for finding in self.findings_shown or ():
                for place in (finding.where, *finding.related):
                    if isinstance(place, SheetPlace):
                        found = by_indicator.setdefault(place.indicator, [])
                        if finding not in found:
                            found.append(finding)
            self._findings_index = by_indicator
        return self._findings_index.get(indicator_id, NONE)

    def view_place(self) -> tuple[str, int] | None:
        """The first 三级指标 in the view and how far below the view's top it stands (None: none is in view)."""
        top = self.verticalScrollBar().value()
        body = self.widget()
        for chunk in self.column.in_view():
            for index in range(chunk.first, chunk.next):
                score = self.rows[self.plan.leaves[index]].score
                y = score.mapTo(body, score.rect().topLeft()).y()
                if y >= top:
                    return self.plan.leaves[index], y - top
        return None

    def show_view_place(self, place: tuple[str, int]) -> None:
        """Scroll so that the 三级指标 of :meth:`view_place` stands where it stood (its row built if it was not)."""
        indicator_id, below_top = place
        widgets = self.row(indicator_id)
        if widgets is None:
            return
        self.slices.laid_out()
        score = widgets.score
        self.verticalScrollBar().setValue(score.mapTo(self.widget(), score.rect().topLeft()).y() - below_top)

    def focus(self, place: Place) -> bool:
        """Take the filler to a score-sheet entry."""
        widgets = self.row(place.indicator) if isinstance(place, SheetPlace) else None
        if widgets is None:
            return False
        target = {"hand": widgets.hand, "reason": widgets.reason}.get(place.part) or widgets.editors.get(place.key) \
            or widgets.reason
        self.slices.laid_out()   # a row built a moment ago has its place in the sheet
        self.ensureWidgetVisible(target, 50, 120)
        target.setFocus()
        return True
