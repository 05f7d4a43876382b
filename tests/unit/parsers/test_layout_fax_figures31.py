"""One figure of a line a normal fax misread, and the line's own arithmetic: dotmatrix (tuning),
"12.500 2.7L 33.88" for 12,5 × 2,71 = 33,88; and a quantity read "8" beside 3,40 = 17,00.

The business rule: a line's quantity × price is its amount.  A price the fax left unreadable is worked
out from the quantity and the amount at the places a price is printed to (12,5 × 2,71 = 33,875, the
amount 33,88 to the cent), not as the amount over the quantity (2,7104), when exactly one price at those
places makes the amount; still doubtful, nothing read vouches for it.  A figure read plainly that the
other two contradict, in a figure no confusion of the fax's explains ("8" where 5 would fit), is left as
read for a person: the other two may be the ones misread.  (Taking a 4 for a squashed 1, or a 2 for a 3,
on the other two figures' word was tried and withdrawn: at a held-out seed it replaced a price read
right, 3,40, by 3,10 worked out from an amount the fax had misread.)
"""

from __future__ import annotations

from typing import Any

from tests.unit.parsers.ocr_support import doubted, numbers, order, read

HEADING = ((50, "Código"), (130, "Descripción"), (290, "Cantidad"), (340, "Ud."), (380, "Precio"))
HEADING += ((500, "Importe"),)


def _row(code: str, qty: str, price: str, amount: str) -> tuple[tuple[float, str], ...]:
    return (50, code), (130, "Artículo"), (300, qty), (340, "uds"), (385, price), (505, amount)


CHALECO = _row("CHA-ALT-VIS", "24", "4,75€", "114,00€")
TUERCA = _row("TUE-M8", "500", "0,05€", "25,00€")


def _order(first: tuple[tuple[float, str], ...], total: str | None) -> dict[str, Any]:
    return read(order([first, CHALECO, TUERCA], total=total, heading=HEADING, total_label=440, total_at=505))


def test_a_figure_no_fax_squashes_into_the_print_is_not_worked_out() -> None:
    # "80" for 50 is no slip: 5 × 3,40 = 17,00 beside a quantity read "8" stays for a person
    first = _row("TOR-M10-60", "8", "3,40€", "17,00€")
    got = _order(first, total=None)
    assert numbers(got)[0][1:] != ("5", "3.4")
    assert doubted(got, "lines[0].quantity")


def test_an_unreadable_price_is_worked_out_at_the_places_a_price_is_printed_to() -> None:
    # 12,5 × 2,71 = 33,875, printed 33,88; the price read "2,7L"
    first = _row("ALA-GAL-2", "12,500", "2,7L", "33,88€")
    got = _order(first, total=None)
    assert numbers(got)[0][1:] == ("12.5", "2.71")
    assert doubted(got, "lines[0].unit_price")
