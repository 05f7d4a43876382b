"""The order lifecycle end to end on the embedded default: approval, allocation, release, pick, pack,
ship, deliver, close; backorders, partial shipments, short picks, holds, cancellation, modification."""

from __future__ import annotations

from decimal import Decimal

import pytest

from core.fulfilment.domain.notifications import NoticeKind
from core.fulfilment.domain.stock import AllocationState
from core.fulfilment.domain.warehouse import ShipmentState
from core.kernel.domain.changes import LineChange, OrderChange
from core.kernel.domain.model import OutboundKind
from core.kernel.domain.notices import NotificationState
from core.kernel.errors import IllegalTransition, StockError
from oms.bootstrap import App
from tests.integration.lifecycle_support import (
    allocations,
    assert_books_balance,
    demo_orders,
    drain_all,
    events,
    level,
    notifications,
    order,
    outbound,
    set_up_shop,
    shipments,
    state,
)

pytestmark = pytest.mark.integration
D = Decimal


@pytest.fixture
def shop(demo_app: App) -> App:
    set_up_shop(demo_app)
    return demo_app


def run_to_shipped(app: App, order_id: int) -> int:
    svc = app.lifecycle.service
    svc.start([order_id], "clerk")
    [pick_list] = svc.release([order_id], "clerk", strict=True).pick_lists
    svc.confirm_pick(pick_list, None, "picker")
    [warehouse] = {a.warehouse for a in allocations(app, order_id)}
    shipment = svc.pack(order_id, warehouse, "packer")
    assert shipment.id is not None
    svc.ship(shipment.id, "dispatch")
    drain_all(app)
    return shipment.id


def test_an_edi_order_from_accepted_to_closed(shop: App) -> None:
    first, _second = demo_orders(shop)
    svc = shop.lifecycle.service
    assert state(shop, first) == "accepted"

    report = svc.start([first], "clerk")
    assert state(shop, first) == "allocated"
    assert report.allocated[first] == {"1": "250", "2": "250", "3": "4"}
    assert level(shop, "TOR-M8-40", "MAD") == (D(2000), D(250))  # the preferred warehouse had it all

    [pick_list] = svc.release([first], "clerk", strict=True).pick_lists
    assert state(shop, first) == "released"
    svc.confirm_pick(pick_list, None, "picker")
    assert state(shop, first) == "picked"
    shipment = svc.pack(first, "MAD", "packer")
    assert state(shop, first) == "packed"
    assert shipment.parcels and all(p.sscc and len(p.sscc) == 18 for p in shipment.parcels)
    assert shipment.id is not None

    shipped = svc.ship(shipment.id, "dispatch")
    assert state(shop, first) == "shipped"
    assert shipped.tracking_number and shipped.label_pdf and shipped.label_pdf.startswith(b"%PDF")
    assert shipped.charge is not None and shipped.charge > 0 and shipped.currency == "EUR"
    assert level(shop, "TOR-M8-40", "MAD") == (D(1750), D(0))

    svc.deliver(shipment.id, "carrier")
    assert state(shop, first) == "delivered"
    svc.close(first, "clerk")
    assert state(shop, first) == "closed"
    drain_all(shop)

    assert [e[0] for e in events(shop, first)] == [
        "approve", "allocate", "release", "pick", "pack", "ship", "deliver", "close",
    ]  # fmt: skip
    kinds = {n.kind: n for n in notifications(shop, first)}
    assert set(kinds) == {NoticeKind.ACCEPTED, NoticeKind.SHIPPED, NoticeKind.DELIVERED}
    assert kinds[NoticeKind.ACCEPTED].state is NotificationState.SKIPPED  # the ORDRSP at capture said so
    assert kinds[NoticeKind.SHIPPED].state is NotificationState.QUEUED
    assert kinds[NoticeKind.DELIVERED].state is NotificationState.SKIPPED  # EDIFACT: the buyer's RECADV
    [desadv] = [m for m in outbound(shop, first) if m.kind is OutboundKind.DESADV]
    assert desadv.state.value == "sent"
    assert shipped.tracking_number.encode() in desadv.content
    assert_books_balance(shop)


def test_every_event_has_time_actor_and_states(shop: App) -> None:
    first, _ = demo_orders(shop)
    run_to_shipped(shop, first)
    with shop.uow() as uow:
        trail = list(uow.fulfilment.events(first))
    assert all(e.at.tzinfo is not None and e.actor for e in trail)
    assert trail[0].from_state.value == "accepted" and trail[-1].to_state.value == "shipped"
    assert [e.actor for e in trail] == ["clerk", "clerk", "clerk", "picker", "packer", "dispatch"]


