"""Order lines of a normal fax whose code heading OCR garbled (issue 10, faxnorm12).

The business rule: on a listing headed "ITEM | PART NUMBER / PRODUCT", "ITEM" numbers the rows
(00010, 00020, ...) and the part number, with its description printed on the line under it, names the
product.  A fax that garbles "PART NUMBER" ("RARTNIMAFR") and misreads a position or two ("nnn3n" for
00030, "00096" for 00090) leaves the rows numbered all the same: the positions are not the item codes,
and the codes on the item rows are.
"""

from __future__ import annotations

from core.capture.domain.layout import PageWords, Word
from parsers.layout.row_numbering import numbered_as_read
from tests.unit.parsers.ocr_support import STEP, cells, numbers, page, read

HEADING = ((50, "ITEM"), (90, "RARTNIMAFR"), (160, "/"), (168, "PRQBUGI."), (400, "QTY"), (440, "UM"))
MONEY = ((475, "PRICE"), (530, "TOTAL"))
# (position as read, code, description, quantity, price, amount)
ROWS = (
    ("00010", "SIL-TRA-300", "Silicona neutra transparente 300 ml", "20", "4,2000", "84,00"),
    ("“00020", "BRO-HSS-8", "Broca HSS 8 mm para metal", "36", "2,4500", "88,20"),
    ("nnn3n", "TOR-M8-40", "Tornillo hexagonal M8x40 zincado", "100", "0,1800", "18,00"),
    ("00040", "GUA-NIT-L", "Guantes de nitrilo talla L", "10", "8,5000", "85,00"),
    ("00050", "TAC-6", "Taco de nailon 6 mm", "4", "3,9000", "15,60"),
    ("00066", "SIL-TRA-300", "Silicona neutra transparente 300 ml", "12", "4,2000", "50,40"),
)


def _listing(
    rows: tuple[tuple[str, ...], ...], heading: tuple[tuple[float, str], ...] = HEADING
) -> PageWords:
    lines: list[list[Word]] = [
        cells(40, (50, "Ferretería Núñez S.L.")),
        cells(70, (50, "PO NUMBER: 4567179168")),
        cells(84, (50, "DATE: 24/11/2026")),
        cells(160, *heading, *MONEY),
    ]
    y = 160.0
    for pos, code, desc, qty, price, amount in rows:
        y += 2 * STEP
        lines.append(cells(y, (50, pos), (90, code), (405, qty), (440, "ud"), (475, price), (530, amount)))
        lines.append(cells(y + STEP, (90, desc)))
    total = sum(float(r[5].replace(",", ".")) for r in rows)
    lines.append(cells(y + 3 * STEP, (430, "TOTAL NET"), (530, f"{total:.2f}".replace(".", ","))))
    return page(*lines)


def test_positions_a_fax_misread_under_item_are_no_codes() -> None:
    got = read(_listing(ROWS))
    assert [line["item_code"] for line in got["lines"]] == [r[1] for r in ROWS]
    assert numbers(got) == [
        ("SIL-TRA-300", "20", "4.2"),
        ("BRO-HSS-8", "36", "2.45"),
        ("TOR-M8-40", "100", "0.18"),
        ("GUA-NIT-L", "10", "8.5"),
        ("TAC-6", "4", "3.9"),
        ("SIL-TRA-300", "12", "4.2"),
    ]
    assert got["lines"][1]["description"].startswith("Broca HSS 8 mm")


def test_item_heading_with_a_speck_beside_it_still_heads_the_positions() -> None:
    heading = ((50, "ITEM)"), *HEADING[1:])
    got = read(_listing(ROWS, heading))
    assert [line["item_code"] for line in got["lines"]] == [r[1] for r in ROWS]


def test_positions_as_read_count_up_with_few_figures_misread() -> None:
    assert numbered_as_read(["00130", "00140", "00180", "00160", "00170", "00190", "00190", "0020p"])
    assert numbered_as_read(["00010", "“00020", "nnn3n", "00040", "co", "00050", "00066", "00070", "90080"])


def test_codes_are_no_positions_however_alike() -> None:
    # customer codes under "Item": no zero-padded numbering, or too few read as their place says
    assert not numbered_as_read(["4712", "4713", "4712", "4714"])
    assert not numbered_as_read(["00010", "00020", "04712", "04713", "08811", "00913"])
    assert not numbered_as_read(["00010", "00020"])
