"""A price's figure past the cents that the line's arithmetic cannot pin waits for a person.

The business rule: a line's amount is quantity × unit price, to the cent.  A price printed to four
places ("8,5000 €") on a line of one carton is 8,50 × 1 = 8,50; read "8,5009" off a fax (the last
zero spoilt beside the euro sign), 1 × 8,5009 is still 8,50 to the cent, and 8,5009 is within the
price tolerance of the 8,50 the customer pays.  Neither check can tell the figure the fax made from
the printed one, so the price is no fact to accept untouched, however sure OCR was of it.  Where the
quantity is large enough that a figure up or down would change the amount (100 × 0,0350 = 3,50:
0,0349 and 0,0351 make 3,49 and 3,51), the arithmetic pins it and the order flows.
"""

from __future__ import annotations

from tests.unit.parsers.ocr_support import doubted, numbers, order, read, row


def _read(qty: str, price: str, amount: str, total: str) -> dict[str, object]:
    rows = [
        row("GUA-NIT-L", qty, price, amount, unit="caj", desc="Guantes"),
        row("TOR-M8-40", "200", "0,1800", "36,00"),
    ]
    return read(order(rows, total=total))


def test_a_figure_past_the_cents_that_one_carton_cannot_pin_is_doubtful() -> None:
    got = _read("1", "8,5009", "8,50", "44,50")
    assert numbers(got)[0] == ("GUA-NIT-L", "1", "8.5009")
    assert doubted(got, "lines[0].unit_price")
    assert got["decision"] != "accept"


def test_the_same_line_with_its_zeros_read_flows() -> None:
    got = _read("1", "8,5000", "8,50", "44,50")
    assert numbers(got)[0] == ("GUA-NIT-L", "1", "8.5")
    assert not doubted(got, "lines[0].unit_price")
    assert got["decision"] == "accept"


def test_a_figure_past_the_cents_the_quantity_pins_flows() -> None:
    # 1000 × 8,5009 = 8500,90: 8,5008 or 8,5010 would make another amount
    got = _read("1000", "8,5009", "8.500,90", "8.536,90")
    assert numbers(got)[0] == ("GUA-NIT-L", "1000", "8.5009")
    assert not doubted(got, "lines[0].unit_price")
    assert got["decision"] == "accept"
