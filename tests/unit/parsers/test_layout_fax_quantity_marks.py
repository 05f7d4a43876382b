"""Quantities whose decimal mark a normal fax lost or turned (issue 10, faxdm27).

The business rules:

- a quantity column is printed to one format: where every other quantity prints the decimal mark and
  three decimals ("5,000", "500,000", "1.000,000"), a quantity read "2.000000" or "24000" holds three
  decimals too, and the price's figures as printed are then read to make quantity × price the amount;
- such a mark is put back by the column's format, not read, and the line adds up as well without it
  (2 × 12 = 2000 × 0,012 = 24,00; 24000 × 3.89 per 1,000 = 24 × 3.89 = 93.36), so neither the line
  nor the order's total vouches for it: a person confirms the quantity and the price.
"""

from __future__ import annotations

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, doubted, header_rows, numbers, page, read
from tests.unit.parsers.test_layout_fax_normal11 import HEADING


def _words(rows: list[tuple[str, str, str, str, str]], total: str) -> PageWords:
    """Ferretería Núñez's order with `rows` (code, quantity, unit, price, amount) as OCR read them."""
    lines = header_rows(currency=False)
    y = 160.0
    lines.append(cells(y, *HEADING))
    for code, qty, unit, price, amount in rows:
        y += 14.0
        lines.append(
            cells(y, (50, code), (130, "Artículo"), (310, qty), (360, unit), (420, price), (540, amount))
        )
    lines.append(cells(y + 28.0, (430, "Total"), (540, total)))
    return page(*lines)


def test_a_quantity_whose_comma_was_lost_after_its_thousands_takes_its_columns_decimals() -> None:
    # 2.000,000 rivets at 0,012 € = 24,00 €: the fax lost the comma of the quantity and of the price
    # ("2.000000", "0012€"). Read as 2 (its point taken for the decimal mark) × 12 it added up too, but
    # the column prints three decimals after a comma on every other line, and the price's figures
    # with their mark back after the zero make 2000 × 0,012 = 24,00
    rows = [
        ("GUA-TRA-9", "5,000", "UD", "3,60€", "18,00€"),
        ("REM-AL-4", "2.000000", "UD", "0012€", "24,00€"),
        ("CIN-AIS-19", "500,000", "UD", "0,95", "475,00"),
        ("SIL-TRA-300", "20,000", "UD", "4,20", "84,00"),
    ]
    got = read(_words(rows, "601,00"))
    assert numbers(got)[1][1:] == ("2000", "0.012")
    assert doubted(got, "lines[1].quantity")  # the total adds up either way: it cannot vouch
    assert doubted(got, "lines[1].unit_price")
    assert numbers(got)[0][1:] == ("5", "3.6")


def test_a_bare_quantity_in_a_column_of_three_decimals_is_not_a_thousand_times_more() -> None:
    # 24.000 gloves at 3.89 = 93.36: the fax lost the quantity's point ("24000"). Read so, the price
    # had to be for 1,000 units, which nothing on the page says; the column's other quantities all
    # print a point and three decimals, and 24 × 3.89 is 93.36 with price and amount as printed
    rows = [
        ("TAC-6", "5.000", "CAJ", "4.21", "21.05"),
        ("GUA-TRA-9", "24000", "UD", "3.89", "93.36"),
        ("CIN-AIS-19", "250.000", "UD", "1.03", "257.50"),
        ("SIL-TRA-300", "20.000", "UD", "4.54", "90.80"),
    ]
    got = read(_words(rows, "462.71"))
    assert numbers(got)[1][1:] == ("24", "3.89")
    assert doubted(got, "lines[1].quantity")


def test_a_column_printed_to_no_one_format_leaves_the_quantity_as_read() -> None:
    # the other quantities print two and three decimals: the column says nothing of where a mark
    # stands, so "24000" stays as read (the price for 1,000 units is then the layout reader's guess)
    rows = [
        ("TAC-6", "5.00", "CAJ", "4.21", "21.05"),
        ("GUA-TRA-9", "24000", "UD", "3.89", "93.36"),
        ("CIN-AIS-19", "250.000", "UD", "1.03", "257.50"),
    ]
    got = read(_words(rows, "371.91"))
    assert numbers(got)[1][1] == "24000"


