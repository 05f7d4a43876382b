"""Order facts printed the ways real documents print them: a price heading with its basis or currency
in brackets, headings stacked on two lines, the currency's ISO code beside the amounts, and clauses in
running text that name some other "order" with a number (a law, a court's ruling)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.parsers.doc_support import Doc, facts


@pytest.mark.parametrize(
    ("heading", "printed", "amount"),
    [
        ("Precio (por 100)", "420,00", "42,00"),
        ("Price (per 100)", "420.00", "42.00"),
        ("Price (per 1,000)", "4,200.00", "42.00"),
        ("Preis (je 1000)", "4.200,00", "42,00"),
    ],
)
def test_a_price_basis_in_brackets_in_the_heading_is_the_prices_basis(
    heading: str, printed: str, amount: str
) -> None:
    """10 units at 4.20 each: the price printed per 100 (or 1,000) is 420 (or 4,200)."""
    for with_amount in (True, False):  # without the amount, only the heading can say it
        doc = Doc()
        doc.row(40, (40, "Order No.: PO-5521"), (300, "Date: 26/11/2026"))
        doc.row(
            200,
            (40, "Code"),
            (110, "Description"),
            (300, "Qty"),
            (360, heading),
            *([(480, "Amount")] * with_amount),
        )
        doc.row(
            216,
            (40, "SIL-TRA-300"),
            (110, "Silicone"),
            (300, "10"),
            (370, printed),
            *([(480, amount)] * with_amount),
        )
        assert facts(doc.order()) == [("SIL-TRA-300", "10", "4.2")], with_amount


@pytest.mark.parametrize(("heading", "currency"), [("Unit Price (EUR)", "EUR"), ("Precio (USD)", "USD")])
def test_a_currency_in_brackets_still_heads_the_price_column(heading: str, currency: str) -> None:
    doc = Doc()
    doc.row(40, (40, "Order No.: PO-5521"), (300, "Date: 26/11/2026"))
    doc.row(200, (40, "Code"), (110, "Description"), (300, "Qty"), (360, heading), (480, "Amount"))
    doc.row(216, (40, "SIL-TRA-300"), (110, "Silicone"), (300, "10"), (370, "4.20"), (480, "42.00"))
    order = doc.order()
    assert facts(order) == [("SIL-TRA-300", "10", "4.2")]
    assert order["currency"] == currency


@pytest.mark.parametrize(
    ("top", "bottom"),
    [
        (("Item", "", "", "Unit", ""), ("Number", "Description", "Qty", "Price", "Amount")),
        (("Código", "", "", "Precio", ""), ("", "Descripción", "Cantidad", "unitario", "Importe")),
        (("Item", "", "", "Precio", ""), ("Number", "Descripción", "Cantidad", "unitario", "Importe")),
    ],
)
def test_headings_stacked_on_two_lines_head_one_column_each(
    top: tuple[str, ...], bottom: tuple[str, ...]
) -> None:
    doc = Doc()
    doc.row(40, (40, "Order No.: PO-5521"), (300, "Date: 26/11/2026"))
    xs = (40, 110, 300, 370, 480)
    doc.row(190, *[(x, t) for x, t in zip(xs, top, strict=True) if t])
    doc.row(200, *[(x, t) for x, t in zip(xs, bottom, strict=True) if t])
    doc.row(216, *zip(xs, ("10234", "Silicone", "10", "4.20", "42.00"), strict=True))
    doc.row(230, *zip(xs, ("10235", "Gloves", "20", "8.50", "170.00"), strict=True))
    doc.row(256, (370, "Total"), (480, "212.00"))
    assert facts(doc.order()) == [("10234", "10", "4.2"), ("10235", "20", "8.5")]


@pytest.mark.parametrize(
    ("price", "amount", "currency"),
    [
        ("1.234,50 MXN", "12.345,00 MXN", "MXN"),
        ("USD 1,234.50", "USD 12,345.00", "USD"),
        ("1,234.50 GBP", "12,345.00 GBP", "GBP"),
        ("1.234,50 EUR", "12.345,00 EUR", "EUR"),
        ("CAD 1,234.50", "CAD 12,345.00", "CAD"),
    ],
)
def test_an_iso_code_beside_the_amounts_is_the_orders_currency(
    price: str, amount: str, currency: str
) -> None:
    doc = Doc()
    doc.row(40, (40, "Order No.: PO-5521"), (300, "Date: 26/11/2026"))
    doc.row(200, (40, "Code"), (110, "Description"), (280, "Qty"), (340, "Price"), (450, "Amount"))
    doc.row(216, (40, "SIL-TRA-300"), (110, "Silicone"), (280, "10"), (340, price), (450, amount))
    doc.row(256, (340, "Total"), (450, amount))
    order = doc.order()
    assert order["currency"] == currency
    assert order["total"] == "12345"


def _with_clause(*clause: str) -> dict[str, Any]:
    doc = Doc()
    doc.row(40, (40, "PURCHASE ORDER"), (300, "Date: 26/11/2026"))
    doc.row(200, (40, "Code"), (110, "Description"), (300, "Qty"), (370, "Price"), (480, "Amount"))
    doc.row(216, (40, "SIL-TRA-300"), (110, "Silicone"), (300, "10"), (370, "4.20"), (480, "42.00"))
    doc.row(256, (370, "Total"), (480, "42.00"))
    for i, text in enumerate(clause):
        doc.row(300 + 12 * i, (40, text))
    return doc.order()


@pytest.mark.parametrize(
    "clause",
    [
        ("This purchase order is subject to Executive Order 11246 and its regulations.",),
        ("Compliance with Executive Order No. 11246 is required of the supplier.",),
        ("Supplier shall comply with any order of the court 2024-118 issued against it.",),
        ("The supplier shall comply with Executive", "Order 11246, as amended, and the rules under it."),
    ],
)
def test_a_number_after_order_in_a_clause_is_no_order_number(clause: tuple[str, ...]) -> None:
    order = _with_clause(*clause)
    assert order["po_number"] not in ("11246", "2024-118")
    assert order["decision"] != "accept"  # an order without its number waits for a person


def test_a_labelled_order_number_beside_such_a_clause_is_read() -> None:
    doc = Doc()
    doc.row(40, (40, "PURCHASE ORDER"), (300, "PO Number: 4500012345"))
    doc.row(54, (300, "Date: 26/11/2026"))
    doc.row(200, (40, "Code"), (110, "Description"), (300, "Qty"), (370, "Price"), (480, "Amount"))
    doc.row(216, (40, "SIL-TRA-300"), (110, "Silicone"), (300, "10"), (370, "4.20"), (480, "42.00"))
    doc.row(256, (370, "Total"), (480, "42.00"))
    doc.row(300, (40, "This purchase order is subject to Executive Order 11246 and its regulations."))
    assert doc.order()["po_number"] == "4500012345"


def test_a_heading_wrapped_with_its_basis_in_brackets_beside_the_next_columns_word() -> None:
    """ "Price" over "(100" over "Unit)" beside "Line" over "total": the amount column is "Line total",
    and the brackets are the price's basis, not a row of the table."""
    doc = Doc()
    doc.row(40, (40, "PO #: P77355"), (300, "Date: 11-26-2026"))
    xs = (40, 330, 370, 420, 500)
    doc.row(200, *zip(xs, ("Product", "QTY", "Unit", "Price", "Line"), strict=True))
    doc.row(210, (420, "(100"), (500, "total"))
    doc.row(220, (420, "Unit)"))
    doc.row(
        236, *zip(xs, ("[CIN-AIS-19] Insulating tape 19 mm", "750", "ea", "$102.60", "$769.50"), strict=True)
    )
    doc.row(250, *zip(xs, ("[TOR-M8-40] Hex bolt M8x40", "50", "ea", "$19.44", "$9.72"), strict=True))
    doc.row(276, (420, "Total"), (500, "$779.22"))
    order = doc.order()
    assert facts(order) == [("CIN-AIS-19", "750", "1.026"), ("TOR-M8-40", "50", "0.1944")]
    assert order["total"] == "779.22"


def test_an_iso_code_after_the_total_words_names_the_currency_of_the_amount_across_the_page() -> None:
    """ "Suma MXN" at the left, the amount flush right: no sign anywhere, the code says the currency."""
    doc = Doc()
    doc.row(40, (40, "Nº pedido: OC-7760"), (300, "Fecha: 26/11/2026"))
    doc.row(
        200,
        (40, "Código"),
        (110, "Descripción"),
        (280, "Cantidad"),
        (340, "Precio MXN"),
        (450, "Importe MXN"),
    )
    doc.row(216, (40, "SIL-TRA-300"), (110, "Silicona"), (280, "10"), (340, "4.20"), (450, "42.00"))
    doc.row(256, (300, "Suma MXN"), (450, "42.00"))
    assert doc.order()["currency"] == "MXN"
