"""A row whose quantity OCR read as letters, on a table that prints its codes apart from the row.

The business rule: a row with a quantity, a unit, a unit price and an amount is an order line.  A
normal fax may turn a lone figure into letters ("5" read "uw"): the row, with no code of its own (the
form prints it on a line under the row), then had only its price and amount as figures and was taken
for no line at all, so the order lost it.  A word in the quantity column before a unit of measure,
with a price and an amount to the cent, still makes the row an order line; its quantity is the amount
over the price, computed and not read, so the order waits for a person with it named.  A row with no
unit ("Transporte incl. 12,00 12,00") is no order line by this rule.
"""

from __future__ import annotations

from tests.unit.parsers.ocr_support import numbers, order, read

HEADING = ((130, "Descripción"), (330, "Cantidad"), (390, "Ud."), (430, "Precio"), (500, "Importe"))


def _row(desc: str, qty: str, unit: str, price: str, amount: str) -> tuple[tuple[float, str], ...]:
    return (130, desc), (350, qty), (390, unit), (440, price), (505, amount)


def _read(last: tuple[tuple[float, str], ...], total: str) -> dict[str, object]:
    rows = [
        _row("Tornillo hexagonal M8x40 zincado", "250", "uds", "0,18", "45,00"),
        _row("Broca HSS 8 mm para metal", "10", "uds", "2,45", "24,50"),
        last,
    ]
    return read(order(rows, heading=HEADING, total=total))


def test_a_quantity_read_as_letters_before_its_unit_keeps_the_row_an_order_line() -> None:
    got = _read(_row("Guantes de nitrilo talla L (caja 100)", "uw", "cajas", "8,50", "42,50"), "112,00")
    assert [(q, p) for _, q, p in numbers(got)] == [("250", "0.18"), ("10", "2.45"), ("5", "8.5")]
    doubtful = {p["field"] for p in got["problems"] if p["code"] == "low_confidence"}
    assert "lines[2].quantity" in doubtful
    assert got["decision"] != "accept"


def test_a_row_with_no_unit_is_no_order_line() -> None:
    got = _read(_row("Transporte", "incl.", "", "12,00", "12,00"), "81,50")
    assert len(got["lines"]) == 2
