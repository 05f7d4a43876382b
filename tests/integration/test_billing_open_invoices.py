"""A transfer that names no invoice pays the customer's oldest open invoice, however many newer ones
the customer has: a customer with hundreds of invoices (two years of demo history has thousands) must
not leave the old ones unpaid for ever."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.billing.domain.invoicing import Billable, DocumentKind, InvoiceState
from core.billing.domain.tax import VatClass, VatRegime, treatment
from core.billing.services.invoicing import issue
from oms.bootstrap import App
from samples.lifecycle_gen import make_orders
from tests.conftest import fixed_clock

pytestmark = pytest.mark.integration
D = Decimal
# more than any page of newest invoices a screen or a query might stop at
MANY = 620


@pytest.fixture
def books(demo_app: App) -> App:
    """`demo_app`: the demo master data at the demo day's clock, without `set_up_books`."""
    return demo_app


def _issue_many(app: App, count: int) -> list[str]:
    """`count` invoices of 4.72 each (3.90 + 21 % VAT) for C-1001, oldest first, all with the same due
    date (so the oldest is the one issued first)."""
    item = Billable(
        "Taco de nailon 6 mm (caja 100)", D(1), D("3.90"), treatment(VatClass.GENERAL, VatRegime.DOMESTIC)
    )
    with app.uow() as uow:
        [order_id] = make_orders(uow, [[("TAC-6", D(1))]], fixed_clock(), tag="many")
        order = uow.fulfilment.order(order_id)
        assert order is not None
        codes = [issue(uow, DocumentKind.INVOICE, order, [item], fixed_clock()).code for _ in range(count)]
        uow.commit()
    return codes


def _state(app: App, code: str) -> tuple[InvoiceState, Decimal]:
    with app.uow() as uow:
        [found] = [i for i in uow.billing.invoices(customer_id="C-1001", limit=None) if i.code == code]
        return found.state, found.paid


def test_an_unnamed_transfer_pays_the_oldest_of_many_open_invoices(books: App) -> None:
    codes = _issue_many(books, MANY)
    books.billing.service.receive_payment("C-1001", D("4.72"), "EUR", "TRF oldest", "accounts")
    assert _state(books, codes[0]) == (InvoiceState.SETTLED, D("4.72"))
    assert _state(books, codes[1]) == (InvoiceState.OPEN, D(0))
    # and the next transfer the next oldest, never skipping one
    books.billing.service.receive_payment("C-1001", D("4.72"), "EUR", "TRF second", "accounts")
    assert _state(books, codes[1]) == (InvoiceState.SETTLED, D("4.72"))
    assert _state(books, codes[-1]) == (InvoiceState.OPEN, D(0))


def test_the_repository_lists_only_what_is_owed_when_asked(books: App) -> None:
    codes = _issue_many(books, 3)
    books.billing.service.receive_payment(
        "C-1001", D("4.72"), "EUR", "TRF one", "accounts", invoices=[codes[1]]
    )
    with books.uow() as uow:
        owing = uow.billing.invoices(customer_id="C-1001", owing=True, limit=None)
        everything = uow.billing.invoices(customer_id="C-1001", limit=None)
    assert sorted(i.code for i in owing) == sorted([codes[0], codes[2]])
    assert len(everything) == 3
