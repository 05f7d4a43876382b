"""Quantities printed with a space between their thousands ("1 000", "10 000") in a quantity column
right beside the unit column, on a fax where OCR dropped the rule between the two but on one row
read it as a letter and ran quantity and unit into one word ("4|cx" read "4lcx").  The page is built
word by word (tests.unit.parsers.ocr_support) and the test states the business rule it checks."""

from __future__ import annotations

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import CHAR, STEP, cells, numbers, page, read, word

QTY_RIGHT = 370.0  # where the quantity column's right-aligned figures end
THOUSANDS_SPACE = 4.4  # the space a typewriter face leaves between "1" and "000"


def _quantity(text: str, y: float) -> list[Word]:
    """A quantity set flush right in its column, its groups of thousands a space apart as printed."""
    out: list[Word] = []
    x1 = QTY_RIGHT
    for group in reversed(text.split()):
        x0 = x1 - CHAR * len(group)
        out.insert(0, word(group, x0, y))
        x1 = x0 - THOUSANDS_SPACE
    return out


def _row(y: float, pos: str, code: str, desc: str, qty: str, price: str, amount: str) -> list[Word]:
    if qty.endswith("cx"):  # the rule between quantity and unit read "l", the three one word
        middle = [word(qty, QTY_RIGHT - 5.0, y)]
    else:
        middle = [*_quantity(qty, y), word("un", 378.0, y)]
    return [
        *cells(y, (47, pos), (79, code), (151, desc)),
        *middle,
        *cells(y, (415, price), (480, amount)),
    ]


def test_a_quantity_printed_with_a_space_between_its_thousands_stays_whole_beside_the_unit() -> None:
    # "1 000 | un  €0,9500  €950,00" is a thousand at 0.95 (the amount says so, 1 000 × 0.95 =
    # 950.00), not 1 at 0.95 with "000" read as its unit; the column's edge lies between the
    # quantity and the unit, never in the space inside a number
    lines = [
        cells(40, (50, "Nº encomenda: OC/26/10535")),
        cells(54, (50, "Data: 24/11/2026")),
        cells(
            160,
            (47, "Linha"),
            (79, "Código produto"),
            (151, "Descrição"),
            (316, "Quantidade"),
            (378, "Un."),
            (415, "Preço unit."),
            (480, "Valor"),
        ),
    ]
    rows = [
        ("1", "TAC-6", "Taco de nailon 6 mm (caja 100)", "4lcx", "€3,9000", "€15,60"),
        ("2", "BRO-HSS-8", "Broca HSS 8 mm para metal", "50", "€2,4500", "€122,50"),
        ("3", "CIN-AIS-19", "Cinta aislante 19 mm", "1 000", "€0,9500", "€950,00"),
        ("4", "ARA-M8", "Arandela plana M8 zincada", "10 000", "€0,0200", "€200,00"),
        ("5", "TOR-M10-60", "Tornillo hexagonal M10x60", "200", "€0,3400", "€68,00"),
    ]
    y = 160.0
    for r in rows:
        y += STEP
        lines.append(_row(y, *r))
    lines.append(cells(y + 2 * STEP, (380, "TOTAL"), (480, "€1356,10")))
    got = read(page(*lines))
    assert numbers(got) == [
        ("TAC-6", "4", "3.9"),
        ("BRO-HSS-8", "50", "2.45"),
        ("CIN-AIS-19", "1000", "0.95"),
        ("ARA-M8", "10000", "0.02"),
        ("TOR-M10-60", "200", "0.34"),
    ]
