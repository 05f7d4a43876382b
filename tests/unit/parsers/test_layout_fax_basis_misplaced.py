"""A price's basis (the units it is for) where a normal fax put it out of its place.

The business rule: a price is for as many units as the line prints beside it (1, 100, 1,000), whether in
a "Per" column, in the price heading ("P. unitario (100 Ud.)") or after the price itself.  On normal
faxes three ways of printing it were read as no basis, and 100 units at 0,95 (95,00 for a hundred) came
out as one unit at 95,00, which adds up as well:

- the "Price unit" heading was not read as a column, so its figures fell into the price's cell after
  the currency ("95,000 EUR 100"), or a "Per" heading beside the quantity's was not read, so its
  figures fell into the quantity's cell ("200 100 uds");
- the "Per" column's 100 lost a zero to a speck ("106");
- the price heading was stacked over four lines ("P." / "unitario" / "(100" / "Ud.)") and its bracket
  was read as the first lines of the table, not as the heading.
"""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.layout import PageWords
from parsers.layout import extract_orders
from tests.unit.parsers.ocr_support import cells, header_rows, numbers, page, read

DOUBT_FLOOR = 0.8  # validation holds a field read with less certainty than this for a person


def _page(heading: list[list], rows: list[tuple], total: str) -> dict:
    return read(_words(heading, rows, total))


def _words(heading: list[list], rows: list[tuple], total: str) -> PageWords:
    lines = header_rows(currency=False)
    y = 160.0
    for placed in heading:
        lines.append(cells(y, *placed))
        y += 12.0
    for row in rows:
        y += 14.0
        lines.append(cells(y, *row))
    lines.append(cells(y + 28.0, (430, "Total"), (540, total)))
    return page(*lines)


def test_a_basis_printed_after_the_price_and_its_currency_divides_the_price_not_the_quantity() -> None:
    heading = [
        [
            (50, "Código"),
            (130, "Descripción"),
            (300, "Cantidad"),
            (360, "Ud."),
            (420, "Precio"),
            (540, "Importe"),
        ]
    ]
    rows = [
        (
            (50, "CIN-AIS-19"),
            (130, "Cinta"),
            (310, "100"),
            (360, "uds"),
            (420, "95,000 EUR 100"),
            (540, "95,00"),
        ),
        (
            (50, "CHA-ALT-VIS"),
            (130, "Chaleco"),
            (310, "24"),
            (360, "uds"),
            (420, "4,750 EUR 1"),
            (540, "114,00"),
        ),
    ]
    got = _page(heading, rows, "209,00")
    assert [(q, p) for _, q, p in numbers(got)] == [("100", "0.95"), ("24", "4.75")]


PER_HEADING = [
    [
        (50, "Código"),
        (130, "Descripción"),
        (300, "Cantidad"),
        (360, "Ud."),
        (420, "Precio"),
        (480, "Por"),
        (540, "Importe"),
    ]
]
SPOILT_PER = [
    (
        (50, "TOR-M8-40"),
        (130, "Tornillo"),
        (310, "500"),
        (360, "uds"),
        (420, "15,48"),
        (482, "106"),
        (540, "77,40"),
    ),
    (
        (50, "CHA-ALT-VIS"),
        (130, "Chaleco"),
        (310, "24"),
        (360, "uds"),
        (420, "4,75"),
        (482, "1"),
        (540, "114,00"),
    ),
]


def test_a_per_column_whose_hundred_lost_a_zero_still_prices_a_hundred() -> None:
    got = _page(PER_HEADING, SPOILT_PER, "191,40")
    assert [(q, p) for _, q, p in numbers(got)] == [("500", "0.1548"), ("24", "4.75")]


def test_a_price_for_a_hundred_read_from_a_spoilt_per_figure_stays_doubtful_though_the_total_agrees() -> None:
    # one unit at 15,48 adds up to the amount and the total as well: nothing printed tells them apart
    (found,) = extract_orders([_words(PER_HEADING, SPOILT_PER, "191,40")]).orders
    price = found.evidence_for("lines[0].unit_price")
    assert found.lines[0].unit_price == Decimal("0.1548")
    assert price is not None and price.confidence < DOUBT_FLOOR


def test_a_basis_in_brackets_under_a_price_heading_stacked_over_four_lines_prices_its_lines() -> None:
    heading = [
        [
            (50, "Código"),
            (130, "Descripción"),
            (300, "Cantidad"),
            (360, "Ud."),
            (420, "P."),
            (540, "Importe"),
        ],
        [(420, "unitario")],
        [(420, "(100")],
        [(420, "Ud.)")],
    ]
    rows = [
        ((50, "REM-AL-4"), (130, "Remache"), (310, "500"), (360, "uds"), (420, "1,300"), (540, "6,50")),
        ((50, "TOR-M10-60"), (130, "Tornillo"), (310, "50"), (360, "uds"), (420, "36,720"), (540, "18,36")),
    ]
    got = _page(heading, rows, "24,86")
    assert [(q, p) for _, q, p in numbers(got)] == [("500", "0.013"), ("50", "0.3672")]


def test_a_basis_printed_a_column_after_the_quantity_divides_the_price_not_the_quantity() -> None:
    heading = [
        [
            (50, "Código"),
            (130, "Descripción"),
            (300, "Cantidad"),
            (380, "Ud."),
            (420, "Precio"),
            (540, "Importe"),
        ]
    ]
    rows = [
        (
            (50, "TOR-M10-60"),
            (130, "Tornillo"),
            (296, "200"),
            (330, "100"),
            (380, "uds"),
            (420, "34,000"),
            (540, "68,00"),
        ),
        (
            (50, "CHA-ALT-VIS"),
            (130, "Chaleco"),
            (296, "36"),
            (330, "1"),
            (380, "uds"),
            (420, "4,75"),
            (540, "171,00"),
        ),
    ]
    got = _page(heading, rows, "239,00")
    assert [(q, p) for _, q, p in numbers(got)] == [("200", "0.34"), ("36", "4.75")]
