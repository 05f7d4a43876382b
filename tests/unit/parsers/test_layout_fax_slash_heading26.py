"""Normal fax lines (faxrow26): a form whose one item column is headed "Artículo / Descripción", the
product's name in it and the code on a "Cód. artículo:" line under the name.  A normal fax's OCR may box
the first heading word far past its ink, over the slash and the next word; the slash still joins the
two words into one heading.  Each test builds its page word by word (tests.unit.parsers.ocr_support)
and states the business rule it checks."""

from __future__ import annotations

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import CHAR, cells, page, read, word

_HEADER = [cells(40, (50, "Nº pedido: 049237")), cells(54, (50, "Fecha: 24/11/2026"))]
# (name, code, quantity, price, amount): each amount is the quantity times the price
_ROWS = (
    ("Broca HSS 8 mm para metal", "BRO-HSS-8", "50", "2.45", "122.50"),
    ("Taco de nailon 6 mm (caja 100)", "TAC-6", "12", "3.90", "46.80"),
    ("Silicona neutra transparente 300 ml", "SIL-TRA-300", "48", "4.20", "201.60"),
)
_TOTAL = "370.90"  # 122.50 + 46.80 + 201.60


def _heading(reach: float) -> list[Word]:
    """ "Nº  Artículo / Descripción  Cant.  Ud.  Precio  Total" at 160, the box OCR gave "Artículo"
    reaching `reach` points past the word's own ink (0: boxed to its ink)."""
    first = word("Artículo", 70, 160)
    slash = word("/", first.x1 + 3, 159, h=9.0)
    second = word("Descripción", slash.x1 + 3, 160)
    first = Word(first.text, first.x0, first.y0, first.x1 + reach, first.y1, first.confidence)
    rest = cells(160, (340, "Cant."), (390, "Ud."), (430, "Precio"), (500, "Total"))
    return [*cells(160, (40, "Nº")), first, slash, second, *rest]


def _form(reach: float) -> list[list[Word]]:
    lines = [*_HEADER, _heading(reach)]
    y = 160.0
    for n, (name, code, qty, price, amount) in enumerate(_ROWS, start=1):
        y += 18
        figures = (345, qty), (390, "uds"), (435, price), (500, amount)
        lines.append(cells(y, (40, f"00{n}"), (70, name), *figures))
        y += 12
        lines.append(cells(y, (70, f"Cód. artículo: {code}")))
    lines.append(cells(y + 28, (430, "Total"), (500, _TOTAL)))
    return lines


def test_a_first_heading_word_boxed_over_the_slash_and_the_next_word_still_heads_one_column() -> None:
    # OCR boxed "Artículo" from its first letter to the end of "Descripción" (its ink and the slash's
    # run together on a normal fax).  The slash still stands between the two heading words, so the
    # heading names one column: the names are descriptions, the codes the labelled ones under them.
    # Before, the slash was dropped as a speck, "Artículo" headed a code column of its own, and the
    # names' first words run together ("Brocahss", "Tacode") were taken for codes naming no product.
    reach = CHAR * len(" / Descripción") + 6
    got = read(page(*_form(reach)))
    codes = [code for _, code, *_ in _ROWS]
    assert [line["item_code"] for line in got["lines"]] == codes
    assert [line["sku"] for line in got["lines"]] == codes
    assert [line["quantity"] for line in got["lines"]] == ["50", "12", "48"]
    assert got["lines"][0]["description"] == "Broca HSS 8 mm para metal"


def test_the_same_form_with_the_heading_boxed_to_its_ink_reads_alike() -> None:
    got = read(page(*_form(0.0)))
    codes = [code for _, code, *_ in _ROWS]
    assert [line["item_code"] for line in got["lines"]] == codes
    assert got["lines"][0]["description"] == "Broca HSS 8 mm para metal"
