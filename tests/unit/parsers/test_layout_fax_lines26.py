"""Normal fax lines (faxln26): a price whose decimal mark the fax lost after a leading zero ("018€" for
0,18 €, "0012€" for 0,012 €).  No figure prints a zero before its units with no mark after it, so such
figures are read with the mark put back after the zero before they are read as printed (18), and
the line's arithmetic still chooses where it can.  Mended, not read: the price stays for a person to
confirm unless the line's amount pins it.  Pages are built word by word (tests.unit.parsers.
ocr_support), figures set right-aligned as tables print them."""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.layout import Word
from parsers.layout.numbers import readings
from tests.unit.parsers.ocr_support import CHAR, cells, doubted, numbers, page, read

QTY, UNIT, PRICE, AMOUNT = 370.0, 379.0, 452.0, 548.0


def _right(edge: float, text: str) -> tuple[float, str]:
    """A phrase set right-aligned to end at `edge`, as a table prints its figures."""
    return edge - CHAR * len(text) - (len(text.split()) - 1) * 2.8, text


def _listing(rows: tuple[tuple[str, str, str, str, str], ...]) -> list[list[Word]]:
    """A Spanish order listing: `rows` (code, description, quantity, price, amount) as OCR read them."""
    heading = cells(160, (62, "CÓDIGO"), (126, "DESCRIPCIÓN"), (329, "CANTIDAD"), (379, "UD"))
    heading += cells(160, (420, "PRECIO"), (505, "IMPORTE"))
    lines = [cells(40, (50, "PEDIDO Nº: 26/20878")), cells(54, (50, "FECHA: 24/11/2026")), heading]
    y = 160.0
    for code, name, qty, price, amount in rows:
        y += 16
        figures = (_right(QTY, qty), (UNIT, "ud"), _right(PRICE, price), _right(AMOUNT, amount))
        lines.append(cells(y, (62, code), (126, name), *figures))
    return lines


# the other rows' prices printed to two and to three places: the price column keeps no one format
# the lost mark could be put back by (items.by_column_marks), only the figures themselves tell
_OTHERS = (
    ("BRO-HSS-8", "Broca HSS 8 mm", "10,00", "2,45€", "24,50€"),
    ("GUA-NIT-L", "Guantes de nitrilo", "4,00", "8,500€", "34,00€"),
)


def test_a_price_with_a_leading_zero_and_no_mark_is_read_with_the_mark_back() -> None:
    # printed 250,00 × 0,18 € = 45,00 €; the fax lost the price's comma ("018€") and spoilt the
    # amount past reading ("45,d0€").  Before, the price was read 18: a zero before the units with no
    # mark after it is no way to print eighteen.  It is 0,18, for a person to confirm: no amount
    # checks it.
    rows = (("TOR-M8-40", "Tornillo M8x40", "250,00", "018€", "45,d0€"), *_OTHERS)
    got = read(page(*_listing(rows)))
    assert numbers(got)[0] == ("TOR-M8-40", "250", "0.18")
    assert doubted(got, "lines[0].unit_price")
    assert got["decision"] != "accept"


def test_a_leading_zero_price_the_amount_pins_is_read_with_its_mark() -> None:
    # printed 500,00 × 0,012 € = 6,00 €, the price read "0012€": 500 × 0,012 = 6,00 pins it
    rows = (("REM-AL-4", "Remache aluminio 4x10", "500,00", "0012€", "6,00€"), *_OTHERS)
    got = read(page(*_listing(rows)))
    assert numbers(got)[0][1:] == ("500", "0.012")


def test_figures_without_a_leading_zero_are_read_as_printed_first() -> None:
    # "100", "250" and a plain zero are figures as printed; a zero then a mark is a price as printed
    assert readings("100", ",")[0].value == Decimal(100)
    assert readings("250", ",")[0].value == Decimal(250)
    assert readings("0", ",")[0].value == Decimal(0)
    assert readings("0,18", ",")[0].value == Decimal("0.18")
    assert readings("0,18", ",")[0].cost == 0


def test_a_text_layer_reads_a_leading_zero_as_printed() -> None:
    # a text layer prints every mark it has: "018" there is eighteen as printed, never mended
    assert readings("018", ",", lost_marks=False)[0].value == Decimal(18)
