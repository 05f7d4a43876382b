"""Price resolution as the business rule states it: agreement, then the customer's list, then its
group's list, then the base list; the best quantity break; valid on the order date; in the order's
currency. Every expected price below is written out from that rule, not taken from the code."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from core.catalog.domain.pricing import PriceLevel, PriceResolution, PriceRow, list_row, resolve_price
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


@dataclass(frozen=True)
class Case:
    """One line of the rule: these rows, this customer ordering `quantity` on `day` in `currency`,
    pays `price` from `level`."""

    name: str
    rows: list[PriceRow]
    customer: str | None
    quantity: str
    price: str
    level: PriceLevel
    group: str | None = None
    day: date = DAY
    currency: str = "EUR"


def brk(level: str, party: str, price: str, at: int) -> PriceRow:
    return row(level, party, price, min_quantity=D(at))


# fmt: off
CASES = [
    # every level, most specific first
    Case("base list alone", [BASE], "C-1001", "10", "0.18", B),
    Case("group list beats base", [BASE, GROUP], "C-1001", "10", "0.17", GL, group="FERRETERIAS"),
    Case("another group's list is not ours", [BASE, GROUP], "C-1001", "10", "0.18", B, group="GRANDES"),
    Case("no group: group lists are skipped", [BASE, GROUP], "C-1001", "10", "0.18", B),
    Case("customer list beats group", [BASE, GROUP, CLIST], "C-1001", "10", "0.165", CL, group="FERRETERIAS"),
    Case("agreement beats all", [BASE, GROUP, CLIST, AGREED], "C-1001", "10", "0.16", A, group="FERRETERIAS"),
    Case("another customer's agreement is not ours", [BASE, AGREED], "C-1002", "10", "0.18", B),
    Case("unknown customer pays the base list", [BASE, AGREED, CLIST], None, "10", "0.18", B),
    # quantity breaks: the highest min_quantity the quantity reaches
    Case("below the break", [BASE, brk(B, "", "0.15", 100)], None, "99", "0.18", B),
    Case("exactly at the break", [BASE, brk(B, "", "0.15", 100)], None, "100", "0.15", B),
    Case("the highest break reached", [BASE, brk(B, "", "0.15", 100), brk(B, "", "0.12", 1000)], None, "5000",
         "0.12", B),
    Case("the level wins over a better break below it", [brk(B, "", "0.10", 100), AGREED], "C-1001", "500",
         "0.16", A),
    Case("an unreached agreed break falls through", [BASE, brk(A, "C-1001", "0.14", 50)], "C-1001", "20",
         "0.18", B),
    # validity: inclusive on both ends, blank open
    Case("valid from the order date", [BASE, row(A, "C-1001", "0.16", valid_from=DAY)], "C-1001", "1", "0.16",
         A),
    Case("valid from the day after", [BASE, row(A, "C-1001", "0.16", valid_from=date(2026, 12, 4))], "C-1001",
         "1", "0.18", B),
    Case("valid to the order date", [BASE, row(A, "C-1001", "0.16", valid_to=DAY)], "C-1001", "1", "0.16", A),
    Case("expired the day before", [BASE, row(A, "C-1001", "0.16", valid_to=date(2026, 12, 2))], "C-1001",
         "1", "0.18", B),
    Case("a one-day price on its day", [BASE, row(A, "C-1001", "0.11", valid_from=DAY, valid_to=DAY)],
         "C-1001", "1", "0.11", A),
    # currency must match
    Case("a price in another currency does not count", [BASE, row(A, "C-1001", "0.14", currency="GBP")],
         "C-1001", "1", "0.18", B),
    Case("the GBP price for a GBP order", [BASE, row(A, "C-1001", "0.14", currency="GBP")], "C-1001", "1",
         "0.14", A, currency="GBP"),
    Case("currency compared without case", [row(B, "", "0.18", currency="eur")], None, "1", "0.18", B),
    # ties at the same break: the row valid from the latest date, then the lower price
    Case("newer of two overlapping rows", [row(A, "C-1001", "0.16", valid_from=date(2026, 1, 1)),
         row(A, "C-1001", "0.155", valid_from=date(2026, 7, 1))], "C-1001", "1", "0.155", A),
    Case("a dated row beats an open one", [row(A, "C-1001", "0.15"), row(A, "C-1001", "0.16",
         valid_from=date(2026, 7, 1))], "C-1001", "1", "0.16", A),
    Case("same break and date: the lower price", [row(A, "C-1001", "0.16"), row(A, "C-1001", "0.15")],
         "C-1001", "1", "0.15", A),
    # group and customer lists: breaks, validity, currency and ties hold inside each level as well
    Case("the group list's own break", [BASE, GROUP, brk(GL, "FERRETERIAS", "0.15", 1000)], "C-1001", "1000",
         "0.15", GL, group="FERRETERIAS"),
    Case("an unreached group break: the group's one-unit row", [BASE, GROUP, brk(GL, "FERRETERIAS", "0.15",
         1000)], "C-1001", "999", "0.17", GL, group="FERRETERIAS"),
    Case("group list beats a better base break", [BASE, brk(B, "", "0.14", 100), GROUP], "C-1001", "200",
         "0.17", GL, group="FERRETERIAS"),
    Case("only a group break, unreached: base list", [BASE, brk(GL, "FERRETERIAS", "0.15", 1000)], "C-1001",
         "10", "0.18", B, group="FERRETERIAS"),
    Case("an expired customer list: the group list", [BASE, GROUP, row(CL, "C-1001", "0.165",
         valid_to=date(2026, 11, 30))], "C-1001", "10", "0.17", GL, group="FERRETERIAS"),
    Case("a customer list not yet valid: the group list", [BASE, GROUP, row(CL, "C-1001", "0.165",
         valid_from=date(2026, 12, 4))], "C-1001", "10", "0.17", GL, group="FERRETERIAS"),
    Case("a group list in GBP for a EUR order: base", [BASE, row(GL, "FERRETERIAS", "0.15", currency="GBP")],
         "C-1001", "10", "0.18", B, group="FERRETERIAS"),
    Case("the group's GBP list for a GBP order", [BASE, row(GL, "FERRETERIAS", "0.15", currency="GBP")],
         "C-1001", "10", "0.15", GL, group="FERRETERIAS", currency="GBP"),
    Case("another customer's list is not ours", [BASE, row(CL, "C-1002", "0.10")], "C-1001", "10", "0.18", B),
    Case("a group named like the customer is still a group", [BASE, row(GL, "C-1001", "0.10")], "C-1001",
         "10", "0.18", B),
    Case("the customer's list break beats its one-unit row", [BASE, CLIST, brk(CL, "C-1001", "0.15", 500)],
         "C-1001", "500", "0.15", CL),
    Case("customer list breaks: the highest reached", [brk(CL, "C-1001", "0.15", 500), brk(CL, "C-1001",
         "0.14", 1000), CLIST], "C-1001", "750", "0.15", CL),
    Case("group list tie: the newer row", [row(GL, "FERRETERIAS", "0.17", valid_from=date(2026, 1, 1)),
         row(GL, "FERRETERIAS", "0.168", valid_from=date(2026, 10, 1))], "C-1001", "1", "0.168", GL,
         group="FERRETERIAS"),
    Case("group list tie on break and date: the lower price", [row(GL, "FERRETERIAS", "0.17"),
         row(GL, "FERRETERIAS", "0.169")], "C-1001", "1", "0.169", GL, group="FERRETERIAS"),
    Case("an unknown customer with no group: base", [BASE, GROUP, CLIST], None, "10", "0.18", B),
    # another SKU's rows do not count
    Case("another SKU's agreement", [BASE, row(A, "C-1001", "0.01", sku="TUE-M8")], "C-1001", "1", "0.18", B),
]
# fmt: on


def resolve(case: Case, sku: str = "TOR-M8-40") -> PriceResolution | None:
    return resolve_price(
        case.rows,
        sku=sku,
        customer_id=case.customer,
        group=case.group,
        quantity=D(case.quantity),
        on=case.day,
        currency=case.currency,
    )


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_price_resolution(case: Case) -> None:
    found = resolve(case)
    assert found is not None
    assert (found.unit_price, found.level) == (D(case.price), case.level)


def test_nothing_applies_gives_none() -> None:
    rows = [row(A, "C-1001", "0.16", valid_to=date(2026, 1, 1)), row(B, "", "0.18", currency="GBP")]
    assert resolve(Case("nothing", rows, "C-1001", "1", "-", A)) is None


def test_the_product_list_price_is_a_base_row_from_one_unit() -> None:
    product = Product(sku="TOR-M8-40", name="Tornillo", price=D("0.18"), currency="EUR")
    base = list_row(product)
    assert base is not None
    assert (base.level, base.party, base.unit_price, base.min_quantity) == (B, "", D("0.18"), D(1))
    assert base.valid_on(date(1990, 1, 1)) and base.valid_on(date(2090, 1, 1))
    assert list_row(Product(sku="X", name="no price")) is None


def test_the_resolution_says_which_rule_gave_the_price() -> None:
    rows = [brk(A, "C-1001", "0.15", 100)]
    rows[0].valid_from = date(2026, 1, 1)
    found = resolve(Case("agreed", rows, "C-1001", "250", "0.15", A))
    assert found is not None
    assert found.describe() == "0.15 EUR, agreed price of C-1001, from 100 units, valid 2026-01-01 to open"
    base = resolve(Case("list", [row(B, "", "4.2")], None, "1", "4.2", B))
    assert base is not None and base.describe() == "4.20 EUR, base price list"  # cents, as lists print
    group = resolve(
        Case("group", [brk(GL, "FERRETERIAS", "0.15", 1000)], "C-1", "1000", "0.15", GL, group="FERRETERIAS")
    )
    assert (
        group is not None and group.describe() == "0.15 EUR, price list of group FERRETERIAS, from 1000 units"
    )
    own = resolve(Case("own", [row(CL, "C-1", "0.165")], "C-1", "1", "0.165", CL))
    assert own is not None and own.describe() == "0.165 EUR, price list of C-1"
    rivet = resolve(Case("rivet", [row(B, "", "0.010300", sku="REM")], None, "1", "0.0103", B), sku="REM")
    assert rivet is not None and rivet.describe() == "0.0103 EUR, base price list"
