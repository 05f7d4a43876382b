"""What the databases themselves guarantee for the books, on SQLite and PostgreSQL: an unbalanced journal
entry cannot be committed, a posted entry cannot be changed; and invoice numbers taken by many
workers at once have neither gaps nor duplicates (PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import event, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from core.billing.adapters.orm import journal_entries, journal_lines
from core.billing.domain.invoicing import Billable, DocumentKind, Invoice
from core.billing.domain.ledger import RECEIVABLE, SALES, cr, dr, entry
from core.billing.domain.payments import CreditOverride
from core.billing.domain.tax import VatClass, VatRegime, treatment
from core.billing.services.invoicing import issue
from core.unit_of_work import UnitOfWork
from oms.bootstrap import App
from samples.lifecycle_gen import make_orders
from tests.conftest import fixed_clock
from tests.integration.helpers import AppOnEachDb

pytestmark = pytest.mark.integration
D = Decimal


@pytest.fixture
def any_app(app_on_each_db: AppOnEachDb) -> App:
    """The bare app at the demo day's clock, on each database in turn."""
    return app_on_each_db(clock=fixed_clock)


def _raw_entry(uow: UnitOfWork, entry_id: int, lines: list[tuple[str, int, int]]) -> None:
    """Lines (account, debit cents, credit cents) and then the header, as the repository writes them."""
    uow.session.execute(
        insert(journal_lines),
        [
            {"entry_id": entry_id, "account": a, "party": None, "debit": D(d) / 100, "credit": D(c) / 100}
            for a, d, c in lines
        ],
    )
    uow.session.execute(
        insert(journal_entries).values(
            id=entry_id, at=fixed_clock(), day=fixed_clock().date(), source="test", key=None,
            description="by hand", currency="EUR", actor="test",
        )
    )  # fmt: skip


def _commit(app: App, work: Callable[[UnitOfWork], None]) -> None:
    with app.uow() as uow:
        work(uow)
        uow.commit()


def test_a_balanced_entry_commits(any_app: App) -> None:
    _commit(any_app, lambda uow: _raw_entry(uow, 1, [(RECEIVABLE, 12100, 0), (SALES, 0, 12100)]))
    with any_app.uow() as uow:
        assert uow.ledger.balance(RECEIVABLE) == D("121.00") and uow.ledger.count() == 1


def test_the_database_refuses_an_unbalanced_entry(any_app: App) -> None:
    with pytest.raises(DBAPIError, match="does not balance"):
        _commit(any_app, lambda uow: _raw_entry(uow, 1, [(RECEIVABLE, 12100, 0), (SALES, 0, 12000)]))
    with pytest.raises(DBAPIError, match="does not balance"):
        _commit(any_app, lambda uow: _raw_entry(uow, 1, [(RECEIVABLE, 12100, 0)]))
    with any_app.uow() as uow:
        assert uow.ledger.count() == 0


def test_lines_without_their_header_do_not_commit(any_app: App) -> None:
    def lines_only(uow: UnitOfWork) -> None:
        uow.session.execute(
            insert(journal_lines), [{"entry_id": 7, "account": RECEIVABLE, "debit": D(1), "credit": D(0)}]
        )

    with pytest.raises(DBAPIError):
        _commit(any_app, lines_only)


def test_a_posted_entry_can_be_neither_extended_nor_changed_nor_deleted(any_app: App) -> None:
    _commit(any_app, lambda uow: _raw_entry(uow, 1, [(RECEIVABLE, 100, 0), (SALES, 0, 100)]))

    def more(uow: UnitOfWork) -> None:
        uow.session.execute(insert(journal_lines).values(entry_id=1, account=SALES, debit=D(0), credit=D(5)))

    def change(uow: UnitOfWork) -> None:
        uow.session.execute(update(journal_lines).where(journal_lines.c.entry_id == 1).values(debit=D(2)))

    def remove(uow: UnitOfWork) -> None:
        uow.session.execute(text("DELETE FROM journal_entries"))

    for tamper in (more, change, remove):
        with pytest.raises(DBAPIError):
            _commit(any_app, tamper)
    with any_app.uow() as uow:
        assert uow.ledger.balance(RECEIVABLE) == D("1.00")


def test_the_repository_posts_once_per_key(any_app: App) -> None:
    posting = entry(fixed_clock(), "test", "twice", "EUR", [dr(RECEIVABLE, D(5)), cr(SALES, D(5))], key="k:1")
    for _ in range(2):
        _commit(any_app, lambda uow: uow.ledger.post(posting) and None)
    with any_app.uow() as uow:
        assert uow.ledger.count() == 1


# -- gapless numbering under concurrency (PostgreSQL) -----------------------------------------------
WORKERS = 16
PER_WORKER = 8


