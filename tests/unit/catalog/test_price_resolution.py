"""Price resolution as the business rule states it: agreement, then the customer's list, then its
group's list, then the base list; the best quantity break; valid on the order date; in the order's
currency. Every expected price below is written out from that rule, not taken from the code."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from core.catalog.domain.pricing import PriceLevel, PriceRow, list_row, resolve_price
from core.kernel.domain.model import Product

D = Decimal
A, CL, GL, B = PriceLevel.AGREEMENT, PriceLevel.CUSTOMER_LIST, PriceLevel.GROUP_LIST, PriceLevel.BASE
DAY = date(2026, 12, 3)


def row(level: str, party: str, price: str, **kw: object) -> PriceRow:
    sku = str(kw.pop("sku", "TOR-M8-40"))
    currency = str(kw.pop("currency", "EUR"))
    return PriceRow(level, party, sku, D(price), currency, **kw)  # type: ignore[arg-type]


BASE = row(B, "", "0.18")
GROUP = row(GL, "FERRETERIAS", "0.17")
CLIST = row(CL, "C-1001", "0.165")
AGREED = row(A, "C-1001", "0.16")

# (name, rows, customer, group, quantity, day, currency, expected price, expected level)
CASES = [
    ("base list alone", [BASE], "C-1001", None, "10", DAY, "EUR", "0.18", B),
    ("group list beats base", [BASE, GROUP], "C-1001", "FERRETERIAS", "10", DAY, "EUR", "0.17", GL),
    ("another group's list is not ours", [BASE, GROUP], "C-1001", "GRANDES", "10", DAY, "EUR", "0.18", B),
    ("no group: group lists are skipped", [BASE, GROUP], "C-1001", None, "10", DAY, "EUR", "0.18", B),
    (
        "customer list beats group",
        [BASE, GROUP, CLIST],
        "C-1001",
        "FERRETERIAS",
        "10",
        DAY,
        "EUR",
        "0.165",
        CL,
    ),
    (
        "agreement beats every list",
        [BASE, GROUP, CLIST, AGREED],
        "C-1001",
        "FERRETERIAS",
        "10",
        DAY,
        "EUR",
        "0.16",
        A,
    ),
    ("another customer's agreement is not ours", [BASE, AGREED], "C-1002", None, "10", DAY, "EUR", "0.18", B),
    ("unknown customer pays the base list", [BASE, AGREED, CLIST], None, None, "10", DAY, "EUR", "0.18", B),
    # quantity breaks: the highest min_quantity the quantity reaches
    (
        "below the break",
        [BASE, row(B, "", "0.15", min_quantity=D(100))],
        None,
        None,
        "99",
        DAY,
        "EUR",
        "0.18",
        B,
    ),
    (
        "exactly at the break",
        [BASE, row(B, "", "0.15", min_quantity=D(100))],
        None,
        None,
        "100",
        DAY,
        "EUR",
        "0.15",
        B,
    ),
    (
        "the highest break reached",
        [BASE, row(B, "", "0.15", min_quantity=D(100)), row(B, "", "0.12", min_quantity=D(1000))],
        None,
        None,
        "5000",
        DAY,
        "EUR",
        "0.12",
        B,
    ),
    (
        "the level wins over a better break below it",
        [row(B, "", "0.10", min_quantity=D(100)), AGREED],
        "C-1001",
        None,
        "500",
        DAY,
        "EUR",
        "0.16",
        A,
    ),
    (
        "an agreement whose break is not reached falls through",
        [BASE, row(A, "C-1001", "0.14", min_quantity=D(50))],
        "C-1001",
        None,
        "20",
        DAY,
        "EUR",
        "0.18",
        B,
    ),
    # validity: inclusive on both ends, blank open
    (
        "valid from the order date",
        [BASE, row(A, "C-1001", "0.16", valid_from=DAY)],
        "C-1001",
        None,
        "1",
        DAY,
        "EUR",
        "0.16",
        A,
    ),
    (
        "valid from the day after",
        [BASE, row(A, "C-1001", "0.16", valid_from=date(2026, 12, 4))],
        "C-1001",
        None,
        "1",
        DAY,
        "EUR",
        "0.18",
        B,
    ),
    (
        "valid to the order date",
        [BASE, row(A, "C-1001", "0.16", valid_to=DAY)],
        "C-1001",
        None,
        "1",
        DAY,
        "EUR",
        "0.16",
        A,
    ),
    (
        "expired the day before",
        [BASE, row(A, "C-1001", "0.16", valid_to=date(2026, 12, 2))],
        "C-1001",
        None,
        "1",
        DAY,
        "EUR",
        "0.18",
        B,
    ),
    (
        "a one-day price on its day",
        [BASE, row(A, "C-1001", "0.11", valid_from=DAY, valid_to=DAY)],
        "C-1001",
        None,
        "1",
        DAY,
        "EUR",
        "0.11",
        A,
    ),
    # currency must match
    (
        "a price in another currency does not count",
        [BASE, row(A, "C-1001", "0.14", currency="GBP")],
        "C-1001",
        None,
        "1",
        DAY,
        "EUR",
        "0.18",
        B,
    ),
    (
        "the GBP price for a GBP order",
        [BASE, row(A, "C-1001", "0.14", currency="GBP")],
        "C-1001",
        None,
        "1",
        DAY,
        "GBP",
        "0.14",
        A,
    ),
    (
        "currency compared without case",
        [row(B, "", "0.18", currency="eur")],
        None,
        None,
        "1",
        DAY,
        "EUR",
        "0.18",
        B,
    ),
    # ties at the same break: the row valid from the latest date, then the lower price
    (
        "newer of two overlapping rows",
        [
            row(A, "C-1001", "0.16", valid_from=date(2026, 1, 1)),
            row(A, "C-1001", "0.155", valid_from=date(2026, 7, 1)),
        ],
        "C-1001",
        None,
        "1",
        DAY,
        "EUR",
        "0.155",
        A,
    ),
    (
        "a dated row beats an open one",
        [row(A, "C-1001", "0.15"), row(A, "C-1001", "0.16", valid_from=date(2026, 7, 1))],
        "C-1001",
        None,
        "1",
        DAY,
        "EUR",
        "0.16",
        A,
    ),
    (
        "same break and date: the lower price",
        [row(A, "C-1001", "0.16"), row(A, "C-1001", "0.15")],
        "C-1001",
        None,
        "1",
        DAY,
        "EUR",
        "0.15",
        A,
    ),
    # another SKU's rows do not count
    (
        "another SKU's agreement",
        [BASE, row(A, "C-1001", "0.01", sku="TUE-M8")],
        "C-1001",
        None,
        "1",
        DAY,
        "EUR",
        "0.18",
        B,
    ),
]


@pytest.mark.parametrize(
    ("rows", "customer", "group", "quantity", "day", "currency", "price", "level"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_price_resolution(
    rows: list[PriceRow],
    customer: str | None,
    group: str | None,
    quantity: str,
    day: date,
    currency: str,
    price: str,
    level: PriceLevel,
) -> None:
    found = resolve_price(
        rows,
        sku="TOR-M8-40",
        customer_id=customer,
        group=group,
        quantity=D(quantity),
        on=day,
        currency=currency,
    )
    assert found is not None
    assert (found.unit_price, found.level) == (D(price), level)


def test_nothing_applies_gives_none() -> None:
    rows = [row(A, "C-1001", "0.16", valid_to=date(2026, 1, 1)), row(B, "", "0.18", currency="GBP")]
    found = resolve_price(
        rows, sku="TOR-M8-40", customer_id="C-1001", group=None, quantity=D(1), on=DAY, currency="EUR"
    )
    assert found is None


def test_the_product_list_price_is_a_base_row_from_one_unit() -> None:
    product = Product(sku="TOR-M8-40", name="Tornillo", price=D("0.18"), currency="EUR")
    base = list_row(product)
    assert base is not None
    assert (base.level, base.party, base.unit_price, base.min_quantity) == (B, "", D("0.18"), D(1))
    assert base.valid_on(date(1990, 1, 1)) and base.valid_on(date(2090, 1, 1))
    assert list_row(Product(sku="X", name="no price")) is None


def test_the_resolution_says_which_rule_gave_the_price() -> None:
    rows = [row(A, "C-1001", "0.15", min_quantity=D(100), valid_from=date(2026, 1, 1))]
    found = resolve_price(
        rows, sku="TOR-M8-40", customer_id="C-1001", group=None, quantity=D(250), on=DAY, currency="EUR"
    )
    assert found is not None
    assert found.describe() == "0.15 EUR, agreed price of C-1001, from 100 units, valid 2026-01-01 to open"
    base = resolve_price(
        [row(B, "", "4.2"), row(B, "", "0.0103", sku="REM")],
        sku="TOR-M8-40",
        customer_id=None,
        group=None,
        quantity=D(1),
        on=DAY,
        currency="EUR",
    )
    assert base is not None and base.describe() == "4.20 EUR, base price list"  # cents, as lists print
    rivet = resolve_price(
        [row(B, "", "0.010300", sku="REM")],
        sku="REM",
        customer_id=None,
        group=None,
        quantity=D(1),
        on=DAY,
        currency="EUR",
    )
    assert rivet is not None and rivet.describe() == "0.0103 EUR, base price list"
