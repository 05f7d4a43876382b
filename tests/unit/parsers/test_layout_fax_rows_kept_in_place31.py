"""Rows a fax spoilt that must keep their place: fine fax modern_clean (tuning), a row whose "12 EA"
OCR read "WR FA" (its code on a labelled line under it, a discount beside its price) was taken as more
description of the row above; and fine fax us_po (tuning), whose first position "001" OCR read "00)",
so the reader numbered that row 0 and put an empty row 1 after it.  Either way every later line stood
one place off.

The business rule (issue 10, "no silent drop"): every order line the document prints is a line of the
order in its place.  A row whose price and amount are read where the rows print theirs, whose quantity
cell holds letters where the rows print their quantities, between two rows read in full, is an order
line whose quantity could not be read: kept in its place with nothing read from it (which figures the
letters were is a guess), named for a person; the order waits.  Words run into the quantity column
with no money beside them are a description, not a row.  Positions number rows from 1 (or 10, 100):
a position read as 0 is a number misread, not a row before the first.
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import CHAR, assert_kept_between, numbers, order, read

HEADING = ((60, "Description"), (330, "Qty"), (390, "Unit"), (440, "Price"), (510, "Amount"))
QTY_END, PRICE_END, AMOUNT_END = 370.0, 480.0, 550.0  # figures are set right-aligned


def _at(end: float, text: str) -> tuple[float, str]:
    return end - CHAR * len(text), text


def _row(desc: str, qty: str, unit: str, price: str, amount: str) -> tuple[tuple[float, str], ...]:
    return (60, desc), _at(QTY_END, qty), (390, unit), _at(PRICE_END, price), _at(AMOUNT_END, amount)


def _code(code: str) -> tuple[tuple[float, str], ...]:
    return ((70, f"Item Code: {code}"),)


FIRST = [_row("Hex bolt M8x40", "100", "EA", "0.18", "18.00"), _code("TOR-M8-40")]
THIRD = [_row("Adjustable wrench", "3", "EA", "12.80", "38.40"), _code("LLA-AJ-250")]


def _order(middle: list[tuple[tuple[float, str], ...]], total: str) -> dict[str, Any]:
    return read(
        order([*FIRST, *middle, *THIRD], total=total, heading=HEADING, total_at=_at(AMOUNT_END, total)[0])
    )


def _named(got: dict[str, Any]) -> list[str]:
    return [p["message"] for p in got["problems"] if p["field"] == "lines"]


def test_a_row_whose_quantity_the_fax_read_as_letters_keeps_its_place_and_is_named() -> None:
    # 12 EA of TUE-M8 at 0.05 = 0.60, its "12 EA" read "WR FA"
    middle = [_row("Hex nut M8", "WR", "FA", "0.05", "0.60"), _code("TUE-M8")]
    got = _order(middle, total="57.00")
    assert_kept_between(got, ("TOR-M8-40", "100", "0.18"), ("LLA-AJ-250", "3", "12.8"))


def test_a_description_word_one_letter_off_a_total_does_not_make_the_row_a_total() -> None:
    # "for metal" read "for motal": the row is still an order line, not the order's total
    middle = [_row("Drill bit 8 mm for motal", "WR", "FA", "2.65", "31.80"), _code("BRO-HSS-8")]
    got = _order(middle, total="88.20")
    lines = numbers(got)
    assert len(lines) == 3
    assert lines[1][1:] == (None, None)
    assert lines[2] == ("LLA-AJ-250", "3", "12.8")
    assert got["decision"] != "accept"


def test_words_run_into_the_quantity_column_without_money_stay_a_description() -> None:
    # the first row's description wrapped onto a second line, reaching under "Qty"
    wrapped = (60, "zinc plated, delivered palletised"), _at(QTY_END, "boxed")
    page = order([FIRST[0], wrapped, FIRST[1], *THIRD], total="56.40", heading=HEADING, total_at=480.0)
    got = read(page)
    assert numbers(got) == [("TOR-M8-40", "100", "0.18"), ("LLA-AJ-250", "3", "12.8")]


POS_HEADING = ((20, "Pos."), (60, "Code"), (140, "Description"), (330, "Qty"), (390, "Unit"))
POS_HEADING += ((440, "Price"), (510, "Amount"))


def _numbered_row(pos: str, code: str, qty: str, price: str, amount: str) -> tuple[tuple[float, str], ...]:
    return (
        (20, pos),
        (60, code),
        (140, "Item"),
        _at(QTY_END, qty),
        (390, "u"),
        _at(PRICE_END, price),
        _at(AMOUNT_END, amount),
    )


def test_a_first_position_read_as_zero_is_the_first_row_not_a_row_before_a_lost_one() -> None:
    # "001" read "00)": the first row; no row 1 was lost after it
    rows = [
        _numbered_row("00)", "TOR-M8-40", "100", "0.18", "18.00"),
        _numbered_row("002", "TUE-M8", "12", "0.05", "0.60"),
        _numbered_row("003", "LLA-AJ-250", "3", "12.80", "38.40"),
        _numbered_row("004", "TAC-6", "2", "3.90", "7.80"),
    ]
    got = read(order(rows, total="64.80", heading=POS_HEADING, total_at=_at(AMOUNT_END, "64.80")[0]))
    assert numbers(got) == [
        ("TOR-M8-40", "100", "0.18"),
        ("TUE-M8", "12", "0.05"),
        ("LLA-AJ-250", "3", "12.8"),
        ("TAC-6", "2", "3.9"),
    ]
    assert not [p for p in got["problems"] if p["code"] == "unreadable"]
