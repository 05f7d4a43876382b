"""Normal fax listings with a position column and a price-basis column (faxpos20): a position whose
figures OCR read as letters, and a "Per" figure whose zeros it read as letters.  Each test builds its
page word by word (tests.unit.parsers.ocr_support) and states the business rule it checks."""

from __future__ import annotations

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import cells, doubted, numbers, page, read

_TOP = [cells(40, (50, "Ordine N.: 4541791017")), cells(54, (50, "Data: 24/11/2026"))]


def _listing(
    heading: list[Word],
    rows: tuple[tuple[str, str, str, str, str, str, str], ...],
    total: str,
    *,
    code_with_description: bool,
) -> list[list[Word]]:
    """The page's order number and date, `heading`, then `rows` (position, code, description, quantity,
    price, basis, amount) as OCR read them, the unit "pz" on each, and the printed `total` under them.
    With `code_with_description` the code and the description share one cell at x=86 (as SAP prints
    "Codice articolo / Descrizione"); otherwise the code stands at x=80 and the description at x=150."""
    lines = [*_TOP, heading]
    y = 160.0
    for pos, code, name, qty, price, per, amount in rows:
        y += 18
        named = ((86, f"{code} {name}"),) if code_with_description else ((80, code), (150, name))
        lines.append(cells(y, (50, pos), *named, (330, qty), (370, "pz")))
        lines[-1] += cells(y, (405, price), (460, per), (495, amount))
    lines.append(cells(y + 28, (440, "Totale"), (495, total)))
    return lines


def _code_and_description(rows: tuple[tuple[str, str, str, str, str, str, str], ...]) -> list[list[Word]]:
    """An SAP-style listing whose second column holds each line's code and then its description
    ("Codice articolo / Descrizione"), the total printed under them."""
    heading = cells(160, (50, "POS."), (86, "CODICE ARTICOLO / DESCRIZIONE"), (330, "Q.TÀ"), (370, "UM"))
    heading += cells(160, (400, "PREZZO"), (455, "PER"), (490, "IMPORTO"))
    return _listing(heading, rows, "1.099,40", code_with_description=True)


# an SAP listing numbering its rows 00010, 00020, 00030...: the fourth row's "00040" read "Q004C"
_FOURTH_GARBLED = (
    ("00010", "TOR-M8-40", "Tornillo hexagonal M8x40", "2.500,00", "18,000", "100", "450,00"),
    ("00020", "BRO-HSS-8", "Broca HSS 8 mm", "24,00", "2,450", "1", "58,80"),
    ("00030", "GUA-TRA-9", "Guante de trabajo piel", "100,00", "3,600", "1", "360,00"),
    ("Q004C", "TUE-M8", "Tuerca hexagonal M8", "1.000,00", "5,000", "100", "50,00"),
    ("00050", "CHA-ALT-VIS", "Chaleco alta visibilidad", "12,00", "4,750", "1", "57,00"),
    ("00060", "SIL-TRA-300", "Silicona neutra", "30,00", "4,120", "1", "123,60"),
)


def test_a_position_whose_figures_ocr_read_as_letters_stays_the_position_and_the_code_is_the_rows_own() -> (
    None
):
    # The listing numbers its rows 00010, 00020, 00030...: the fourth row's "00040" read "Q004C".
    # The positions count up by ten on every other row, so that cell is the fourth position, garbled,
    # never an article code; the row's code is the one printed at the head of its description,
    # TUE-M8.  Before, "Q004C" was taken for the code (no such product) and "TUE-M8" went into the
    # description
    got = read(page(*_code_and_description(_FOURTH_GARBLED)))
    assert [line["item_code"] for line in got["lines"]] == [
        "TOR-M8-40",
        "BRO-HSS-8",
        "GUA-TRA-9",
        "TUE-M8",
        "CHA-ALT-VIS",
        "SIL-TRA-300",
    ]
    assert got["lines"][3]["sku"] == "TUE-M8"
    assert got["lines"][3]["description"] == "Tuerca hexagonal M8"


def test_a_position_column_whose_heading_ocr_lost_is_still_the_positions_with_one_cell_garbled() -> None:
    # The same listing with its "POS." heading read "R0S.", a word no heading vocabulary has.  The
    # column at the left still counts 00010, 00020, 00030 ... by ten on every row but one, whose
    # "00040" read "Q004C": a column of the rows' numbers, so that cell is the fourth position and
    # the row's code is TUE-M8, printed at the head of its description.  Before, one cell that was
    # no number kept the column from being taken for the positions
    lines = _code_and_description(_FOURTH_GARBLED)
    lines[2] = [cells(160, (50, "R0S."))[0], *lines[2][1:]]
    got = read(page(*lines))
    assert [line["item_code"] for line in got["lines"]][3] == "TUE-M8"
    assert got["lines"][3]["sku"] == "TUE-M8"


