"""Order lines a normal fax let be found but read wrong (issue 10, faxnorm11).

The business rules:

- a price is for as many units as its line prints beside it: "1,000 u 50,0000 EUR 1000 50,00" is a
  thousand units at 0,05, never one unit at 50,00, though both make 50,00;
- a line's discount is its percentage wherever the fax put it: under a heading OCR did not read, the
  one percentage of the row's unnamed column, when quantity × price less it is the amount;
- a quantity printed with three decimals keeps its decimal mark though OCR read it as the group mark
  before it ("5,000,000" for 5,000.000);
- a semicolon between figures is a comma with a speck over it ("2 375;00").
"""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.layout import PageWords
from parsers.layout.numbers import readings
from tests.unit.parsers.ocr_support import cells, doubted, header_rows, numbers, page, read

HEADING = [
    (50, "Código"),
    (130, "Descripción"),
    (300, "Cantidad"),
    (360, "Ud."),
    (420, "Precio"),
    (540, "Importe"),
]


def _words(rows: list[tuple], total: str | None, heading: list[tuple] = HEADING) -> PageWords:
    lines = header_rows(currency=False)
    y = 160.0
    lines.append(cells(y, *heading))
    for row in rows:
        y += 14.0
        lines.append(cells(y, *row))
    if total is not None:
        lines.append(cells(y + 28.0, (430, "Total"), (540, total)))
    return page(*lines)


def _row(code: str, qty: str, unit: str, price: str, amount: str, desc: str = "Tornillo") -> tuple:
    return (50, code), (130, desc), (310, qty), (360, unit), (420, price), (540, amount)


def test_a_basis_printed_beside_the_price_outweighs_a_quantity_read_as_one() -> None:
    rows = [
        _row("TUE-M8", "1,000", "u", "50,0000 EUR 1000", "50,00", "Tuerca"),
        _row("CHA-ALT-VIS", "24", "u", "4,7500 EUR 1", "114,00", "Chaleco"),
    ]
    got = read(_words(rows, "164,00"))
    assert [(q, p) for _, q, p in numbers(got)] == [("1000", "0.05"), ("24", "4.75")]


def test_a_quantity_with_a_fraction_of_a_unit_does_not_beat_the_basis_its_line_prints() -> None:
    rows = [
        _row("TOR-M8-40", "1,200", "u", "180,0000 EUR 1000", "216,00"),
        _row("CHA-ALT-VIS", "24", "u", "4,7500 EUR 1", "114,00", "Chaleco"),
    ]
    got = read(_words(rows, "330,00"))
    assert [(q, p) for _, q, p in numbers(got)] == [("1200", "0.18"), ("24", "4.75")]


# a discount column whose heading OCR did not read: its figures (x 480) stand in no column of HEADING
def _discounted(qty: str, price: str, aside: str, amount: str) -> tuple:
    return (
        (50, "TOR-M8-40"),
        (130, "Tornillo"),
        (310, qty),
        (360, "uds"),
        (420, price),
        (480, aside),
        (540, amount),
    )


def test_a_percentage_in_a_column_no_heading_names_is_the_lines_discount() -> None:
    # 200 × 0,18 less 12,50 % = 31,50: the figure under the lost "Dto." heading is the discount
    got = read(_words([_discounted("200", "0,18", "12,50", "31,50")], "31,50"))
    assert numbers(got) == [("TOR-M8-40", "200", "0.18")]
    assert not any(p["code"] == "amount_mismatch" for p in got["problems"])
    # 200 × 0,18 less 5 % is 34,20, not 31,50: that figure is no discount, and the line disagrees
    got = read(_words([_discounted("200", "0,18", "5,00", "31,50")], "31,50"))
    assert any(p["code"] == "amount_mismatch" for p in got["problems"])


