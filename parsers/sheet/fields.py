"""The order's own fields, written as label and value cells above the table: "Nº pedido | PED-123",
"Fecha | 26/11/2026", "Delivery date | …", "Cliente / Customer no. | C-1001"; the value stands right
of its label, below it, or in the same cell after a colon."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from core.capture.domain.order import Evidence, Provenance, UnreadField
from parsers.sheet import labels, values
from parsers.sheet.grid import Cell, Grid
from parsers.sheet.table import ref

LOOK_RIGHT = 3  # empty cells skipped between a label and its value
_ID = re.compile(r"^[\w./-]*\d[\w./-]*$")


@dataclass
class Header:
    po_number: str | None = None
    order_date: date | None = None
    delivery: date | None = None
    currency: str | None = None
    party_id: str | None = None
    buyer_name: str | None = None
    notes: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # the label texts found, for telling the language
    texts: list[str] = field(default_factory=list)  # the text of each row above the table
    unread: list[UnreadField] = field(default_factory=list)  # labelled dates whose value is no date


@dataclass(frozen=True)
class _Value:
    cell: Cell
    col: int
    row: int


def read_header(grid: Grid, end: int) -> Header:
    """The labelled values in the rows before `end` (the table's header row)."""
    header = Header()
    for r in range(end):
        header.texts.append(" ".join(c for c in grid.rows[r] if isinstance(c, str)))
        for c, cell in enumerate(grid.rows[r]):
            if not isinstance(cell, str):
                continue
            label, _, inline = cell.partition(":")
            kind = labels.field(label) if inline.strip() else labels.field(cell)
            if kind is None:
                continue
            found = _Value(inline.strip(), c, r) if inline.strip() else _value(grid, r, c, end)
            if found is not None and _take(header, kind, found, grid.number, label):
                header.labels.append(label)
    return header


def _value(grid: Grid, r: int, c: int, end: int) -> _Value | None:
    """The cell right of a label (past a few empty ones), else the one below it; never another label."""
    row = grid.rows[r]
    for col in range(c + 1, min(len(row), c + 1 + LOOK_RIGHT)):
        if row[col] is not None:
            return None if _is_label(row[col]) else _Value(row[col], col, r)
    below = grid.rows[r + 1] if r + 1 < end else ()
    if c < len(below) and below[c] is not None and not _is_label(below[c]):
        return _Value(below[c], c, r + 1)
    return None


def _is_label(cell: Cell) -> bool:
    return isinstance(cell, str) and labels.field(cell) is not None


def _take(header: Header, kind: str, found: _Value, sheet: int, label: str = "") -> bool:
    """Put a value into its field (the first one found wins); whether it was usable."""
    text = values.identifier(found.cell)
    where = Provenance(page=sheet, raw=f"{ref(found.col, found.row)}: {values.text(found.cell) or ''}")
    if kind == "po_number" and text and _ID.match(text) and header.po_number is None:
        header.po_number = text
        header.evidence.append(Evidence("po_number", 1.0, where))
    elif kind in ("order_date", "delivery_date"):
        day = values.day(found.cell)
        name = "order_date" if kind == "order_date" else "delivery"
        path = "order_date" if kind == "order_date" else "requested_delivery_date"
        if day is None and text and getattr(header, name) is None:
            header.unread.append(UnreadField(path, label.strip(), where))  # "Fecha: 31/11/2026"
        if day is None or getattr(header, name) is not None:
            return False
        setattr(header, name, day[0])
        header.unread = [u for u in header.unread if u.field != path]
        header.evidence.append(Evidence(path, day[1], where))
    elif kind in ("party_id", "buyer") and text and header.party_id is None and _ID.match(text):
        header.party_id = text
        header.evidence.append(Evidence("buyer.party_id", 1.0, where))
    elif kind == "buyer" and text and header.buyer_name is None and not _ID.match(text):
        header.buyer_name = text
    elif kind == "currency" and text:
        code = labels.currency_code(text)
        if code is None or header.currency is not None:
            return False
        header.currency = code
        header.evidence.append(Evidence("currency", 1.0, where))
    elif kind in ("notes", "ship_to") and text:
        header.notes.append(f"{'ship to: ' if kind == 'ship_to' else ''}{text}")
    else:
        return False
    return True