def test_a_whole_number_column_whose_group_points_turned_gives_no_decimals() -> None:
    # a column of whole units: 2.000 and 1.000 printed with group points, which the fax turned into
    # commas ("2,000", "1,000"), so the column seems to print a decimal comma and three decimals; but
    # each of those lines adds up only as thousands (2000 × 0,05 = 100,00; 1000 × 0,95 = 950,00), and
    # 750 × 0,34 = 255,00 as printed. A "36" at 4,20 whose amount was not read is 36 units, never 0,036
    rows = [
        ("GUA-TRA-9", "2,000", "UD", "0,05", "100,00"),
        ("CIN-AIS-19", "1,000", "UD", "0,95", "950,00"),
        ("TAC-6", "750", "UD", "0,34", "255,00"),
        ("SIL-TRA-300", "36", "UD", "4,20", ""),
    ]
    got = read(_words(rows, "1.456,20"))
    assert numbers(got)[3][1:] == ("36", "4.2")
    assert [n[1] for n in numbers(got)[:3]] == ["2000", "1000", "750"]


def test_stray_fractions_on_lines_no_amount_checks_give_the_column_no_decimals() -> None:
    # 36 and 500 units read with a speck as a point and two figures ("36.07", "500.09"), on lines whose
    # amount was not read: nothing settled those figures, so they say nothing of the column's format,
    # and "10.0" (10 units at 5.13, its amount not read either) is not read as 1.00
    rows = [
        ("TAC-6", "36.07", "UD", "2.65", ""),
        ("GUA-TRA-9", "10.0", "UD", "5.13", ""),
        ("CIN-AIS-19", "500.09", "UD", "0.013", ""),
    ]
    got = read(_words(rows, "153.20"))
    assert numbers(got)[1][1] == "10"


def test_a_group_point_turned_into_a_comma_in_a_column_of_three_decimals() -> None:
    # 2.500,000 rivets at 0,012 € with no amount read: the fax turned the group point into a comma
    # ("2,500,000"). A number holds one decimal mark, and the column's other lines add up with a comma
    # and three decimals (5,000 × 3,60 = 18,00; 500,000 × 0,95 = 475,00): 2500 units, not 2,500,000;
    # put back by the column's format, so a person confirms it
    rows = [
        ("GUA-TRA-9", "5,000", "UD", "3,60", "18,00"),
        ("CIN-AIS-19", "500,000", "UD", "0,95", "475,00"),
        ("REM-AL-4", "2,500,000", "UD", "0,012", ""),
        ("SIL-TRA-300", "20,000", "UD", "4,20", "84,00"),
    ]
    got = read(_words(rows, "607,00"))
    assert numbers(got)[2][1:] == ("2500", "0.012")
    assert doubted(got, "lines[2].quantity")


def _whole_column(second: tuple[str, str, str, str, str]) -> list[tuple[str, str, str, str, str]]:
    """A column of whole units under a decimal point, 5,000 rivets at 0.0120 with no amount read,
    their group comma turned into a point and the price's point lost ("5.000", "00120"), below
    `second`; the prices printed to two and to four places, so their column says nothing of the
    price's point."""
    return [
        ("TAC-6", "750", "UD", "0.34", "255.00"),
        second,
        ("REM-AL-4", "5.000", "UD", "00120", ""),
        ("CIN-AIS-19", "500", "UD", "0.0500", "25.00"),
    ]


def test_a_group_comma_turned_into_a_point_in_a_column_of_whole_units() -> None:
    # 2,000 washers at 0.0200 = 40.00 were read "2.000": that line adds up only as 2000, so the fax
    # turns this column's group commas into points, and every line that adds up counts whole units.
    # "5.000" is then 5000, and "00120", two zeros before its figures, lost its point after the first
    # zero, the only place a point stands in it: 5000 × 0.0120. Put back by the column, not checked
    # by an amount, so both wait for a person although the total (380.00) adds up
    got = read(_words(_whole_column(("GUA-TRA-9", "2.000", "UD", "0.0200", "40.00")), "380.00"))
    assert numbers(got)[2][1:] == ("5000", "0.012")
    assert doubted(got, "lines[2].quantity")
    assert doubted(got, "lines[2].unit_price")


def test_a_column_of_whole_units_with_no_group_mark_turned_says_nothing_of_a_point() -> None:
    # the same order with 20 washers at 2.0000: no line shows the fax turning a group mark, so "5.000"
    # stays as read
    got = read(_words(_whole_column(("GUA-TRA-9", "20", "UD", "2.0000", "40.00")), "380.00"))
    assert numbers(got)[2][1] == "5"
