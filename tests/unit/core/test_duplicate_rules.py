"""The duplicate rules, order by order, over an in-memory list of a customer's earlier orders (the
windows against the database are in tests/integration/test_duplicate_windows.py). As the business
states them: the same order number from the same customer within 60 days, however it is spaced or
cased, on any channel; or the same lines (at least two: SKU and quantity) on another channel within
5 days. The same lines again on the same channel, or a single repeated line, are routine reorders.
A rejected order is no original anything repeats."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any, cast

import pytest

from core.capture.domain.order import CapturedLine, CapturedOrder, Problem, ProblemCode, Severity
from core.capture.domain.resolution import ResolvedOrder
from core.capture.services.duplicates import DuplicateIndex, flag
from core.kernel.domain.lookback import Lookback
from core.kernel.domain.model import Decision, Order, OrderLine, OrderState

NOW = datetime(2026, 11, 26, 10, tzinfo=UTC)
DAY = timedelta(days=1)
D = Decimal


def earlier(
    order_id: int,
    *,
    po: str | None = None,
    lines: tuple[tuple[str | None, str | None], ...] = (),
    channel: str = "fax",
    ago: timedelta = DAY,
    customer: str = "C-1",
    state: OrderState = OrderState.ACCEPTED,
    document_id: int = 1,
) -> Order:
    order = Order(
        document_id=document_id,
        message_index=0,
        channel=channel,
        state=state,
        decision=Decision.ACCEPT,
        confidence=1.0,
        created_at=NOW - ago,
        po_number=po,
        customer_id=customer,
        id=order_id,
    )
    order.lines = [
        OrderLine(position=i, sku=sku, quantity=None if qty is None else D(qty))
        for i, (sku, qty) in enumerate(lines, start=1)
    ]
    return order


@dataclass
class Orders:
    """The two questions the index asks the order repository, answered from a list."""

    rows: list[Order]
    asked_since: list[datetime] = field(default_factory=list)
    asked_ever: list[str] = field(default_factory=list)  # customers asked about beyond the windows

    def recent_for_customer(
        self, customer_id: str, window: Lookback, *, exclude_document: int
    ) -> list[Order]:
        # (which lines are wanted only spares the database: every order here comes with its lines)
        self.asked_since.append(window.since)
        found = [
            o
            for o in self.rows
            if o.customer_id == customer_id
            and o.created_at >= window.since
            and o.document_id != exclude_document
        ]
        return sorted(found, key=lambda o: -(o.id or 0))  # newest first, as the repository answers

    def has_orders_from(self, customer_id: str, exclude_document: int) -> bool:
        self.asked_ever.append(customer_id)
        return any(o.customer_id == customer_id and o.document_id != exclude_document for o in self.rows)


@dataclass
class Uow:
    orders: Orders


def index(*rows: Order, document_id: int = 99) -> tuple[DuplicateIndex, Orders]:
    orders = Orders(list(rows))
    return DuplicateIndex(cast(Any, Uow(orders)), document_id, NOW), orders


def arriving(
    po: str | None = None, lines: tuple[tuple[str | None, str | None], ...] = (), customer: str | None = "C-1"
) -> ResolvedOrder:
    captured = CapturedOrder(
        po_number=po,
        lines=tuple(CapturedLine(quantity=None if q is None else D(q)) for _, q in lines),
    )
    return ResolvedOrder(
        captured=captured,
        customer_id=customer,
        skus=tuple(sku for sku, _ in lines),
        problems=(),
        confidence=1.0,
        decision=Decision.ACCEPT,
    )


TWO = (("TOR-M8-40", "100"), ("TUE-M8", "50"))


def test_the_same_order_number_however_spaced_or_cased_repeats() -> None:
    seen, _ = index(earlier(7, po="PO-2026 00123"))
    assert seen.earlier(arriving(po=" po-2026  00123 "), "email") == 7
    assert seen.earlier(arriving(po="PO-2026-00124"), "email") is None
    spaced, _ = index(earlier(8, po="PO 2026 00123"))
    assert spaced.earlier(arriving(po="PO2026 00123"), "email") == 8  # spaces anywhere, or none


def test_an_order_number_repeats_on_the_same_channel_too() -> None:
    seen, _ = index(earlier(7, po="A-1", channel="email"))
    assert seen.earlier(arriving(po="A-1"), "email") == 7


def test_the_order_number_window_is_sixty_days_back_from_now() -> None:
    seen, orders = index(earlier(7, po="A-1"))
    seen.earlier(arriving(po="A-1"), "email")
    assert orders.asked_since == [NOW - timedelta(days=60)]


def test_another_customers_order_number_is_not_a_repeat() -> None:
    seen, _ = index(earlier(7, po="A-1", customer="C-2"))
    assert seen.earlier(arriving(po="A-1"), "email") is None


def test_an_order_without_a_customer_repeats_nothing() -> None:
    seen, orders = index(earlier(7, po="A-1"))
    assert seen.earlier(arriving(po="A-1", customer=None), "email") is None
    assert orders.asked_since == []  # nothing to look up


def test_a_rejected_order_is_no_original() -> None:
    seen, _ = index(earlier(7, po="A-1", lines=TWO, state=OrderState.REJECTED))
    assert seen.earlier(arriving(po="A-1", lines=TWO), "email") is None


def test_the_same_lines_on_another_channel_within_five_days_repeat() -> None:
    seen, _ = index(earlier(7, lines=TWO, channel="fax", ago=5 * DAY))
    assert seen.earlier(arriving(lines=TWO), "email") == 7


def test_the_same_lines_in_another_order_and_written_otherwise_are_the_same_lines() -> None:
    seen, _ = index(earlier(7, lines=(("TUE-M8", "50.0"), ("TOR-M8-40", "1E+2"))))
    assert seen.earlier(arriving(lines=TWO), "email") == 7


def test_the_same_lines_more_than_five_days_ago_do_not_repeat() -> None:
    seen, _ = index(earlier(7, lines=TWO, ago=5 * DAY + timedelta(seconds=1)))
    assert seen.earlier(arriving(lines=TWO), "email") is None


def test_the_same_lines_on_the_same_channel_are_a_routine_reorder() -> None:
    seen, _ = index(earlier(7, lines=TWO, channel="email"))
    assert seen.earlier(arriving(lines=TWO), "email") is None


def test_an_index_for_one_channel_answers_for_that_channel_only() -> None:
    seen = DuplicateIndex(cast(Any, Uow(Orders([earlier(7, lines=TWO, channel="fax")]))), 99, NOW, "email")
    assert seen.earlier(arriving(lines=TWO), "email") == 7
    with pytest.raises(ValueError, match="on email asked about one on fax"):
        seen.earlier(arriving(lines=TWO), "fax")


def test_one_repeated_line_is_a_routine_reorder() -> None:
    one = (("TOR-M8-40", "100"),)
    seen, _ = index(earlier(7, lines=one))
    assert seen.earlier(arriving(lines=one), "email") is None


def test_different_quantities_or_products_are_other_lines() -> None:
    seen, _ = index(earlier(7, lines=TWO))
    assert seen.earlier(arriving(lines=(("TOR-M8-40", "100"), ("TUE-M8", "51"))), "email") is None
    assert seen.earlier(arriving(lines=(("TOR-M8-40", "100"), ("TUE-M6", "50"))), "email") is None
    assert seen.earlier(arriving(lines=(*TWO, ("ARA-8", "10"))), "email") is None


def test_lines_not_resolved_or_without_a_quantity_do_not_count() -> None:
    # only one line of each is a (SKU, quantity) pair: below the two lines a repeat needs
    seen, _ = index(earlier(7, lines=(("TOR-M8-40", "100"), (None, "50"))))
    assert seen.earlier(arriving(lines=(("TOR-M8-40", "100"), ("TUE-M8", None))), "email") is None


def test_the_oldest_of_several_orders_with_the_same_lines_is_the_original() -> None:
    seen, _ = index(earlier(7, lines=TWO, ago=3 * DAY), earlier(9, lines=TWO, ago=2 * DAY))
    assert seen.earlier(arriving(lines=TWO), "email") == 7


def test_the_same_order_number_wins_over_the_same_lines() -> None:
    seen, _ = index(earlier(5, po="A-1", ago=30 * DAY), earlier(8, lines=TWO, ago=DAY))
    assert seen.earlier(arriving(po="A-1", lines=TWO), "email") == 5


def test_orders_of_the_same_document_are_not_earlier_orders() -> None:
    seen, _ = index(earlier(7, po="A-1", lines=TWO, document_id=99), document_id=99)
    assert seen.earlier(arriving(po="A-1", lines=TWO), "email") is None


def test_a_customer_is_new_until_anything_came_from_it_in_another_document() -> None:
    seen, _ = index(earlier(7, customer="C-1", ago=400 * DAY), earlier(8, customer="C-3", document_id=99))
    assert not seen.first_order("C-1")  # ordered long ago: not new, whatever the windows say
    assert seen.first_order("C-2")  # nothing ever
    assert seen.first_order("C-3")  # only this very document
    assert not seen.first_order(None)  # no customer: nobody to call new


def test_a_customer_with_an_order_in_the_windows_is_not_asked_about_again() -> None:
    """An order the windows found came from the customer before: whether anything ever did is asked
    (one more statement for every arrival) only of a customer the windows found nothing of."""
    seen, orders = index(earlier(7, customer="C-1"), earlier(8, customer="C-4", ago=400 * DAY))
    assert not seen.first_order("C-1")
    assert not seen.first_order("C-4")
    assert orders.asked_ever == ["C-4"]


def test_a_flagged_order_goes_to_review_naming_the_first() -> None:
    info = Problem(ProblemCode.LOW_CONFIDENCE, "x", severity=Severity.INFO)
    resolved = ResolvedOrder(
        captured=CapturedOrder(po_number="A-1"),
        customer_id="C-1",
        skus=(),
        problems=(info,),
        confidence=1.0,
        decision=Decision.ACCEPT,
    )
    flagged = flag(resolved, 7)
    assert flagged.decision is Decision.REVIEW
    assert flagged.problems[0] == info
    [problem] = flagged.problems[1:]
    assert problem.code is ProblemCode.DUPLICATE_ORDER and problem.severity >= Severity.REVIEW
    assert "order 7" in problem.message and problem.field == "po_number"
