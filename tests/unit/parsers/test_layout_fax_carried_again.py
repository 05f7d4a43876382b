"""A carried-forward subtotal checked again once a scan's number cells were read again: normal fax
sap_listing (tuning), a line "1 pezzi 8,50 € 8.550€" first taken as 8550, beside "Übertrag 4363,73" the
lines made only with 8,50, a cell the number re-read then read "8,50€".

The business rule: a carried-forward subtotal is the sum of the amounts above it. A problem saying the
lines do not make it is about the lines as they stand; once every subtotal printed is, to the cent, the
sum of the lines before its page or up to it, nothing is left for that problem to say, and the order
carries it no longer. Where a subtotal is still not met, or a line's share is unknown (no amount, and
no quantity and price to make one), the problem stays. A text PDF is read once and is never checked
again.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from core.capture.domain.order import CapturedOrder
from parsers.layout import extract_orders
from parsers.layout.carried_again import CARRIED_OFF, CarriedSums, added_up_again
from tests.unit.parsers.ocr_support import HEADING, STEP, cells, order, page, row

BOLTS = row("TOR-M8-40", "100", "0,18", "18,00", desc="Tornillo")
GLOVES = row("GUA-NIT-L", "1", "8,50", "8.550", desc="Guantes")  # 8,50 printed, the comma read a point
SILICONE = row("SIL-TRA-300", "10", "4,20", "42,00", desc="Silicona")
CARRIED = "26,50"  # 18,00 + 8,50: the subtotal printed under page 1's rows


def _listing(source: str = "ocr") -> list:
    first = order([BOLTS, GLOVES], total=None)
    lines = [list(first.words), cells(160 + 4 * STEP, (380, "Suma y sigue"), (500, CARRIED))]
    second = [cells(100, *HEADING), cells(100 + STEP, *SILICONE)]
    second.append(cells(100 + 3 * STEP, (430, "Total"), (500, "68,50")))
    return [replace(p, source=source) for p in (page(*lines), page(*second, number=2))]


def _carried_held(o: CapturedOrder) -> bool:
    return any(p.message.startswith(CARRIED_OFF) for p in o.problems)


def _gloves_read_again(o: CapturedOrder, price: str, amount: str | None) -> CapturedOrder:
    """The order as a reading of the gloves' number cells again would leave it."""
    mended = replace(
        o.lines[1], unit_price=Decimal(price), amount=Decimal(amount) if amount is not None else None
    )
    return replace(o, lines=(o.lines[0], mended, o.lines[2]))


def test_a_scan_whose_subtotal_is_not_met_offers_it_to_be_checked_again() -> None:
    found = extract_orders(_listing())
    assert _carried_held(found.orders[0])
    assert found.carried == (CarriedSums(0, (1, 1, 2), ((1, (Decimal("26.50"),)),)),)


def test_the_amount_read_again_meets_the_subtotal_and_the_problem_goes() -> None:
    found = extract_orders(_listing())
    again = _gloves_read_again(found.orders[0], "8.50", "8.50")  # 18,00 + 8,50 = 26,50
    (checked,) = added_up_again([again], found.carried)
    assert not _carried_held(checked)
    assert checked.lines == again.lines  # nothing read is changed, only the problem dropped


def test_an_amount_read_again_that_still_misses_keeps_the_problem() -> None:
    found = extract_orders(_listing())
    again = _gloves_read_again(found.orders[0], "8.50", "8.55")  # 26,55: five cents off the subtotal
    (checked,) = added_up_again([again], found.carried)
    assert _carried_held(checked)
    assert checked.problems == again.problems


def test_a_line_whose_share_is_unknown_keeps_the_problem() -> None:
    found = extract_orders(_listing())
    again = _gloves_read_again(found.orders[0], "8.50", None)
    lost = replace(again.lines[1], unit_price=None)
    again = replace(again, lines=(again.lines[0], lost, again.lines[2]))
    (checked,) = added_up_again([again], found.carried)
    assert _carried_held(checked)


def test_a_text_pdf_is_never_offered_a_second_check() -> None:
    # guard: the text layer reads once; its problem stays as it was on main
    found = extract_orders(_listing(source="text"))
    assert found.carried == ()
