"""Normal fax lines (faxln21): a quantity column printed to three decimals whose "5,000" the arithmetic
could read as five thousand at a price per 1,000, and an "Item" column of position numbers one of
which a fax spoilt with a speck.  Each test builds its page word by word (tests.unit.parsers.
ocr_support) and states the business rule it checks."""

from __future__ import annotations

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import cells, doubted, numbers, page, read

_TOP = [cells(40, (50, "Commande N°: CF-26/0412")), cells(54, (50, "Date: 24/11/2026"))]


def per_thousand(rows: tuple[tuple[str, str, str, str, str], ...], total: str) -> list[list[Word]]:
    """A French order whose price heading says its prices are for 1,000 units: `rows` (description,
    code, quantity, price, amount) as OCR read them (here the quantities printed to three decimals)."""
    heading = cells(160, (50, "Description"), (200, "Code article"), (300, "Quantité"), (350, "Unité"))
    heading += cells(160, (400, "Prix unitaire (par 1000)"), (520, "Montant"))
    lines = [*_TOP, heading]
    y = 160.0
    for name, code, qty, price, amount in rows:
        y += 18
        lines.append(cells(y, (50, name), (200, code), (300, qty), (350, "pce"), (420, price), (525, amount)))
    lines.append(cells(y + 28, (450, "Total"), (525, total)))
    return lines


def test_a_quantity_read_with_its_columns_decimals_is_not_taken_for_thousands_at_a_priceper_thousand() -> (
    None
):
    # The quantity column prints three decimals with a decimal comma ("2.500,000" is two thousand five
    # hundred), so "5,000" is five units and "40,000" forty.  Under "Prix unitaire (par 1000)" the
    # washers and bolts are priced for a thousand (2.500 x 20,00 / 1000 = 50,00), but 5 x 2,45 = 12,25
    # and 40 x 3,90 = 156,00 are priced for one unit: 5000 at 0,00245 gives the same amount only by
    # reading the comma as a group mark, which the column's own "2.500,000" rules out, and a fax does
    # not lose the three decimals of "5.000,000" with it.  Before, the drill bits were read as 5000
    # at 0,00245 and the plugs as 40000 at 0,0039.  The column's format chose, not arithmetic, so
    # quantity and price are still for a person to confirm.
    rows = (
        ("Flat washer M8", "ARA-M8", "2.500,000", "20,00", "50,00"),
        ("Hex bolt M8x40", "TOR-M8-40", "2.500,000", "180,00", "450,00"),
        ("HSS drill bit 8 mm", "BRO-HSS-8", "5,000", "2,45", "12,25"),
        ("Nylon wall plug 6 mm", "TAC-6", "40,000", "3,90", "156,00"),
    )
    got = read(page(*per_thousand(rows, "668,25")))
    assert numbers(got) == [
        ("ARA-M8", "2500", "0.02"),
        ("TOR-M8-40", "2500", "0.18"),
        ("BRO-HSS-8", "5", "2.45"),
        ("TAC-6", "40", "3.9"),
    ]
    assert doubted(got, "lines[2].quantity") or doubted(got, "lines[2].unit_price")
    assert doubted(got, "lines[3].quantity") or doubted(got, "lines[3].unit_price")
    assert got["decision"] != "accept"


def test_a_quantity_column_printing_no_one_format_leaves_the_line_open() -> None:
    # The same order with its quantities printed bare ("2500", "5000") but for the drill bits'
    # "5,000": the column prints no decimals of its own, so nothing says whether "5,000" is five at
    # 2,45 or five thousand at 2,45 a thousand; the line is left for a person, never settled.
    rows = (
        ("Flat washer M8", "ARA-M8", "2500", "20,00", "50,00"),
        ("Hex bolt M8x40", "TOR-M8-40", "2500", "180,00", "450,00"),
        ("HSS drill bit 8 mm", "BRO-HSS-8", "5,000", "2,45", "12,25"),
    )
    got = read(page(*per_thousand(rows, "512,25")))
    assert got["decision"] != "accept"
    assert doubted(got, "lines[2].quantity") or doubted(got, "lines[2].unit_price")


def _erp(rows: tuple[tuple[str, str, str, str, str, str], ...], total: str) -> list[list[Word]]:
    """An English ERP order whose first column, headed "Item", numbers the rows and whose second, headed
    "Material / Item description", prints each line's code and then its description: `rows`
    (position, code, description, quantity, price, amount) as OCR read them, the description
    wrapped onto the line under its row."""
    heading = cells(160, (40, "Item"), (68, "Material / Item description"), (330, "Quantity"))
    heading += cells(160, (380, "Unit"), (420, "Price"), (500, "Amount"))
    lines = [cells(40, (50, "PO number: PO-2026-4410")), cells(54, (50, "PO date: Nov 24, 2026")), heading]
    y = 160.0
    for pos, code, name, qty, price, amount in rows:
        y += 20
        lines.append(cells(y, (40, pos), (68, code), (335, qty), (380, "EA"), (420, price), (505, amount)))
        lines.append(cells(y + 10, (68, name)))
    lines.append(cells(y + 36, (420, "Total"), (505, total)))
    return lines