def test_backorder_is_released_when_stock_arrives(shop: App) -> None:
    _, second = demo_orders(shop)  # wants 6 wrenches; there are 25
    svc = shop.lifecycle.service
    svc.adjust("LLA-AJ-250", "MAD", "A-09-01", D(-22), "counter", "cycle count")
    svc.start([second], "clerk")
    assert state(shop, second) == "backordered"
    assert {a.sku: a.quantity for a in allocations(shop, second)}["LLA-AJ-250"] == 3
    drain_all(shop)
    [notice] = [n for n in notifications(shop, second) if n.kind is NoticeKind.BACKORDERED]
    assert notice.state is NotificationState.QUEUED and notice.detail == {"waiting": {"1": "3"}}
    [ordrsp] = [m for m in outbound(shop, second) if m.kind is OutboundKind.ORDRSP]
    assert b"BGM+231+" in ordrsp.content and b"+4'" in ordrsp.content  # BGM 1225 = 4: changed

    svc.receive("LLA-AJ-250", "BCN", "B-09-09", D(10), "goods-in")
    drain_all(shop)  # the StockArrived job serves the backorder
    assert state(shop, second) == "allocated"
    by_place = sorted((a.warehouse, a.quantity) for a in allocations(shop, second) if a.sku == "LLA-AJ-250")
    assert by_place == [("BCN", D(3)), ("MAD", D(3))]
    assert level(shop, "LLA-AJ-250", "BCN") == (D(10), D(3))
    assert_books_balance(shop)


def test_partial_shipment_then_the_rest(shop: App) -> None:
    _, second = demo_orders(shop)
    svc = shop.lifecycle.service
    svc.adjust("LLA-AJ-250", "MAD", "A-09-01", D(-21), "counter", "cycle count")  # 4 left of 6 wanted
    svc.start([second], "clerk")
    assert state(shop, second) == "backordered"
    first_shipment = run_to_shipped(shop, second)
    assert state(shop, second) == "partially_shipped"
    svc.deliver(first_shipment, "carrier")
    assert state(shop, second) == "partially_shipped"

    svc.receive("LLA-AJ-250", "MAD", "A-09-01", D(5), "goods-in")
    drain_all(shop)
    assert state(shop, second) == "partially_shipped"
    [pick_list] = svc.release([second], "clerk", strict=True).pick_lists
    svc.confirm_pick(pick_list, None, "picker")
    rest = svc.pack(second, "MAD", "packer")
    assert rest.id is not None
    svc.ship(rest.id, "dispatch")
    assert state(shop, second) == "shipped"
    svc.deliver(rest.id, "carrier")
    assert state(shop, second) == "delivered"
    drain_all(shop)
    shipped = [n for n in notifications(shop, second) if n.kind is NoticeKind.SHIPPED]
    assert len(shipped) == 2 and {n.shipment_id for n in shipped} == {first_shipment, rest.id}
    assert len([m for m in outbound(shop, second) if m.kind is OutboundKind.DESADV]) == 2
    assert_books_balance(shop)


def test_a_short_pick_is_found_elsewhere_or_waits(shop: App) -> None:
    first, _ = demo_orders(shop)
    svc = shop.lifecycle.service
    svc.start([first], "clerk")
    [pick_list] = svc.release([first], "clerk", strict=True).pick_lists
    with shop.uow() as uow:
        pl = uow.fulfilment.pick_list(pick_list)
        assert pl is not None
        line = next(ln for ln in pl.lines if ln.sku == "TOR-M8-40")
    report = svc.confirm_pick(pick_list, {line.id: D(200)}, "picker")  # 50 screws missing
    assert report.short == {line.id: "50"}
    assert state(shop, first) == "allocated"  # the 50 came from Barcelona at once
    screws = sorted(
        (a.warehouse, a.state.value, a.quantity) for a in allocations(shop, first) if a.sku == "TOR-M8-40"
    )
    assert screws == [("BCN", "allocated", D(50)), ("MAD", "picked", D(200))]
    assert level(shop, "TOR-M8-40", "MAD") == (D(1950), D(200))  # the books lost what was not there
    assert_books_balance(shop)


