"""The currency of an order sheet, from a header field ("Moneda: mxn") or from the table's headings
("Precio unitario (CHF)"), from the business rule: a cell or heading word names a currency when it is
a currency sign or word ("€", "Euros", "libras") or an ISO 4217 code in any case ("mxn"), and the order
is in that currency, by its ISO code."""

from __future__ import annotations

import pytest

from tests.unit.parsers.sheet_support import read_csv

HEADINGS = "Código,Descripción,Cantidad,Ud.,{price},Importe\n"
BODY = HEADINGS + "TOR-M8-40,Tornillo hexagonal M8x40,250,uds,0.18,45.00\n"


@pytest.mark.parametrize(
    ("written", "code"),
    [("EUR", "EUR"), ("€", "EUR"), ("Euros", "EUR"), ("libras", "GBP"), ("mxn", "MXN"), ("CHF", "CHF")],
)
def test_a_header_field_names_the_currency_by_sign_word_or_code(written: str, code: str) -> None:
    text = f"Nº pedido,PED-2026-0815\nMoneda,{written}\n\n" + BODY.format(price="Precio unitario")
    (order,) = read_csv(text).orders
    assert order.currency == code


@pytest.mark.parametrize(("written", "code"), [("(€)", "EUR"), ("(MXN)", "MXN"), ("USD", "USD")])
def test_a_price_heading_names_the_currency(written: str, code: str) -> None:
    text = "Nº pedido,PED-2026-0815\n\n" + BODY.format(price=f"Precio unitario {written}")
    (order,) = read_csv(text).orders
    assert order.currency == code
