"""Price and amount a fax read both without their decimal marks, on lines the older rule left alone:
normal fax modern_clean (tuning), "5.000 PCS  420€  10.00  1890€" for 5 × 4,20 € less 10 % = 18,90 €,
and erp_ruled, "10,C00 carton  390€  3900€" for 10 × 3,90 € = 39,00 €, its quantity read as no number.

The business rule: a line's quantity × price (less its discount) is its amount.  Where a fax lost the
marks of both price and amount, the arithmetic holds as well with both marks put back, so the line alone
cannot say where they stand; a document whose other amounts print their cents says the marks were
printed.  Both figures then get their marks back, doubtful unless the order's total vouches for them.  A
discount changes nothing in that (the line still holds to the cent), nor does a quantity worked out from
the amount and the price (it is the same number either way).
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import cells, doubted, header_rows, numbers, order, page, read

HEADING = ((50, "Código"), (130, "Descripción"), (290, "Cantidad"), (340, "Ud."), (380, "Precio"))
HEADING += ((440, "Dto."), (500, "Importe"))


def _row(code: str, qty: str, price: str, discount: str, amount: str) -> tuple[tuple[float, str], ...]:
    placed = ((50, code), (130, "Artículo"), (300, qty), (340, "uds"), (385, price))
    return (*placed, *(((445, discount),) if discount else ()), (505, amount))


CHALECO = _row("CHA-ALT-VIS", "24", "4,75€", "", "114,00€")
TUERCA = _row("TUE-M8", "500", "0,05€", "", "25,00€")


def _order(first: tuple[tuple[float, str], ...], total: str | None) -> dict[str, Any]:
    return read(order([first, CHALECO, TUERCA], total=total, heading=HEADING, total_label=440, total_at=505))


def test_marks_lost_together_on_a_line_with_a_discount_are_put_back() -> None:
    # 5 × 4,20 less 10 % = 18,90, read "420€" and "1890€"; the other amounts print their cents
    first = _row("SIL-TRA-300", "5", "420€", "10,00", "1890€")
    got = _order(first, total="157,90")
    assert [(q, p) for _, q, p in numbers(got)] == [("5", "4.2"), ("24", "4.75"), ("500", "0.05")]
    got = _order(first, total=None)
    assert numbers(got)[0][1:] == ("5", "4.2")
    assert doubted(got, "lines[0].unit_price")  # nothing vouches: the marks were put back to fit


def test_marks_lost_together_where_the_quantity_was_worked_out_are_put_back() -> None:
    # 10 × 3,90 = 39,00, read "390€" and "3900€", the quantity "10,C00" read as no number
    first = _row("TAC-6", "10,C00", "390€", "", "3900€")
    got = _order(first, total="178,00")
    assert [(q, p) for _, q, p in numbers(got)] == [("10", "3.9"), ("24", "4.75"), ("500", "0.05")]
    got = _order(first, total=None)
    assert doubted(got, "lines[0].unit_price")


def test_a_document_whose_amounts_print_no_cents_keeps_the_figures_as_read() -> None:
    # whole euros throughout: "420€" and "1890€" are what is printed
    rows = (_row("SIL-TRA-300", "5", "420€", "10,00", "1890€"), _row("TUE-M8", "500", "5€", "", "2500€"))
    lines = [*header_rows(), cells(160, *HEADING), *(cells(174 + 14 * i, *r) for i, r in enumerate(rows))]
    got = read(page(*lines))
    assert [(q, p) for _, q, p in numbers(got)] == [("5", "420"), ("500", "5")]
