"""A faxed order number held for a character that looks like both a letter and a figure where its letters
and figures meet ("PC26088411" perhaps PCZ6088411) flows on, on arrival, when the customer's own earlier
orders are numbered in its format, on SQLite and PostgreSQL.

The rule, written out: the OCR reader holds such a number (`letter_or_figure`), its reading otherwise as
sure as it was read; the hold is lifted when the customer's stored and accepted earlier orders of other
documents include at least two distinct numbers of the very same letters and figures' count, and none
with the doubtful character the other kind. Without such orders it waits, the clerk told why. The faxed
order is this test's own order PDF, its reading held as the OCR reader would hold it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from core.capture.domain.documents import Channel, InboundDocument, ParseResult
from core.capture.domain.order import Problem, ProblemCode
from core.kernel.domain.model import OrderState
from oms.bootstrap import App
from tests.integration.helpers import AppOnEachDb, arrive, drain, earlier_order, orders_of, stored_email
from tests.integration.test_duplicates_policy import pdf_order

pytestmark = pytest.mark.integration

NUMBER = "PX26088411"
CUSTOMER = "C-1001"


@pytest.fixture
def shop(app_on_each_db: AppOnEachDb) -> App:
    return app_on_each_db(demo=True)


def _earlier(app: App, numbers: list[str]) -> None:
    now = datetime.now(UTC)
    documents = [stored_email(app, 100 + n, now) for n in range(len(numbers))]
    with app.uow() as uow:
        for n, (po, document) in enumerate(zip(numbers, documents, strict=True), start=1):
            order = earlier_order(document, CUSTOMER, po, now - timedelta(days=n), [f"SKU-{n}"])
            order.state = OrderState.ACCEPTED
            order.message_index = n
            uow.orders.insert_new(document, [order])
        uow.commit()


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
    reader = shop.read

    def fax_reader(doc: InboundDocument) -> ParseResult:
        result = reader(doc)
        held = Problem(ProblemCode.LETTER_OR_FIGURE, "a letter or a figure?", field="po_number")
        return replace(result, orders=tuple(o.with_problems(held) for o in result.orders))

    shop.read = fax_reader  # type: ignore[method-assign]
    _earlier(shop, earlier)
    document = arrive(shop, pdf_order(NUMBER, CUSTOMER), "fax.pdf", Channel.FAX)
    drain(shop)
    [order] = orders_of(shop, document)
    assert order.po_number == NUMBER
    assert order.state is state, order.problems
    if state is OrderState.IN_REVIEW:
        assert any("letters and figures meet" in str(p["message"]) for p in order.problems)
