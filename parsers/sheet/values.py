"""Cell values as an order needs them: text as shown, exact `Decimal` numbers, dates and GTINs.

XLSX number cells arrive as `Decimal` already (see `grid`); text cells are read with the layout
reader's number and date parsing under the sheet's decimal mark, as printed only (no OCR repairs).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from parsers.layout.codes import valid_gtin
from parsers.layout.dates import find_date
from parsers.layout.decimal_mark import mark_evidence
from parsers.layout.numbers import readings, strip_money
from parsers.sheet.grid import Cell

_SPACE_GROUPS = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?:\D|$))")  # "1 250,00"
_AMBIGUOUS = re.compile(r"^[+-]?\d{1,3}[.,]\d{3}$")  # "1.250": a thousand or one and a quarter
_WITH_UNIT = re.compile(r"^(?P<number>[-+]?[\d.,'’]*\d)\s*(?P<unit>[^\W\d_]{1,12}\.?)$")


def text(cell: Cell) -> str | None:
    """The cell as the sheet shows it: numbers without exponent or trailing zeros, dates ISO."""
    if cell is None:
        return None
    if isinstance(cell, Decimal):
        shown = format(cell, "f")
        return shown.rstrip("0").rstrip(".") if "." in shown else shown
    if isinstance(cell, date):
        return cell.isoformat()
    return cell


def number(cell: Cell, mark: str, certainty: float = 1.0) -> tuple[Decimal, float] | None:
    """The number in a cell and how sure it is: a number cell is exact; a text number is read as
    printed under the sheet's decimal `mark`, as sure as that mark where its own marks fit both."""
    if isinstance(cell, Decimal):
        return cell, 1.0
    if not isinstance(cell, str):
        return None
    printed = _SPACE_GROUPS.sub("", cell.strip())
    found = next((r for r in readings(printed, mark, rules=False) if r.cost == 0), None)
    if found is None:
        return None
    core, _ = strip_money(printed)
    sure = certainty if _AMBIGUOUS.match(core) and mark_evidence(core) is None else 1.0
    return found.value, sure


def currency(cell: Cell) -> str | None:
    """The ISO currency a text number carries ("12,50 €")."""
    return strip_money(cell)[1] if isinstance(cell, str) else None


def quantity(cell: Cell, mark: str, certainty: float = 1.0) -> tuple[Decimal, float, str | None] | None:
    """A quantity, perhaps written with its unit in the same cell ("250 uds")."""
    plain = number(cell, mark, certainty)
    if plain is not None:
        return (*plain, None)
    m = _WITH_UNIT.match(cell.strip()) if isinstance(cell, str) else None
    if m is None:
        return None
    found = number(m["number"], mark, certainty)
    return (*found, m["unit"]) if found else None


def day(cell: Cell) -> tuple[date, float] | None:
    """A date cell, or a date written as text (day first: 26/11/2026, "26 de noviembre de 2026")."""
    if isinstance(cell, date):
        return cell, 1.0
    if not isinstance(cell, str):
        return None
    found = find_date(cell)
    return (found.value, found.certainty) if found else None


def gtin(code: str | None) -> str | None:
    """The code when it is an EAN-8, UPC-12, EAN-13 or GTIN-14 whose check digit holds."""
    return code if code and valid_gtin(code) else None


def identifier(cell: Cell) -> str | None:
    """A code or number as written, without spaces around it; None for a blank or a date."""
    shown = text(cell) if not isinstance(cell, date) else None
    return shown.strip() or None if shown else None
