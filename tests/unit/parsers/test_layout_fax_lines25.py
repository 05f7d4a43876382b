"""Fine fax lines (faxlf25): a quantity printed with its decimals ("12.500" kg) beside a price under a
"Rate (per 1000)" heading, where reading the quantity's point as a group mark (12500 at 0.00315) adds up
as well as reading it as printed (12.5 at 3.15).  Each test builds its page word by word
(tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.unit.parsers.ocr_support import cells, doubted, header_rows, page, read

Row = tuple[str, str, str, str, str]


def _order(rows: tuple[Row, ...], total: str) -> dict[str, Any]:
    """An English order priced per 1000 in its heading, with a point for its decimal mark: `rows`
    (code, quantity, unit, rate, amount) as OCR read them, then the printed total; read."""
    lines = [cells(40, (50, "PURCHASE ORDER")), cells(54, (50, "Order No: PO-17613"))]
    lines.append(cells(68, (50, "Date: 23.11.2026")))
    heading = ((50, "Description"), (200, "Item No."), (290, "Qty"), (340, "UoM"))
    lines.append(cells(160, *heading, (380, "Rate (per 1000)"), (480, "Amount")))
    y = 160.0
    for code, qty, unit, rate, amount in rows:
        y += 14
        lines.append(
            cells(y, (50, "Article"), (200, code), (290, qty), (340, unit), (380, rate), (480, amount))
        )
    lines.append(cells(y + 28, (380, "Grand total"), (480, total)))
    return read(page(*lines))


def _figures(got: dict[str, Any]) -> list[tuple[Decimal, Decimal]]:
    return [(Decimal(line["quantity"]), Decimal(line["unit_price"])) for line in got["lines"]]


def test_a_quantity_printed_with_its_decimals_is_not_read_as_thousands_to_fit_the_heading_basis() -> None:
    # The rate column is headed "per 1000", yet a line may price one unit: 12.500 kg of wire at 3.15 a
    # kilo is 39.375, printed 39.38.  Read with its point as a group mark, "12.500" is 12500, and at
    # 3.15 per thousand that makes 39.375 too: the line's product cannot choose.  The page can: its
    # quantities print three decimals after a point ("10.000", "2,500.000": a comma groups thousands,
    # the point marks decimals), so "12.500" is twelve and a half as printed.  Chosen by the column's
    # format, not by the arithmetic, the quantity and the rate stay for a person to confirm.
    rows = (
        ("SIL-TRA-300", "10.000", "ud", "€4.20", "€42.00"),
        ("REM-AL-4", "2,500.000", "ud", "€12.00", "€30.00"),
        ("ALA-GAL-2", "12.500", "Kg", "€3.15", "€39.38"),
        ("TUE-M8", "25,000.000", "ud", "€50.00", "€1,250.00"),
    )
    got = _order(rows, "€1,361.38")
    figures = _figures(got)
    assert figures[2] == (Decimal("12.5"), Decimal("3.15"))
    # the lines priced per thousand as the heading says stay so: 2,500 rivets at 12.00 per 1000 = 30.00
    assert figures[1] == (Decimal("2500"), Decimal("0.012"))
    assert figures[3] == (Decimal("25000"), Decimal("0.05"))
    assert doubted(got, "lines[2].quantity")


def test_with_no_column_format_to_choose_the_line_is_held_not_read_as_thousands() -> None:
    # The same line on a page whose other quantities print no decimals ("10", "2,500"): nothing on the
    # page says whether "12.500" is 12.5 at 3.15 a kilo or 12500 at 3.15 per thousand, and both make
    # 39.38.  Neither may flow on untouched: the line waits for a person with its quantity named.
    # Before, 12500 at 0.00315 was taken as agreeing and nothing asked about it.
    rows = (
        ("SIL-TRA-300", "10", "ud", "€4.20", "€42.00"),
        ("REM-AL-4", "2,500", "ud", "€12.00", "€30.00"),
        ("ALA-GAL-2", "12.500", "Kg", "€3.15", "€39.38"),
    )
    got = _order(rows, "€111.38")
    assert doubted(got, "lines[2].quantity")
    assert got["decision"] != "accept"


def test_a_whole_quantity_moved_to_its_heading_basis_still_agrees_as_before() -> None:
    # "1,200.000" units at "€340.00" per 1000 = "€408.00" is 1200 at 0.34: read as printed it is a
    # whole quantity, so no fraction is weighed and the heading's basis reading stands, undoubted.
    rows = (
        ("TOR-M8-40", "1,200.000", "ud", "€340.00", "€408.00"),
        ("REM-AL-4", "2,500.000", "ud", "€12.00", "€30.00"),
    )
    got = _order(rows, "€438.00")
    assert _figures(got) == [(Decimal("1200"), Decimal("0.34")), (Decimal("2500"), Decimal("0.012"))]
    assert not doubted(got, "lines[0].quantity")


def _priced_per_thousand(price_heading: str) -> dict[str, Any]:
    """A Mexican order in dollars whose price column is headed `price_heading` over "(1000 Unidad)":
    25,000 washers at 21.600 per thousand = 540.00 (the quantity's comma read as a point, as the fax
    left it) and 250 screws at 367.200 per thousand = 91.80."""
    heading = ((50, "Código"), (130, "Descripción"), (330, "Unidades"), (390, "Unidad"))
    rows = (
        ("8437000100133", "Arandela plana M8", "25.000.000", "USD 21.600", "540.00"),
        ("TOR-M10-60", "Tornillo hexagonal M10x60", "250.000", "USD 367.200", "91.80"),
    )
    lines = [cells(40, (50, "Número pedido: PC26025558")), cells(54, (50, "Fecha emisión: 2026-11-26"))]
    lines += [
        cells(150, *heading, (430, price_heading), (510, "Importe")),
        cells(160, (435, "(1000 Unidad)")),
    ]
    y = 160.0
    for code, description, qty, price, amount in rows:
        y += 16
        lines.append(
            cells(y, (50, code), (130, description), (330, qty), (390, "uds"), (430, price), (505, amount))
        )
    lines.append(cells(y + 28, (430, "Subtotal"), (500, "USD 631.80")))
    return read(page(*lines))


def test_a_price_heading_whose_space_after_its_dot_reads_as_a_dash_still_names_the_column() -> None:
    # "P. unitario" (unit price) with a speck in the space after its dot is read "P.-unitario": it is
    # still the price column's heading, so both lines are read with their prices per thousand.  Before,
    # the column was named by nothing, and the order came out with no lines at all.
    got = _priced_per_thousand("P.-unitario")
    assert [(line["item_code"], line["quantity"], line["unit_price"]) for line in got["lines"]] == [
        ("8437000100133", "25000", "0.0216"),
        ("TOR-M10-60", "250", "0.3672"),
    ]


def test_a_hyphenated_heading_word_that_parts_into_no_label_stays_whole() -> None:
    # Only a dash right after a dot, between two words of one heading phrase, is taken for a space:
    # "P.-unitario" parts, "Nº-pedido" and "P.-Nr." (no such phrase) stay as read.
    from core.capture.domain.layout import Word
    from parsers.layout.cleanup import split_glued_label

    def parts(text: str) -> list[str]:
        return [w.text for w in split_glued_label(Word(text, 0, 0, 100, 10))]

    assert parts("P.-unitario") == ["P.", "unitario"]
    assert parts("Nº-pedido") == ["Nº-pedido"]
    assert parts("P.-Nr.") == ["P.-Nr."]


def _labelled_codes(code: str) -> dict[str, Any]:
    """An order whose one row prints its code on a labelled line under it ("Art.-Nr.: `code`") and
    orders 2 adjustable wrenches at 12,80 = 25,60."""
    heading = cells(160, (50, "Bezeichnung"), (340, "Menge"), (430, "Einzelpreis"), (500, "Nettowert"))
    rows = [
        cells(174, (50, "Adjustable wrench 250 mm"), (345, "2"), (430, "12,80"), (500, "25,60")),
        cells(188, (50, f"Art.-Nr.: {code}")),
    ]
    return read(page(*header_rows(), heading, *rows, cells(216, (430, "Total"), (500, "25,60"))))


def test_a_labelled_gtin_ocr_parted_at_a_gap_is_read_whole_when_its_check_digit_holds() -> None:
    # "Art.-Nr.: 8437000 100195": a GTIN-13 read as two words.  Run together, its check digit holds
    # (8437000100195 is the wrench's GTIN), which the first piece alone, no code at all, cannot; the
    # line's code is the whole GTIN, and the product is the one it names.  Before, the code was read
    # as "8437000", which names no product.
    got = _labelled_codes("8437000 100195")
    assert [(line["item_code"], line["gtin"], line["sku"]) for line in got["lines"]] == [
        ("8437000100195", "8437000100195", "LLA-AJ-250")
    ]


def test_pieces_whose_check_digit_fails_are_not_taken_for_a_gtin() -> None:
    # "8437000 100196": run together, the check digit does not hold; nothing vouches for the join, so
    # the line names no GTIN and its product is not taken from one.
    got = _labelled_codes("8437000 100196")
    assert got["lines"][0]["gtin"] is None
    assert got["lines"][0]["item_code"] != "8437000100196"
