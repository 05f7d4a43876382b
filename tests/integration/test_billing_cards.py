"""Card payments through the books: declines, lost and failing processor calls, voids, exports without VAT,
and the sweep that finishes a call cut off after the processor acted."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.billing.domain.invoicing import InvoiceState
from core.billing.domain.ledger import CARD_CLEARING, INVENTORY
from core.billing.domain.notices import BillingNoticeKind
from core.billing.domain.payments import PaymentState, TransactionKind, TransactionState
from core.kernel.domain.notices import NotificationState
from core.kernel.errors import IllegalTransition
from oms.bootstrap import App
from tests.integration.billing_support import (
    VISA,
    account_balance,
    assert_trial_balance_zero,
    attachment,
    card_order,
    invoices,
    mails,
    notices,
    payment,
    pdf_text,
    ship_all,
    text_of,
    transactions,
)
from tests.integration.lifecycle_support import drain_all, events, state

pytestmark = pytest.mark.integration
D = Decimal


def test_declined_card_holds_the_order_until_another_card_is_authorised(books: App) -> None:
    order_id = card_order(books, "4000000000009995")  # insufficient funds
    books.lifecycle.service.start([order_id], "clerk")
    drain_all(books)
    assert state(books, order_id) == "on_hold"
    declined = payment(books, order_id)
    assert declined is not None and declined.state is PaymentState.DECLINED
    assert declined.decline_code == "insufficient_funds"
    [notice] = notices(books, order_id)
    assert notice.kind is BillingNoticeKind.PAYMENT_DECLINED and notice.state is NotificationState.QUEUED
    [mail] = mails(books, order_id)
    assert mail["Subject"] == "Su pedido card-1: pago con tarjeta rechazado"
    assert "****0002" not in text_of(mail) and "****9995 (insufficient_funds)" in text_of(mail)

    retried = books.billing.service.set_card("C-1002", VISA, 1, 2031, "clerk")
    assert retried == [order_id]
    drain_all(books)
    assert state(books, order_id) == "allocated"
    authorised = payment(books, order_id)
    assert authorised is not None and authorised.state is PaymentState.AUTHORISED and authorised.attempt == 2
    steps = [e[0] for e in events(books, order_id)]
    assert steps == ["hold", "release_hold", "approve", "allocate"]
    ship_all(books, order_id)
    assert_trial_balance_zero(books)


def test_a_capture_whose_answer_was_lost_is_retried_and_charges_once(books: App) -> None:
    # card 0259: every first attempt is carried out, but its answer is lost (a timeout)
    order_id = card_order(books, "4000000000000259")
    books.lifecycle.service.start([order_id], "clerk")
    drain_all(books)
    assert state(books, order_id) == "allocated"
    ship_all(books, order_id)
    [invoice] = invoices(books, order_id)
    auth, capture = transactions(books, order_id)
    assert (capture.kind, capture.state, capture.attempts) == (
        TransactionKind.CAPTURE,
        TransactionState.SUCCEEDED,
        2,
    )
    assert auth.attempts == 2 and invoice.state is InvoiceState.SETTLED
    gateway = books.billing.gateway
    [charged] = [m for m in gateway.movements() if m["kind"] == "capture"]
    assert charged["amount"] == invoice.total and charged["idempotency_key"] == capture.idempotency_key

    # the same call again (a job delivered twice, a worker that crashed after the call): nothing moves
    assert books.billing.service.execute(capture.id or 0) is None
    paid = payment(books, order_id)
    assert paid is not None
    key = capture.idempotency_key
    again = gateway.capture(
        paid.reference or "", invoice.total, "EUR", idempotency_key=key, final=capture.final
    )
    assert again.approved and again.reference == capture.reference
    assert len([m for m in gateway.movements() if m["kind"] == "capture"]) == 1
    assert paid.captured == invoice.total
    assert_trial_balance_zero(books)


def test_a_processor_that_fails_transiently_is_retried(books: App) -> None:
    order_id = card_order(books, "4000000000000119")  # the first attempt of each call fails
    books.lifecycle.service.start([order_id], "clerk")
    drain_all(books)
    assert state(books, order_id) == "allocated"
    [auth] = transactions(books, order_id)
    assert auth.attempts == 2 and auth.state is TransactionState.SUCCEEDED
    assert_trial_balance_zero(books)


def test_cancelling_a_card_order_voids_its_authorisation(books: App) -> None:
    order_id = card_order(books)
    books.lifecycle.service.start([order_id], "clerk")
    drain_all(books)
    books.lifecycle.service.cancel(order_id, "ya no lo necesita", "clerk")
    drain_all(books)
    voided = payment(books, order_id)
    assert voided is not None and voided.state is PaymentState.VOIDED
    assert books.billing.gateway.authorisation(voided.reference or "")["state"] == "voided"  # type: ignore[index]
    assert [t.kind for t in transactions(books, order_id)] == [
        TransactionKind.AUTHORISE,
        TransactionKind.VOID,
    ]
    assert account_balance(books, CARD_CLEARING) == 0
    assert_trial_balance_zero(books)


def test_a_card_order_to_the_canary_islands_is_an_export_without_vat(books: App) -> None:
    order_id = card_order(books, tag="canarias")
    with books.uow() as uow:
        order = uow.fulfilment.order(order_id)
        assert order is not None
        order.ship_to_name, order.ship_to_street = "Bricolaje Galicia - Tenerife", "Calle La Marina 8"
        order.ship_to_postal_code, order.ship_to_city, order.ship_to_country = "38001", "Santa Cruz", "ES"
        uow.commit()
    books.lifecycle.service.start([order_id], "clerk")
    drain_all(books)
    ship_all(books, order_id)
    [invoice] = invoices(books, order_id)
    assert invoice.regime == "export" and invoice.tax_total == 0 and invoice.total == invoice.net_total
    assert invoice.notes == ["Exportación exenta de IVA (art. 21 LIVA)."]
    [mail] = mails(books, order_id)
    assert "art. 21 LIVA" in pdf_text(attachment(mail))
    assert_trial_balance_zero(books)


def test_closing_waits_for_the_card_capture(books: App) -> None:
    order_id = card_order(books)
    svc = books.lifecycle.service
    svc.start([order_id], "clerk")
    drain_all(books)
    release = svc.release([order_id], "clerk", strict=True)
    svc.confirm_pick(release.pick_lists[0], None, "picker")
    shipment = svc.pack(order_id, "MAD", "packer")
    assert shipment.id is not None
    svc.ship(shipment.id, "dispatch")
    svc.deliver(shipment.id, "carrier")  # the jobs have not run: no invoice, no capture yet
    with pytest.raises(IllegalTransition, match=r"not captured|open"):
        svc.close(order_id, "clerk")
    assert invoices(books, order_id) == []  # invoiced by the refused close, and rolled back with it
    drain_all(books)
    assert state(books, order_id) == "closed" and invoices(books, order_id)[0].state is InvoiceState.SETTLED
    assert account_balance(books, INVENTORY) > 0
    assert_trial_balance_zero(books)


def test_a_call_cut_off_after_the_processor_acted_is_finished_by_the_sweep(books: App) -> None:
    import sqlite3
    from datetime import timedelta as td

    from sqlalchemy import text as sql

    from core.billing.services import payments
    from oms.billing import SANDBOX_FILE

    order_id = card_order(books)
    books.lifecycle.service.start([order_id], "clerk")  # the authorisation is written down, not made
    [auth] = transactions(books, order_id)
    service = books.billing.service
    call = service.run(lambda uow, now: payments.prepare(uow, auth.id or 0, now))
    assert call is not None
    payments.call(books.billing.gateway, call)  # the processor authorised; then the worker died
    assert payment(books, order_id).state is PaymentState.PENDING  # type: ignore[union-attr]
    with books.uow() as uow:  # a while later
        uow.session.execute(
            sql("UPDATE payment_transactions SET created_at = :t"), {"t": books.clock() - td(minutes=1)}
        )
        uow.commit()
    assert books.requeue_unfinished() >= 1
    drain_all(books)
    assert state(books, order_id) == "allocated"
    with sqlite3.connect(books.settings.data_dir / SANDBOX_FILE) as db:
        assert db.execute("SELECT count(*) FROM authorisations").fetchone() == (1,)  # not two
    [auth] = transactions(books, order_id)
    # the job queued at approval and the sweep's both ran: the same key twice, one authorisation
    assert auth.state is TransactionState.SUCCEEDED and auth.attempts >= 2
