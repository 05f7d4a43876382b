"""An amount a fax read without its decimal mark on a line whose quantity it did not read at all: fine
fax sap_listing (tuning), a row printing "3 cajas  8,5000  25,50", read with no quantity and "2550".

The business rule: a line's quantity × price is its amount.  With the quantity lost, the price and the
amount as read give 2550 / 8,50 = 300, and with the amount's mark put back 25,50 / 8,50 = 3: both whole,
so the line alone cannot tell.  A document whose other amounts print their cents says the mark was
printed (a fax loses one mark far more often than a mark and two figures), so the amount is read 25,50
and the quantity 3, both doubtful unless the order's total vouches for them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tests.unit.parsers.ocr_support import cells, doubted, header_rows, numbers, page, read

HEADING = ((50, "Código"), (130, "Descripción"), (290, "Cantidad"), (340, "Ud."), (380, "Precio"))
HEADING += ((500, "Importe"),)


def _row(code: str, qty: str, price: str, amount: str) -> tuple[tuple[float, str], ...]:
    placed = ((50, code), (130, "Artículo"), *(((300, qty),) if qty else ()), (340, "cajas"), (385, price))
    return (*placed, (505, amount))


CHALECO = _row("CHA-ALT-VIS", "24", "4,75", "114,00")
TUERCA = _row("TUE-M8", "500", "0,05", "25,00")


def _order(
    first: tuple[tuple[float, str], ...], others: tuple[Any, ...], total: str | None
) -> dict[str, Any]:
    lines = [*header_rows(), cells(160, *HEADING)]
    for i, placed in enumerate((first, *others)):
        lines.append(cells(174 + 14 * i, *placed))
    if total is not None:
        lines.append(cells(230, (440, "Total"), (505, total)))
    return read(page(*lines))


def test_an_amount_read_without_its_mark_beside_a_lost_quantity_gets_it_back() -> None:
    # 3 × 8,50 = 25,50: the quantity read as no number ("WR"), the amount read "2550"
    first = _row("GUA-NIT-L", "WR", "8,50", "2550")
    got = _order(first, (CHALECO, TUERCA), total="164,50")
    assert [(q, p) for _, q, p in numbers(got)] == [("3", "8.5"), ("24", "4.75"), ("500", "0.05")]
    assert Decimal(got["lines"][0]["amount"]) == Decimal("25.50")
    got = _order(first, (CHALECO, TUERCA), total=None)
    assert numbers(got)[0][1:] == ("3", "8.5")
    assert doubted(got, "lines[0].quantity")  # worked out, the mark put back to fit: nothing vouches


def test_a_document_whose_amounts_print_no_cents_keeps_the_amount_as_read() -> None:
    # whole euros throughout: "2550" is what is printed, so 300 boxes
    first = _row("GUA-NIT-L", "WR", "8,50", "2550")
    others = (_row("CHA-ALT-VIS", "24", "4,75", "114"), _row("TUE-M8", "500", "0,05", "25"))
    got = _order(first, others, total=None)
    assert numbers(got)[0][1:] == ("300", "8.5")


def test_a_quantity_not_whole_with_the_mark_back_keeps_the_amount_as_read() -> None:
    # 2450 / 7,00 = 350 boxes, and 24,50 / 7,00 = 3,5 is no whole number of them: kept as read
    first = _row("GUA-NIT-L", "WR", "7,00", "2450")
    got = _order(first, (CHALECO, TUERCA), total=None)
    assert numbers(got)[0][1:] == ("350", "7")
