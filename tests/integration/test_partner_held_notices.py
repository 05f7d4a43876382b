"""Notices for an order whose EDIFACT sender is no configured trading partner: a clerk approved the order,
it was shipped and invoiced, but there is no agreed address to send a DESADV or an INVOIC to. They are
held, pending with the reason (not a rendering failure: no attempt counted, nothing retried as an
error), and sent, to the configured address only, once `oms import partners` configures the partner."""

from __future__ import annotations

from core.capture.services.partner_import import import_partners
from core.kernel.domain.model import OrderState, OutboundKind
from core.kernel.domain.notices import NotificationState
from oms.bootstrap import App
from tests.integration.billing_support import set_up_books, ship_all
from tests.integration.helpers import ingest, orders_of
from tests.integration.lifecycle_support import drain_all
from tests.integration.test_edifact_partners import HEADER, codes, sent_by
from tests.integration.test_review import clerk, form_fields

STRANGER = "5099999000009"


def approved_order_of_a_stranger(app: App) -> int:
    [first, _] = orders_of(app, ingest(app, sent_by(STRANGER.encode() + b":14")))
    assert "unknown_partner" in codes(first) and first.id is not None
    client, csrf = clerk(app)
    page = client.get(f"/review/{first.id}")
    assert client.post(f"/review/{first.id}/lock", headers={"X-CSRF-Token": csrf}).status_code == 200
    fields = form_fields(page.text) | {"then": "approve"}
    assert client.post(f"/review/{first.id}/save", data=fields).status_code == 303
    return first.id


def edifact_rows(app: App, order_id: int) -> list[tuple[str, str, int, str]]:
    """(kind, state, attempts, reason) of the order's shipping and billing notices on the EDIFACT channel
    (the acceptance is the decision's answer, which goes its own way)."""
    with app.uow() as uow:
        rows = [*uow.fulfilment.notifications(order_id), *uow.billing.notices(order_id)]
        return sorted(
            (str(r.kind), str(r.state), r.attempts, r.error or "")
            for r in rows
            if r.channel == "edi" and str(r.kind) != "accepted"
        )


def edifact_out(app: App, order_id: int) -> list[tuple[OutboundKind, str]]:
    with app.uow() as uow:
        [order] = [o for o in uow.orders.list(limit=100) if o.id == order_id]
        sent = uow.outbound.for_document(order.document_id)
        return sorted(
            (m.kind, m.recipient) for m in sent if m.kind in (OutboundKind.DESADV, OutboundKind.INVOIC)
        )


def test_notices_for_an_unconfigured_partner_are_held_then_sent_once_it_is_configured(demo_app: App) -> None:
    order_id = approved_order_of_a_stranger(demo_app)
    set_up_books(demo_app)
    demo_app.lifecycle.service.start([order_id], "clerk")
    ship_all(demo_app, order_id)
    with demo_app.uow() as uow:
        order = uow.orders.get(order_id)
        assert order is not None and order.state is OrderState.SHIPPED

    held = edifact_rows(demo_app, order_id)
    assert [kind for kind, *_ in held] == ["invoice", "shipped"]  # the INVOIC and the DESADV are due
    for _kind, state, attempts, reason in held:
        assert state == NotificationState.PENDING and attempts == 0
        assert reason.startswith(f"held: EDIFACT partner {STRANGER} is not configured")
    assert edifact_out(demo_app, order_id) == []
    demo_app.requeue_unfinished()  # the sweep looks again: still nobody to send to, still no failure
    drain_all(demo_app)
    assert edifact_rows(demo_app, order_id) == held

    import_partners(demo_app.uow(), HEADER + f"{STRANGER},14,UNOC,C-1001,edi,ferreteria-nueva\n")
    demo_app.requeue_unfinished()
    drain_all(demo_app)
    assert {state for _, state, _, _ in edifact_rows(demo_app, order_id)} == {NotificationState.QUEUED}
    assert edifact_out(demo_app, order_id) == [
        (OutboundKind.DESADV, "ferreteria-nueva"),
        (OutboundKind.INVOIC, "ferreteria-nueva"),
    ]


