"""A fine fax price one of whose inner 1s is a stroke drawn among its figures, beside a quantity the fax
lost (issue 10, faxfl36: "4,715€" for 4,75 beside "50,UUU" and 237,50; "412000" for 4,2000, its comma
drawn as a 1, beside "GO" and 252,00; the pages here print silicone at 4,20).  The business rule:
quantity × price = amount; where the quantity was not read, it is what the amount and the price say,
in whole units, and a price read with a figure taken out of it is a repair, not a reading: the line
waits for a person either way."""

from __future__ import annotations

from tests.unit.parsers.ocr_support import numbers, order, read, row


def _read(price: str, amount: str, total: str, qty: str = "") -> dict:
    return read(
        order(
            [
                row("TOR-M8-40", "25", "0,18", "4,50"),
                row("SIL-TRA-300", qty, price, amount, desc="Silicona neutra"),
            ],
            total=total,
        )
    )


def test_a_stroke_read_as_a_1_inside_a_price_beside_a_lost_quantity() -> None:
    # "4,210€" for 4,20: 252,00 ÷ 4,21 leaves no whole units, ÷ 4,20 leaves 60
    got = _read("4,210€", "252,00", total="256,50")
    assert numbers(got)[1] == ("SIL-TRA-300", "60", "4.2")
    assert any(p["field"] == "lines[1].quantity" for p in got["problems"])
    assert got["decision"] != "accept"


def test_a_decimal_mark_drawn_as_a_1_beside_a_lost_quantity() -> None:
    got = _read("412000", "252,00", total="256,50")
    assert numbers(got)[1] == ("SIL-TRA-300", "60", "4.2")
    assert any(p["field"] == "lines[1].unit_price" for p in got["problems"])
    assert got["decision"] != "accept"


def test_a_price_with_a_1_that_the_quantity_and_amount_make_stays_as_printed() -> None:
    # guard: 5 × 4,215 is 21,075, printed 21,08: the 1 is a figure
    got = _read("4,215", "21,08", total="25,58", qty="5")
    assert numbers(got)[1][1:] == ("5", "4.215")
