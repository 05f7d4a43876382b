"""Fine faxes, issue 10 (faxfine15): a listing whose heading line stands right of its rows.

A dot-matrix listing pads every cell to its column's width, but a heading word wider than its column
pushes every heading after it to the right (fine fax dotmatrix-124502): each figure column then stands
partly under the heading right of its own.  The business rule: a price, a discount or an amount is
one figure in one cell; it belongs to one column, never half to one and half to the next.  The line
reads as printed: 50 units at 34,0000 for a hundred, less 10 %, are 15,30."""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import cells, header_rows, numbers, order, page, read, row

# headings 10 to 40 points right of the figures under them (5,4 points a character)
HEADING = (
    (50, "Código"),
    (130, "Descripción"),
    (330, "Cantidad"),
    (390, "Ud."),
    (405, "Precio unit."),
    (478, "Cant. precio"),
    (522, "Dto."),
    (560, "Importe"),
)


def overflowed_listing(
    rows: list[tuple[str, str, str, str, str, str, str]],
    total: str,
    *,
    currency: str = "EUR",
    header_currency: bool = True,
) -> dict[str, Any]:
    """Order PED-26/00123 of customer C-1001: rows of (code, quantity, unit, price, per, discount, amount),
    each figure right of where its heading starts, as a listing whose heading line overflowed;
    `currency` after every price and amount, and the header's "Moneda: EUR" line only with
    `header_currency`."""
    return read(
        page(
            *header_rows(currency=header_currency),
            cells(160, *HEADING),
            *(
                cells(
                    174 + 14 * i,
                    (50, code),
                    (130, "Tornillo"),
                    (335, qty),
                    (352, unit),
                    (380, f"{price} {currency}"),
                    (470, per),
                    (500, discount),
                    (545, f"{amount} {currency}"),
                )
                for i, (code, qty, unit, price, per, discount, amount) in enumerate(rows)
            ),
            cells(174 + 14 * len(rows) + 14, (430, "Total"), (545, total)),
        )
    )


def test_figures_under_an_overflowed_heading_line_are_read_whole_in_their_own_columns() -> None:
    got = overflowed_listing(
        [
            ("TOR-M10-60", "50", "uds", "34,0000", "100", "10,00", "15,30"),
            ("TOR-M8-40", "100", "uds", "18,0000", "100", "15,00", "15,30"),
            ("LLA-AJ-250", "20", "uds", "12,8000", "1", "12,50", "224,00"),
        ],
        "254,60",
    )
    # 50 × 0,34 less 10 % = 15,30; 100 × 0,18 less 15 % = 15,30; 20 × 12,80 less 12,5 % = 224,00
    lines = [(ln["sku"], ln["quantity"], ln["unit_price"], ln["amount"]) for ln in got["lines"]]
    assert lines == [
        ("TOR-M10-60", "50", "0.34", "15.3"),
        ("TOR-M8-40", "100", "0.18", "15.3"),
        ("LLA-AJ-250", "20", "12.8", "224"),
    ]
    assert got["decision"] == "accept"  # every figure read as printed, and they add up to the total


# A price printed to four places and an amount to two, both of whose decimal marks the fax lost
# ("31500€" and "31500€" for 3,1500 € and 315,00 €, fine fax sap_listing-125003): 100 × 315 = 31 500
# adds up as well as 100 × 3,15 = 315, but the order's other amounts print their cents, so the marks
# were printed, and the price is 3,15.  Both figures are mended; the order's total vouches for them.
def test_a_four_place_price_and_its_amount_that_both_lost_their_marks_are_read_with_the_marks_back() -> None:
    rows = [
        row("SIL-TRA-300", "100", "42000€", "42000€", desc="Silicona neutra"),
        row("TUE-M8", "200", "0,0500", "10,00", desc="Tuerca"),
        row("TOR-M8-40", "50", "0,1800", "9,00"),
    ]
    got = read(order(rows, total="439,00"))
    assert numbers(got) == [
        ("SIL-TRA-300", "100", "4.2"),
        ("TUE-M8", "200", "0.05"),
        ("TOR-M8-40", "50", "0.18"),
    ]
    assert got["lines"][0]["amount"] == "420"


# A revision "02" the fax read "p2" in a row's own cell (fine fax sap_listing-124503): "p2" alone reads
# like a page marker ("p. 2"), and the whole row was taken for a page footer and lost, with every row
# after it marked so.  A row printing a price and an amount is an order line, whatever else it holds.
def test_a_row_whose_revision_the_fax_read_like_a_page_marker_is_still_an_order_line() -> None:
    heading = ((50, "Código"), (130, "Descripción"), (300, "Rev."), (330, "Cantidad"), (390, "Ud."))
    heading += ((430, "Precio"), (500, "Importe"))
    rows = [
        (
            (50, "TOR-M8-40"),
            (130, "Tornillo"),
            (300, "A"),
            (350, "250"),
            (390, "uds"),
            (440, "0,18"),
            (505, "45,00"),
        ),
        (
            (50, "ARA-M8"),
            (130, "Arandela"),
            (300, "p2"),
            (350, "2500"),
            (390, "uds"),
            (440, "0,02"),
            (505, "50,00"),
        ),
        (
            (50, "TUE-M8"),
            (130, "Tuerca"),
            (300, "p1"),
            (350, "100"),
            (390, "uds"),
            (440, "0,05"),
            (505, "5,00"),
        ),
    ]
    got = read(order(rows, total="100,00", heading=heading))
    assert numbers(got) == [
        ("TOR-M8-40", "250", "0.18"),
        ("ARA-M8", "2500", "0.02"),
        ("TUE-M8", "100", "0.05"),
    ]
    assert got["decision"] == "accept"
