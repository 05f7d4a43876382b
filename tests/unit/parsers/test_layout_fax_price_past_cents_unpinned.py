"""A price a fraction of a cent from the agreed one, where the line's amount cannot tell which, waits.

The business rule: a line's amount is quantity × unit price, to the cent, and the unit price is the
one the customer should pay (within the price tolerance).  A price printed to four places
("8,5000 €", GUA-NIT-L at its list price 8,50) on a line of one carton makes 8,50; read "8,5009" off
a fax (the last zero spoilt beside the euro sign), 1 × 8,5009 is still 8,50 to the cent, and 8,5009
is within the tolerance of 8,50.  Neither check can tell the figure the fax made from the printed
one, so the price is no fact to accept untouched, however sure OCR was of it.  Where the quantity
makes the two prices different amounts (1000 × 8,5009 = 8500,90, not 8500,00), the amount vouches for
the figure read and the order flows.
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
