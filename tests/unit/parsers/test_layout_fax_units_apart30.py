"""A unit column whose heading a fax garbled: normal fax dotmatrix (tuning), "QTY VOM ITEM NUMBER ..." with
"VOM" for "UOM", so no unit column was made and each row's unit ran into its code ("ca REM Al, 4" read
as the code "caREMAl,4", "ea STI-IRA-300"): the codes matched no product.

The business rule: a column is what it prints.  Short words standing apart at the left of the code
cells, row after row, most of them units of measure ("ea", or "ca" one letter off), are a unit column of
their own, and the codes are what stands right of them.  A code column whose cells begin with a short
word that is no unit (a customer's prefix, "KAR 8437000100140") keeps its cells whole.
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import cells, header_rows, page, read

HEADING = ((20, "Pos"), (100, "QTY"), (124.5, "VOM"), (146.5, "ITEM"), (173, "NUMBER"), (240, "DESCRIPTION"))
HEADING += ((420, "UNIT"), (446, "PRICE"), (500, "EXT."), (526, "PRICE"))


def _row(pos: str, qty: str, unit: str, code: str, desc: str, price: str, amount: str) -> tuple[Any, ...]:
    return (20, pos), (100, qty), (125, unit), (146, code), (240, desc), (440, price), (505, amount)


def _order(units: tuple[str, str, str]) -> dict[str, Any]:
    rows = [
        _row("00010", "100", units[0], "TOR-M8-40", "HEX BOLT M8X40", "0.18", "18.00"),
        _row("00020", "500", units[1], "TUE-M8", "HEX NUT M8", "0.05", "25.00"),
        _row("00030", "3", units[2], "LLA-AJ-250", "ADJUSTABLE SPANNER", "12.80", "38.40"),
    ]
    lines = [*header_rows(), cells(160, *HEADING), *(cells(174 + 14 * i, *r) for i, r in enumerate(rows))]
    lines.append(cells(230, (440, "TOTAL"), (505, "81.40")))
    return read(page(*lines))


def test_units_standing_apart_in_the_code_column_are_a_unit_column_of_their_own() -> None:
    got = _order(("pcs", "ca", "ea"))
    assert [line["item_code"] for line in got["lines"]] == ["TOR-M8-40", "TUE-M8", "LLA-AJ-250"]


def test_short_words_that_are_no_units_stay_part_of_the_codes() -> None:
    got = _order(("KAR", "KAR", "KAR"))
    assert all((line["item_code"] or "").startswith("KAR") for line in got["lines"])
