"""Part 二's computed cells: each row's 合计 columns and the 局机关及二级机构汇总 row.

A blank cell stays blank: a 合计 is blank when all its parts are blank, and the 汇总 of a column is blank when
that column is blank in every unit. In sums a blank counts as 0 (SPEC §1).
"""

from __future__ import annotations

from decimal import Decimal

from evaldesk.model.form import GRIDS, Grid, cell_key
from evaldesk.model.report import Report

Row = dict[str, Decimal | None]  # cell key → value (None = blank)


def _sum(values) -> Decimal | None:
    present = [value for value in values if value is not None]
    return sum(present, Decimal(0)) if present else None


def complete_row(cells: dict[str, Decimal], grid: Grid) -> Row:
    """One row of one grid with its 合计 columns filled in (computed columns may depend on computed ones)."""
    row: Row = {}

    def value(column_key: str) -> Decimal | None:
        key = cell_key(grid.key, column_key)
        if key not in row:
            column = grid.column(column_key)
            row[key] = _sum(value(part) for part in column.sum_of) if column.computed else cells.get(key)
        return row[key]

    for column in grid.columns:
        value(column.key)
    return row


def unit_rows(report: Report) -> dict[str, Row]:
    """Every unit's full row (all grids), keyed by unit id."""
    rows: dict[str, Row] = {}
    for unit in report.units:
        row: Row = {}
        for grid in GRIDS:
            row.update(complete_row(unit.cells, grid))
        rows[unit.id] = row
    return rows


def summary_row(report: Report, rows: dict[str, Row] | None = None) -> Row:
    """The 汇总 row: for every column, the sum over the units (blank if blank everywhere)."""
    rows = unit_rows(report) if rows is None else rows
    summary: Row = {}
    for grid in GRIDS:
        for column in grid.columns:
            key = cell_key(grid.key, column.key)
            summary[key] = _sum(row[key] for row in rows.values())
    return summary


def summary_value(report: Report, key: str) -> Decimal | None:
    return summary_row(report)[key]
