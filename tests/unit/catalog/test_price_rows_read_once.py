"""Resolving a price reads each field of each price row at most once: a row is a mapped class, and
each read of its attributes goes through the mapping. The price found is the one the rule gives
(agreement, then the customer's list, then its group's, then the base list; the highest quantity
break reached; valid on the order date; in the order's currency)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

from core.catalog.domain.pricing import PriceLevel, PriceRow, resolve_price

DAY = date(2026, 12, 3)
READS: Counter[tuple[int, str]] = Counter()
FIELDS = {"level", "party", "sku", "unit_price", "currency", "min_quantity", "valid_from", "valid_to"}


class CountedRow(PriceRow):
    """A price row that counts the reads of its fields."""

    def __getattribute__(self, name: str) -> object:
        if name in FIELDS:
            READS[(id(self), name)] += 1
        return super().__getattribute__(name)


def counted(level: str, party: str, price: str, **kw: object) -> CountedRow:
    sku = str(kw.pop("sku", "TOR-M8-40"))
    currency = str(kw.pop("currency", "EUR"))
    return CountedRow(level, party, sku, Decimal(price), currency, **kw)  # type: ignore[arg-type]


def test_each_field_of_each_row_is_read_once_at_most() -> None:
    rows = [
        counted(PriceLevel.BASE, "", "0.18"),
        counted(PriceLevel.GROUP_LIST, "FERRETERIAS", "0.17"),
        counted(PriceLevel.CUSTOMER_LIST, "C-1001", "0.165"),
        # the customer's list from 100 units: the break reached by 250
        counted(PriceLevel.CUSTOMER_LIST, "C-1001", "0.15", min_quantity=Decimal(100)),
        # a break not reached, a row no longer valid, another currency, another SKU, another customer
        counted(PriceLevel.CUSTOMER_LIST, "C-1001", "0.12", min_quantity=Decimal(500)),
        counted(PriceLevel.CUSTOMER_LIST, "C-1001", "0.10", valid_to=date(2026, 11, 30)),
        counted(PriceLevel.CUSTOMER_LIST, "C-1001", "0.11", currency="USD"),
        counted(PriceLevel.CUSTOMER_LIST, "C-1001", "0.09", sku="TOR-M8-50"),
        counted(PriceLevel.AGREEMENT, "C-2002", "0.08"),
        # the same break, valid from a later date: wins over the 0.15 row
        counted(PriceLevel.CUSTOMER_LIST, "C-1001", "0.155", min_quantity=Decimal(100), valid_from=DAY),
    ]
    READS.clear()
    found = resolve_price(
        rows,
        sku="TOR-M8-40",
        customer_id="C-1001",
        group="FERRETERIAS",
        quantity=Decimal(250),
        on=DAY,
        currency="eur",
    )
    assert found is not None
    assert (found.unit_price, found.level, found.party) == (
        Decimal("0.155"),
        PriceLevel.CUSTOMER_LIST,
        "C-1001",
    )
    assert (found.currency, found.min_quantity, found.valid_from) == ("EUR", Decimal(100), DAY)
    read_twice = {key[1]: n for key, n in READS.items() if n > 1}
    assert read_twice == {}


def test_the_lower_price_breaks_a_tie_and_the_base_list_comes_last() -> None:
    rows = [
        counted(PriceLevel.BASE, "", "0.18"),
        counted(PriceLevel.GROUP_LIST, "FERRETERIAS", "0.17"),
        counted(PriceLevel.GROUP_LIST, "FERRETERIAS", "0.16"),
    ]
    READS.clear()
    grouped = resolve_price(
        rows,
        sku="TOR-M8-40",
        customer_id="C-1001",
        group="FERRETERIAS",
        quantity=Decimal(1),
        on=DAY,
        currency="EUR",
    )
    assert grouped is not None and (grouped.unit_price, grouped.level) == (
        Decimal("0.16"),
        PriceLevel.GROUP_LIST,
    )
    alone = resolve_price(
        rows, sku="TOR-M8-40", customer_id="C-1001", group=None, quantity=Decimal(1), on=DAY, currency="EUR"
    )
    assert alone is not None and (alone.unit_price, alone.level, alone.party) == (
        Decimal("0.18"),
        PriceLevel.BASE,
        "",
    )
