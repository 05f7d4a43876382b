"""Normal fax lines, fifteenth round (faxnorm15).  Each test builds its page word by word
(tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import CHAR, cells, page, read, word

_HEADER = [cells(40, (50, "Nº pedido: 049237")), cells(54, (50, "Fecha: 24/11/2026"))]
_ROWS = (
    ("Broca HSS 8 mm para metal", "BRO-HSS-8", "50", "2.45", "122.50"),
    ("Taco de nailon 6 mm (caja 100)", "TAC-6", "12", "3.90", "46.80"),
    ("Silicona neutra transparente 300 ml", "SIL-TRA-300", "48", "4.20", "201.60"),
)


def _slashed_heading(y: float, overlap: float) -> list[Word]:
    """ "Artículo / Descripción" over one column, the slash read as a word of its own whose box
    reaches `overlap` points back into the box of "Artículo" (a normal fax's ink run together)."""
    first = word("Artículo", 50, y)
    slash = word("/", first.x1 - overlap, y - 1, h=9.0)
    second = word("Descripción", slash.x1 + 2, y)
    rest = cells(y, (340, "Cant."), (390, "Ud."), (430, "Precio"), (500, "Total"))
    return [first, slash, second, *rest]


def _coded_below(overlap: float) -> list[list[Word]]:
    """A form whose "Artículo / Descripción" column holds each product's name, its code on a
    "Cód. artículo:" line under it, then quantity, unit, price and amount."""
    return _labelled_below(_slashed_heading(160, overlap), "Cód. artículo:", _ROWS, "370.90")


def _labelled_below(
    heading: list[Word], label: str, rows: tuple[tuple[str, str, str, str, str], ...], total: str
) -> list[list[Word]]:
    """The header, `heading` at 160, then each row (name, code words, quantity, price, amount) as its
    name and figures with its code on a `label` line under it, and the order's `total`."""
    lines = [*_HEADER, heading]
    y = 160.0
    for name, code, qty, price, amount in rows:
        y += 18
        lines.append(cells(y, (50, name), (345, qty), (390, "uds"), (435, price), (500, amount)))
        y += 12
        lines.append(cells(y, (50, f"{label} {code}")))
    lines.append(cells(y + 28, (430, "Total"), (500, total)))
    return lines


def test_a_heading_slash_whose_box_overlaps_the_word_before_it_keeps_one_column() -> None:
    # a normal fax bled the slash into "Artículo": its box starts inside the word's.  It still
    # stands between the two heading words, so the heading names one column of names whose codes
    # are the labelled ones under them; dropped as a speck, the names' first words ("Broca", "Taco
    # de") were taken for codes that name no product
    got = read(page(*_coded_below(overlap=0.4 * CHAR)))
    assert [line["item_code"] for line in got["lines"]] == ["BRO-HSS-8", "TAC-6", "SIL-TRA-300"]
    assert [line["sku"] for line in got["lines"]] == ["BRO-HSS-8", "TAC-6", "SIL-TRA-300"]
    assert got["lines"][0]["description"] == "Broca HSS 8 mm para metal"


def _form(rows: tuple[tuple[str, str, str, str, str], ...]) -> list[list[Word]]:
    """A form with one "Descripción" column of names, each name's code on a "Ref.:" line under it as
    OCR read it (`rows`: name, code words, quantity, price, amount)."""
    columns = (50, "Descripción"), (340, "Cant."), (390, "Ud."), (430, "Precio"), (500, "Total")
    return _labelled_below(cells(160, *columns), "Ref.:", rows, "245.80")


def test_a_labelled_code_ocr_parted_after_its_hyphens_or_inside_its_figures_names_its_product() -> None:
    # OCR read a word space after a code's hyphens ("SIL- TRA 300", "GUA- NIT- L") and inside an EAN-13
    # ("84370001 00157"): the code goes on past a hyphen (no code ends in one), so the pieces a word
    # space apart are the code's, run together they name the product the line's name names; before,
    # only "SIL" and "GUA" were tried (no product), and "8437000100157" joined was left out of its
    # own readings
    rows = (
        ("Silicona neutra transparente 300 ml", "SIL- TRA 300", "12", "4.20", "50.40"),
        ("Guantes de nitrilo talla L (caja 100)", "GUA- NIT- L", "10", "8.50", "85.00"),
        ("Broca HSS 8 mm para metal", "84370001 00157", "45", "2.45", "110.40"),
    )
    got = read(page(*_form(rows)))
    assert [line["sku"] for line in got["lines"]] == ["SIL-TRA-300", "GUA-NIT-L", "BRO-HSS-8"]
