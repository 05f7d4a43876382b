"""Normal fax lines (faxln24): a table whose quantity heading OCR garbled ("Quantità" read "o ta") and
whose "Pos." heading it garbled too, so neither column is named by its heading.  The rows' positions
(1, 2, 3…) are never the quantity, though on the rows whose quantity happens to equal their position
the arithmetic agrees both ways.  Each test builds its page word by word (tests.unit.parsers.
ocr_support), figures right-aligned as tables print them, and states the business rule it checks."""

from __future__ import annotations

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import CHAR, cells, header_rows, numbers, page, read

QTY, PRICE, AMOUNT = 350.0, 470.0, 548.0  # right edges of the quantity, price and amount columns


def _right(edge: float, text: str) -> tuple[float, str]:
    """A phrase set right-aligned to end at `edge`, as a table prints its figures."""
    return edge - CHAR * len(text) - (len(text.split()) - 1) * 2.8, text


def _table(heading: tuple[str, ...], rows: tuple[tuple[str, ...], ...], total: str) -> list[list[Word]]:
    """Ferretería Núñez's order: a heading of `heading`'s seven words (position, code, description,
    quantity, unit, price, amount), `rows` under it as OCR read them, and the printed `total`."""
    lines = [*header_rows(), cells(160, *zip((40, 60, 130, 310, 370, 420, 500), heading, strict=True))]
    y = 160.0
    for pos, code, desc, qty, unit, price, amount in rows:
        y += 14
        figures = (_right(QTY, qty), (370, unit), _right(PRICE, price), _right(AMOUNT, amount))
        lines.append(cells(y, (40, pos), (60, code), (130, desc), *figures))
    lines.append(cells(y + 28, (420, "Totale"), _right(AMOUNT, total)))
    return lines


# quantities printed with three decimals ("25000,000"), small prices parted by the fax after their
# comma ("€0," "0500"), and three rows whose quantity is their position (2, 3 and 6)
_ROWS = (
    ("1", "TUE-M8", "Tuerca M8", "25000,000", "uds", "€0, 0500", "1250,00"),
    ("2", "BRO-HSS-8", "Broca HSS 8", "2,000", "uds", "€2,4500", "4,90"),
    ("3", "SIL-TRA-300", "Silicona neutra", "3,000", "uds", "€4,2000", "12,60"),
    ("4", "ARA-M8", "Arandela M8", "10000,000", "uds", "€0, 0200", "200,00"),
    ("5", "TOR-M8-40", "Tornillo M8x40", "2000,000", "uds", "€0, 1800", "360,00"),
    ("6", "GUA-NIT-L", "Guantes nitrilo L", "6,000", "cj", "€8,5000", "51,00"),
    ("7", "CIN-AIS-19", "Cinta aislante", "25000,000", "uds", "€0, 3400", "8500,00"),
)
_RIGHT = [
    ("TUE-M8", "25000", "0.05"),
    ("BRO-HSS-8", "2", "2.45"),
    ("SIL-TRA-300", "3", "4.2"),
    ("ARA-M8", "10000", "0.02"),
    ("TOR-M8-40", "2000", "0.18"),
    ("GUA-NIT-L", "6", "8.5"),
    ("CIN-AIS-19", "25000", "0.34"),
]


def test_the_positions_are_never_the_quantity_when_both_headings_are_garbled() -> None:
    # "Pos." read "Pcs" and "Quantità" read "o ta": two columns of figures no heading names.  Where a
    # row orders as many units as its position (2, 3, 6) either column times the price is the amount,
    # but a column counting the rows 1, 2, 3 … 7 at the left numbers them: the quantities are the
    # column beside the descriptions, 25000 nuts at 0,05, not 1.  Before, every line's quantity was
    # its position.
    heading = ("Pcs", "Cadice", "Descriz", "o ta", "UM", "Prezzo", "Importo")
    got = read(page(*_table(heading, _ROWS, "10344,50")))
    assert numbers(got) == _RIGHT


def test_a_column_of_quantities_counting_up_is_still_the_quantity_without_positions() -> None:
    # No position column: quantities that happen to count up 1, 2, 3 (one glove box, two drills, three
    # tubes) under a garbled "o ta" are the quantities; the rule sets aside only a numbering that
    # stands left of another column of figures.
    rows = (
        ("GUA-NIT-L", "Guantes nitrilo L", "1", "cj", "€8,5000", "8,50"),
        ("BRO-HSS-8", "Broca HSS 8", "2", "uds", "€2,4500", "4,90"),
        ("SIL-TRA-300", "Silicona neutra", "3", "uds", "€4,2000", "12,60"),
    )
    heading = ("Cadice", "Descriz", "o ta", "UM", "Prezzo", "Importo")
    lines = [*header_rows(), cells(160, *zip((60, 130, 310, 370, 420, 500), heading, strict=True))]
    y = 160.0
    for code, desc, qty, unit, price, amount in rows:
        y += 14
        figures = (_right(QTY, qty), (370, unit), _right(PRICE, price), _right(AMOUNT, amount))
        lines.append(cells(y, (60, code), (130, desc), *figures))
    lines.append(cells(y + 28, (420, "Totale"), _right(AMOUNT, "26,00")))
    got = read(page(*lines))
    assert numbers(got) == [
        ("GUA-NIT-L", "1", "8.5"),
        ("BRO-HSS-8", "2", "2.45"),
        ("SIL-TRA-300", "3", "4.2"),
    ]


