"""Orders over several pages: the subtotal a page carries forward, the one the next page brings
forward, and the running heading of a page that goes on ("Order no. … (continued)")."""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.doc_support import Doc, facts

TABLE = ((40, "Item"), (120, "Description"), (330, "Qty"), (400, "Unit price"), (480, "Amount"))


def _problems(order: dict[str, Any], code: str) -> list[str]:
    return [p["message"] for p in order["problems"] if p["code"] == code]


def test_the_order_number_in_a_continued_page_heading_is_no_carried_amount() -> None:
    # page 2 repeats the order number in its running heading "... (continued)"; the number stands
    # before the word and is the order's, not an amount carried forward: the lines add up
    doc = Doc().known_buyer("4535140014")
    doc.row(140, *TABLE)
    doc.row(156, (40, "TOR-M8-40"), (120, "Tornillo M8x40"), (330, "250"), (400, "0.18"), (480, "45.00"))
    doc.row(172, (40, "TUE-M8"), (120, "Tuerca M8"), (330, "100"), (400, "0.05"), (480, "5.00"))
    doc.page()
    doc.row(40, (40, "Ferretería Núñez S.L. – Order no. 4535140014 (continued)"))
    doc.row(70, *TABLE)
    doc.row(86, (40, "ARA-M8"), (120, "Arandela M8"), (330, "500"), (400, "0.02"), (480, "10.00"))
    doc.row(120, (400, "Total net"), (480, "60.00"))
    order = doc.order()
    assert facts(order) == [
        ("TOR-M8-40", "250", "0.18"),
        ("TUE-M8", "100", "0.05"),
        ("ARA-M8", "500", "0.02"),
    ]
    assert order["po_number"] == "4535140014"
    assert _problems(order, "total_mismatch") == []
