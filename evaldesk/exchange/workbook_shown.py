"""What the bureau workbook's visible sheets show, cell by cell, and the digest of it (“显示内容指纹”).

The data fingerprint vouches for the hidden data sheet only; a figure changed on 评分表 is what a reviewer sees.
At export the program digests every non-blank cell of every visible sheet (sheet, cell, value) and writes the
digest on the data sheet (``shown_digest``). A reader digests the cells the file holds now: the same digest means
nothing visible changed. When it differs (or the file carries none), the visible sheets are written again from
the data and compared cell by cell (:func:`differences`), naming each cell and both values.

Values are compared as what they show: a number by its exact digits (openpyxl reads 89.3 back as a float whose
shortest repr is 89.3; the writer holds Decimal('89.30')), a text as itself; blank cells are left out.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from xml.parsers.expat import ExpatError, ParserCreate

Shown = dict[tuple[str, str], str]   # (sheet, cell such as H30) → the value as text

DATA_SHEET = "_data"


def shown_text(value) -> str:
    """One cell's value as the text compared: '' for blank."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, (int, Decimal)):
        text = format(Decimal(value).normalize(), "f")
        return "0" if text in ("-0", "") else text
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def shown_cells(workbook) -> Shown:
    """Every non-blank cell of every visible sheet (any sheet but the data sheet), as text. Works on a workbook
    being written and on one opened read-only."""
    shown: Shown = {}
    for ws in workbook.worksheets:
        if ws.title == DATA_SHEET:
            continue
        for cell in _cells(ws):
            text = shown_text(getattr(cell, "value", None))
            if text and getattr(cell, "coordinate", None):
                shown[(ws.title, cell.coordinate)] = text
    return shown


def read_shown(workbook) -> Shown:
    """Every non-blank cell of every visible sheet of a workbook opened read-only, parsed straight from the sheet
    XML (values only: several times faster than openpyxl's cell objects, and the summary reads every sheet of
    every file). Gives what :func:`shown_cells` gives; a sheet it cannot parse is read by openpyxl instead."""
    shown: Shown = {}
    for ws in workbook.worksheets:
        if ws.title == DATA_SHEET:
            continue
        path = getattr(ws, "_worksheet_path", None)
        try:
            if path is None:
                raise ValueError(path)
            shown.update(_sheet_values(ws.title, workbook._archive.read(path), ws._shared_strings))
        except (ValueError, KeyError, IndexError, AttributeError, ExpatError, InvalidOperation):
            for cell in _cells(ws):
                text = shown_text(getattr(cell, "value", None))
                if text and getattr(cell, "coordinate", None):
                    shown[(ws.title, cell.coordinate)] = text
    return shown


def _sheet_values(title: str, xml: bytes, shared: list) -> Shown:
    """(title, cell) → text for the <c> elements of one sheet part. A DOCTYPE (entities) is refused outright."""
    out: Shown = {}
    state = {"cell": None, "type": "", "text": None, "in": False}

    def start(name, attrs):
        if name.endswith("c") and (name == "c" or name.endswith(":c")):
            state["cell"], state["type"], state["text"] = attrs.get("r"), attrs.get("t", "n"), None
        elif name in ("v", "t") or name.endswith((":v", ":t")):
            state["in"] = state["cell"] is not None
            if state["text"] is None:
                state["text"] = ""

    def end(name):
        if name in ("v", "t") or name.endswith((":v", ":t")):
            state["in"] = False
        elif name == "c" or name.endswith(":c"):
            cell, kind, raw = state["cell"], state["type"], state["text"]
            state["cell"] = None
            if cell is None or raw is None:
                return
            if kind == "s":
                value = shared[int(raw)]
            elif kind == "b":
                value = raw.strip() in ("1", "true")
            elif kind in ("str", "inlineStr", "e", "d"):
                value = raw
            else:
                value = Decimal(raw.strip())
            text = shown_text(value)
            if text:
                out[(title, cell)] = text

    def chars(data):
        if state["in"]:
            state["text"] += data

    def doctype(*_args):
        raise ValueError("DOCTYPE")

    parser = ParserCreate()
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars
    parser.StartDoctypeDeclHandler = doctype
    parser.Parse(xml, True)
    if any(cell is None for _t, cell in out):
        raise ValueError("a cell without its reference")
    return out


def _cells(ws):
    """The cells in row order. A sheet being written: the cells it holds (its iter_rows would create every
    empty one in its range). A read-only sheet: every row it holds, not only its declared range."""
    held = getattr(ws, "_cells", None)
    if isinstance(held, dict):
        for _key, cell in sorted(held.items()):
            yield cell
        return
    ws.reset_dimensions()
    for row in ws.iter_rows():
        yield from row


def shown_digest(shown: Shown) -> str:
    """16 hex digits in four groups, like the data fingerprint, over the cells in sheet and cell order."""
    digest = hashlib.sha256()
    for (sheet, coordinate), text in shown.items():
        digest.update(f"{sheet}\t{coordinate}\t{text}\n".encode("utf-8"))
    hexed = digest.hexdigest()[:16].upper()
    return "-".join(hexed[i:i + 4] for i in range(0, 16, 4))


def differences(in_file: Shown, expected: Shown) -> list[tuple[str, str, str, str]]:
    """(sheet, cell, shown in the file, what the data gives) for every cell that differs, in sheet order."""
    order = {sheet: index for index, sheet in enumerate(dict.fromkeys([s for s, _c in expected] + [s for s, _c in in_file]))}
    keys = sorted(set(in_file) | set(expected), key=lambda key: (order[key[0]], _cell_order(key[1])))
    return [(sheet, cell, in_file.get((sheet, cell), ""), expected.get((sheet, cell), ""))
            for sheet, cell in keys if in_file.get((sheet, cell), "") != expected.get((sheet, cell), "")]


def _cell_order(coordinate: str) -> tuple[int, int]:
    from openpyxl.utils.cell import coordinate_from_string, column_index_from_string

    letters, row = coordinate_from_string(coordinate)
    return row, column_index_from_string(letters)
