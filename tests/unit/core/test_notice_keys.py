"""A customer hears of each change once: the notification's key names the order, the kind of change and
the thing announced (a shipment, a change number), so two shipments are two notices and one shipment
announced twice is one."""

from __future__ import annotations

from datetime import UTC, datetime

from core.fulfilment.domain.notifications import CustomerNotice, NoticeKind, Notification, notification_key
from core.kernel.domain.model import Decision, Order, OrderState

NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)


def test_the_key_names_the_order_the_change_and_what_was_announced() -> None:
    assert notification_key(12, NoticeKind.ACCEPTED) == "order:12:accepted"
    assert notification_key(12, NoticeKind.SHIPPED, 3) == "order:12:shipped:3"
    assert notification_key(12, NoticeKind.CHANGED, "2") == "order:12:changed:2"
    # a reference of 0 or "" is still a reference, not its absence
    assert notification_key(12, NoticeKind.CHANGED, 0) == "order:12:changed:0"
    assert notification_key(12, NoticeKind.CHANGED, "") == "order:12:changed:"


def test_two_shipments_are_two_notices_and_the_same_one_is_one() -> None:
    first, second = (notification_key(5, NoticeKind.SHIPPED, s) for s in (1, 2))
    assert first != second
    assert first == notification_key(5, NoticeKind.SHIPPED, 1)
    assert notification_key(5, NoticeKind.SHIPPED, 1) != notification_key(51, NoticeKind.SHIPPED, 1)


def test_a_notice_speaks_of_its_notifications_kind_in_its_language() -> None:
    order = Order(1, 0, "email", OrderState.SHIPPED, Decision.ACCEPT, 1.0, NOW)
    notification = Notification(1, NoticeKind.DELIVERED, "order:1:delivered", "email", NOW, language="en")
    notice = CustomerNotice(notification, order, None, (), "n-1")
    assert (notice.kind, notice.language) == (NoticeKind.DELIVERED, "en")
    assert Notification(1, NoticeKind.SHIPPED, "k", "fax", NOW).language == "es"
