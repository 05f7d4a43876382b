"""A row of the table whose price and amount a fax lost, its code and quantity read: normal faxes
sap_listing-197252 ("Dunas 10000 ys 4712 OZ", taken as a stray of the row above) and letter-197254 (its
one row "250 u, TOR-M10-60 … C0340 C85.00", the euro signs read as C: no line at all), tuning.

The business rule: every order line the page prints is a line of the order, in its place.  A row that
shows a code of its own (or a position number) and a quantity is an order line even when OCR lost its
price and amount; it is read as far as its ink goes and named for a person (`field_not_read` on the
lines), never made part of the row above (every later line would then stand one place up) nor left
out.  A line under a row with a figure in the quantity column but no code or position of its own is
still that row's description.
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import HEADING, cells, header_rows, numbers, order, page, read, row

FIRST = row("TOR-M8-40", "100", "0,18", "18,00")
LAST = row("LLA-AJ-250", "3", "12,80", "38,40", desc="Llave")


def _named(got: dict[str, Any]) -> list[str]:
    return [p["message"] for p in got["problems"] if p["field"] == "lines"]


def test_a_row_whose_price_and_amount_were_lost_stays_a_line_of_its_own() -> None:
    # 2000 TUE-M8 at 0,05 = 100,00: the price and amount not read at all
    lost = ((50, "TUE-M8"), (130, "Tuerca"), (350, "2000"), (390, "uds"))
    got = read(order([FIRST, lost, LAST], total="156,40"))
    assert numbers(got) == [
        ("TOR-M8-40", "100", "0.18"),
        ("TUE-M8", "2000", None),
        ("LLA-AJ-250", "3", "12.8"),
    ]
    assert _named(got)
    assert got["decision"] != "accept"


def test_a_one_row_order_whose_money_signs_were_read_as_letters_keeps_its_line() -> None:
    # a letter's one row, "€0,340" and "€85,00" read "C0340" and "C85.00": no price or amount read
    heading = (
        (50, "Cant."),
        (90, "Ud."),
        (130, "Código"),
        (210, "Concepto"),
        (400, "Precio/ud."),
        (490, "Total"),
    )
    got = read(
        page(
            *header_rows(),
            cells(160, *heading),
            cells(
                174,
                (55, "250"),
                (90, "u,"),
                (130, "TOR-M10-60"),
                (210, "Tornillo hexagonal"),
                (405, "C0340"),
                (490, "C85.00"),
            ),
            cells(202, (400, "Total"), (490, "€85.00")),
        )
    )
    assert numbers(got) == [("TOR-M10-60", "250", None)]
    assert _named(got)
    assert got["decision"] != "accept"


def test_a_figure_under_the_quantity_on_a_line_with_no_code_is_description() -> None:
    # "Tornillo zincado … 100" under the first row: no code or position of its own, so no order line
    wrapped = ((130, "zincado"), (350, "100"))
    got = read(order([FIRST, wrapped, LAST], total="56,40"))
    assert numbers(got) == [("TOR-M8-40", "100", "0.18"), ("LLA-AJ-250", "3", "12.8")]
    assert _named(got) == []


def test_a_last_row_with_its_position_and_quantity_alone_is_kept_and_named() -> None:
    # "2 5) uds" under row 1: position 2's code, price and amount lost, its quantity read "5)"
    heading = ((20, "Pos."), *((x + 10, text) for x, text in ((50, "Código"), *HEADING[1:])))
    first = ((25, "1"), *((x + 10, text) for x, text in FIRST))
    got = read(order([first, ((25, "2"), (360, "5)"), (400, "uds"))], total="30,80", heading=heading))
    assert numbers(got) == [("TOR-M8-40", "100", "0.18"), (None, None, None)]
    assert _named(got)
    assert got["decision"] != "accept"


def test_a_description_run_into_the_quantity_column_over_its_figures_is_one_line() -> None:
    # "TUE-M8 Tuerca para vehículo: Modelo 408" over "zincada 2000 uds 0,05 100,00": one order line
    first = ((50, "TUE-M8"), (130, "Tuerca para vehículo:"), (330, "Modelo 408"))
    figures = ((130, "zincada"), (350, "2000"), (390, "uds"), (440, "0,05"), (505, "100,00"))
    got = read(order([first, figures], total="100,00"))
    assert numbers(got) == [("TUE-M8", "2000", "0.05")]
    assert _named(got) == []
