"""Order rows found on a scanned page whose table heading was not read (OCR garbled it past knowing, or
it is worded as no vocabulary has it): the rows by their own arithmetic, quantity × price = amount,
and the columns by the white space between them (parsers.layout.unheaded)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from core.capture.domain.layout import Word
from parsers.layout import extract_orders
from parsers.layout.geometry import read_page
from parsers.layout.unheaded import arithmetic_row
from tests.unit.parsers.ocr_support import STEP, cells, numbers, page, read

GARBLED = ((50, "C6d1gc"), (130, "Dcscr1pc1cn"), (330, "Ca;t1d4d"), (430, "Pr3c1c"), (500, "1mp0rtc"))


def _order(
    heading: tuple[tuple[float, str], ...],
    rows: list[tuple],
    total: str,
    under: tuple[tuple[float, str], ...] = (),
) -> list[Word]:
    lines = [cells(40, (50, "Ferretería Núñez S.L.")), cells(70, (50, "Nº pedido: PED-26/00123"))]
    lines += [cells(84, (50, "Fecha: 23/11/2026")), cells(98, (50, "Nº cliente: C-1001"))]
    y = 160.0
    lines.append(cells(y, *heading))
    if under:  # the heading's second line
        y += STEP * 0.8
        lines.append(cells(y, *under))
    for r in rows:
        y += STEP
        lines.append(cells(y, *r))
    lines.append(cells(y + 2 * STEP, (430, "Total"), (500, total)))
    return [w for line in lines for w in line]


def _row(code: str, desc: str, qty: str, price: str, amount: str) -> tuple:
    return (50, code), (130, desc), (350, qty), (390, "uds"), (440, price), (505, amount)


ROWS = [
    _row("TOR-M8-40", "Tornillo hexagonal M8x40", "250", "0,18", "45,00"),
    _row("TUE-M8", "Tuerca hexagonal M8", "222", "0,05", "11,10"),
]


def test_a_table_whose_heading_ocr_garbled_past_knowing_is_read_from_its_rows() -> None:
    got = read(page(_order(GARBLED, ROWS, "56,10")))
    assert numbers(got) == [("TOR-M8-40", "250", "0.18"), ("TUE-M8", "222", "0.05")]
    assert [line["description"] for line in got["lines"]] == [
        "Tornillo hexagonal M8x40",
        "Tuerca hexagonal M8",
    ]
    assert got["total"] == "56.1"


def test_a_heading_worded_as_no_vocabulary_has_it_loses_no_rows() -> None:
    heading = ((50, "Ref"), (130, "Item details"), (330, "How many"), (430, "Each"), (500, "Line value"))
    got = read(page(_order(heading, ROWS, "56,10")))
    assert numbers(got) == [("TOR-M8-40", "250", "0.18"), ("TUE-M8", "222", "0.05")]


def test_a_price_for_a_hundred_units_in_a_column_of_its_own_is_divided_by_it() -> None:
    # 10 000 × 2,00 per 100 = 200,00; the rows without a basis print 1 there
    rows = [
        ((50, "00010"), (90, "ARA-M8"), (350, "10000"), (440, "2,00"), (480, "100"), (505, "200,00")),
        ((50, "00020"), (90, "TOR-M8-40"), (350, "250"), (440, "0,18"), (480, "1"), (505, "45,00")),
        ((50, "00030"), (90, "TUE-M8"), (350, "5000"), (440, "5,00"), (480, "100"), (505, "250,00")),
    ]
    got = read(page(_order(GARBLED, rows, "495,00")))
    assert numbers(got) == [
        ("ARA-M8", "10000", "0.02"),
        ("TOR-M8-40", "250", "0.18"),
        ("TUE-M8", "5000", "0.05"),
    ]
    assert [line["line_no"] for line in got["lines"]] == ["10", "20", "30"]


def test_a_discount_column_between_price_and_amount_is_taken_off_the_price() -> None:
    # 1000 × 0,18 less 12,5 % = 157,50; 10 × 4,75 less 5 % = 45,125, printed to the cent
    rows = [
        ((50, "TOR-M8-40"), (130, "Tornillo"), (350, "1000"), (420, "0,18"), (465, "12,50"), (505, "157,50")),
        ((50, "CIN-AIS-19"), (130, "Cinta"), (350, "10"), (420, "4,75"), (465, "5,00"), (505, "45,13")),
    ]
    got = read(page(_order(GARBLED, rows, "202,63")))
    lines = extract_orders([page(_order(GARBLED, rows, "202,63"))]).orders[0].lines
    assert numbers(got) == [("TOR-M8-40", "1000", "0.18"), ("CIN-AIS-19", "10", "4.75")]
    assert [line.discount for line in lines] == [Decimal("12.50"), Decimal("5.00")]


def test_a_position_beside_two_equal_figures_does_not_choose_the_columns() -> None:
    # "1 … 5,00 … 5,00" makes 1 × 5,00 = 5,00 with the position, the quantity and the discount; the
    # rows whose quantity and price are not 1 say where the columns are
    rows = [
        ((50, "1"), (70, "CIN-AIS-19"), (350, "5,00"), (420, "4,75"), (465, "5,00"), (505, "22,56")),
        ((50, "2"), (70, "TOR-M8-40"), (350, "1000"), (420, "0,18"), (465, "12,50"), (505, "157,50")),
        ((50, "3"), (70, "TUE-M8"), (350, "200"), (420, "0,05"), (465, "0,00"), (505, "10,00")),
    ]
    got = read(page(_order(GARBLED, rows, "190,06")))
    assert numbers(got) == [
        ("CIN-AIS-19", "5", "4.75"),
        ("TOR-M8-40", "1000", "0.18"),
        ("TUE-M8", "200", "0.05"),
    ]


def test_a_row_is_one_whose_numbers_agree_and_a_total_or_tax_line_is_none() -> None:
    def line(*placed: tuple[float, str]):  # type: ignore[no-untyped-def]
        return read_page(page(cells(100, *placed))).lines[0]

    found = arithmetic_row(line((50, "TAC-6"), (130, "Taco"), (350, "12"), (420, "3.90"), (505, "46,80")))
    assert found is not None and (found.qty.text, found.price.text, found.amount.text) == (
        "12",
        "3.90",
        "46,80",
    )
    assert arithmetic_row(line((330, "Base imponible"), (430, "21"), (505, "100,00"), (560, "21,00"))) is None
    assert arithmetic_row(line((330, "Total"), (430, "2"), (480, "50,00"), (505, "100,00"))) is None
    assert arithmetic_row(line((50, "Tel. 976 55 01 00"), (330, "CIF B50123456"))) is None


def test_a_page_with_no_rows_that_add_up_has_no_table_and_a_text_layer_is_left_as_it_was() -> None:
    words = _order(GARBLED, [], "0,00")
    assert not extract_orders([page(words)]).orders[0].lines
    text_layer = replace(page(_order(GARBLED, ROWS, "56,10")), source="text")
    assert not extract_orders([text_layer]).orders[0].lines


@pytest.mark.parametrize("basis_below", [None, "(por 100)", "(100 EUR"])
def test_a_price_for_the_hundred_the_heading_states_beats_a_quantity_read_with_a_lost_mark(
    basis_below: str | None,
) -> None:
    # "10 000" × 5,0000 per 100 = 500,00, not 100,00 × 5,00 with a decimal mark put back in the
    # quantity; a line of the same table priced for one unit stays so.  The basis may stand beside
    # "Precio" or on the heading's second line under it, its bracket opening that line.
    price = ((410, "Precio"),) if basis_below else ((410, "Precio (por 100)"),)
    heading = ((50, "Código"), (130, "Descripción"), (330, "Cantidad"), *price, (540, "Importe"))
    under = ((412, basis_below),) if basis_below else ()
    rows = [
        ((50, "TUE-M8"), (130, "Tuerca"), (340, "10 000"), (430, "5,0000"), (540, "500,00")),
        ((50, "SIL-TRA-300"), (130, "Silicona"), (350, "50"), (430, "4,2000"), (540, "210,00")),
    ]
    got = read(page(_order(heading, rows, "710,00", under)))
    assert numbers(got) == [("TUE-M8", "10000", "0.05"), ("SIL-TRA-300", "50", "4.2")]


def test_a_position_run_into_its_code_on_one_row_does_not_join_the_two_columns() -> None:
    # '00020"TUE-M8': OCR read the position and the code as one word across the white space that
    # parts the two columns on the other rows
    rows = [
        ((50, "00010"), (90, "TOR-M8-40"), (170, "Tornillo"), (350, "250"), (440, "0,18"), (505, "45,00")),
        ((50, '00020"TUE-M8'), (170, "Tuerca"), (350, "222"), (440, "0,05"), (505, "11,10")),
        ((50, "00030"), (90, "ARA-M8"), (170, "Arandela"), (350, "1000"), (440, "0,02"), (505, "20,00")),
    ]
    got = read(page(_order(GARBLED, rows, "76,10")))
    assert numbers(got) == [
        ("TOR-M8-40", "250", "0.18"),
        ("TUE-M8", "222", "0.05"),
        ("ARA-M8", "1000", "0.02"),
    ]
    assert [(line["line_no"], line["item_code"]) for line in got["lines"]] == [
        ("10", "TOR-M8-40"),
        ("20", "TUE-M8"),
        ("30", "ARA-M8"),
    ]


def test_an_item_details_column_holds_the_code_and_then_the_words() -> None:
    heading = ((50, "ITEM DETAILS"), (330, "QTY"), (430, "PRICE"), (500, "TOTAL"))
    rows = [
        ((50, "TOR-M8-40"), (110, "Tornillo hexagonal"), (350, "250"), (440, "0,18"), (505, "45,00")),
        ((50, "TUE-M8"), (110, "Tuerca M8"), (350, "222"), (440, "0,05"), (505, "11,10")),
    ]
    got = read(page(_order(heading, rows, "56,10")))
    assert [line["item_code"] for line in got["lines"]] == ["TOR-M8-40", "TUE-M8"]
    assert [line["description"] for line in got["lines"]] == ["Tornillo hexagonal", "Tuerca M8"]


def test_a_first_row_whose_figures_ocr_spoilt_is_still_the_tables_first_row() -> None:
    # the first row's amount read "4S,O0": its numbers agree on nothing, but they stand under the
    # quantity, price and amount of the rows below, so the table begins there, not a row later
    rows = [
        _row("ARA-M8", "Arandela plana M8", "1000", "0,02", "2O,OO"),
        *ROWS,
    ]
    got = read(page(_order(GARBLED, rows, "76,10")))
    assert [line["item_code"] for line in got["lines"]] == ["ARA-M8", "TOR-M8-40", "TUE-M8"]
    assert numbers(got)[1:] == [("TOR-M8-40", "250", "0.18"), ("TUE-M8", "222", "0.05")]
    assert got["decision"] != "accept"


def test_a_row_with_a_gtin_and_an_amount_to_the_cent_is_a_line_though_its_quantity_is_unreadable() -> None:
    # "2;500": no number, so the row's figures agree on nothing; its GTIN and its amount to the cent
    # say a line is there, and the amount over the price says what the quantity was (for a person)
    rows = [
        ((50, "8437000100126"), (130, "Tuerca"), (350, "2;500"), (440, "0,05"), (505, "125,00")),
        ((50, "8437000100102"), (130, "Tornillo"), (350, "250"), (440, "0,18"), (505, "45,00")),
        ((50, "8437000100133"), (130, "Arandela"), (350, "1000"), (440, "0,02"), (505, "20,00")),
    ]
    got = read(page(_order(GARBLED, rows, "190,00")))
    assert numbers(got) == [
        ("TUE-M8", "2500", "0.05"),
        ("TOR-M8-40", "250", "0.18"),
        ("ARA-M8", "1000", "0.02"),
    ]
    assert got["decision"] != "accept"
