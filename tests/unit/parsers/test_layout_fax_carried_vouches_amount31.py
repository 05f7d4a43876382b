"""A line whose price a fax misread by one figure, on a listing that carries its subtotal overleaf: fine
fax sap_listing (tuning), "60 pzas 2,45 € 147,00 €" read with the price "7,45", and "Suma y sigue"
under page 1's rows.

The business rule: a carried-forward subtotal is the sum of the amounts above it.  The line alone
cannot say whether its price or its amount was misread (60 × 7,45 = 447,00 is one figure from 147,00);
the subtotal printed under the page's rows can: the rows add up to it only with 147,00 as printed.  The
amount is then the printed one and the price the one quantity and amount make (147,00 / 60 = 2,45),
one figure from its reading, and doubtful: a price that contradicts its own line is for a person to
confirm.
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import HEADING, STEP, cells, doubted, numbers, order, page, read, row

FIRST = row("TUE-M8", "500", "0,05", "25,00", desc="Tuerca")
DRILL = row("BRO-HSS-8", "60", "7,45", "147,00", desc="Broca")  # 2,45 printed
SILICONE = row("SIL-TRA-300", "10", "4,20", "42,00", desc="Silicona")


def _listing(carried: str | None) -> dict[str, Any]:
    first = order([FIRST, DRILL], total=None)
    lines = [list(first.words)]
    if carried is not None:
        lines.append(cells(160 + 4 * STEP, (380, "Suma y sigue"), (500, carried)))
    second = [cells(100, *HEADING), cells(100 + STEP, *SILICONE), cells(100 + 3 * STEP, (430, "Total"))]
    second[-1] += cells(100 + 3 * STEP, (500, "214,00"))
    return read([page(*lines), page(*second, number=2)])


def test_the_carried_subtotal_says_the_amount_as_printed_and_the_price_is_worked_out() -> None:
    got = _listing(carried="172,00")  # 25,00 + 147,00
    assert numbers(got) == [
        ("TUE-M8", "500", "0.05"),
        ("BRO-HSS-8", "60", "2.45"),
        ("SIL-TRA-300", "10", "4.2"),
    ]
    assert doubted(got, "lines[1].unit_price")


def test_without_a_carried_subtotal_the_line_is_left_as_before() -> None:
    got = _listing(carried=None)
    assert numbers(got)[1] != ("BRO-HSS-8", "60", "2.45")


def test_a_carried_subtotal_that_adds_up_as_read_changes_nothing() -> None:
    got = _listing(carried="472,00")  # 25,00 + 447,00: the page's rows as the line was worked out
    assert numbers(got)[1] == ("BRO-HSS-8", "60", "7.45")
