"""The duplicate windows as the business states them: the same order number from a customer within 60
days, or the same lines on another channel within 5 days; a minute past either is a new order."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

from core.capture.domain.documents import Channel
from oms.bootstrap import App
from tests.conftest import DEMO_DAY, load_demo_master_data, make_app
from tests.integration.helpers import arrive, drain, ingest, orders_of
from tests.integration.test_duplicates_policy import DEMO, pdf_order
from tests.unit.parsers.email_support import message

MINUTE = timedelta(minutes=1)


class Clock:
    def __init__(self) -> None:
        self.now = DEMO_DAY

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def shop(tmp_path: Path, clock: Clock) -> Iterator[App]:
    app = make_app(tmp_path, clock=clock)
    load_demo_master_data(app)
    yield app
    app.close()


@pytest.mark.parametrize(
    ("later", "repeats"), [(timedelta(days=60) - MINUTE, True), (timedelta(days=60) + MINUTE, False)]
)
def test_the_same_order_number_repeats_within_sixty_days(
    shop: App, clock: Clock, later: timedelta, repeats: bool
) -> None:
    [first, _] = orders_of(shop, ingest(shop, DEMO))
    clock.now = DEMO_DAY + later
    doc = arrive(shop, pdf_order("PO-2026-00123"), "pedido.pdf", Channel.UPLOAD)
    drain(shop)
    [again] = orders_of(shop, doc)
    assert again.customer_id == first.customer_id == "C-1001"
    assert again.duplicate_of == (first.id if repeats else None)


def _by_mail(content: bytes) -> bytes:
    """The demo interchange again under another interchange reference and new order numbers."""
    out = content.replace(b"+100001++ORDERS", b"+100011++ORDERS").replace(b"UNZ+2+100001", b"UNZ+2+100011")
    return out.replace(b"PO-2026-00123", b"PO-2026-00400").replace(b"PO-2026-00124", b"PO-2026-00401")


@pytest.mark.parametrize(
    ("later", "repeats"), [(timedelta(days=5) - MINUTE, True), (timedelta(days=5) + MINUTE, False)]
)
def test_the_same_lines_on_another_channel_repeat_within_five_days(
    shop: App, clock: Clock, later: timedelta, repeats: bool
) -> None:
    first = orders_of(shop, ingest(shop, DEMO))
    clock.now = DEMO_DAY + later
    doc = arrive(shop, _by_mail(DEMO), "orders.edi", Channel.EMAIL)
    drain(shop)
    again = orders_of(shop, doc)
    assert [o.po_number for o in again] == ["PO-2026-00400", "PO-2026-00401"]  # new numbers
    expected = [first[0].id, first[1].id] if repeats else [None, None]
    assert [o.duplicate_of for o in again] == expected


def test_an_emails_check_reads_no_lines_of_the_customers_emailed_orders(shop: App) -> None:
    """The same lines repeat an order only from another channel: an e-mail's duplicate check has no use
    for the lines of the customer's e-mailed orders, and does not read them (it did, two months' worth,
    for every e-mail). The order number still is compared across them."""
    first = message("10 x TOR-M8-40\n5 x TUE-M8\n", subject="Pedido PO-LINES-1", message_id="<l1@x.es>")
    [one] = orders_of(shop, _mailed(shop, first.as_bytes()))
    read: list[str] = []

    def seen(conn: object, cursor: object, statement: str, *rest: object) -> None:
        read.extend(re.findall(r"\bFROM (\w+)", statement))

    again = message("10 x TOR-M8-40\n5 x TUE-M8\n", subject="Pedido PO-LINES-1", message_id="<l2@x.es>")
    doc = arrive(shop, again.as_bytes(), "again.eml", Channel.EMAIL)
    event.listen(shop.engine, "before_cursor_execute", seen)
    try:
        shop.process(doc)
    finally:
        event.remove(shop.engine, "before_cursor_execute", seen)
    [two] = orders_of(shop, doc)
    assert two.duplicate_of == one.id  # the same order number, on the same channel
    assert "orders" in read and "order_lines" not in read


def _mailed(shop: App, raw: bytes) -> int:
    doc = arrive(shop, raw, "first.eml", Channel.EMAIL)
    drain(shop)
    return doc
