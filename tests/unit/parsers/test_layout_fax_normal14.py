"""Normal fax rows lost (issue 10, faxnorm14).

The business rule: a table whose heading names its price and amount only on a second heading line
stacked under the first ("Product Quantity U/M Unit Ext." over "Price price") is still the order's
table on a scan; its rows are the order's lines, not a page with no lines at all.
"""

from __future__ import annotations

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, doubted, numbers, page, read

HEADER = ["Order no. PO10661", "PO date 23.11.2026", "Customer ID C-1002"]
# as the fax spoilt them: no row's figures agree as read (a "5" read "b", an amount parted at its
# mark, a "5" read "6"), so the rows' own arithmetic finds no table without the heading
ROWS = [
    ("LLA-AJ-250", "Adjustable wrench 250 mm", "6", "UDS", "12,8bD", "76,80"),
    ("CIN-AIS-19", "Insulating tape 19 mm", "1000", "UDS", "95,0", "950, 00"),
    ("SIL-TRA-300", "Neutral silicone clear 300 ml", "36", "UDS", "4,24", "“151,20"),
]


def _stacked_heading_page() -> PageWords:
    """A modern order as OCR read it: the heading's own line names the product and the quantity, and
    the money words stand on the line under it ("Unit / Price", "Ext. / price")."""
    lines = [cells(70 + 14 * i, (40, text)) for i, text in enumerate(HEADER)]
    lines.append(cells(160, (40, "Product"), (330, "Quantity"), (380, "U/M"), (430, "Unit"), (500, "Ext.")))
    lines.append(cells(171, (430, "Price"), (500, "price")))
    y = 175.0
    for code, description, qty, unit, price, amount in ROWS:
        y += 14.0
        lines.append(
            cells(
                y,
                (40, code),
                (100, description),
                (330, qty),
                (380, unit),
                (430, price + " €"),
                (500, amount + " €"),
            )
        )
    lines.append(cells(y + 28, (380, "Sub-total"), (500, "1178,00 €")))
    return page(*lines)


def test_money_words_stacked_under_the_heading_line_still_head_the_table_on_a_scan() -> None:
    # modern_clean-111002 normal: "Product Quantity U/M Unit Ext." over "Price price"; the line alone
    # names one item column, so no table was found and all three lines were lost
    got = read(_stacked_heading_page())
    assert [sku for sku, _, _ in numbers(got)] == ["LLA-AJ-250", "CIN-AIS-19", "SIL-TRA-300"]
    # the figures the fax spoilt past what the line's arithmetic pins stay for a person to confirm:
    # "12,8bD" taken for 12,80, and 1000 × "95,0" against "950, 00" (10 × 95 or 1000 × 0,95)
    assert doubted(got, "lines[0].unit_price")
    assert doubted(got, "lines[1].quantity") and doubted(got, "lines[1].unit_price")
    assert got["decision"] != "accept"
