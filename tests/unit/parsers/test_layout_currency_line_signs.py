"""A line of the table whose price and amount carry signs of two currencies says no currency.

The business rule: the order's currency is as sure as the signs its page prints agree; a sign of another
currency makes it doubtful (a person looks).  A line's amount is its quantity at its price, one sum in
one currency, so a "£" on one of the two among euros ("£0,95  €712,50") is a misreading of one of them,
and the line cannot say which: it gives no sign, and the other lines and the total say euros.  A sign
of another currency on a line whose price and amount agree with each other still counts.
"""

from __future__ import annotations

from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import cells, page


def _currency_certainty(second_price: str, second_amount: str) -> float:
    lines = [cells(40, (50, "Ferretería Núñez S.L.")), cells(70, (50, "Nº pedido: PED-26/00123"))]
    lines += [cells(84, (50, "Fecha: 24/11/2026"))]
    heading = cells(
        160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (400, "Precio"), (500, "Importe")
    )
    first = cells(174, (50, "GUA-TRA-9"), (130, "Guante"), (340, "60"), (400, "€3,60"), (500, "€216,00"))
    second = cells(
        188, (50, "CIN-AIS-19"), (130, "Cinta"), (340, "750"), (400, second_price), (500, second_amount)
    )
    third = cells(202, (50, "LLA-AJ-250"), (130, "Llave"), (340, "3"), (400, "€12,80"), (500, "€38,40"))
    total = cells(230, (400, "Total"), (500, "€966,90"))
    (order,) = extract_orders([page(*lines, heading, first, second, third, total)]).orders
    assert order.currency == "EUR"
    found = order.evidence_for("currency")
    assert found is not None
    return found.confidence


def test_a_line_whose_price_and_amount_signs_disagree_leaves_the_currency_sure() -> None:
    assert _currency_certainty("€0,95", "€712,50") >= 0.8
    assert _currency_certainty("£0,95", "€712,50") >= 0.8
    assert _currency_certainty("€0,95", "£712,50") >= 0.8


def test_a_line_in_another_currency_throughout_still_makes_it_doubtful() -> None:
    assert _currency_certainty("£0,95", "£712,50") < 0.8
