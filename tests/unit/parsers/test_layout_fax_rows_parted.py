"""A table row a normal fax parted in two lines: its figures read a little higher than its code and
description, as a line of their own, often without the quantity ("caja 3,90 19,50" over "TAC-6 Taco de
nailon").  The business rule: one printed row is one order line, and a line lost puts every later line
of the order out of place.  The figures directly above the words they stand beside are that row; its
quantity, if lost, is what the price and amount say, and stays for a person to confirm.  A row whose
figures a fax spoilt past reading stays a line in its place, with nothing read into it, for a person."""

from __future__ import annotations

from tests.unit.parsers.ocr_support import numbers, order, read, row

DOUBT_FLOOR = 0.8  # validation holds a field read with less certainty than this for a person


def _lines(rows: list[tuple]) -> dict:
    return read(order(rows, total="29,50"))


def test_figures_read_above_their_code_and_description_are_one_order_line() -> None:
    got = _lines(
        [
            row("TOR-M8-40", "25", "0,18", "4,50"),
            ((390, "caja"), (440, "3,90"), (505, "19,50")),  # the row's figures, its quantity lost
            ((50, "TAC-6"), (130, "Taco de nailon")),  # the same row's code and description
            row("TUE-M8", "110", "0,05", "5,50", desc="Tuerca"),
        ]
    )
    assert numbers(got) == [("TOR-M8-40", "25", "0.18"), ("TAC-6", "5", "3.9"), ("TUE-M8", "110", "0.05")]
    assert got["lines"][1]["amount"] == "19.5"
    # the quantity was worked out, not read: a person confirms it
    assert any(p["field"] == "lines[1].quantity" for p in got["problems"])
    assert got["decision"] != "accept"


def test_a_table_printing_each_row_as_words_over_figures_is_read_as_printed() -> None:
    got = _lines(
        [
            ((50, "TOR-M8-40"), (130, "Tornillo")),
            ((350, "25"), (390, "uds"), (440, "0,18"), (505, "4,50")),
            ((50, "TAC-6"), (130, "Taco de nailon")),
            ((350, "5"), (390, "caja"), (440, "3,90"), (505, "19,50")),
            ((50, "TUE-M8"), (130, "Tuerca")),
            ((350, "110"), (390, "uds"), (440, "0,05"), (505, "5,50")),
        ]
    )
    assert numbers(got) == [("TOR-M8-40", "25", "0.18"), ("TAC-6", "5", "3.9"), ("TUE-M8", "110", "0.05")]


def test_figures_a_blank_line_above_words_are_not_joined_to_them() -> None:
    # the figures, a blank line, then words: nothing says the two are one row, so neither is read as one
    got = _lines(
        [
            row("TOR-M8-40", "25", "0,18", "4,50"),
            ((390, "caja"), (440, "3,90"), (505, "19,50")),
            (),
            ((50, "TAC-6"), (130, "Taco de nailon")),
            row("TUE-M8", "110", "0,05", "5,50", desc="Tuerca"),
        ]
    )
    assert "TAC-6" not in [line["item_code"] for line in got["lines"]]
    assert got["decision"] != "accept"


def test_a_row_whose_figures_a_fax_spoilt_into_letters_is_named_not_run_into_the_row_above() -> None:
    # "1uyy,uu NK 1,20/10U &12,UuU" for 1.000,00 NR 1,20/100 €12,00: a row no arithmetic can read
    got = _lines(
        [
            row("TOR-M8-40", "25", "0,18", "4,50"),
            ((130, "Remache ciego"), (350, "1uyy,uu"), (390, "NK"), (440, "1,20/10U"), (505, "&12,UuU")),
            row("TUE-M8", "110", "0,05", "5,50", desc="Tuerca"),
        ]
    )
    # kept in its place with nothing read from it, so the row after it stays the order's third line
    assert numbers(got) == [("TOR-M8-40", "25", "0.18"), (None, None, None), ("TUE-M8", "110", "0.05")]
    assert got["lines"][1]["amount"] is None
    assert "Remache" not in (got["lines"][0]["description"] or "")
    assert any(p["code"] == "field_not_read" and "Remache" in p["message"] for p in got["problems"])
    assert got["decision"] != "accept"


def test_a_row_read_but_for_its_spoilt_price_and_amount_keeps_the_rows_after_it_in_place() -> None:
    # "750 EA TOR-M10-60 … eN.2924 €2°9.3)" for 0,2924 219,30: the first row of a letter, its figures lost
    got = _lines(
        [
            ((50, "TAC-6"), (130, "Taco"), (350, "750"), (440, "eN.2924"), (505, "€2°9.3)")),
            row("TOR-M8-40", "25", "0,18", "4,50"),
            row("TUE-M8", "110", "0,05", "5,50", desc="Tuerca"),
        ]
    )
    assert numbers(got)[1:] == [("TOR-M8-40", "25", "0.18"), ("TUE-M8", "110", "0.05")]
    # no figure is made up for the spoilt row: a person enters it from the document
    assert got["lines"][0]["unit_price"] is None and got["lines"][0]["amount"] is None
    assert any(p["code"] == "field_not_read" and "eN.2924" in p["message"] for p in got["problems"])
    assert got["decision"] != "accept"