def test_cancel_after_allocation_gives_the_stock_back(shop: App) -> None:
    first, _ = demo_orders(shop)
    svc = shop.lifecycle.service
    svc.start([first], "clerk")
    svc.release([first], "clerk", strict=True)
    assert level(shop, "TUE-M8", "MAD") == (D(5000), D(250))
    svc.cancel(first, "customer phoned", "clerk")
    assert state(shop, first) == "cancelled"
    assert level(shop, "TUE-M8", "MAD") == (D(5000), D(0))
    assert all(a.state is AllocationState.CANCELLED for a in allocations(shop, first)) or not allocations(
        shop, first
    )
    with shop.uow() as uow:
        lines = [ln for pl in uow.fulfilment.pick_lists() for ln in pl.lines if ln.order_id == first]
    assert lines and all(ln.state.value == "withdrawn" for ln in lines)
    with pytest.raises(IllegalTransition, match="cannot release"):
        svc.release([first], "clerk", strict=True)
    drain_all(shop)
    [cancelled] = [n for n in notifications(shop, first) if n.kind is NoticeKind.CANCELLED]
    assert cancelled.state is NotificationState.QUEUED
    assert_books_balance(shop)


def test_hold_and_release_return_to_where_the_order_was(shop: App) -> None:
    first, _ = demo_orders(shop)
    svc = shop.lifecycle.service
    svc.start([first], "clerk")
    svc.release([first], "clerk", strict=True)
    svc.hold(first, "address to check", "supervisor")
    assert state(shop, first) == "on_hold"
    assert {a.state for a in allocations(shop, first)} == {AllocationState.ALLOCATED}  # off the pick list
    with pytest.raises(IllegalTransition, match="on_hold"):
        svc.pack(first, "MAD", "packer")
    svc.release_hold(first, "supervisor")
    assert state(shop, first) == "allocated"
    assert events(shop, first)[-2:] == [
        ("hold", "released", "on_hold"),
        ("release_hold", "on_hold", "allocated"),
    ]


def test_hold_before_approval_returns_to_accepted(shop: App) -> None:
    first, _ = demo_orders(shop)
    svc = shop.lifecycle.service
    svc.hold(first, "credit check by phone", "supervisor")
    with pytest.raises(IllegalTransition):
        svc.approve([first], "clerk", strict=True)
    svc.release_hold(first, "supervisor")
    assert state(shop, first) == "accepted"


def test_modify_before_release_changes_quantities_lines_and_dates(shop: App) -> None:
    first, _ = demo_orders(shop)
    svc = shop.lifecycle.service
    svc.start([first], "clerk")
    change = OrderChange(
        lines=(
            LineChange(position=1, quantity=D(100)),  # 250 -> 100 screws
            LineChange(position=3, quantity=D(0)),  # no wall plugs
            LineChange(position=None, sku="ARA-M8", quantity=D(100)),  # and washers
        ),
        note="cambio pedido por teléfono",
    )
    outcome = svc.modify(first, change, "clerk")
    assert outcome == {"1": "changed", "3": "deleted", "4": "added"}
    assert state(shop, first) == "allocated"
    held = {a.sku: a.quantity for a in allocations(shop, first) if a.state is AllocationState.ALLOCATED}
    assert held == {"TOR-M8-40": D(100), "TUE-M8": D(250), "ARA-M8": D(100)}
    assert level(shop, "TAC-6", "MAD") == (D(60), D(0))
    drain_all(shop)
    [changed] = [m for m in outbound(shop, first) if m.kind is OutboundKind.ORDRSP]
    text = changed.content.decode("latin-1")
    assert "BGM+231+" in text and "+4'" in text and "LIN+4+3+" in text and "QTY+21:0" in text
    assert "cambio pedido por tel".encode("latin-1") in changed.content
    assert_books_balance(shop)

    [pick_list] = svc.release([first], "clerk", strict=True).pick_lists
    with pytest.raises(IllegalTransition, match="is released: cannot modify"):
        svc.modify(first, OrderChange(lines=(LineChange(position=1, quantity=D(1)),)), "clerk")
    assert pick_list


def test_illegal_steps_are_refused_with_a_clear_error(shop: App) -> None:
    first, second = demo_orders(shop)
    svc = shop.lifecycle.service
    with pytest.raises(IllegalTransition, match=r"order \d+ is accepted: cannot allocate"):
        svc.allocate([first], "clerk", strict=True)
    with pytest.raises(IllegalTransition, match="cannot close"):
        svc.close(first, "clerk")
    with pytest.raises(IllegalTransition, match="cannot release"):
        svc.release([first], "clerk", strict=True)
    shipment = run_to_shipped(shop, second)
    with pytest.raises(IllegalTransition, match="cannot cancel"):
        svc.cancel(second, "too late", "clerk")
    with pytest.raises(IllegalTransition, match="only a packed one can ship"):
        svc.ship(shipment, "dispatch")
    svc.deliver(shipment, "carrier")
    with pytest.raises(IllegalTransition, match="only a shipped one"):
        svc.deliver(shipment, "carrier")
    assert state(shop, second) == "delivered"


