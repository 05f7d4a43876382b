"""Columns headed in ways the reader was not written beside: one column for the code and the
description ("Ref. Artículo / Descripción"), and headings in Italian, French and German."""

from __future__ import annotations

import pytest

from tests.unit.parsers.doc_support import Doc, facts


@pytest.mark.parametrize(
    ("heads", "total"),
    [
        (("Ref. Artículo / Descripción", "Cantidad", "Precio", "Importe"), "Total"),
        (("Codice / Descrizione", "Quantità", "Prezzo", "Totale"), "Totale ordine"),
        (("Référence / Désignation", "Qté", "Prix unitaire", "Montant"), "Montant total"),
        (("Art.-Nr. / Bezeichnung", "Menge", "Einzelpreis", "Gesamtpreis"), "Gesamtbetrag"),
    ],
)
def test_code_and_description_in_one_column(heads: tuple[str, ...], total: str) -> None:
    doc = Doc()
    doc.row(40, (40, "Nº pedido: OC-7740"), (300, "Fecha: 26/11/2026"))
    xs = (40, 300, 370, 470)
    doc.row(200, *zip(xs, heads, strict=True))
    doc.row(216, (40, "SIL-TRA-300 Silicona neutra 300 ml"), (300, "10"), (370, "4,20"), (470, "42,00"))
    doc.row(230, (40, "GUA-NIT-L Guantes de nitrilo talla L"), (300, "20"), (370, "8,50"), (470, "170,00"))
    doc.row(256, (370, total), (470, "212,00"))
    order = doc.order()
    assert facts(order) == [("SIL-TRA-300", "10", "4.2"), ("GUA-NIT-L", "20", "8.5")]
    assert [line["description"] for line in order["lines"]] == [
        "Silicona neutra 300 ml",
        "Guantes de nitrilo talla L",
    ]
    assert order["total"] == "212"


@pytest.mark.parametrize(
    ("label", "net", "gross"),
    [
        ("N.º do pedido: PO96833", "Total", "Total com IVA"),
        ("RÉF. COMMANDE: PO96833", "Total HT", "Total TTC"),
        ("Rif. ordine: PO96833", "Totale", "Totale IVA incl."),
        ("Bestellung Nr.: PO96833", "Gesamt", "Endbetrag"),
    ],
)
def test_order_numbers_and_totals_labelled_in_the_neighbours_languages(
    label: str, net: str, gross: str
) -> None:
    doc = Doc()
    doc.row(40, (40, label), (300, "Data: 26/11/2026"))
    doc.row(200, (40, "Ref."), (110, "Description"), (300, "Qty"), (370, "Price"), (470, "Amount"))
    doc.row(216, (40, "SIL-TRA-300"), (110, "Silicona neutra"), (300, "10"), (370, "4,20"), (470, "42,00"))
    doc.row(240, (370, net), (470, "42,00"))
    doc.row(254, (370, "IVA 21 %"), (470, "8,82"))
    doc.row(268, (370, gross), (470, "50,82"))
    order = doc.order()
    # the order's total is the final one printed, with the tax; the net total beside it
    assert (order["po_number"], order["total"], order["net_total"]) == ("PO96833", "50.82", "42")
