"""Normal fax lines, a code parted after its hyphens under a slashed heading (faxreg18).  Each test
builds its page word by word (tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import CHAR, cells, page, read, word

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
