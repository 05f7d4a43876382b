"""Invoices and credit notes at their edges, from the billing rules as the accountant states them:

- each line's net is quantity × price rounded to the cent, less a promotion's allowance, which can never
  take a line below zero; the promotion is named only where it took something off;
- VAT at 21 % on the summed nets of a rate; the legal wording (in the customer's language) once per document;
- money taken against a document never exceeds what is open on it, and it is settled when nothing is open;
- a document's code is its series, year and a six-digit number.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from core.billing.domain.invoicing import (
    Billable,
    DocumentKind,
    Invoice,
    InvoiceLine,
    InvoiceState,
    LineKind,
    document_code,
    parse_code,
    price,
)
from core.billing.domain.tax import VatTreatment

D = Decimal
GENERAL = VatTreatment(D(21), "S")
INTRA = VatTreatment(D(0), "AE", "Entrega intracomunitaria exenta.", "Intra-Community supply, exempt.")


def test_lines_are_numbered_from_one_and_keep_what_identifies_the_goods() -> None:
    priced = price(
        [
            Billable("Tornillo", D(10), D("0.25"), GENERAL, sku="TOR", gtin="0841", unit="UD",
                     order_line_id=7, line_no="10", buyer_item_code="B-1"),
            Billable("Portes", D(1), D("9.40"), GENERAL, kind=LineKind.SHIPPING),
        ],
        "EUR",
    )  # fmt: skip
    first, carriage = priced.lines
    assert (first.position, carriage.position) == (1, 2)
    assert (first.kind, carriage.kind) == (LineKind.GOODS, LineKind.SHIPPING)
    assert (first.description, first.quantity, first.unit_price) == ("Tornillo", D(10), D("0.25"))
    assert (first.sku, first.gtin, first.unit, first.order_line_id, first.line_no, first.buyer_item_code) == (
        "TOR", "0841", "UD", 7, "10", "B-1",
    )  # fmt: skip
    assert (first.vat_rate, first.vat_category) == (D(21), "S")


def test_a_promotion_takes_its_allowance_off_the_net_and_is_named() -> None:
    # 10 x 2.00 = 20.00, less 3.00 off: net 17.00, VAT 21 % = 3.57
    priced = price(
        [Billable("Broca", D(10), D("2.00"), GENERAL, discount=D("3.00"), promotion="3 € off")], "EUR"
    )
    (line,) = priced.lines
    assert (line.net, line.discount, line.promotion, line.gross) == (
        D("17.00"),
        D("3.00"),
        "3 € off",
        D("20.00"),
    )
    assert (priced.net_total, priced.tax_total, priced.total) == (D("17.00"), D("3.57"), D("20.57"))


def test_an_allowance_larger_than_the_line_takes_it_to_zero_not_below() -> None:
    priced = price([Billable("Broca", D(1), D("2.00"), GENERAL, discount=D("5.00"), promotion="gift")], "EUR")
    (line,) = priced.lines
    assert (line.net, line.discount) == (D("0.00"), D("2.00"))


def test_no_allowance_names_no_promotion() -> None:
    for discount in (None, D(0)):
        (line,) = price(
            [Billable("Broca", D(1), D("2.00"), GENERAL, discount=discount, promotion="x")], "EUR"
        ).lines
        assert (line.net, line.discount, line.promotion) == (D("2.00"), None, None)
        assert line.gross == D("2.00")


def test_the_legal_wording_comes_once_in_the_customers_language() -> None:
    items = [
        Billable("a", D(1), D(1), INTRA),
        Billable("b", D(2), D(1), INTRA),
        Billable("c", D(1), D(1), GENERAL),
    ]
    assert price(items, "EUR", "es").notes == ("Entrega intracomunitaria exenta.",)
    assert price(items, "EUR", "en").notes == ("Intra-Community supply, exempt.",)
    assert price(items, "EUR").notes == ("Entrega intracomunitaria exenta.",)  # Spanish unless told


def test_the_vat_summary_has_one_line_per_rate() -> None:
    priced = price([Billable("a", D(1), D("10.00"), GENERAL), Billable("b", D(1), D("5.00"), INTRA)], "EUR")
    assert sorted((t.rate, t.base, t.tax) for t in priced.taxes) == [
        (D(0), D("5.00"), D("0.00")),
        (D(21), D("10.00"), D("2.10")),
    ]
    assert (priced.net_total, priced.tax_total, priced.total) == (D("15.00"), D("2.10"), D("17.10"))


def _invoice(total: str = "121.00", paid: str = "0") -> Invoice:
    at = datetime(2026, 12, 1, 9, tzinfo=UTC)
    return Invoice(
        DocumentKind.INVOICE, "F", 2026, 42, at, at.date(), date(2026, 12, 31), "C-1", 1, "EUR",
        "domestic", "es", D("100.00"), D("21.00"), D(total), paid=D(paid),
    )  # fmt: skip


def test_money_taken_never_exceeds_what_is_open_and_settles_the_invoice_when_all_is_paid() -> None:
    invoice = _invoice()
    assert invoice.settle(D("21.00")) == D("21.00")
    assert (invoice.paid, invoice.open_amount, invoice.state) == (D("21.00"), D("100.00"), InvoiceState.OPEN)
    assert invoice.settle(D("150.00")) == D("100.00")
    assert (invoice.paid, invoice.open_amount, invoice.state) == (D("121.00"), D(0), InvoiceState.SETTLED)
    assert invoice.settle(D("5.00")) == 0  # nothing open: nothing taken
    assert invoice.paid == D("121.00")


def test_nothing_or_a_negative_amount_settles_nothing() -> None:
    invoice = _invoice()
    assert invoice.settle(D(0)) == 0
    assert invoice.settle(D("-5.00")) == 0
    assert (invoice.paid, invoice.state) == (D(0), InvoiceState.OPEN)


def test_cents_are_taken_like_euros() -> None:
    invoice = _invoice(paid="120.50")
    assert invoice.settle(D("0.50")) == D("0.50")
    assert (invoice.open_amount, invoice.state) == (D(0), InvoiceState.SETTLED)


def test_paying_exactly_what_is_open_settles_it() -> None:
    invoice = _invoice(paid="100.00")
    assert invoice.settle(D("21.00")) == D("21.00")
    assert invoice.state is InvoiceState.SETTLED


def _line(position: int, kind: LineKind, net: str, discount: str | None = None) -> InvoiceLine:
    return InvoiceLine(position, kind, "x", D(1), D(net), D(net), D(21), "S",
                       discount=None if discount is None else D(discount))  # fmt: skip


def test_goods_and_carriage_are_summed_apart_and_the_promotions_together() -> None:
    invoice = _invoice()
    invoice.lines = [
        _line(1, LineKind.GOODS, "40.00", "5.00"),
        _line(2, LineKind.GOODS, "50.00"),
        _line(3, LineKind.SHIPPING, "10.00"),
        _line(4, LineKind.GOODS, "0.00", "2.50"),
    ]
    assert invoice.net_of(LineKind.GOODS) == D("90.00")
    assert invoice.net_of(LineKind.SHIPPING) == D("10.00")
    assert invoice.discount_total == D("7.50")
    assert _invoice().discount_total == 0


def test_a_documents_code_is_series_year_and_six_digits() -> None:
    assert _invoice().code == "F2026-000042"
    assert document_code("R", 2027, 1234567) == "R2027-1234567"


@pytest.mark.parametrize(
    ("code", "parts"),
    [(" f2026-000042 ", ("F", 2026, 42)), ("R2026-7", ("R", 2026, 7)), ("AB2026-000001", ("AB", 2026, 1))],
)
def test_a_code_reads_back_whatever_its_case_and_padding(code: str, parts: tuple[str, int, int]) -> None:
    assert parse_code(code) == parts


@pytest.mark.parametrize(
    "code", ["F20260-000001", "F2026-", "F2026000001", "-000001", "F2026-12a", "F202a-1"]
)
def test_anything_else_is_not_a_code(code: str) -> None:
    with pytest.raises(ValueError, match="is not a document number"):
        parse_code(code)
