"""Order rows found on a scanned page whose table heading was not read (OCR garbled it past knowing, or
it is worded as no vocabulary has it): the rows by their own arithmetic, quantity × price = amount,
and the columns by the white space between them (parsers.layout.unheaded)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from core.capture.domain.layout import Word
from parsers.layout import extract_orders
from parsers.layout.geometry import read_page
from parsers.layout.unheaded import arithmetic_row
from tests.unit.parsers.ocr_support import STEP, cells, numbers, page, read

GARBLED = ((50, "C6d1gc"), (130, "Dcscr1pc1cn"), (330, "Ca;t1d4d"), (430, "Pr3c1c"), (500, "1mp0rtc"))


def _order(heading: tuple[tuple[float, str], ...], rows: list[tuple], total: str) -> list[Word]:
    lines = [cells(40, (50, "Ferretería Núñez S.L.")), cells(70, (50, "Nº pedido: PED-26/00123"))]
    lines += [cells(84, (50, "Fecha: 23/11/2026")), cells(98, (50, "Nº cliente: C-1001"))]
    y = 160.0
    lines.append(cells(y, *heading))
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