def _listing_page(
    number: int, heading: tuple[str, ...], rows: tuple[tuple[str, ...], ...], end: str
) -> object:
    """One page of a German listing carried over: `heading`'s seven words (position, item code,
    description, quantity, unit, price, amount) over `rows`, and the line `end` ("Übertrag" or
    "Gesamt") with its sum."""
    at = (40, 90, 160, 300, 350, 410, 490)
    lines = [cells(40, (40, "Werkzeughandel Brenner GmbH"), (300, "Bestellnummer: 4500012345"))]
    lines.append(cells(80, *zip(at, heading, strict=True)))
    y = 80.0
    for pos, code, qty, unit, price, amount in rows:
        y += 14
        lines.append(
            cells(y, (40, pos), (90, code), (160, "Teil"), _right(330, qty), (350, unit), _right(450, price))
        )
        lines[-1] += cells(y, _right(AMOUNT, amount))
    lines.append(cells(y + 28, (410, end.split()[0]), _right(AMOUNT, end.split()[1])))
    return page(*lines, number=number)


def test_a_page_carried_over_keeps_the_columns_its_garbled_heading_no_longer_names() -> None:
    # Page 2 repeats page 1's heading, but the fax garbled "Nettopreis" to "e" and "Nettowert" to
    # "Nstt": that heading names the positions, the quantity and the unit where page 1 had them, so it
    # is the same table, and the columns of figures standing where page 1's price and amount stood
    # are that price and amount, though the amounts the fax misread there ("109,80" for 100,80,
    # "26,50" for 25,50) leave no row's arithmetic to show it.  Before, page 2's lines had no price at all.
    first = (
        ("00010", "TUE-M8", "500", "Stück", "0,05", "25,00"),
        ("00020", "BRO-HSS-8", "5", "Stück", "2,45", "12,25"),
    )
    second = (
        ("00030", "SIL-TRA-300", "24", "Stück", "4,20", "109,80"),
        ("00040", "GUA-NIT-L", "3", "KAR", "8,50", "26,50"),
    )
    heading = ("Pos.", "Artikel", "Beschreibung", "Menge", "ME", "Nettopreis", "Nettowert")
    got = read(
        [
            _listing_page(1, heading, first, "Übertrag 37,25"),
            _listing_page(
                2, ("Pos.", "Artikel", "Beschreibung", "Menge", "ME", "e", "Nstt"), second, "Gesamt 173,55"
            ),
        ]
    )
    assert numbers(got) == [
        ("TUE-M8", "500", "0.05"),
        ("BRO-HSS-8", "5", "2.45"),
        ("SIL-TRA-300", "24", "4.2"),
        ("GUA-NIT-L", "3", "8.5"),
    ]


def test_a_new_table_on_the_next_page_takes_nothing_from_the_page_before() -> None:
    # A second page whose heading names only the position and the price ("Pos." and "Preis") and
    # nothing else where page 1's columns stood is no continuation: its unnamed columns are not given
    # page 1's kinds (their figures would then be read as an amount the heading never named).
    from parsers.layout.columns import Unheaded
    from parsers.layout.overleaf import as_before

    before = [(40.0, 70.0, Unheaded("pos", 40, 70)), (300.0, 330.0, Unheaded("qty", 300, 330))]
    before += [(410.0, 450.0, Unheaded("price", 410, 450)), (490.0, 548.0, Unheaded("amount", 490, 548))]
    page2 = [(40.0, 70.0, Unheaded("pos", 40, 70)), (410.0, 450.0, Unheaded("price", 410, 450))]
    page2 += [(490.0, 548.0, Unheaded("other", 490, 548))]
    assert [h.kind for _, _, h in as_before(page2, before)] == ["pos", "price", "other"]
    page2[1:2] = [(300.0, 330.0, Unheaded("qty", 300, 330)), (410.0, 450.0, Unheaded("other", 410, 450))]
    # with the quantity where page 1 had it too, two columns stand in place: the same table, and both
    # unnamed columns of figures take the price and amount that stood there
    assert [h.kind for _, _, h in as_before(page2, before)] == ["pos", "qty", "price", "amount"]
