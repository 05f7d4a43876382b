"""A faxed order number held for a character that looks like both a letter and a figure where its letters
and figures meet ("PC26088411" perhaps PCZ6088411) flows on, on arrival, when the customer's own earlier
orders are numbered in its format, on SQLite and PostgreSQL.

The rule, written out: the OCR reader holds such a number (`letter_or_figure`), its reading otherwise as
sure as it was read; the hold is lifted when the customer's stored and accepted earlier orders of other
documents include at least two distinct numbers of the very same letters and figures' count, and none
with the doubtful character the other kind. Without such orders it waits, the clerk told why. The faxed
order is this test's own order PDF, its reading held as the OCR reader would hold it."""

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

NUMBER = "PX26088411"
CUSTOMER = "C-1001"


@pytest.fixture
def shop(app_on_each_db: AppOnEachDb) -> App:
    return app_on_each_db(demo=True)


@pytest.mark.parametrize(
    ("earlier", "state"),
    [
        (["PX26071234", "PX26065000"], OrderState.ACCEPTED),
        (["PXZ6071234", "PXZ6065000"], OrderState.IN_REVIEW),
        ([], OrderState.IN_REVIEW),
    ],
)
def test_on_arrival_a_number_flows_or_waits_by_the_customers_history(
    shop: App, earlier: list[str], state: OrderState
) -> None:
    holding_number(shop, Problem(ProblemCode.LETTER_OR_FIGURE, "a letter or a figure?", field="po_number"))
    earlier_orders(shop, CUSTOMER, [(po, OrderState.ACCEPTED) for po in earlier])
    document = arrive(shop, pdf_order(NUMBER, CUSTOMER), "fax.pdf", Channel.FAX)
    drain(shop)
    [order] = orders_of(shop, document)
    assert order.po_number == NUMBER
    assert order.state is state, order.problems
    if state is OrderState.IN_REVIEW:
        assert any("letters and figures meet" in str(p["message"]) for p in order.problems)