def test_a_discount_taken_from_an_unnamed_column_is_doubtful_unless_the_total_vouches() -> None:
    got = read(_words([_discounted("200", "0,18", "12,50", "31,50")], None))
    assert not any(p["code"] == "amount_mismatch" for p in got["problems"])
    assert doubted(got, "lines[0].unit_price") and doubted(got, "lines[0].quantity")


def test_a_decimal_mark_read_as_the_group_mark_before_it() -> None:
    # a page of decimal points: "5,000.000" pcs read "5,000,000", which a basis of 1,000 would fit too
    heading = [
        (50, "Material"),
        (130, "Description"),
        (300, "Quantity"),
        (360, "UoM"),
        (420, "Price"),
        (540, "Value"),
    ]
    rows = [
        _row("ARA-M8", "5,000,000", "pcs", "0.0172", "86.00", "Flat washer"),
        _row("CHA-ALT-VIS", "24.000", "pcs", "4.750", "114.00", "High-visibility vest"),
    ]
    got = read(_words(rows, "200.00", heading))
    assert [(q, p) for _, q, p in numbers(got)] == [("5000", "0.0172"), ("24", "4.75")]


def test_a_semicolon_between_figures_is_a_comma() -> None:
    assert readings("375;00", ",")[0].value == Decimal("375.00")
    rows = [
        _row("CIN-AIS-19", "2 500", "UDS", "0,95", "2 375;00", "Cinta"),
        _row("CHA-ALT-VIS", "24", "UDS", "4,75", "114,00", "Chaleco"),
    ]
    got = read(_words(rows, "2.489,00"))
    assert [(q, p) for _, q, p in numbers(got)] == [("2500", "0.95"), ("24", "4.75")]


def test_price_and_amount_that_both_lost_their_marks_get_them_back_where_the_amounts_print_cents() -> None:
    # 3 × 850 = 2550 adds up as well as 3 × 8,50 = 25,50; the other amounts print their cents
    rows = [
        _row("GUA-NIT-L", "3", "CJ", "850€", "2550€", "Guantes"),
        _row("CHA-ALT-VIS", "24", "uds", "4,75€", "114,00€", "Chaleco"),
        _row("TUE-M8", "500", "uds", "0,05€", "25,00€", "Tuerca"),
    ]
    got = read(_words(rows, "164,50"))
    assert [(q, p) for _, q, p in numbers(got)] == [("3", "8.5"), ("24", "4.75"), ("500", "0.05")]
    assert not doubted(got, "lines[0].unit_price")  # the total vouches for the marks put back
    got = read(_words(rows, None))
    assert numbers(got)[0][1:] == ("3", "8.5")
    assert doubted(got, "lines[0].unit_price")  # nothing vouches: the marks were put back to fit


def test_a_euro_sign_read_as_a_six_after_the_cents() -> None:
    rows = [
        _row("GUA-NIT-L", "10", "CJ", "8.506€", "85,00€", "Guantes"),
        _row("CHA-ALT-VIS", "24", "uds", "4,75€", "114,00€", "Chaleco"),
    ]
    got = read(_words(rows, "199,00"))
    assert [(q, p) for _, q, p in numbers(got)] == [("10", "8.5"), ("24", "4.75")]


def test_a_position_run_onto_the_front_of_an_ean13_is_taken_off() -> None:
    # "00020" and "8437000100102" read as one word: the EAN after the position names the bolt
    heading = [
        (50, "Código"),
        (180, "Descripción"),
        (300, "Cantidad"),
        (360, "Ud."),
        (420, "Precio"),
        (540, "Importe"),
    ]
    rows = [
        (
            (50, "000208437000100102"),
            (180, "Tornillo"),
            (310, "200"),
            (360, "uds"),
            (420, "0,18"),
            (540, "36,00"),
        ),
        ((50, "8437000100126"), (180, "Tuerca"), (310, "500"), (360, "uds"), (420, "0,05"), (540, "25,00")),
    ]
    got = read(_words(rows, "61,00", heading))
    assert [sku for sku, _, _ in numbers(got)] == ["TOR-M8-40", "TUE-M8"]
