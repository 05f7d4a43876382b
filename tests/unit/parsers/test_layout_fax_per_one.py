"""A line whose "Per" column states that its price is for one unit, on a fax that lost a decimal mark.

The business rule: a price is for as many units as the line's "Per" column prints (1, 100, 1,000).
A normal fax lost the point of a quantity of wire, "7.25" kg read "725": 725 kg at 3,15 for a hundred
and 7,25 kg at 3,15 each both make 22,84, and the hundred was taken, though the line prints 1 in its
"Per" column.  A line that prints 1 there has its price for one unit: the quantity is 7,25 kg, with its
mark put back (so not sure unless the total vouches for it).
"""

from __future__ import annotations

from tests.unit.parsers.ocr_support import numbers, order, read

HEADING = (
    (50, "Código"),
    (130, "Descripción"),
    (330, "Cantidad"),
    (390, "Ud."),
    (430, "Precio"),
    (470, "Por"),
    (505, "Importe"),
)


def _row(code: str, qty: str, unit: str, price: str, per: str, amount: str) -> tuple[tuple[float, str], ...]:
    return (50, code), (130, "Artículo"), (350, qty), (390, unit), (440, price), (475, per), (505, amount)


def test_a_price_for_one_unit_puts_the_mark_back_in_the_quantity_not_a_basis_on_the_price() -> None:
    rows = [
        _row("TOR-M8-40", "250", "uds", "180,00", "1000", "45,00"),
        _row("ALA-GAL-2", "725", "kg", "3,15", "1", "22,84"),
    ]
    got = read(order(rows, heading=HEADING, total="67,84"))
    assert [(q, p) for _, q, p in numbers(got)] == [("250", "0.18"), ("7.25", "3.15")]
