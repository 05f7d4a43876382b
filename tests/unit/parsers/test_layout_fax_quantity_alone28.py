"""A row a fax reduced to its quantity alone: normal fax sap_listing (tuning), a row whose position, code,
price and amount OCR lost, "12" left standing alone under the quantity heading between two numbered rows,
was taken as more description of the row above without a word.

The business rule (issue 10, "no silent drop"): a fact the document shows that we did not capture never
flows on untouched.  In a priced table whose rows each show a code or a position number, a line holding
nothing but one figure where the rows' quantities stand is an order row that could not be read: it is
kept in its place with nothing read from it (so every later line stays the line it is) and named for a
person (`field_not_read` on the lines); the order waits.  A description's own figures ("caja 100",
"M8x40", a wrapped line's number set where its words run) are no row, and a row printed over two lines
(its figures a line apart from its words) is one row.
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import CHAR, numbers, order, read

HEADING = ((20, "Pos."), (60, "Código"), (140, "Descripción"), (330, "Cantidad"), (390, "Ud."))
HEADING += ((430, "Precio"), (500, "Importe"))
QTY_END = 380.0  # where the quantities end: figures are set right-aligned


def _qty(text: str) -> tuple[float, str]:
    return QTY_END - CHAR * len(text), text


def _row(pos: str, code: str, desc: str, qty: str, price: str, amount: str) -> tuple[tuple[float, str], ...]:
    return (20, pos), (60, code), (140, desc), _qty(qty), (390, "uds"), (440, price), (505, amount)


FIRST = _row("10", "TOR-M8-40", "Tornillo", "100", "0,18", "18,00")
THIRD = _row("30", "LLA-AJ-250", "Llave", "3", "12,80", "38,40")


def _order(middle: list[tuple[tuple[float, str], ...]], total: str) -> dict[str, Any]:
    return read(order([FIRST, *middle, THIRD], total=total, heading=HEADING))


def _named(got: dict[str, Any]) -> list[str]:
    return [p["message"] for p in got["problems"] if p["field"] == "lines"]


def test_a_row_reduced_to_its_quantity_is_kept_in_its_place_and_named() -> None:
    # position 20, 12 x TUE-M8 at 0,05 = 0,60: all but the "12" lost to the fax
    got = _order([(_qty("12"),)], total="57,00")
    assert numbers(got) == [("TOR-M8-40", "100", "0.18"), (None, None, None), ("LLA-AJ-250", "3", "12.8")]
    assert _named(got)
    assert got["decision"] != "accept"


def test_a_row_reduced_to_its_quantity_and_unit_is_kept_and_named() -> None:
    got = _order([(_qty("12"), (390, "uds"))], total="57,00")
    assert numbers(got) == [("TOR-M8-40", "100", "0.18"), (None, None, None), ("LLA-AJ-250", "3", "12.8")]
    assert _named(got)


def test_a_description_wrapped_with_its_own_figures_is_no_row() -> None:
    # "Tornillo" wrapped onto "caja 100" and "M8x40": words on the line, so the row above's description
    got = _order([((140, "caja"), _qty("100")), ((140, "M8x40"),)], total="56,40")
    assert numbers(got) == [("TOR-M8-40", "100", "0.18"), ("LLA-AJ-250", "3", "12.8")]
    assert _named(got) == []


def test_a_wrapped_number_where_the_words_run_is_no_row() -> None:
    # a description run on to a bare "933" (DIN 933) set where its words run, under the heading's left
    got = _order([((333, "933"),)], total="56,40")
    assert numbers(got) == [("TOR-M8-40", "100", "0.18"), ("LLA-AJ-250", "3", "12.8")]
    assert _named(got) == []


def test_a_row_printed_over_two_lines_stays_one_line() -> None:
    # the code and description on one line, its quantity alone on the next, its price and amount under
    # that: the figures beside the quantity are its own (one row over three lines), no row is lost
    middle = [
        ((20, "20"), (60, "TUE-M8"), (140, "Tuerca")),
        (_qty("12"),),
        ((440, "0,05"), (505, "0,60")),
    ]
    got = _order(middle, total="57,00")
    assert [line for line in numbers(got) if line == (None, None, None)] == []


def test_the_quantities_above_added_up_alone_are_no_row() -> None:
    # 100 + 3 under two rows, its label lost: the rows' quantities summed, no order row of its own
    second = _row("20", "TUE-M8", "Tuerca", "3", "0,05", "0,15")
    got = _order([second, (_qty("103"),)], total="56,55")
    assert numbers(got) == [
        ("TOR-M8-40", "100", "0.18"),
        ("TUE-M8", "3", "0.05"),
        ("LLA-AJ-250", "3", "12.8"),
    ]
