"""The text-layer reader on layouts no generator made: each failure class met on real documents, on a
small document the test draws itself."""

from __future__ import annotations

from tests.unit.parsers.doc_support import Doc, facts


def test_bold_text_printed_twice_reads_once() -> None:
    doc = Doc()
    doc.row(60, (40, "ORDER NO: QX-7781"), bold_twice=True)
    doc.row(80, (40, "Date: 14/10/2026"))
    doc.row(120, (40, "Code"), (110, "Description"), (330, "Qty"), (390, "Price"), (470, "Amount"))
    doc.row(138, (40, "TB-20"), (110, "HINGE, STEEL, HEAVY"), (330, "4"), (390, "2.50"), (470, "10.00"),
            bold_twice=True)  # fmt: skip
    doc.row(170, (390, "Total"), (470, "10.00"))
    order = doc.order()
    assert order["po_number"] == "QX-7781"
    assert facts(order) == [("TB-20", "4", "2.5")]
    assert order["lines"][0]["description"] == "HINGE, STEEL, HEAVY"
