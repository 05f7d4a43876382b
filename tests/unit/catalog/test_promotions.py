"""Promotions as the business rule states it: a percentage off the line, a fixed amount off each unit,
or buy N get M free; for everyone, a product, a category, a group or a customer; valid between two dates
inclusive; some only with a code the order quotes; one promotion per line, the one worth most (ties: the
id first in order). Every expected amount is worked out by hand in the case's comment."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pytest

from core.capture.domain.promo_codes import codes_in
from core.catalog.domain.promotions import Buyer, PromoLine, Promotion, apply_promotions

D = Decimal
DAY = date(2026, 12, 10)
CATEGORIES = {"TOR": "TORNILLERIA", "GUA": "EPIS"}


def pct(pid: str, value: str, scope: str = "all", target: str = "", **kw: object) -> Promotion:
    return Promotion(pid, "percent", scope, target, value=D(value), **kw)  # type: ignore[arg-type]


def fixed(pid: str, value: str, currency: str = "EUR", scope: str = "all", target: str = "") -> Promotion:
    return Promotion(pid, "fixed", scope, target, value=D(value), currency=currency)


def buy_get(pid: str, buy: int, get: int, scope: str = "all", target: str = "") -> Promotion:
    return Promotion(pid, "buy_get", scope, target, buy=buy, get=get)


@dataclass(frozen=True)
class Case:
    """`quantity` units of `sku` at `price` a unit, bought by C-1 of group FERRETERIAS on `day` in
    `currency` quoting `codes`: the promotion `winner` takes `amount` off (None: nothing)."""

    name: str
    promotions: list[Promotion]
    quantity: str
    price: str
    winner: str | None
    amount: str | None
    sku: str = "TOR"
    day: date = DAY
    currency: str = "EUR"
    codes: tuple[str, ...] = field(default=())


# fmt: off
CASES = [
    # kinds
    Case("10 % of 250 × 0.18 = 45.00 is 4.50", [pct("P", "10")], "250", "0.18", "P", "4.50"),
    Case("7.5 % of 3 × 9.99 = 29.97 is 2.24775, 2.25", [pct("P", "7.5")], "3", "9.99", "P", "2.25"),
    Case("0.02 off each of 250 units is 5.00", [fixed("F", "0.02")], "250", "0.18", "F", "5.00"),
    Case("a fixed amount never takes more than the line: 10 × 0.18", [fixed("F", "1")], "10", "0.18", "F",
         "1.80"),
    Case("3 for 2 on 7 units: 2 groups of 3, 2 free × 4.20", [buy_get("B", 2, 1)], "7", "4.20", "B", "8.40"),
    Case("3 for 2 on 2 units: nothing free", [buy_get("B", 2, 1)], "2", "4.20", None, None),
    Case("buy 10 get 2 on 24 units: 2 groups, 4 free × 0.50", [buy_get("B", 10, 2)], "24", "0.50", "B",
         "2.00"),
    # scope
    Case("for the product", [pct("P", "10", "product", "TOR")], "10", "1", "P", "1.00"),
    Case("for another product", [pct("P", "10", "product", "GUA")], "10", "1", None, None),
    Case("for the product's category", [pct("P", "10", "category", "TORNILLERIA")], "10", "1", "P", "1.00"),
    Case("for another category", [pct("P", "10", "category", "EPIS")], "10", "1", None, None),
    Case("a product with no category", [pct("P", "10", "category", "TORNILLERIA")], "10", "1", None, None,
         sku="SIL"),
    Case("for the customer's group", [pct("P", "10", "group", "FERRETERIAS")], "10", "1", "P", "1.00"),
    Case("for another group", [pct("P", "10", "group", "GRANDES")], "10", "1", None, None),
    Case("for the customer", [pct("P", "10", "customer", "C-1")], "10", "1", "P", "1.00"),
    Case("for another customer", [pct("P", "10", "customer", "C-2")], "10", "1", None, None),
    # validity, inclusive
    Case("first day", [pct("P", "10", valid_from=DAY)], "10", "1", "P", "1.00"),
    Case("starts tomorrow", [pct("P", "10", valid_from=date(2026, 12, 11))], "10", "1", None, None),
    Case("last day", [pct("P", "10", valid_to=DAY)], "10", "1", "P", "1.00"),
    Case("ended yesterday", [pct("P", "10", valid_to=date(2026, 12, 9))], "10", "1", None, None),
    # codes
    Case("a code not quoted", [pct("P", "10", code="XMAS26")], "10", "1", None, None),
    Case("the code quoted, in any case", [pct("P", "10", code="XMAS26")], "10", "1", "P", "1.00",
         codes=("xmas26",)),
    Case("another code quoted", [pct("P", "10", code="XMAS26")], "10", "1", None, None, codes=("SUMMER",)),
    # currency: a fixed amount in its own currency only; a percentage in any
    Case("a EUR amount on a GBP order", [fixed("F", "0.02")], "10", "1", None, None, currency="GBP"),
    Case("a GBP amount on a GBP order", [fixed("F", "0.02", "GBP")], "10", "1", "F", "0.20", currency="GBP"),
    Case("a percentage on a GBP order", [pct("P", "10")], "10", "1", "P", "1.00", currency="GBP"),
    # one per line: the best for the customer, never stacked
    Case("10 % (1.00) beats 0.05 a unit (0.50)", [fixed("F", "0.05"), pct("P", "10")], "10", "1", "P",
         "1.00"),
    Case("3 for 2 (1 free, 1.00) beats 5 % (0.15)", [pct("P", "5"), buy_get("B", 2, 1)], "3", "1", "B",
         "1.00"),
    Case("a tie (1.00 each): the id first in order", [pct("Z", "10"), fixed("A", "0.10")], "10", "1", "A",
         "1.00"),
    Case("an expired better one does not count", [pct("P", "50", valid_to=date(2026, 1, 1)),
         pct("Q", "5")], "10", "1", "Q", "0.50"),
]
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_promotion(case: Case) -> None:
    buyer = Buyer("C-1", "FERRETERIAS", case.day, case.currency, case.codes)
    line = PromoLine(case.sku, D(case.quantity), D(case.price))
    (found,) = apply_promotions([line], case.promotions, buyer, CATEGORIES)
    if case.winner is None:
        assert found is None
    else:
        assert found is not None
        assert (found.promotion_id, found.amount) == (case.winner, D(case.amount or "0"))


def test_each_line_gets_its_own_promotion_and_an_unpriced_line_none() -> None:
    promotions = [pct("TOR10", "10", "product", "TOR"), buy_get("GUA3X2", 2, 1, "product", "GUA")]
    lines = [
        PromoLine("TOR", D(100), D("0.18")),
        PromoLine("GUA", D(6), D("0.09")),
        PromoLine(None, D(1), D(1)),
    ]
    lines.append(PromoLine("TOR", D(5), None))
    found = apply_promotions(lines, promotions, Buyer("C-1", None, DAY, "EUR"), CATEGORIES)
    # 100 × 0.18 = 18.00, 10 % is 1.80; 6 gloves are 2 groups of 3, 2 free × 0.09 = 0.18
    assert [(f.promotion_id, f.amount) if f else None for f in found] == [
        ("TOR10", D("1.80")),
        ("GUA3X2", D("0.18")),
        None,
        None,
    ]
    assert found[0] is not None and found[0].percent == D(10)
    assert found[1] is not None and found[1].free_units == D(2)


def test_a_promotion_says_what_it_is() -> None:
    assert (
        pct("NAVIDAD10", "10", description="Navidad").describe() == "promotion NAVIDAD10 (Navidad): 10 % off"
    )
    assert fixed("F", "0.020").describe() == "promotion F: 0.02 EUR off each unit"
    assert buy_get("G", 2, 1).describe() == "promotion G: buy 2 get 1 free"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Aplíquese el código promocional: XMAS26, gracias", ("XMAS26",)),
        ("Código de promoción «NAVIDAD10»", ("NAVIDAD10",)),
        ("codigo promocional navidad10", ("NAVIDAD10",)),  # no accent, lower case, with a digit
        ("Please apply promo code XMAS26.", ("XMAS26",)),
        ("Promotion code: SPRING-5 and coupon WELCOME", ("SPRING-5", "WELCOME")),
        ("The promo code is XMAS26", ("XMAS26",)),
        ("see the promo code below", ()),  # a word, not a code
        ("Pedido 4711, 250 tornillos", ()),
        ("promo code XMAS26 ... promo code xmas26", ("XMAS26",)),  # once
    ],
)
def test_codes_quoted_in_text(text: str, codes: tuple[str, ...]) -> None:
    assert codes_in(text) == codes
