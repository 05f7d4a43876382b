"""A row read as its order line though OCR read one of its figures as no number.

The business rule: a row whose price, quantity or amount OCR read as no number ("0,18€.", "1:200,000",
"$4,236,00": a speck, or a mark read as another) is named as a row not read, so that a person enters it,
unless the line was read from it all the same: its quantity times its price is its amount to the cent,
and each such figure says exactly the figures of the value the line took for that cell, to as many
decimals as it prints.  The three figures then agree and the row says nothing the line does not; how
sure each of the line's numbers is stays its own evidence.  A spoilt figure that says anything else
("0,19€." where the line's price is 0.18) still names the row.
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import order, read, row

SECOND = row("TOR-M8-40", "100", "0,18", "18,00")


def _named(got: dict[str, Any]) -> list[str]:
    return [p["message"] for p in got["problems"] if p["field"] == "lines"]


def test_a_price_read_with_a_speck_that_says_the_lines_price_names_no_row() -> None:
    got = read(order([row("TOR-M8-40", "250", "0,18€.", "45,00"), SECOND], total="63,00"))
    assert [(line["quantity"], line["unit_price"]) for line in got["lines"]] == [
        ("250", "0.18"),
        ("100", "0.18"),
    ]
    assert _named(got) == []


def test_a_quantity_read_with_a_speck_for_its_group_mark_names_no_row() -> None:
    # "1.200,000" (a quantity to three decimals) with its group point read as a colon
    spoilt = (
        (50, "TOR-M8-40"),
        (130, "Tornillo"),
        (330, "1:200,000"),
        (395, "uds"),
        (440, "0,18"),
        (505, "216,00"),
    )
    got = read(order([spoilt, SECOND], total="234,00"))
    assert got["lines"][0]["quantity"] == "1200"
    assert _named(got) == []


def test_a_spoilt_figure_that_says_another_value_still_names_its_row() -> None:
    # "0,19€." where 250 × price = 45,00 makes the price 0.18: the figure says otherwise
    got = read(order([row("TOR-M8-40", "250", "0,19€.", "45,00"), SECOND], total="63,00"))
    assert len(_named(got)) == 1
    assert got["decision"] != "accept"
