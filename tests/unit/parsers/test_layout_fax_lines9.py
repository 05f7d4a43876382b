"""Fine fax lines, ninth round: a speck after a money sign, a US purchase order's "Item" and "Details"
headings a cell apart and codes reaching under a short description heading.  Each test builds its
page word by word (tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.unit.parsers.ocr_support import STEP, cells, order, page, read, row


def test_a_speck_after_the_money_sign_does_not_make_an_amount_unreadable() -> None:
    # "49,00€," on a fax: the comma after the euro sign is a speck, no mark of the number (a number
    # never prints its decimal mark after its sign), so the amount reads 49,00 and the line adds up
    rows = [
        row("TOR-M8-40", "20", "2,45", "49,00€,"),
        row("TUE-M8", "100", "0,05", "5,00"),
    ]
    got = read(order(rows, total="54,00"))
    assert [
        tuple(Decimal(line[k]) for k in ("quantity", "unit_price", "amount")) for line in got["lines"]
    ] == [
        (Decimal(20), Decimal("2.45"), Decimal(49)),
        (Decimal(100), Decimal("0.05"), Decimal(5)),
    ]


def _us_po(item: float, details: float) -> dict[str, Any]:
    """A US purchase order whose "Item" column numbers the rows and whose "Details" column holds the
    description, the item's code labelled on the line under it; `item` and `details` where the two
    headings start."""
    lines = [cells(40, (50, "PURCHASE ORDER")), cells(54, (50, "PO Number: 4500012345"))]
    lines += [cells(68, (50, "Date: 11/23/2026")), cells(82, (50, "Currency: USD"))]
    y = 160.0
    lines.append(
        cells(
            y,
            (item, "Item"),
            (details, "Details"),
            (352, "Rev"),
            (390, "Qty"),
            (414, "UoM"),
            (458, "Unit price"),
            (516, "Ext. price"),
        )
    )
    for position, description, code, qty, price, amount in (
        ("001", "HEX BOLT M8X40", "TOR-M8-40", "50", "0.1800", "9.00"),
        ("002", "HEX NUT M8", "TUE-M8", "100", "0.0500", "5.00"),
    ):
        y += STEP
        lines.append(
            cells(
                y,
                (54, position),
                (84, description),
                (352, "01"),
                (395, qty),
                (414, "units"),
                (458, price),
                (516, amount),
            )
        )
        y += STEP
        lines.append(cells(y, (84, f"Item No.: {code}")))
    lines.append(cells(y + 2 * STEP, (430, "Total"), (516, "14.00")))
    return read(page(*lines))


def test_item_and_details_a_cell_apart_are_two_headings_and_the_item_number_is_the_code() -> None:
    # "Item" over 001, 002 and "Details" over what is ordered, the two headings a cell apart (not a
    # word space, as in the one heading "Item details"): the rows' numbers are positions, and each
    # line's code is the one labelled "Item No.:" under its description, never "001"
    got = _us_po(54, 84)
    assert [line["item_code"] for line in got["lines"]] == ["TOR-M8-40", "TUE-M8"]
    assert [line["sku"] for line in got["lines"]] == ["TOR-M8-40", "TUE-M8"]


def test_item_details_as_one_heading_still_heads_the_code_and_its_words() -> None:
    # "Item details" a word space apart is one heading: the code and the words about it (the table
    # has no other description column), so "001" there is still read as that column's first word
    got = _us_po(54, 54 + 5.4 * 4 + 2.8)
    assert [line["item_code"] for line in got["lines"]] == ["001", "002"]


def test_codes_reaching_under_a_short_description_heading_are_not_cut() -> None:
    # a listing prints the code on the row and the description on the line under it; the longer codes
    # reach under "Concepto", which stands close after the short "Cód.", and on the rows nothing else
    # stands there.  Each code is one word on its row and stays whole ("ALA-GAL-2", not "ALA-GAL-"
    # and a "2" taken for the start of the description)
    heading = (
        (40, "Pos."),
        (80, "Uds."),
        (110, "U.M."),
        (140, "Cód."),
        (175, "Concepto"),
        (450, "Precio"),
        (530, "Importe"),
    )
    lines = [cells(40, (50, "Nº pedido: PED-26/00123")), cells(54, (50, "Fecha: 23/11/2026"))]
    lines += [cells(68, (50, "Nº cliente: C-1001")), cells(82, (50, "Moneda: EUR"))]
    y = 160.0
    lines.append(cells(y, *heading))
    for position, qty, unit, code, text, price, amount in (
        ("00010", "50", "KG", "ALA-GAL-2", "Alambre galvanizado 2 mm", "3,150", "157,50"),
        ("00020", "100", "UDS", "TUE-M8", "Tuerca hexagonal M8 zincada", "0,050", "5,00"),
        ("00030", "20", "UDS", "BRO-HSS-8", "Broca HSS 8 mm para metal", "2,450", "49,00"),
    ):
        y += STEP
        lines.append(
            cells(y, (40, position), (80, qty), (110, unit), (140, code), (450, price), (530, amount))
        )
        y += STEP
        lines.append(cells(y, (140, text)))
    lines.append(cells(y + 2 * STEP, (450, "Total"), (530, "211,50")))
    got = read(page(*lines))
    assert [line["item_code"] for line in got["lines"]] == ["ALA-GAL-2", "TUE-M8", "BRO-HSS-8"]
