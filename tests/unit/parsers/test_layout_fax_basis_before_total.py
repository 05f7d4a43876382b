"""A dot-matrix heading "... PRECIO UNITARIO EUR CANT. PRECIO TOTAL EUR" (issue 10, faxtf25).

The business rules:

- "Cant. precio" names the units a price is for, also where its "precio" runs on into the amount's
  heading ("Cant. precio total EUR" on a typewriter's heading, its words one space apart): the prices
  under "Precio unitario EUR" are read from their own cells and divided by the bases under it.
- A price read from its own cell that is the agreed price vouches for an item code read unsure; a price
  worked out from the amount would not (it says only what the amount says).
- "Precio total" with no "Cant." before it still heads the amount.
"""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.layout import PageWords, Word
from tests.unit.parsers.ocr_support import CHAR, cells, doubted, numbers, page, read

HEADER = ["Nº pedido: 080848", "Fecha: 26/11/2026", "Cliente Nº: C-1001"]

# a typewriter's heading, its words a character's width (a text height) apart, its columns wider
HEADING = [
    (30, "Nº"),
    (55, "REF."),
    (110, "DENOMINACIÓN"),
    (245, "UDS."),
    (285, "UD"),
    (320, "PRECIO"),
    (359, "UNITARIO"),
    (409, "EUR"),
    (437, "CANT."),
    (471, "PRECIO"),
    (513, "TOTAL"),
    (547, "EUR"),
]
# where each of a row's cells starts, or (for the figures) ends: a printer sets figures flush right,
# the price under "EUR" of "PRECIO UNITARIO EUR", the basis under "PRECIO", the amount under "EUR"
LEFT = (30, 55, 110)
RIGHT = (270.0, 300.0, 425.2, 503.4, 563.2)


def _row(y: float, row: tuple[str, ...], code_conf: float) -> list[Word]:
    """One row (position, code, description, quantity, unit, price, basis, amount), its code read at
    `code_conf` and the rest at 0.95."""
    pos, code, description, *figures = row
    right = [(end - CHAR * len(text), text) for end, text in zip(RIGHT, figures, strict=True)]
    return cells(y, (LEFT[0], pos), (LEFT[2], description), *right) + cells(
        y, (LEFT[1], code), conf=code_conf
    )


def _typewriter(rows: list[tuple[str, ...]], total: str) -> PageWords:
    lines = [cells(70 + 14 * i, (40, text)) for i, text in enumerate(HEADER)]
    lines.append(cells(160, *HEADING))
    y = 160.0
    for row in rows:
        y += 14.0
        lines.append(_row(y, row, 0.7 if row[1] == "TUE-M8" else 0.95))
    lines.append(cells(y + 28.0, (430, "TOTAL"), (563.2 - CHAR * len(total), total)))
    return page(*lines)


ROWS = [
    ("001", "TUE-M8", "TUERCA M8", "2500", "uds", "50,00", "1000", "125,00"),
    ("002", "BRO-HSS-8", "BROCA HSS 8 MM", "5", "uds", "2,45", "1", "12,25"),
]


def test_prices_under_precio_unitario_are_read_over_the_bases_under_cant_precio() -> None:
    got = read(_typewriter(ROWS, "137,25"))
    assert numbers(got) == [("TUE-M8", "2500", "0.05"), ("BRO-HSS-8", "5", "2.45")]
    # 50,00 for a thousand, read from its own cell, is the agreed 0,05 a nut: the code read at 0.7
    # is vouched for by it
    assert not doubted(got, "lines[0].item_code")


def test_a_price_for_a_thousand_that_is_not_the_agreed_price_vouches_for_no_code() -> None:
    rows = [(*ROWS[0][:5], "60,00", "1000", "150,00"), ROWS[1]]
    got = read(_typewriter(rows, "162,25"))
    assert got["lines"][0]["unit_price"] == "0.06"
    assert got["decision"] != "accept"
    assert doubted(got, "lines[0].item_code")


def test_precio_total_with_no_cant_before_it_is_still_the_amount() -> None:
    heading = [*HEADING[:5], (320, "PRECIO"), (359, "EUR"), (513, "PRECIO TOTAL EUR")]
    lines = [cells(70 + 14 * i, (40, text)) for i, text in enumerate(HEADER)]
    lines.append(cells(160, *heading))
    y = 160.0
    for row in ROWS:
        y += 14.0
        figures = (row[3], row[4], row[5], row[7])
        ends = (270.0, 300.0, 375.2, 600.0)
        lines.append(
            cells(y, (30, row[0]), (55, row[1]), (110, row[2]))
            + cells(y, *[(end - CHAR * len(text), text) for end, text in zip(ends, figures, strict=True)])
        )
    lines.append(cells(y + 28.0, (430, "TOTAL"), (600 - CHAR * 6, "137,25")))
    got = read(page(*lines))
    # the amounts stay under "Precio total EUR", each the line's own
    assert [(line["quantity"], Decimal(line["amount"])) for line in got["lines"]] == [
        ("2500", Decimal("125")),
        ("5", Decimal("12.25")),
    ]
