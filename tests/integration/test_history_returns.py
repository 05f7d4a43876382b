"""The demo history's returns: a customer sends back only goods that reached them and are not back yet.

`oms demo history --months 6` (seed 2026, ending 2026-12-03) stopped with "line 1: 130 asked back, 0
shipped and not yet returned": the history always sent back the whole first line, whether or not that
line had reached the customer or come back already (an order in two parcels, each unlucky). Written
out: each return takes the first line with goods delivered and not returned, at most the line's
quantity; once everything is back, nothing more is sent back."""

from __future__ import annotations

from decimal import Decimal

import pytest

from oms.bootstrap import App
from samples.demo.history import Tally, _send_back
from tests.integration.billing_support import ship_all
from tests.integration.lifecycle_support import demo_orders, drain_all

pytestmark = pytest.mark.integration


def test_each_return_takes_what_reached_the_customer_and_nothing_twice(books: App) -> None:
    first, _ = demo_orders(books)  # Ferretería Núñez: on account
    svc = books.lifecycle.service
    svc.start([first], "clerk")
    for shipment in ship_all(books, first):
        svc.deliver(shipment, "carrier")
    drain_all(books)
    with books.uow() as uow:
        order = uow.fulfilment.order(first)
        assert order is not None
        ordered = {line.position: line.quantity for line in order.lines}
    assert len(ordered) >= 2  # the demo order has more than one line: the second return takes line 2

    tally = Tally()
    for _ in range(len(ordered) + 2):  # more tries than lines: the extra ones find nothing to send back
        _send_back(books, first, tally)
    drain_all(books)

    with books.uow() as uow:
        requests = uow.billing.returns(order_id=first)
        back = sorted((line.position, line.quantity) for r in requests for line in r.lines)
    assert tally.returns == len(ordered) == len(requests)
    # every line once, in full (all of it was shipped and delivered), first line first
    assert back == sorted((position, Decimal(q or 0)) for position, q in ordered.items())
