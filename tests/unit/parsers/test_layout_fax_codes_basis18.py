"""Normal fax lines, a code parted after its hyphens under a slashed heading (faxreg18).  Each test
builds its page word by word (tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import CHAR, cells, numbers, page, read, word

_HEADER = [cells(40, (50, "Bestellung Nr.: 049237")), cells(54, (50, "Datum: 24/11/2026"))]


def _heading(y: float) -> list[Word]:
    """ "Pos.  Artikelnummer / Bezeichnung  Menge  Preis  Betrag": one heading over a column holding
    each line's code and then its description; the slash a word of its own whose box a normal fax
    bled 0.4 of a character back into "Artikelnummer"."""
    pos = word("Pos.", 50, y)
    first = word("Artikelnummer", 90, y)
    slash = word("/", first.x1 - 0.4 * CHAR, y - 1, h=9.0)
    second = word("Bezeichnung", slash.x1 + 2, y)
    return [pos, first, slash, second, *cells(y, (350, "Menge"), (420, "Preis"), (490, "Betrag"))]


def _listing(rows: tuple[tuple[str, str, str, str, str, str], ...], total: str) -> list[list[Word]]:
    """The listing with `rows` (position, code and description as OCR read them, quantity, price,
    amount) and the printed `total`."""
    lines = [*_HEADER, _heading(160)]
    y = 160.0
    for pos, item, qty, price, amount in rows:
        y += 18
        lines.append(cells(y, (50, pos), (90, item), (355, qty), (420, price), (490, amount)))
    lines.append(cells(y + 28, (420, "Total"), (490, total)))
    return lines


def test_a_code_ocr_parted_after_its_hyphens_under_a_code_and_description_heading_is_all_its_pieces() -> None:
    # the heading names one column for the code and the description, so the row's first word is the
    # code; OCR read a word space after the code's hyphens ("TOR- M10- 60", "GUA- NIT- L").  No code
    # ends in a hyphen, so the pieces after each hyphen are the code's: TOR-M10-60 and GUA-NIT-L, the
    # products the descriptions name; before, "TOR" and "GUA" were taken (no product) and "M10- 60"
    # went into the description.  A code read whole (BRO-HSS-8) stays as it was, and a description's
    # first word, which follows no hyphen, stays the description's
    rows = (
        ("10", "TOR- M10- 60 HEX BOLT M10X60 ZINC PLATED", "100", "0.34", "34.00"),
        ("20", "GUA- NIT- L NITRILE GLOVES SIZE L", "10", "8.50", "85.00"),
        ("30", "BRO-HSS-8 HSS DRILL BIT 8 MM FOR METAL", "20", "2.45", "49.00"),
    )
    got = read(page(*_listing(rows, "168.00")))
    assert [line["item_code"] for line in got["lines"]] == ["TOR-M10-60", "GUA-NIT-L", "BRO-HSS-8"]
    assert [line["sku"] for line in got["lines"]] == ["TOR-M10-60", "GUA-NIT-L", "BRO-HSS-8"]
    assert [line["description"] for line in got["lines"]] == [
        "HEX BOLT M10X60 ZINC PLATED",
        "NITRILE GLOVES SIZE L",
        "HSS DRILL BIT 8 MM FOR METAL",
    ]


def test_a_column_of_price_bases_whose_heading_ocr_garbled_divides_the_prices_it_stands_beside() -> None:
    # "Prezzo unitario" and "Per" read "PACTIO" and "PCR": neither heads a column, so the arithmetic
    # must say which unheaded column is the price.  The prices are for the number of units the next
    # column prints (1 or 100): 1.500 × 34,000 per 100 = 510,00, 12 × 2,450 per 1 = 29,40, 2.000 ×
    # 5,000 per 100 = 100,00.  So the column of 34,000 is the price, at 0,34 a unit, and the column of
    # 1 and 100 its basis; before, the bases were taken for the prices (12 × 1, no price of 0,34)
    heading = cells(160, (50, "Pos."), (80, "Codice"), (150, "Descrizione"), (330, "Q.tà"), (370, "UM"))
    heading += cells(160, (400, "PACTIO"), (455, "PCR"), (490, "Importo"))
    rows = (
        ("00010", "TOR-M10-60", "Tornillo hexagonal", "1.500", "34,000", "100", "510,00"),
        ("00020", "BRO-HSS-8", "Broca HSS 8 mm", "12", "2,450", "1", "29,40"),
        ("00030", "TUE-M8", "Tuerca hexagonal M8", "2.000", "5,000", "100", "100,00"),
    )
    lines = [cells(40, (50, "Ordine N.: 4541791017")), cells(54, (50, "Data: 24/11/2026")), heading]
    y = 160.0
    for pos, code, name, qty, price, per, amount in rows:
        y += 18
        lines.append(cells(y, (50, pos), (80, code), (150, name), (330, qty), (370, "pz")))
        lines[-1] += cells(y, (405, price), (460, per), (495, amount))
    lines.append(cells(y + 28, (440, "Totale"), (495, "639,40")))
    got = numbers(read(page(*lines)))
    assert got == [("TOR-M10-60", "1500", "0.34"), ("BRO-HSS-8", "12", "2.45"), ("TUE-M8", "2000", "0.05")]
