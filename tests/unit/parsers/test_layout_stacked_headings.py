"""A text layer's table heading set on two lines may name only the quantity and one item column on its
upper line and the price and amount on the lower one ("Unit" over "cost", "Ext." over "price"): the two
lines together head the table, and the rows under them are read."""

from __future__ import annotations

from tests.unit.parsers.doc_support import Doc, facts


def test_price_and_amount_named_only_under_the_upper_heading_line() -> None:
    # upper line: the position, quantity, unit, two code words and the first halves of the money
    # headings; lower line: "cost" and "price" under them. Neither line alone names a price column.
    doc = Doc(size=9).known_buyer("26-44852", "Entrega: 03/12/2026")
    doc.row(300, (40, "#"), (60, "QTY"), (95, "UOM"), (125, "Item #"), (200, "Product"))
    doc.row(300, (400, "Unit"), (470, "Ext."))
    doc.row(311, (400, "cost"), (470, "price"))
    doc.row(330, (40, "1"), (60, "12"), (95, "pcs"), (125, "SIL-TRA-300"), (200, "Silicone clear 300 ml"))
    doc.row(330, (400, "4.20"), (470, "50.40"))
    doc.row(344, (40, "2"), (60, "200"), (95, "pcs"), (125, "TOR-M10-60"), (200, "Hex bolt M10x60"))
    doc.row(344, (400, "0.34"), (470, "68.00"))
    doc.row(370, (400, "TOTAL"), (470, "118.40"))
    order = doc.order()
    assert facts(order) == [("SIL-TRA-300", "12", "4.2"), ("TOR-M10-60", "200", "0.34")]
    assert [line["description"] for line in order["lines"]] == ["Silicone clear 300 ml", "Hex bolt M10x60"]
    assert [line["amount"] for line in order["lines"]] == ["50.4", "68"]
    assert order["total"] == "118.4"
