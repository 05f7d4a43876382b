"""Normal fax lines whose price OCR read as zeros (faxreg19).  Each test builds its page word by word
(tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import cells, doubted, numbers, page, read

_HEADING = cells(160, (50, "Pos."), (80, "Codice"), (150, "Descrizione"), (330, "Q.tà"), (370, "UM"))
_HEADING += cells(160, (400, "Prezzo"), (455, "Per"), (490, "Importo"))


def _listing(rows: tuple[tuple[str, str, str, str, str, str, str], ...], total: str) -> list[list[Word]]:
    """An Italian listing (position, code, description, quantity, unit, price, its basis, amount) with
    `rows` as OCR read them and the printed `total`."""
    lines = [cells(40, (50, "Ordine N.: 4541791017")), cells(54, (50, "Data: 24/11/2026")), _HEADING]
    y = 160.0
    for pos, code, name, qty, price, per, amount in rows:
        y += 18
        lines.append(cells(y, (50, pos), (80, code), (150, name), (330, qty), (370, "pz")))
        lines[-1] += cells(y, (405, price), (460, per), (495, amount))
    lines.append(cells(y + 28, (440, "Totale"), (495, total)))
    return lines


def test_a_price_read_as_zeros_beside_an_amount_is_worked_out_from_the_amount_and_doubted() -> None:
    # A line that costs 450,00 for 2.500 pieces has no price of zero: the fax lost the figures of
    # "18,000" (per 100) and OCR read "000".  Before, 2.500 × 0 was taken as agreeing with 450,00
    # within the price's rounding, and the line's price came out 0.  The price a piece is 450 / 2.500
    # = 0,18; it is worked out, not read, so a person confirms it.  The other lines read as printed:
    # 36 × 4,200 per 1 = 151,20 and 1.500 × 34,000 per 100 = 510,00
    rows = (
        ("00010", "SIL-TRA-300", "Silicona neutra", "36,00", "4,200", "1", "151,20"),
        ("00020", "TOR-M8-40", "Tornillo hexagonal M8x40", "2.500,00", "000", "100", "450,00"),
        ("00030", "TOR-M10-60", "Tornillo hexagonal M10x60", "1.500,00", "34,000", "100", "510,00"),
    )
    got = read(page(*_listing(rows, "1.111,20")))
    assert numbers(got) == [
        ("SIL-TRA-300", "36", "4.2"),
        ("TOR-M8-40", "2500", "0.18"),
        ("TOR-M10-60", "1500", "0.34"),
    ]
    assert doubted(got, "lines[1].unit_price")


def test_a_bare_figure_in_a_column_printed_with_its_decimals_has_the_lost_mark_put_back_and_doubted() -> None:
    # The price column prints three decimals on every line ("4,500", "3,600", "4,750") and the
    # quantity column two ("4,00", "100,00"). On the second line the fax lost both marks and OCR lost
    # the amount: "10,00" read "1000" and "4,200" read "4200". Nothing on the line checks them, but a
    # column is printed to one format: 10 pieces at 4,20, not 1.000 at 4.200. Before, 1000 × 4200 was
    # taken. The marks are put back, not read, so a person confirms quantity and price
    rows = (
        ("00010", "GUA-NIT-L", "Guantes de nitrilo talla L", "4,00", "8,500", "1", "34,00"),
        ("00020", "SIL-TRA-300", "Silicona neutra", "1000", "4200", "1", "?"),
        ("00030", "GUA-TRA-9", "Guante de trabajo piel", "100,00", "3,600", "1", "360,00"),
        ("00040", "CHA-ALT-VIS", "Chaleco alta visibilidad", "100,00", "4,750", "1", "475,00"),
    )
    got = read(page(*_listing(rows, "911,00")))
    assert numbers(got)[1] == ("SIL-TRA-300", "10", "4.2")
    assert doubted(got, "lines[1].quantity")
    assert doubted(got, "lines[1].unit_price")
