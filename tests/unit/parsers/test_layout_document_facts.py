"""What a document is, the identifiers it prints and the fields it shows but whose value cannot be
read, on small documents drawn by the tests; and totals printed in a row of boxes."""

from __future__ import annotations

from parsers.layout.identifiers import in_text
from parsers.layout.kind import title_kind
from tests.unit.parsers.doc_support import Doc, facts

TABLE = ((40, "Ref."), (110, "Descripción"), (330, "Cantidad"), (400, "Precio"), (480, "Importe"))


def _table(doc: Doc, y: float = 300) -> Doc:
    doc.row(y, *TABLE)
    doc.row(y + 16, (40, "BX-9"), (110, "Bisagra inox"), (330, "10"), (400, "3,20"), (480, "32,00"))
    return doc


def test_an_invoice_says_so_and_is_still_read() -> None:
    doc = Doc()
    doc.row(40, (300, "FACTURA"), size=16)
    doc.row(70, (300, "Document Number: F-2027-0192"))
    doc.row(90, (300, "Nº pedido: OC-5561"))
    _table(doc).row(350, (400, "Total"), (480, "32,00"))
    order = doc.order()
    assert order["kind"] == "invoice"
    assert order["po_number"] == "OC-5561"  # the order it refers to, not the invoice's own number
    assert facts(order) == [("BX-9", "10", "3.2")]


def test_a_purchase_order_with_an_invoice_address_label_stays_an_order() -> None:
    doc = Doc()
    doc.row(40, (300, "PURCHASE ORDER"), size=16)
    doc.row(70, (40, "Invoice address:"), (300, "Document Number: 70044"))
    doc.row(84, (40, "Calle Mayor 3, 46001 Valencia"))
    order = _table(doc).order()
    assert order["kind"] == "order"
    assert order["po_number"] == "70044"


def test_titles_name_kinds_field_labels_do_not() -> None:
    assert title_kind("ALBARÁN Nº 2231") == "delivery_note"
    assert title_kind("Presupuesto") == "quote"
    assert title_kind("Order Confirmation") == "order_confirmation"
    assert title_kind("Nota de crédito") == "credit_note"
    assert title_kind("Invoice to:") is None
    assert title_kind("Remito Nro.:") is None
    assert title_kind("Pedido de compra") == "order"


def test_identifiers_printed_on_the_document_with_the_block_they_stand_in() -> None:
    doc = Doc()
    doc.row(40, (40, "Proveedor:"))
    doc.row(54, (40, "Aceros del Turia S.L."))
    doc.row(68, (40, "CIF: B-46.123.457"))
    doc.row(82, (40, "Tel. +34 961 234 567"))
    doc.row(40, (320, "Pedido nº 7781"))
    doc.row(120, (40, "Fax: 0034 961 234 568"), (300, "compras@ferreteria-ejemplo.es"))
    order = _table(doc).order()
    got = {(i["kind"], i["value"], i["role"]) for i in order["identifiers"]}
    assert ("vat", "B46123457", "supplier") in got
    assert ("phone", "+34961234567", "supplier") in got
    assert ("fax", "+34961234568", None) in got
    assert ("email", "compras@ferreteria-ejemplo.es", None) in got


def test_identifiers_in_plain_text() -> None:
    found = {(str(i.kind), i.value) for i in in_text("VAT Reg No: GB 123 4567 89 · GLN 8437000100010")}
    assert found == {("vat", "GB123456789"), ("gln", "8437000100010")}
    misread = in_text("GLN 8437000100017")
    assert misread == []  # its check digit does not hold: no GLN
    placeholder = in_text("Phone 0000000000")
    assert placeholder == []


def test_a_labelled_field_whose_value_cannot_be_read_is_named() -> None:
    doc = Doc()
    doc.row(40, (40, "Pedido nº 3310"))
    doc.row(60, (40, "Fecha de entrega: a convenir con el transportista"))
    order = _table(doc).order()
    assert order["requested_delivery_date"] is None
    assert [(u["field"], u["label"]) for u in order["unread"]] == [
        ("requested_delivery_date", "Fecha de entrega:")
    ]


def test_totals_in_a_row_of_boxes_over_their_amounts() -> None:
    doc = Doc()
    doc.row(40, (40, "Pedido nº 5520"))
    _table(doc)
    doc.row(360, (40, "SUBTOTAL"), (200, "I.V.A."), (400, "TOTAL"))
    doc.row(374, (45, "32,00"), (205, "6,72"), (405, "38,72"))
    order = doc.order()
    # the lines add up to the net total; with the tax beside it, the total is the final one printed
    assert (order["net_total"], order["tax_total"], order["total"]) == ("32", "6.72", "38.72")


def test_a_tax_id_stops_where_its_own_characters_stop() -> None:
    # the words after a tax id are not part of it: a telephone label, a postcode, a town
    found = {(str(i.kind), i.value) for i in in_text("CIF: B-28765432 Tel. 915 550 101")}
    assert found == {("vat", "B28765432"), ("phone", "915550101")}
    assert [i.value for i in in_text("NIF B28765432 28080 Madrid")] == ["B28765432"]
    # a country prefix and digit groups printed apart are still one id
    grouped = in_text("TVA intracom. FR 32 512 345 678 · 18 rue de Gerland")
    assert {i.value for i in grouped} == {"FR32512345678"}
