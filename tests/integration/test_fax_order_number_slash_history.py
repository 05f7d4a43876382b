"""A faxed order number held for a slash that may be a 7 without its bar ("26/04090" perhaps 26704090)
flows on, on arrival, when the customer's own earlier orders are numbered with slashes so, on SQLite and
PostgreSQL.

The rule, written out: the OCR reader holds such a number (`slash_or_seven`, its confidence lowered) when
its one doubt is its slash; the hold is lifted, and the number counts as read, when the customer's
stored and accepted earlier orders of other documents include at least two distinct numbers with the
slash at the same place and the same figures' count, and none in plain figures there. With plain
figures only it waits, the clerk told why. The faxed order is this test's own order PDF, its reading held
as the OCR reader would hold it."""

from __future__ import annotations

import pytest

from core.capture.domain.documents import Channel
from core.capture.domain.order import Problem, ProblemCode
from core.kernel.domain.model import OrderState
from oms.bootstrap import App
from tests.integration.helpers import AppOnEachDb, arrive, drain, orders_of
from tests.integration.number_history_support import earlier_orders, holding_number
from tests.integration.test_duplicates_policy import pdf_order

pytestmark = pytest.mark.integration

NUMBER = "26/04090"
CUSTOMER = "C-1001"


@pytest.fixture
def shop(app_on_each_db: AppOnEachDb) -> App:
    return app_on_each_db(demo=True)


@pytest.mark.parametrize(
    ("earlier", "state"),
    [
        (["26/03811", "26/03544"], OrderState.ACCEPTED),
        (["26703811", "26703544"], OrderState.IN_REVIEW),
        ([], OrderState.IN_REVIEW),
    ],
)
def test_on_arrival_a_slashed_number_flows_or_waits_by_the_customers_history(
    shop: App, earlier: list[str], state: OrderState
) -> None:
    held = Problem(ProblemCode.SLASH_OR_SEVEN, "a slash or a 7?", field="po_number")
    holding_number(shop, held, confidence=0.6)
    earlier_orders(shop, CUSTOMER, [(po, OrderState.ACCEPTED) for po in earlier])
    document = arrive(shop, pdf_order(NUMBER, CUSTOMER), "fax.pdf", Channel.FAX)
    drain(shop)
    [order] = orders_of(shop, document)
    assert order.po_number == NUMBER
    assert order.state is state, order.problems
    if state is OrderState.IN_REVIEW:
        assert any("may be a 7 whose bar the fax lost" in str(p["message"]) for p in order.problems)