class Abandon(Exception):
    """Raised after a number was taken, so that the transaction rolls back."""


def test_invoice_numbers_have_no_gaps_and_no_duplicates_under_concurrency(pg_demo_app: App) -> None:
    with pg_demo_app.uow() as uow:
        order_ids = make_orders(uow, [[("TAC-6", D(1))]] * WORKERS, fixed_clock(), tag="numbers")
        uow.commit()
    item = Billable(
        "Taco de nailon 6 mm (caja 100)", D(1), D("3.90"), treatment(VatClass.GENERAL, VatRegime.DOMESTIC)
    )
    barrier = threading.Barrier(WORKERS)
    errors: list[BaseException] = []
    issued: list[str] = []
    abandoned = 0
    lock = threading.Lock()

    def work(order_id: int, worker: int) -> None:
        nonlocal abandoned
        barrier.wait()
        for n in range(PER_WORKER):

            def step(uow: UnitOfWork, now: datetime, n: int = n) -> Invoice:
                order = uow.fulfilment.order(order_id)
                assert order is not None
                invoice = issue(uow, DocumentKind.INVOICE, order, [item], now)
                if (worker + n) % 5 == 0:
                    raise Abandon  # the number was taken, and is given back by the rollback
                return invoice

            try:
                invoice = pg_demo_app.lifecycle.service.run(step)
            except Abandon:
                with lock:
                    abandoned += 1
                continue
            except BaseException as exc:
                errors.append(exc)
                return
            with lock:
                issued.append(invoice.code)

    threads = [threading.Thread(target=work, args=(oid, i)) for i, oid in enumerate(order_ids)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert abandoned > 0 and len(issued) == WORKERS * PER_WORKER - abandoned
    assert_numbered_without_gaps(pg_demo_app, issued)


def assert_numbered_without_gaps(pg_demo_app: App, issued: list[str]) -> None:
    """Series F holds exactly the invoices issued, numbered 1..n, its counter at n + 1, each posted."""
    with pg_demo_app.uow() as uow:
        numbers = list(
            uow.session.scalars(text("SELECT number FROM invoices WHERE series = 'F' ORDER BY number"))
        )
        assert numbers == list(range(1, len(issued) + 1))  # no gap, no duplicate
        assert sorted(issued) == [f"F2026-{n:06d}" for n in numbers]
        series = uow.session.execute(
            text("SELECT next_number FROM invoice_series WHERE series = 'F'")
        ).scalar()
        assert series == len(issued) + 1
        posted = uow.session.scalar(
            select(journal_entries.c.id)
            .where(journal_entries.c.source == "invoice")
            .order_by(journal_entries.c.id.desc())
            .limit(1)
        )
        assert posted is not None and uow.ledger.balance(RECEIVABLE) == D("4.72") * len(issued)  # 3.90 + 21 %


@pytest.mark.parametrize(
    "scenario",
    [
        "test_on_account_order_approved_shipped_invoiced_paid_and_closed",
        "test_card_order_authorised_shipped_captured_invoiced_paid",
        "test_return_with_refund_to_the_card",
        "test_credit_limit_hold_released_by_a_supervisor",
    ],
)
def test_the_scenarios_on_postgresql(scenario: str, pg_demo_app: App) -> None:
    from tests.integration import test_billing_flow
    from tests.integration.billing_support import set_up_books

    set_up_books(pg_demo_app)
    getattr(test_billing_flow, scenario)(pg_demo_app)


def test_a_batchs_credit_overrides_are_read_in_one_query(demo_app_each_db: App) -> None:
    """Approving a batch asks for its orders' overrides once (on PostgreSQL the ids go as one array):
    an order without one then needs no other query, and an order with one finds it."""
    app = demo_app_each_db
    with app.uow() as uow:
        first, second, third = make_orders(uow, [[("TOR-M8-40", Decimal(1))]] * 3, fixed_clock(), tag="ovr")
        uow.commit()
    with app.uow() as uow:
        uow.billing.add_override(  # type: ignore[attr-defined]
            CreditOverride(second, "marta", fixed_clock(), Decimal("900.00"), Decimal("500.00"))
        )
        uow.commit()
    sent: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        sent.append(statement)

    with app.uow() as uow:
        billing = uow.billing  # type: ignore[attr-defined]
        event.listen(app.engine, "before_cursor_execute", count)
        try:
            billing.prefetch(["C-1001"], [first, second, third])
            asked = sum("credit_overrides" in s for s in sent)
            without = [billing.credit_override(first), billing.credit_override(third)]
            asked_after = sum("credit_overrides" in s for s in sent)
        finally:
            event.remove(app.engine, "before_cursor_execute", count)
        found = billing.credit_override(second)
    assert (asked, asked_after, without) == (1, 1, [None, None])
    assert found is not None and found.by == "marta"
