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


def test_a_long_description_and_its_delivery_line_just_before_the_carried_total_stay_with_the_row() -> None:
    # a German ERP printout: the last row of page 1 has a description running across the columns, then
    # its own "LIEFERTERMIN:" line, then "ÜBERTRAG" (carried forward); the long text is that row's, not a
    # paragraph after the table, so the row keeps its delivery date like every other row
    doc = Doc().known_buyer("4599634072")
    heads = (
        (40, "POS"),
        (80, "ARTIKELNUMMER / KURZTEXT"),
        (300, "MENGE"),
        (360, "PREIS"),
        (430, "GESAMTPREIS"),
    )
    doc.row(140, *heads)
    doc.row(156, (40, "00010"), (80, "TOR-M8-40"), (300, "250"), (360, "0,18"), (430, "45,00"))
    doc.row(168, (80, "TORNILLO HEXAGONAL M8X40"))
    doc.row(180, (80, "LIEFERTERMIN: 2026/12/21"))
    doc.row(196, (40, "00020"), (80, "TUE-M8"), (300, "100"), (360, "0,05"), (430, "5,00"))
    doc.row(208, (80, "TUERCA HEXAGONAL M8 ZINCADA – EMBALAJE REFORZADO, ENTREGAR PALETIZADO EN EL MUELLE"))
    doc.row(220, (80, "LIEFERTERMIN: 2026/12/14"))
    doc.row(240, (300, "ÜBERTRAG"), (430, "50,00"))
    doc.page()
    doc.row(40, (300, "ÜBERTRAG"), (430, "50,00"))
    doc.row(60, *heads)
    doc.row(76, (40, "00030"), (80, "ARA-M8"), (300, "500"), (360, "0,02"), (430, "10,00"))
    doc.row(88, (80, "LIEFERTERMIN: 2026/12/14"))
    doc.row(110, (300, "GESAMTBETRAG"), (430, "60,00"))
    order = doc.order()
    assert facts(order) == [
        ("TOR-M8-40", "250", "0.18"),
        ("TUE-M8", "100", "0.05"),
        ("ARA-M8", "500", "0.02"),
    ]
    assert [line["requested_delivery_date"] for line in order["lines"]] == [
        "2026-12-21",
        "2026-12-14",
        "2026-12-14",
    ]
    assert order["lines"][1]["description"].startswith("TUERCA HEXAGONAL M8 ZINCADA")


def test_a_page_carried_forward_as_c_f_goes_on_though_its_heading_names_the_order_number_cut_short() -> None:
    # "Total c/f" and "Total b/f", the bookkeeper's abbreviations of carried and brought forward: page
    # 2, with its own table heading and the order number cut short in its running heading (as OCR
    # read "4535140014" over two lines), continues the order; it is not a second order of one line
    doc = Doc().known_buyer("4535140014")
    doc.row(140, *TABLE)
    doc.row(156, (40, "TOR-M8-40"), (120, "Tornillo M8x40"), (330, "250"), (400, "0.18"), (480, "45.00"))
    doc.row(172, (40, "TUE-M8"), (120, "Tuerca M8"), (330, "100"), (400, "0.05"), (480, "5.00"))
    doc.row(200, (400, "Total c/f"), (480, "50.00"))
    doc.page()
    doc.row(40, (40, "Ferretería Núñez S.L. – Order no. 453514"))
    doc.row(60, (400, "Total b/f"), (480, "50.00"))
    doc.row(90, *TABLE)
    doc.row(106, (40, "ARA-M8"), (120, "Arandela M8"), (330, "500"), (400, "0.02"), (480, "10.00"))
    doc.row(140, (400, "Total net"), (480, "60.00"))
    order = doc.order()
    assert facts(order) == [
        ("TOR-M8-40", "250", "0.18"),
        ("TUE-M8", "100", "0.05"),
        ("ARA-M8", "500", "0.02"),
    ]
    assert order["po_number"] == "4535140014"
    assert order["total"] == "60"  # the last page's, not the 50.00 carried