def test_an_item_column_of_position_numbers_one_spoilt_by_a_speck_holds_positions_not_codes() -> None:
    # "Item" may head the article codes or the line numbers.  Here its cells count 10, 20, 30, 40, 50
    # by ten, the fourth read "+40" with a speck before it: the rows' numbers, so the codes are the
    # first words under "Material / Item description" (ARA-M8 ... TAC-6).  Before, the one spoilt
    # cell kept the column from counting as a numbering, "10", "20" ... were taken for the codes and
    # no line named its product by code.
    rows = (
        ("10", "ARA-M8", "Flat washer M8 zinc plated", "1,000.00", "$0.02", "$20.00"),
        ("20", "TOR-M8-40", "Hex bolt M8x40 zinc plated", "50.00", "$0.18", "$9.00"),
        ("30", "BRO-HSS-8", "HSS drill bit 8 mm", "36.00", "$2.45", "$88.20"),
        ("+40", "TUE-M8", "Hex nut M8 zinc plated", "100.00", "$0.05", "$5.00"),
        ("50", "TAC-6", "Nylon wall plug 6 mm", "20.00", "$3.90", "$78.00"),
    )
    got = read(page(*_erp(rows, "$200.20")))
    assert [line["item_code"] for line in got["lines"]] == [
        "ARA-M8",
        "TOR-M8-40",
        "BRO-HSS-8",
        "TUE-M8",
        "TAC-6",
    ]
    assert [line["sku"] for line in got["lines"]] == ["ARA-M8", "TOR-M8-40", "BRO-HSS-8", "TUE-M8", "TAC-6"]


def test_an_item_column_of_numbers_that_do_not_count_the_rows_stays_the_codes() -> None:
    # A guard: under "Item" the cells 4711, 4712, 5003 do not count up from the first position (1 or
    # the step), so they are article codes, as printed, not row numbers.
    rows = (
        ("4711", "Hex", "Aluminium blind rivet", "1,000.00", "$0.013", "$13.00"),
        ("4712", "Bolt", "Hex bolt M8x40 zinc plated", "50.00", "$0.18", "$9.00"),
        ("5003", "Drill", "HSS drill bit 8 mm", "36.00", "$2.45", "$88.20"),
    )
    got = read(page(*_erp(rows, "$110.20")))
    assert [line["item_code"] for line in got["lines"]] == ["4711", "4712", "5003"]


def _listing(heading: tuple[tuple[float, str], ...], rows: tuple[tuple[str, ...], ...]) -> list[list[Word]]:
    """A Spanish dot-matrix listing: `heading` and `rows` (position, description, code, quantity,
    price, amount) as OCR read them, the description at 73, the code at 293, the total under them."""
    lines = [
        cells(40, (50, "Nº pedido: PED-26/00123")),
        cells(54, (50, "Fecha: 23/11/2026")),
        cells(160, *heading),
    ]
    y = 160.0
    for pos, name, code, qty, price, amount in rows:
        y += 18
        lines.append(cells(y, (43, pos), (73, name), (293, code), (385, qty), (410, "uds"), (457, price)))
        lines[-1] += cells(y, (538, amount))
    lines.append(cells(y + 28, (440, "TOTAL"), (538, "72,00")))
    return lines


_ROWS = (
    ("1", "TORNILLO HEXAGONAL M8X40", "TOR-M8-40", "100", "0,18", "18,00"),
    ("2", "TUERCA HEXAGONAL M8", "TUE-M8", "200", "0,05", "10,00"),
    ("3", "BROCA HSS 8 MM METAL", "BRO-HSS-8", "10", "2,45", "24,50"),
    ("4", "TACO DE NAILON 6 MM", "TAC-6", "5", "3,90", "19,50"),
)


def test_a_code_heading_over_names_beside_an_unnamed_column_of_codes_leaves_the_codes_there() -> None:
    # The listing prints "ARTÍCULO / DESCRIPCIÓN" over the descriptions and "ARTÍCULO" again over the
    # codes after them; the fax lost the slash, so "ARTÍCULO" named a code column over the first word
    # of each description ("TORNILLO", "TUERCA"), and garbled the second "ARTÍCULO" past reading.
    # A column of names is no code column: the codes stand in the unnamed column left of the
    # quantity whose cells are codes (TOR-M8-40 ... TAC-6), and each line names its product by them.
    # Before, the lines' codes were "TORNILLO", "TUERCA", "BROCA", "TACO" and no product was named.
    heading = ((43, "Pos"), (73, "ARTÍCULO"), (129, "DESCRIPCIÓN"), (293, "Dericuro"), (379, "UDS"))
    heading += ((410, "UM"), (457, "PRECIO"), (523, "SUBTOTAL"))
    got = read(page(*_listing(heading, _ROWS)))
    assert [line["item_code"] for line in got["lines"]] == ["TOR-M8-40", "TUE-M8", "BRO-HSS-8", "TAC-6"]
    assert [line["sku"] for line in got["lines"]] == ["TOR-M8-40", "TUE-M8", "BRO-HSS-8", "TAC-6"]
    assert got["lines"][0]["description"].startswith("TORNILLO")


def test_a_code_heading_over_codes_keeps_them_beside_an_unnamed_column_of_codes() -> None:
    # A guard: the same listing with its codes under "REFERENCIA" at the left and the GTIN-like
    # customer references in the unnamed column: the named column holds codes, so it keeps them.
    rows = tuple((p, code, f"8437000{i}00232", q, pr, a) for i, (p, _, code, q, pr, a) in enumerate(_ROWS))
    heading = ((43, "Pos"), (73, "REFERENCIA"), (293, "Dericuro"), (379, "UDS"), (410, "UM"), (457, "PRECIO"))
    heading += ((523, "SUBTOTAL"),)
    got = read(page(*_listing(heading, rows)))
    assert [line["item_code"] for line in got["lines"]] == ["TOR-M8-40", "TUE-M8", "BRO-HSS-8", "TAC-6"]