def accepted_row(app: App, order_id: int) -> tuple[str, int, str]:
    """(state, attempts, reason) of the order's "accepted" notice on the EDIFACT channel."""
    with app.uow() as uow:
        [row] = [
            n
            for n in uow.fulfilment.notifications(order_id)
            if n.channel == "edi" and str(n.kind) == "accepted"
        ]
        return str(row.state), row.attempts, row.error or ""


def order_responses(app: App, order_id: int) -> list[str]:
    """The recipients of every ORDRSP in the outbox for the order's document."""
    with app.uow() as uow:
        order = uow.orders.get(order_id)
        assert order is not None
        return [
            m.recipient for m in uow.outbound.for_document(order.document_id) if m.kind is OutboundKind.ORDRSP
        ]


def test_the_acceptance_of_an_order_from_an_unconfigured_partner_is_held_not_marked_told(
    demo_app: App,
) -> None:
    # nobody was told the order is accepted: the decision's ORDRSP was withheld, so the notice saying it
    # may not be closed as "told by the answer"; it waits, like the DESADV and the INVOIC
    order_id = approved_order_of_a_stranger(demo_app)
    set_up_books(demo_app)
    demo_app.lifecycle.service.start([order_id], "clerk")  # approved: the customer is due an "accepted"
    drain_all(demo_app)
    assert order_responses(demo_app, order_id) == []
    state, attempts, reason = accepted_row(demo_app, order_id)
    assert (state, attempts) == (NotificationState.PENDING, 0)
    assert reason.startswith(f"held: EDIFACT partner {STRANGER} is not configured")
    assert "told by the answer" not in reason

    demo_app.import_partners(HEADER + f"{STRANGER},14,UNOC,C-1001,edi,ferreteria-nueva\n")
    drain_all(demo_app)
    assert accepted_row(demo_app, order_id)[0] == NotificationState.QUEUED
    assert order_responses(demo_app, order_id) == ["ferreteria-nueva"]  # one ORDRSP, to the agreed address


def test_configuring_the_partner_releases_its_held_notices_without_waiting_for_the_sweep(
    demo_app: App,
) -> None:
    order_id = approved_order_of_a_stranger(demo_app)
    set_up_books(demo_app)
    demo_app.lifecycle.service.start([order_id], "clerk")
    ship_all(demo_app, order_id)
    drain_all(demo_app)
    assert {state for _, state, _, _ in edifact_rows(demo_app, order_id)} == {NotificationState.PENDING}

    # what `oms import partners` runs; no requeue_unfinished (the periodic sweep) afterwards
    assert demo_app.import_partners(HEADER + f"{STRANGER},14,UNOC,C-1001,edi,ferreteria-nueva\n") == (1, 0)
    drain_all(demo_app)
    assert {state for _, state, _, _ in edifact_rows(demo_app, order_id)} == {NotificationState.QUEUED}
    assert edifact_out(demo_app, order_id) == [
        (OutboundKind.DESADV, "ferreteria-nueva"),
        (OutboundKind.INVOIC, "ferreteria-nueva"),
    ]
    assert accepted_row(demo_app, order_id)[0] == NotificationState.QUEUED


def test_a_partner_configured_after_the_clerks_approval_still_gets_the_acceptance(demo_app: App) -> None:
    # the clerk approved while the sender was no configured partner, so the decision's ORDRSP was withheld;
    # the partner is configured before the order is started: nobody has told it the order is accepted yet,
    # so the "accepted" notice must go out (one ORDRSP, to the agreed address), not be closed as told
    order_id = approved_order_of_a_stranger(demo_app)
    drain_all(demo_app)
    assert order_responses(demo_app, order_id) == []
    demo_app.import_partners(HEADER + f"{STRANGER},14,UNOC,C-1001,edi,ferreteria-nueva\n")
    drain_all(demo_app)
    set_up_books(demo_app)
    demo_app.lifecycle.service.start([order_id], "clerk")
    drain_all(demo_app)
    state, _attempts, reason = accepted_row(demo_app, order_id)
    assert "told by the answer" not in reason
    assert state == NotificationState.QUEUED
    assert order_responses(demo_app, order_id) == ["ferreteria-nueva"]