def test_stock_cannot_go_below_what_is_allocated(shop: App) -> None:
    first, _ = demo_orders(shop)
    shop.lifecycle.service.start([first], "clerk")
    with pytest.raises(StockError, match="less than is allocated"):
        shop.lifecycle.service.adjust("TAC-6", "MAD", "A-03-01", D(-58), "counter", "count")
    assert level(shop, "TAC-6", "MAD") == (D(60), D(4))


def test_ledger_is_append_only(shop: App) -> None:
    from sqlalchemy import text

    with shop.uow() as uow, pytest.raises(Exception, match="append-only"):
        uow.session.execute(text("UPDATE stock_movements SET actor = 'x'"))
    with shop.uow() as uow, pytest.raises(Exception, match="append-only"):
        uow.session.execute(text("DELETE FROM stock_movements"))


def test_shipment_states_on_shipments(shop: App) -> None:
    first, _ = demo_orders(shop)
    run_to_shipped(shop, first)
    [shipment] = shipments(shop, first)
    assert shipment.state is ShipmentState.SHIPPED and shipment.carrier and shipment.promised_date
    assert order(shop, first).state.value == "shipped"


def test_a_buyers_change_message_modifies_the_order_and_is_answered(shop: App) -> None:
    from core.capture.domain.order import CapturedLine, CapturedOrder

    first, _ = demo_orders(shop)
    shop.lifecycle.service.start([first], "clerk")
    change = CapturedOrder(
        po_number="PO-2026-00123",
        function="change",
        lines=(
            CapturedLine(line_no="1", quantity=D(300)),
            CapturedLine(line_no="3", quantity=D(0)),
            CapturedLine(line_no="4", gtin="8437000100133", quantity=D(50)),  # washers, by GTIN
        ),
    )
    outcome = shop.processor().apply_change(change, "C-1001", "edi:8437000100010")
    assert outcome == {"1": "changed", "3": "deleted", "4": "added"}
    held: dict[str, Decimal] = {}
    for a in allocations(shop, first):
        held[a.sku] = held.get(a.sku, D(0)) + a.quantity
    assert held == {"TOR-M8-40": D(300), "TUE-M8": D(250), "ARA-M8": D(50)}
    assert events(shop, first)[-1] == ("modify", "allocated", "allocated")
    drain_all(shop)
    assert [n.kind for n in notifications(shop, first)][-1] is NoticeKind.CHANGED


class Flaky:
    """A notifier that fails its first attempt, like an e-mail relay that is down for a moment."""

    def __init__(self, inner: object) -> None:
        self.inner, self.calls = inner, 0

    def compose(self, notice: object, now: object) -> object:
        self.calls += 1
        if self.calls == 1:
            raise OSError("relay down")
        return self.inner.compose(notice, now)  # type: ignore[attr-defined]


def test_a_notification_that_fails_is_retried_never_lost_never_doubled(shop: App) -> None:
    from core.fulfilment.domain.stock import CustomerPreferences
    from core.kernel.errors import TransientError

    with shop.uow() as uow:  # this EDI customer wants to hear about its orders by e-mail
        uow.stock.save_preferences(CustomerPreferences("C-1001", notify_channel="email"))
        uow.commit()
    first, _ = demo_orders(shop)
    svc = shop.lifecycle.service
    flaky = Flaky(shop.lifecycle.notifiers["email"])
    shop.lifecycle.notifiers["email"] = flaky  # type: ignore[assignment]
    svc.approve([first], "clerk")
    with pytest.raises(TransientError):
        svc.notify(first)
    [pending] = notifications(shop, first)
    assert (
        pending.state is NotificationState.PENDING
        and pending.attempts == 1
        and "relay down" in (pending.error or "")
    )
    assert svc.notify(first).queued == 1
    assert svc.notify(first).queued == 0  # nothing twice
    shop.requeue_unfinished()
    drain_all(shop)
    [sent] = notifications(shop, first)
    assert sent.state is NotificationState.QUEUED and sent.channel == "email" and sent.language == "es"
    [mail] = [m for m in outbound(shop, first) if m.kind is OutboundKind.NOTICE]
    assert (
        mail.recipient == "pedidos@ferreterianunez.es"
        and "Subject: Su pedido PO-2026-00123: aceptado" in mail.content.decode()
    )
