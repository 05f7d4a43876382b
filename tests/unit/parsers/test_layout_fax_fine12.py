"""Fine fax lines, twelfth round (faxfine12).  Each test builds its page word by word
(tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

from typing import Any

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import CHAR, cells, order, page, read

_HEADER = [cells(40, (50, "Nº pedido: 049237")), cells(54, (50, "Fecha: 24/11/2026"))]


def _boxed(heading: str) -> list[list[Word]]:
    """A boxed order form: one column headed `heading` holding each product's name, its code on a
    "Ref.:" line under it, then quantity, unit, price and amount."""
    columns = (50, heading), (340, "Cant."), (390, "Ud."), (430, "Precio"), (500, "Total")
    lines = [*_HEADER, cells(160, *columns)]
    y = 160.0
    for name, code, qty, price, amount in (
        ("Broca HSS 8 mm para metal", "BRO-HSS-8", "50", "2.45", "122.50"),
        ("Taco de nailon 6 mm (caja 100)", "TAC-6", "12", "3.90", "46.80"),
        ("Silicona neutra transparente 300 ml", "SIL-TRA-300", "48", "4.20", "201.60"),
    ):
        y += 18
        lines.append(cells(y, (50, name), (345, qty), (390, "uds"), (435, price), (500, amount)))
        y += 12
        lines.append(cells(y, (50, f"Ref.: {code}")))
    lines.append(cells(y + 28, (430, "Total"), (500, "370.90")))
    return lines


def test_a_slash_read_alone_between_two_headings_keeps_them_one_column() -> None:
    # "Artículo / Descripción" heads one column of names whose codes stand on "Ref.:" lines under
    # them. OCR reads the slash as a word of its own, and a lone mark was dropped as a speck: the
    # heading then named a code column and a description column, and each product's first words
    # ("Broca HSS") were taken for its code.  A slash a word space from a heading word on each side
    # is part of the heading, as a text layer reads it: the names are descriptions, the codes those
    # the "Ref.:" lines print
    got = read(page(*_boxed("Artículo / Descripción")))
    assert [line["item_code"] for line in got["lines"]] == ["BRO-HSS-8", "TAC-6", "SIL-TRA-300"]
    assert got["lines"][0]["description"] == "Broca HSS 8 mm para metal"


# a typewriter's space between two figures' ink on a fine fax: a character cell and its margins
CELL_SPACE = 1.27 * CHAR


def _dot_matrix(qty: list[tuple[float, str]]) -> dict[str, Any]:
    """A dot-matrix order (figures in a typewriter face) of 25 000 nuts at 50,0000 per 1 000 = 1 250,00,
    its quantity as `qty` (x, word), the price read as "50," and "0000/1000" as a fine fax gave it,
    and 20 vests at 4,7500 = 95,00 under it."""
    price = [(430, "50,"), (430 + 3 * CHAR + 1.5, "0000/1000")]
    first = [(50, "TUE-M8"), (130, "Tuerca M8"), *qty, (390, "uds"), *price]
    first += [(500, "1"), (500 + CHAR + CELL_SPACE, "250,00")]
    second = (50, "CHA-ALT-VIS"), (130, "Chaleco"), (350, "20"), (390, "uds"), (435, "4,7500"), (505, "95,00")
    return read(order([tuple(first), second], total="1345,00"))


def test_a_quantity_printed_with_a_typewriter_space_between_its_thousands_is_one_number() -> None:
    # "25 000" in a typewriter face: the space is a whole character cell, wider than the figures'
    # ink, and the quantity was read as 25, which at the "50," read of the price adds up to 1 250 as
    # well (as 1 000 at 20 does for 20,0000 per 1 000).  Figures a character cell apart, the second
    # a group of three, are one number: columns stand several cells apart
    qty = [(330, "25"), (330 + 2 * CHAR + CELL_SPACE, "000")]
    got = _dot_matrix(qty)
    assert (got["lines"][0]["quantity"], got["lines"][0]["unit_price"]) == ("25000", "0.05")
