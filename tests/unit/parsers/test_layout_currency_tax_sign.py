"""A sign OCR read otherwise on the tax, which the net total and the total tie, is no second currency.

The business rule: the order's currency is as sure as the signs its page prints agree; a sign of another
currency makes it doubtful (a person looks).  The tax that is the net total's share at the rate its own
line prints, to the cent, and with the net makes the total, is one sum with them, in their currency: a
"£" read on it among euros ("IVA 21% £53,42" under "€254,40", over "€307,82") is a misread "€", and the
page stays sure of euros.  A tax at no rate its line prints ties nothing, and its sign still counts.
"""

from __future__ import annotations

from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import cells, page


def _currency_certainty(tax_line: str) -> float:
    lines = [cells(40, (50, "Ferretería Núñez S.L.")), cells(70, (50, "Nº pedido: PED-26/00123"))]
    lines += [cells(84, (50, "Fecha: 24/11/2026"))]
    heading = cells(
        160, (50, "Código"), (130, "Descripción"), (330, "Cantidad"), (400, "Precio"), (500, "Importe")
    )
    first = cells(174, (50, "GUA-TRA-9"), (130, "Guante"), (340, "60"), (400, "€3,60"), (500, "€216,00"))
    second = cells(188, (50, "LLA-AJ-250"), (130, "Llave"), (340, "3"), (400, "€12,80"), (500, "€38,40"))
    subtotal = cells(216, (400, "Subtotal"), (500, "€254,40"))
    tax = cells(230, (400, tax_line))
    total = cells(244, (400, "Total"), (500, "€307,82"))
    (order,) = extract_orders([page(*lines, heading, first, second, subtotal, tax, total)]).orders
    assert order.currency == "EUR"
    assert order.tax_total is not None and f"{order.tax_total:.2f}" == "53.42"
    found = order.evidence_for("currency")
    assert found is not None
    return found.confidence


def test_a_sign_misread_on_a_tax_the_rate_and_totals_tie_leaves_the_currency_sure() -> None:
    assert _currency_certainty("IVA 21% £53,42") >= 0.8
    # a rate the tax is not the net's share at: nothing ties it, and its sign is a second currency
    assert _currency_certainty("IVA 16% £53,42") < 0.8
