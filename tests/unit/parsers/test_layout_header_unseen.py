"""Header fields on layouts no generator made: labels over their values in a row of boxes, dates
written month first or spaced out, the order number printed in full once, the date in a footer."""

from __future__ import annotations

from parsers.layout.date_order import month_first
from tests.unit.parsers.doc_support import Doc

TABLE = ((40, "Code"), (110, "Description"), (330, "Qty"), (390, "Price"), (470, "Amount"))


def _with_table(doc: Doc, y: float = 300) -> Doc:
    doc.row(y, *TABLE)
    doc.row(y + 16, (40, "RT-11"), (110, "Rivet, steel"), (330, "30"), (390, "0.40"), (470, "12.00"))
    doc.row(y + 40, (390, "Total"), (470, "12.00"))
    return doc


def test_labels_in_a_row_of_boxes_with_values_under_them() -> None:
    doc = Doc()
    doc.row(60, (300, "Document Number"), (420, "Document Date"), (520, "Page"))
    doc.row(74, (60, "Harbour Tools Ltd"))
    doc.row(88, (310, "WX31877"), (425, "02/03/2027"), (525, "1/1"))
    doc.row(140, (60, "Delivery Date:"), (140, "28/03/2027"))
    order = _with_table(doc).order()
    assert order["po_number"] == "WX31877"
    assert order["order_date"] == "2027-03-02"  # day first: 28/03 says so
    assert order["requested_delivery_date"] == "2027-03-28"


def test_dates_in_words_under_labels_set_flush_left_in_a_row() -> None:
    # each value starts where its label starts; the written dates run past the middle between their label
    # and the next, yet every word before the next label is this label's value
    doc = Doc()
    doc.row(120, (40, "Pedido nº"), (170, "Fecha"), (300, "Fecha entrega"), (410, "Atendido por"))
    doc.row(134, (40, "PO49156"), (170, "23 de noviembre de 2026"), (300, "13 de diciembre de 2026"))
    doc.row(134, (410, "María López Ortega"))
    order = _with_table(doc).order()
    assert order["po_number"] == "PO49156"
    assert order["order_date"] == "2026-11-23"
    assert order["requested_delivery_date"] == "2026-12-13"
    assert order["unread"] == []


def test_values_centred_under_their_labels_keep_to_the_nearer_label() -> None:
    # centred under each label, not flush left: a word belongs to the label whose middle is nearer
    doc = Doc()
    doc.row(120, (60, "Order No."), (200, "Order Date"), (340, "Delivery Date"))
    doc.row(134, (58, "WX31900"), (196, "02/03/2027"), (342, "28/03/2027"))
    order = _with_table(doc).order()
    assert order["po_number"] == "WX31900"
    assert (order["order_date"], order["requested_delivery_date"]) == ("2027-03-02", "2027-03-28")


def test_month_first_dates_decided_by_another_date_on_the_document() -> None:
    doc = Doc()
    doc.row(60, (40, "P.O. NO: 77120"))
    doc.row(76, (40, "P.O.DATE"), (160, "TERMS"))
    doc.row(90, (40, "04/06/2027"), (160, "Net 45"))
    doc.row(120, (40, "Ship date: 04/22/2027"))
    order = _with_table(doc).order()
    assert order["order_date"] == "2027-04-06"
    assert order["requested_delivery_date"] == "2027-04-22"


def test_month_first_dates_decided_by_a_us_address() -> None:
    doc = Doc()
    doc.row(60, (40, "Order No: 3391"), (300, "Date: 05/09/2027"))
    doc.row(80, (40, "Bill to: Prairie Supply, 12 Elm Street, Springfield, OH 45501"))
    order = _with_table(doc).order()
    assert order["order_date"] == "2027-05-09"
    assert month_first(["Tel. +1 (614) 555 0192", "Date 05/09/2027"])
    assert not month_first(["Tel. +34 961 555 019", "Fecha 05/09/2027"])
    assert not month_first(["Phone +1 614 555 0192", "Dated 25/09/2027"])  # the date says day first


def test_a_date_spaced_out_in_boxes() -> None:
    doc = Doc()
    doc.row(60, (40, "PEDIDO Nº 4410"))
    doc.row(80, (300, "FECHA"), (360, "17"), (390, "/"), (410, "05"), (440, "/"), (460, "27"))
    order = _with_table(doc).order()
    assert order["order_date"] == "2027-05-17"


def test_order_number_printed_in_full_on_one_page_only() -> None:
    doc = Doc()
    doc.row(60, (40, "Purchase Order Number: PX50921"))
    _with_table(doc).page()
    doc.row(60, (40, "Purchase Order Number: 50921"))
    doc.row(80, (40, "Terms and conditions apply to every delivery."))
    order = doc.order()
    assert order["po_number"] == "PX50921"


def test_order_date_in_a_footer_line_and_other_dates_not_taken_for_it() -> None:
    doc = Doc()
    doc.row(60, (40, "Purchase Order Number"), (200, "61122"))
    doc.row(80, (40, "Launch Date:"), (200, "14 Mar 2027"))
    doc.row(100, (40, "Shipment Date:"), (200, "02 Apr 2027"))
    _with_table(doc)
    doc.row(820, (40, "Date generated: 9 February 2027"), (300, "Page 1 of 1"))
    order = doc.order()
    assert order["order_date"] == "2027-02-09"
    assert order["requested_delivery_date"] == "2027-04-02"


def test_portuguese_labels_with_n_dot_ordinal_o_name_the_number() -> None:
    # "N.º" (número, with a dot before the ordinal sign) is the same number sign as "Nº": "CLIENTE N.º"
    # labels the customer's number and "N.º DO PEDIDO" the order's, not a name "N.º"
    doc = Doc(font="Courier")
    doc.printout(
        60,
        11,
        "FERRAGENS DOURO LDA.          N.º DO PEDIDO ....: 26/83619",
        "RUA DO HEROÍSMO 311           DATA .............: 23.11.2026",
        "4300-259 PORTO                CLIENTE N.º ......: C-4001",
    )
    order = _with_table(doc).order()
    assert order["po_number"] == "26/83619"
    assert order["buyer"]["party_id"] == "C-4001"
    assert order["order_date"] == "2026-11-23"


def test_the_person_who_buys_is_not_the_customer_the_letterhead_names() -> None:
    # "COMPRADOR ........: Joana Pereira" among the header fields is the purchasing agent; the order is
    # the letterhead's company's, which is what a customer is found by when no number is printed
    doc = Doc(font="Courier")
    doc.printout(
        60,
        11,
        "FERRAGENS DOURO LDA.          N.º DO PEDIDO ....: 26/27113",
        "RUA DO HEROÍSMO 311           DATA .............: 24.11.2026",
        "4300-259 PORTO                COMPRADOR ........: Joana Pereira",
    )
    order = _with_table(doc).order()
    assert order["buyer"]["name"] == "FERRAGENS DOURO LDA."


def test_a_company_named_after_comprador_is_the_buyer() -> None:
    # a company form ("S.L.") or an address under it makes the block the buyer's, label and all
    doc = Doc()
    doc.row(40, (40, "Suministros Beta"), (300, "Pedido nº: 7781"))
    doc.row(54, (300, "Fecha: 24/11/2026"))
    doc.row(90, (40, "Comprador: Ferretería Núñez S.L."))
    order = _with_table(doc).order()
    assert order["buyer"]["name"] == "Ferretería Núñez S.L."
