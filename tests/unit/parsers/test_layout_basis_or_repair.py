"""A price that adds up as printed, once for one unit under a heading that prices a hundred, is not
"repaired" into another figure that adds up too.  Found on a held-out fax: under "Preis (100 ME)" a
line of 7,25 kg at 3,1500 for 22,84 (priced per kilogram, as a table with a basis heading may price
some lines) was accepted at 3,1506, a zero taken for a six because 7,25 × 3,1506 rounds to 22,84 as
well.  The figures as printed need no digit changed; a changed digit is only ever the explanation of
last resort.  Each test builds its page word by word (tests.unit.parsers.ocr_support)."""

from __future__ import annotations

from core.capture.domain.layout import Word
from tests.unit.parsers.ocr_support import cells, numbers, page, read, word


def _table(price_conf: float) -> list[list[Word]]:
    return [
        cells(40, (50, "Bestellnummer: PO-2026-36707")),
        cells(54, (50, "Datum: 24.11.2026")),
        cells(160, (50, "Beschreibung"), (330, "Menge"), (380, "ME"), (430, "Preis"), (500, "Betrag")),
        cells(170, (430, "(100"), (500, "EUR")),
        cells(180, (430, "ME)")),
        cells(190, (430, "EUR")),
        # 500 at 34,0000 a hundred = 170,00: the heading's basis
        cells(
            204,
            (50, "TOR-M10-60 Tornillo M10x60"),
            (330, "500"),
            (380, "uds"),
            (430, "34,0000"),
            (500, "170,00"),
        ),
        # 7,25 m at 3,1500 a metre = 22,8375, printed 22,84: a line priced per unit
        [
            *cells(218, (50, "CIN-AIS-19 Cinta aislante"), (330, "7,25"), (380, "m")),
            word("3,1500", 430, 218, conf=price_conf),
            *cells(218, (500, "22,84")),
        ],
        cells(246, (430, "Gesamt"), (500, "192,84")),
    ]


def test_a_price_that_adds_up_as_printed_for_one_unit_is_kept_under_a_basis_heading() -> None:
    # read sure: nothing to doubt, and the printed figure must come out as printed
    got = read(page(*_table(0.95)))
    assert numbers(got)[1] == ("CIN-AIS-19", "7.25", "3.15")


def test_a_price_read_unsure_is_not_changed_to_a_digit_that_also_adds_up() -> None:
    # read unsure (OCR said 3,1500 at 0.37): a digit changed (3,1506) adds up as well, so the change
    # has nothing to stand on; the printed reading, which needs no change, is the one kept
    got = read(page(*_table(0.37)))
    assert numbers(got)[1] == ("CIN-AIS-19", "7.25", "3.15")
