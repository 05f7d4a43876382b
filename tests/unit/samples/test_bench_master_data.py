"""The capture bench's master data is complete (issue 10's touchless aim is "with master data complete").

The rule: every drawn order's customer and products are known, and the customer has a price in the
currency the order is written in. Herrajes del Norte (C-3002, Mexico) orders in pesos and in dollars, so
it needs a price in each; loading its dollar prices must not take away its peso prices.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from bench.capture_accuracy import demo_app, master_gaps
from core.catalog.domain.pricing import list_row, resolve_price
from oms.extract import master_data
from samples.orders_gen import generate_drawn
from validation.terms import terms_of


def test_a_customer_ordering_in_two_currencies_has_a_price_in_each() -> None:
    with demo_app(terms=True) as app, master_data(app) as master:
        terms = terms_of(master)
        product = master.product("TOR-M8-40")
        assert product is not None
        rows = [*terms.prices_for("TOR-M8-40"), *filter(None, [list_row(product)])]
        for currency in ("MXN", "USD"):
            found = resolve_price(
                rows,
                sku="TOR-M8-40",
                customer_id="C-3002",
                group=None,
                quantity=Decimal(100),
                on=date(2026, 11, 26),
                currency=currency,
            )
            assert found is not None and found.currency == currency, currency
            assert found.party == "C-3002"  # the customer's own price, not the EUR list


def test_every_drawn_tuning_order_finds_its_customer_products_and_prices() -> None:
    truths = [o.truth for o in generate_drawn(4, ("modern_clean", "us_po", "letter"))]
    with demo_app(terms=True) as app:
        assert master_gaps(app, truths) == {}
