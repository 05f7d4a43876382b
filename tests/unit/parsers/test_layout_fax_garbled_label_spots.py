"""Where a header label OCR garbled past knowing may stand (parsers.layout.relabel.spots).

The business rule: a short phrase no sighting used, beside a word shaped like a header field the order
lacks (right of it on its line, or under it in a row of boxes), is a place to read again; a phrase that
gave a field, or one beside a word of no missing field's shape, is not.
"""

from __future__ import annotations

from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import cells, order, page, row


def test_a_row_of_boxes_whose_order_label_ocr_garbled_is_a_spot_for_the_order_number() -> None:
    fax = page(
        cells(40, (50, "Lakeside Fasteners Inc.")),
        cells(70, (50, "POR"), (150, "Order date"), (250, "Customer no.")),
        cells(84, (50, "PO94738"), (150, "11/23/2026"), (250, "C-3001")),
        cells(160, (50, "Code"), (130, "Description"), (330, "Qty"), (430, "Price"), (500, "Amount")),
        cells(174, (50, "TUE-M8"), (130, "Hex nut"), (350, "100"), (440, "0.18"), (505, "18.00")),
        cells(202, (430, "Total"), (500, "18.00")),
    )
    got = extract_orders([fax])
    assert got.orders[0].po_number is None
    assert [s.kinds for s in got.labels] == [("po_number",)]


def test_no_spot_where_every_field_was_read_or_the_word_beside_is_no_value() -> None:
    whole = order([row("TOR-M8-40", "100", "0,18", "18,00")], total="18,00")
    assert extract_orders([whole]).labels == ()
    chatty = order([row("TOR-M8-40", "100", "0,18", "18,00")], total="18,00", drop="Nº pedido:")
    words = chatty.words + tuple(cells(56, (50, "Atendido por"), (150, "Rogelio Garza")))
    assert extract_orders([type(chatty)(**{**chatty.__dict__, "words": words})]).labels == ()
