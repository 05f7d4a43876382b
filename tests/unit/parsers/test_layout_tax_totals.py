"""Net total, tax and total as an order prints them under its lines: the order's total is the final one
printed (with the tax), the net total and the tax are kept beside it; a page with one total keeps it as
the total and no net or tax."""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.doc_support import Doc

TABLE = ((40, "Ref."), (110, "Descripción"), (330, "Cantidad"), (400, "Precio"), (480, "Importe"))


def _order(*totals: tuple[str, str]) -> dict[str, Any]:
    doc = Doc()
    doc.row(40, (40, "PEDIDO DE COMPRA"), size=14)
    doc.row(70, (40, "Nº pedido: OC-7710"))
    doc.row(84, (40, "Fecha: 26/11/2026"))
    doc.row(200, *TABLE)
    doc.row(216, (40, "BX-9"), (110, "Bisagra inox"), (330, "10"), (400, "3,20"), (480, "32,00"))
    doc.row(230, (40, "TR-4"), (110, "Tornillo M4"), (330, "100"), (400, "0,18"), (480, "18,00"))
    for i, (label, amount) in enumerate(totals):
        doc.row(260 + 14 * i, (380, label), (480, amount))
    return doc.order()


def test_net_tax_and_total_printed_are_all_three_kept() -> None:
    # 32,00 + 18,00 = 50,00 net; 21 % of it is 10,50; 60,50 with the tax
    order = _order(("Base imponible", "50,00"), ("IVA 21 %", "10,50"), ("Total pedido", "60,50"))
    assert (order["net_total"], order["tax_total"], order["total"]) == ("50", "10.5", "60.5")
    assert not [p for p in order["problems"] if p["code"] == "total_mismatch"]


def test_a_german_zwischensumme_is_the_net_total_under_the_lines() -> None:
    # "Zwischensumme" (the sum so far, before tax) 50,00; MwSt. 19 % of it is 9,50; 59,50 gross
    order = _order(("Zwischensumme (EUR)", "50,00"), ("MwSt. 19%", "9,50"), ("Gesamtbetrag brutto", "59,50"))
    assert (order["net_total"], order["tax_total"], order["total"]) == ("50", "9.5", "59.5")
    assert not [p for p in order["problems"] if p["code"] == "total_mismatch"]


def test_a_total_without_tax_stays_the_total() -> None:
    order = _order(("Total", "50,00"))
    assert order["total"] == "50"
    assert order["net_total"] is None and order["tax_total"] is None


def test_a_tax_line_whose_sum_is_no_printed_total_fills_no_net_or_tax() -> None:
    """ "Total 50,00 / IVA 21 % 10,50 / Total con IVA 61,50": net and tax make 60,50, which is not
    printed; the order keeps the lines' total and says nothing it cannot check about the tax."""
    order = _order(("Total", "50,00"), ("IVA 21 %", "10,50"), ("Total con IVA", "61,50"))
    assert order["net_total"] is None and order["tax_total"] is None
    assert order["decision"] != "accept"


def _mismatch_on_total(order: dict[str, Any]) -> bool:
    return any(p["code"] == "total_mismatch" and p.get("field") == "total" for p in order["problems"])


def test_a_tax_printed_with_no_total_including_it_names_the_total() -> None:
    """ "Base imponible 50,00 / IVA 21 % 10,50" and nothing more: the amount the customer pays (60,50)
    is not printed where we could read it, so the order's total is not known and must not flow on as
    the 50,00 the lines make."""
    order = _order(("Base imponible", "50,00"), ("IVA 21 %", "10,50"))
    assert _mismatch_on_total(order)
    assert order["decision"] != "accept"


def test_a_tax_whose_gross_total_disagrees_names_the_total() -> None:
    # 50,00 + 10,50 is 60,50; the page's last total says 65,50: one of them was misread or mistyped
    order = _order(("Subtotal", "50,00"), ("IVA 21 %", "10,50"), ("Importe a pagar", "65,50"))
    assert _mismatch_on_total(order)
    assert order["decision"] != "accept"


def test_a_tax_included_in_the_total_the_lines_make_is_accounted_for() -> None:
    """Prices with tax included: the lines make 50,00, the page shows the base 41,32 and the 8,68 of tax
    inside it (41,32 + 8,68 = 50,00), so every tax printed is accounted for."""
    order = _order(("Base imponible", "41,32"), ("IVA 21 % incluido", "8,68"), ("Total", "50,00"))
    assert not _mismatch_on_total(order)
    assert order["total"] == "50"


def test_a_tax_number_on_the_letterhead_is_no_tax_amount() -> None:
    """ "VAT no. GB 284 9371 52" names the sender's tax registration, not a tax charged: an order whose
    lines make its printed total stays clear of any total mismatch."""
    order = _order(("Total", "50,00"), ("VAT no. GB 284 9371", "52"))
    assert not _mismatch_on_total(order)
    assert order["total"] == "50"


def test_a_total_with_tax_above_the_lines_names_the_total_when_its_tax_was_not_read() -> None:
    """A fax's "¿Sales tax 19 % 9,50" loses its label to a speck, and with it the tax; "Total inc. VAT
    59,50" still says the customer pays more than the 50,00 the lines make. The order's total is not
    known, so the order must not flow on with 50,00 as its total."""
    order = _order(("Net total", "50,00"), ("¿Zuschlag 19 %", "9,50"), ("Total inc. VAT", "59,50"))
    assert _mismatch_on_total(order)
    assert order["decision"] != "accept"


def test_a_total_with_tax_equal_to_the_lines_is_accounted_for() -> None:
    # prices with tax included: "Total a pagar 50,00" is what the lines make, nothing is left over
    order = _order(
        ("Total a pagar", "50,00"),
    )
    assert not _mismatch_on_total(order)
    assert order["total"] == "50"


def test_a_tax_label_behind_a_speck_is_still_the_tax() -> None:
    # a scan's speck read as "¿" before "IVA": the tax line is still the tax line
    order = _order(("Base imponible", "50,00"), ("¿IVA 21 %", "10,50"), ("Total pedido", "60,50"))
    assert (order["net_total"], order["tax_total"], order["total"]) == ("50", "10.5", "60.5")
    assert not _mismatch_on_total(order)


def test_a_plain_total_above_the_net_that_nothing_explains_names_the_total() -> None:
    """ "Base imponible 50,00" then "Total pedido 60,50" with the tax line between unreadable: the
    customer pays 60,50, not the 50,00 the lines make."""
    order = _order(("Base imponible", "50,00"), ("%%%% 21 %", "10,50"), ("Total pedido", "60,50"))
    assert _mismatch_on_total(order)
    assert order["decision"] != "accept"
