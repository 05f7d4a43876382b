"""Normal fax lines (issue 10, faxcm28): a whole-number quantity column whose group marks the fax turned
into decimal marks is not a column printing decimals.

The business rules:

- a column is printed to one format, so a quantity read without its decimal mark, or a line the
  arithmetic leaves open between two places of the marks, may take the decimals its column prints;
- but a column's print alone does not say it prints decimals: "2,000" and "1,000" under a decimal
  comma are two and one unit with three decimals, or two thousand and one thousand whose group points
  the fax turned into commas.  Only the column's own arithmetic tells: where the lines add up only with
  the comma read as a group mark ("2,000" at 0,05 = 100,00 is 2000), the column counts whole units,
  and its print gives no decimals to put back elsewhere;
- a value the reader chose by a guess stays doubtful: the order waits for a person.

Each test builds its page word by word (tests.unit.parsers.ocr_support).
"""

from __future__ import annotations

from core.capture.domain.layout import PageWords
from tests.unit.parsers.ocr_support import cells, doubted, header_rows, numbers, page, read
from tests.unit.parsers.test_layout_fax_lines21 import per_thousand
from tests.unit.parsers.test_layout_fax_normal11 import HEADING


def _spanish(rows: list[tuple[str, str, str, str]], total: str) -> PageWords:
    """Ferretería Núñez's order with `rows` (code, quantity, price, amount; "" for an amount the fax
    lost) as OCR read them, under a decimal comma."""
    lines = header_rows(currency=False)
    y = 160.0
    lines.append(cells(y, *HEADING))
    for code, qty, price, amount in rows:
        y += 14.0
        placed = [(50, code), (130, "Artículo"), (310, qty), (360, "UD"), (420, price)]
        lines.append(cells(y, *placed, *([(540, amount)] if amount else [])))
    lines.append(cells(y + 28.0, (430, "Total"), (540, total)))
    return page(*lines)


def test_a_bare_quantity_in_a_column_of_whole_units_whose_group_marks_were_turned_stays_as_read() -> None:
    # 2.000 screws at 0,05 = 100,00 and 1.000 at 0,12 = 120,00: the fax turned both group points into
    # commas ("2,000", "1,000"), which read as two and one unit make 0,10 and 0,12, not the amounts:
    # the column counts whole units.  The middle line's 4200 at 0,02 lost its amount; its bare figures
    # are a whole number like its neighbours', not 4,200 (main put a comma back: 4,2 units)
    rows = [
        ("GUA-TRA-9", "2,000", "0,05", "100,00"),
        ("REM-AL-4", "4200", "0,02", ""),
        ("CIN-AIS-19", "1,000", "0,12", "120,00"),
    ]
    got = read(_spanish(rows, "304,00"))
    assert [n[1] for n in numbers(got)] == ["2000", "4200", "1000"]


def test_a_bare_quantity_in_a_column_whose_arithmetic_says_three_decimals_takes_them() -> None:
    # The guard: the same print, but 2,000 at 50,00 = 100,00 and 1,000 at 120,00 = 120,00 add up only
    # with the comma as the decimal mark: the column prints three decimals, so "4200" lost its comma
    # (4,200); the column's format chose it, so a person confirms it
    rows = [
        ("GUA-TRA-9", "2,000", "50,00", "100,00"),
        ("REM-AL-4", "4200", "20,00", ""),
        ("CIN-AIS-19", "1,000", "120,00", "120,00"),
    ]
    got = read(_spanish(rows, "304,00"))
    assert numbers(got)[1][1] == "4.2"
    assert doubted(got, "lines[1].quantity")
    assert got["decision"] != "accept"


def test_lines_open_between_two_places_of_the_marks_are_not_settled_by_a_turned_column() -> None:
    # Washers, bolts, drill bits and plugs sold by the thousand ("Prix unitaire (par 1000)"): 2.000 at
    # 20,00 a thousand = 40,00, and so on, the quantities whole with group points the fax turned into
    # commas.  Each line adds up two ways (2 at 20,00 or 2000 at 0,02 each): nothing on the page
    # settles the column's decimals, so no line may be settled by the others' print (main read every
    # line as units with three decimals, 2 × 20,00, from the commas alone).  Left to the heading's
    # basis they read right, but as a guess: every quantity and price waits for a person
    rows = (
        ("Flat washer M8", "ARA-M8", "2,000", "20,00", "40,00"),
        ("Hex bolt M8x40", "TOR-M8-40", "1,000", "180,00", "180,00"),
        ("HSS drill bit 8 mm", "BRO-HSS-8", "5,000", "2,45", "12,25"),
        ("Nylon wall plug 6 mm", "TAC-6", "40,000", "3,90", "156,00"),
    )
    got = read(page(*per_thousand(rows, "388,25")))
    assert [n[1] for n in numbers(got)] == ["2000", "1000", "5000", "40000"]
    for i in range(4):
        assert doubted(got, f"lines[{i}].quantity") or doubted(got, f"lines[{i}].unit_price")
    assert got["decision"] != "accept"
