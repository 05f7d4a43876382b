"""Fine fax lines, twelfth round (faxfine12).  Each test builds its page word by word
(tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import cells, page, read

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
