"""What a customer's earlier orders come to for the duplicate questions (`duplicates`): the newest
order of each order number, the orders of each set of lines, the numbers that show the customer's
format. Built from the orders one document is given (`known_of`), or kept for the documents of one
batch and extended by the orders the batch stores (`Kept`), so that a customer's earlier orders are
gone through once a batch, not once for each of its documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal

from core.kernel.domain.model import EarlierOrder, OrderState

MIN_LINES = 2  # a single repeated line is a customer's routine reorder more often than a duplicate
# an earlier order whose number shows the customer's format: accepted, by the checks or a clerk (held,
# rejected or cancelled ones say nothing of what the customer prints)
FORMAT_STATES = frozenset(OrderState) - {
    OrderState.RECEIVED,
    OrderState.IN_REVIEW,
    OrderState.REJECTED,
    OrderState.CANCELLED,
}

Signature = tuple[tuple[str, Decimal], ...]


def po_key(text: str | None) -> str:
    """An order number as compared: without spaces, in capitals."""
    return "".join((text or "").split()).upper()


def signature(pairs: Iterable[tuple[str | None, Decimal | None]]) -> Signature | None:
    """Lines as compared (SKU and quantity, in any order); None for fewer than `MIN_LINES`."""
    lines = sorted((sku, qty.normalize()) for sku, qty in pairs if sku and qty is not None)
    return tuple(lines) if len(lines) >= MIN_LINES else None


@dataclass
class Known:
    """One customer's earlier orders as one document's questions read them."""

    seen_before: bool | None  # None: not asked yet
    by_po: dict[str, int] = field(default_factory=dict)
    by_lines: dict[Signature, list[tuple[int, str]]] = field(default_factory=dict)  # (order, channel)
    numbers: list[str] = field(default_factory=list)  # of its orders in `FORMAT_STATES`


def known_of(orders: Sequence[EarlierOrder], lines_since: datetime) -> Known:
    """The index of `orders` (newest first, as a read gives them): the lines of those created since
    `lines_since` compared, a rejected order no original of anything."""
    known = Known(seen_before=True if orders else None)
    for order in orders:
        if order.id is None or order.state == OrderState.REJECTED:
            continue
        if order.po_number:
            known.by_po.setdefault(po_key(order.po_number), order.id)
            if order.state in FORMAT_STATES:
                known.numbers.append(order.po_number)
        if order.created_at >= lines_since:
            lines = signature((line.sku, line.quantity) for line in order.lines)
            if lines:
                known.by_lines.setdefault(lines, []).append((order.id, order.channel))
    return known


@dataclass(frozen=True)
class Kept:
    """A customer's index built for a batch's document whose windows began at `since` and
    `lines_since`, kept for the batch's next documents of the customer: each is given it while its
    own windows leave out none of its orders and strip no lines of theirs (`fits`), which is then
    exactly what `known_of` would make of its own read. Never changed once given out: an order the
    batch stores makes a new one (`extended`)."""

    since: datetime
    lines_since: datetime
    limit: int
    known: Known
    count: int  # orders in it (a rejected one included): fewer than `limit`, or it is not kept
    oldest: datetime | None  # the oldest order's time
    oldest_lined: datetime | None  # the oldest time of an order whose lines it compares
    newest: int | None  # the newest order's id

    @classmethod
    def built(
        cls,
        orders: Sequence[EarlierOrder],
        since: datetime,
        lines_since: datetime,
        limit: int,
    ) -> Kept | None:
        """The index of one document's orders (newest first, as given it), or None when they reached
        the limit (what lies beyond is unknown)."""
        if len(orders) >= limit:
            return None
        lined = [o.created_at for o in orders if o.lines and o.created_at >= lines_since]
        return cls(
            since,
            lines_since,
            limit,
            known_of(orders, lines_since),
            len(orders),
            min((o.created_at for o in orders), default=None),
            min(lined, default=None),
            orders[0].id if orders else None,
        )

    def fits(self, since: datetime, lines_since: datetime, limit: int) -> bool:
        """Whether a document with these windows (none of whose own orders the batch's read holds)
        reads the same orders with the same lines as this was built from."""
        return (
            limit == self.limit
            and self.since <= since
            and (self.oldest is None or since <= self.oldest)
            and self.lines_since <= lines_since
            and (self.oldest_lined is None or lines_since <= self.oldest_lined)
        )

    def given(self) -> Known:
        """The index for one document: its own answer to whether the customer ordered before (a
        document may ask the database), the rest shared and never changed."""
        known = self.known
        return Known(True if self.count else None, known.by_po, known.by_lines, known.numbers)

    def extended(self, order: EarlierOrder) -> Kept | None:
        """With an order the batch just stored (its lines as the batch's read keeps them): the same
        with the order in front as the newest, or None when it does not go in front or the limit is
        reached (the next document builds its own)."""
        at = order.created_at
        if at < self.since:  # outside every window this fits
            return self
        if (self.newest is not None and order.id <= self.newest) or self.count + 1 >= self.limit:
            return None
        if order.lines and at < self.lines_since:
            order = replace(order, lines=())
        old = self.known
        known = Known(True, old.by_po, old.by_lines, old.numbers)
        if order.state != OrderState.REJECTED:
            if order.po_number:
                known.by_po = {**old.by_po, po_key(order.po_number): order.id}
                if order.state in FORMAT_STATES:
                    known.numbers = [order.po_number, *old.numbers]
            lines = signature((line.sku, line.quantity) for line in order.lines)
            if lines and at >= self.lines_since:
                same = [(order.id, order.channel), *old.by_lines.get(lines, [])]
                known.by_lines = {**old.by_lines, lines: same}
        lined = self.oldest_lined
        if order.lines and (lined is None or at < lined):  # lines kept: from lines_since
            lined = at
        oldest = at if self.oldest is None or at < self.oldest else self.oldest
        return Kept(self.since, self.lines_since, self.limit, known, self.count + 1, oldest, lined, order.id)
