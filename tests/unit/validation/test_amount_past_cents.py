"""A line amount is money printed to the cent. Where a fax turned a currency sign after it into a figure
("33,50£" read "33,508"), a price worked out from that amount or agreeing with it (10 × 3,3508) lies within
the price tolerance of the customer's 3,35 and adds up to the amount read: neither the price check nor the
arithmetic saw anything. Such a price must be confirmed by a person, never flow on as the customer's price."""

from __future__ import annotations

from decimal import Decimal

from core.capture.domain.order import CapturedLine, CapturedOrder, ProblemCode
from core.kernel.domain.model import Product
from validation.rules import check_lines

D = Decimal
PLUG = Product("TAC-6", "Taco de nailon 6 mm (caja 100)", price=D("3.35"))


def _problems(price: str, amount: str, quantity: str = "10") -> set[tuple[ProblemCode, str]]:
    line = CapturedLine(item_code="TAC-6", quantity=D(quantity), unit_price=D(price), amount=D(amount))
    return {(p.code, p.field or "") for p in check_lines(CapturedOrder(lines=(line,)), (PLUG,))}


def test_a_price_agreeing_with_an_amount_read_past_the_cents_is_confirmed_by_a_person() -> None:
    # 10 × 3,3508 = 33,508: the amount read with a figure no amount prints, the price with it
    assert (ProblemCode.LOW_CONFIDENCE, "lines[0].unit_price") in _problems("3.3508", "33.508")


def test_the_customers_own_price_beside_an_amount_to_the_cent_raises_nothing() -> None:
    # 10 × 3,35 = 33,50, as printed: nothing to confirm
    assert _problems("3.35", "33.50") == set()


def test_a_price_past_the_cents_that_an_amount_to_the_cent_tells_apart_is_vouched_for() -> None:
    # 1000 × 3,3508 = 3350,80, an amount printed to the cent that 3,35 would not make: the amount vouches
    # for the figure read (and its difference from 3,35 is within the tolerance)
    assert (ProblemCode.LOW_CONFIDENCE, "lines[0].unit_price") not in _problems("3.3508", "3350.80", "1000")