def test_a_code_standing_alone_in_a_position_column_is_still_the_code() -> None:
    # A listing whose code heading OCR lost prints each row's code after its position ("00010
    # TOR-M8-40"); on the third row the position was lost and the code "TAC-6" stands there alone.
    # A code is no garbled position: none of its characters are the figures of 00030 where they
    # stand, so it is still the row's code
    heading = cells(160, (50, "Pos."), (150, "Descripción"), (330, "Cantidad"), (430, "Precio"))
    heading += cells(160, (500, "Importe"))
    rows = (
        ("00010 TOR-M8-40", "Tornillo hexagonal", "100", "0,18", "18,00"),
        ("00020 BRO-HSS-8", "Broca HSS 8 mm", "10", "2,45", "24,50"),
        ("TAC-6", "Taco de nailon", "5", "3,90", "19,50"),
        ("00040 TUE-M8", "Tuerca hexagonal", "200", "0,05", "10,00"),
    )
    lines = [*_TOP, heading]
    y = 160.0
    for first, name, qty, price, amount in rows:
        y += 18
        lines.append(cells(y, (50, first), (150, name), (340, qty), (435, price), (505, amount)))
    lines.append(cells(y + 28, (440, "Total"), (505, "72,00")))
    got = read(page(*lines))
    assert [line["item_code"] for line in got["lines"]] == ["TOR-M8-40", "BRO-HSS-8", "TAC-6", "TUE-M8"]


def _priced(
    rows: tuple[tuple[str, str, str, str, str, str, str], ...], price: str, per: str, total: str
) -> list[list[Word]]:
    """An Italian listing (position, code, description, quantity, unit, price, its basis, amount)
    with `rows` as OCR read them, its price and basis headings read as `price` and `per`, and the
    printed `total`."""
    heading = cells(160, (50, "Pos."), (80, "Codice"), (150, "Descrizione"), (330, "Q.tà"), (370, "UM"))
    heading += cells(160, (400, price), (455, per), (490, "Importo"))
    return _listing(heading, rows, total, code_with_description=False)


def test_a_basis_column_whose_zeros_ocr_read_as_letters_divides_the_prices_where_the_amounts_agree() -> None:
    # "Prezzo unitario" and "Per" read "PACTIO" and "PCR", so the arithmetic must say which column is
    # the price; the basis column prints 1, 100, 100, 1, two of its hundreds read "1O0" and "l00".  A
    # basis prints only ones and zeros, so those are a hundred: 1.500 × 34,000 per 100 = 510,00 and
    # 2.000 × 5,000 per 100 = 100,00.  Before, the cells were no basis, the column of them was taken
    # for the prices (1, 100, 0,1, 1) and the real prices were lost
    rows = (
        ("00010", "SIL-TRA-300", "Silicona neutra", "36,00", "4,200", "1", "151,20"),
        ("00020", "TOR-M10-60", "Tornillo hexagonal", "1.500,00", "34,000", "1O0", "510,00"),
        ("00030", "TUE-M8", "Tuerca hexagonal M8", "2.000,00", "5,000", "l00", "100,00"),
        ("00040", "BRO-HSS-8", "Broca HSS 8 mm", "12,00", "2,450", "1", "29,40"),
    )
    got = read(page(*_priced(rows, "PACTIO", "PCR", "790,60")))
    assert numbers(got) == [
        ("SIL-TRA-300", "36", "4.2"),
        ("TOR-M10-60", "1500", "0.34"),
        ("TUE-M8", "2000", "0.05"),
        ("BRO-HSS-8", "12", "2.45"),
    ]


def test_a_basis_read_as_letters_is_a_hundred_only_where_the_amount_says_so() -> None:
    # Two lines print "1O0" beside their price.  On the first the amount was lost: nothing says
    # whether 34,000 is for a hundred units or for one, so the price is not divided on a guess, and
    # a person confirms it.  On the second 12 × 2,450 = 29,40 for one unit (12 × 0,0245 would be
    # 0,29): the amount says the price is for one, and it stays 2,45
    rows = (
        ("00010", "SIL-TRA-300", "Silicona neutra", "36,00", "4,200", "1", "151,20"),
        ("00020", "TOR-M10-60", "Tornillo hexagonal", "1.500,00", "34,000", "1O0", "?"),
        ("00030", "TUE-M8", "Tuerca hexagonal M8", "2.000,00", "5,000", "100", "100,00"),
        ("00040", "BRO-HSS-8", "Broca HSS 8 mm", "12,00", "2,450", "1O0", "29,40"),
    )
    got = read(page(*_priced(rows, "Prezzo", "Per", "790,60")))
    assert numbers(got)[1] == ("TOR-M10-60", "1500", "34")
    assert doubted(got, "lines[1].unit_price")
    assert numbers(got)[3] == ("BRO-HSS-8", "12", "2.45")


def test_a_column_of_ones_whose_per_heading_ocr_garbled_says_each_price_is_for_one_unit() -> None:
    # "Per" read "PCR" over a page whose prices are each for one unit: the column prints 1 on every
    # row (the third one read "l", a one as OCR may read it; a basis prints no letter).  That line's
    # quantity "7,25" kg lost its comma ("725"): 725 × 3,150 is no 22,84, and 725 × 3,150 per 100
    # would be, but the line prints its price for one unit, so it is 7,25 kg at 3,15 (22,8375, printed
    # 22,84).  Before, the column of ones was nothing, and the price was taken as for a hundred
    # units: 725 at 0,0315
    rows = (
        ("00010", "SIL-TRA-300", "Silicona neutra", "36,00", "4,200", "1", "151,20"),
        ("00020", "BRO-HSS-8", "Broca HSS 8 mm", "12,00", "2,450", "1", "29,40"),
        ("00030", "ALA-GAL-2", "Alambre galvanizado", "725", "3,150", "l", "22,84"),
        ("00040", "GUA-NIT-L", "Guantes de nitrilo", "4,00", "8,500", "1", "34,00"),
    )
    got = read(page(*_priced(rows, "Prezzo", "PCR", "237,44")))
    assert numbers(got)[2][1:] == ("7.25", "3.15")
