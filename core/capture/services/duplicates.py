"""The same order twice, whatever the channels: caught, sent to review, and linked to the first.

An order repeats an earlier one from the same customer when it carries the same order number (within
`PO_WINDOW`, any channel), or the same lines (at least two, same SKUs and quantities) within
`LINES_WINDOW` on another channel: the fax that is followed by the same order by e-mail, or an EDI
order also faxed "to be sure".  The same lines again on the same channel under a new order number
is a customer's routine reorder, not a duplicate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Protocol, TypeVar

from core.capture.domain.order import Problem, ProblemCode
from core.capture.domain.order_numbers import usual_format
from core.capture.domain.resolution import ResolvedOrder
from core.capture.services.earlier_index import Kept, Known, known_of, po_key, signature
from core.capture.services.unit_of_work import CaptureUnitOfWork
from core.kernel.domain.lookback import Lookback
from core.kernel.domain.model import Decision, EarlierLine, EarlierOrder, Order
from core.kernel.errors import TransientError

# a rule of `order_numbers` asked of a number and the customer's earlier numbers
FormatRule = Callable[[str, Iterable[str]], bool]

PO_WINDOW = timedelta(days=60)
LINES_WINDOW = timedelta(days=5)
RECENT_LIMIT = 500  # the most earlier orders of a customer `recent_for_customer` reads


def lookback(now: datetime, channel: str | None) -> Lookback:
    """What a document arriving `now` on `channel` reads of a customer's earlier orders: those within
    `PO_WINDOW`, with their lines within `LINES_WINDOW` and from another channel than its own."""
    return Lookback(now - PO_WINDOW, now - LINES_WINDOW, channel, RECENT_LIMIT)


D = TypeVar("D")  # how a read kept the document of each order (its id; None: read from the database)


def _as_read(
    orders: Iterable[tuple[D, EarlierOrder]], unseen: Callable[[D], bool], window: Lookback
) -> tuple[list[EarlierOrder], bool]:
    """What `recent_for_customer` would read for a document from `orders` read before, (document, order)
    newest first: those `window` admits whose document it does not leave `unseen`, without the lines of
    the orders the window reads without, at most its limit; and whether it stopped there."""
    found = []
    for document, order in orders:
        if unseen(document) or not window.admits(order.created_at):
            continue
        if order.lines and not window.with_lines(order.created_at, order.channel):
            order = replace(order, lines=())  # this document's read would not have its lines
        found.append(order)
        if len(found) == window.limit:
            return found, True
    return found, False


@dataclass
class _Read:
    window: Lookback  # what was read: the windows of the batch's first document of the customer
    orders: list[tuple[int | None, EarlierOrder]]  # (document, order), newest first; None: read
    index: Kept | None = None  # the customer's index, built for a document of the batch (`known`)
    documents: set[int] = field(default_factory=set)  # of the batch's own orders in `orders`


class BatchRecent:
    """One read of each customer's recent orders for the documents one transaction decides in turn
    (the collector's batch), where each document's duplicate check read them all again.

    What a document is given is what `recent_for_customer` would read for it at that point: the
    orders read for the batch's first document of that customer, with the orders the batch's own
    earlier documents stored since (`add`), within this document's windows, newest first, at most
    its limit. A read that reached the limit is not kept (what lies beyond it is unknown), nor
    anything once an earlier order was changed (`forget`). A document being decided has no orders of
    its own yet (they are stored with its final state), so leaving out the reader's document leaves out
    nothing another document would read. `DuplicateIndex.confirm` reads afresh, the customers held."""

    def __init__(self, uow: CaptureUnitOfWork) -> None:
        self.uow = uow
        self._reads: dict[tuple[str, str | None], _Read] = {}
        self._decided: list[DuplicateIndex] = []  # each stored document's index, in the order stored

    def decided(self, index: DuplicateIndex) -> None:
        """A document of the batch decided with this index: confirmed with the others by `confirm`."""
        self._decided.append(index)

    def confirm(self) -> None:
        """Just before the batch's commit: every document's duplicate questions asked again at once,
        the batch's customers held (`confirm_all`)."""
        decided, self._decided = self._decided, []
        confirm_all(self.uow, decided)

    def recent(self, customer_id: str, window: Lookback, *, exclude_document: int) -> Sequence[EarlierOrder]:
        key = (customer_id, window.lines_not_on)
        kept = self._reads.get(key)
        if (
            kept is None
            or window.since < kept.window.since
            or window.lines_since < kept.window.lines_since
            or window.limit != kept.window.limit
        ):
            orders = self.uow.orders.recent_for_customer(
                customer_id, window, exclude_document=exclude_document
            )
            if len(orders) < window.limit:
                self._reads[key] = _Read(window, [(None, o) for o in orders])
            else:
                self._reads.pop(key, None)
            return orders
        found, _ = _as_read(kept.orders, lambda document: document == exclude_document, window)
        return found

    def known(self, customer_id: str, window: Lookback, *, exclude_document: int) -> Known:
        """`known_of` what `recent` gives this document: the customer's index kept for the batch
        while the document's windows leave it the same (`Kept.fits`), extended by the batch's own
        orders (`add`); else built anew from `recent` and kept for the next documents."""
        key = (customer_id, window.lines_not_on)
        kept = self._reads.get(key)
        if (
            kept is not None
            and kept.index is not None
            and exclude_document not in kept.documents
            and kept.index.fits(window.since, window.lines_since, window.limit)
        ):
            return kept.index.given()
        orders = self.recent(customer_id, window, exclude_document=exclude_document)
        kept = self._reads.get(key)  # `recent` may have read again, or kept nothing
        if kept is not None and exclude_document not in kept.documents:
            kept.index = Kept.built(orders, window.since, window.lines_since, window.limit)
            if kept.index is not None:
                return kept.index.given()
        return known_of(orders, window.lines_since)

    def add(self, document_id: int, orders: Sequence[Order]) -> None:
        """A document's orders just stored: the batch's next documents read them as earlier orders."""
        for order in orders:
            # each field read once (a mapped order: every read goes through the mapping), the lines
            # only for a read that keeps them
            order_id, customer, at, channel = order.id, order.customer_id, order.created_at, order.channel
            if order_id is None or customer is None:
                continue
            unlined = EarlierOrder(order_id, channel, order.state, at, order.po_number, ())
            lined: EarlierOrder | None = None
            for (customer_id, _), kept in self._reads.items():
                if customer_id != customer or not kept.window.admits(at):
                    continue
                given = unlined
                if kept.window.with_lines(at, channel):
                    if lined is None:
                        ordered = sorted(order.lines, key=lambda ln: ln.position)
                        lined = replace(
                            unlined, lines=tuple(EarlierLine(ln.sku, ln.quantity) for ln in ordered)
                        )
                    given = lined
                kept.orders.append((document_id, given))
                kept.documents.add(document_id)
                if kept.index is not None:
                    kept.index = kept.index.extended(given)
        for kept in self._reads.values():
            kept.orders.sort(key=lambda pair: -pair[1].id)  # newest first, as a read gives them

    def forget(self) -> None:
        """An earlier order was changed in this transaction: what was read is read again."""
        self._reads.clear()


class Recent(Protocol):
    """Where an index reads a customer's earlier orders, as `recent_for_customer` would read them."""

    def recent(
        self, customer_id: str, window: Lookback, *, exclude_document: int
    ) -> Sequence[EarlierOrder]: ...


class _Reread:
    """What each of one transaction's documents would read now, its customers held: one read of all
    their customers' orders (two statements) for every document, each given the orders of other
    transactions and of the documents stored before it in this one, never its own or those of the
    documents stored after it (they were not there when it decided). Per document exactly what
    `recent_for_customer` would read for it at that point: a customer's read that stopped at its
    limit and leaves this document fewer than its own limit is read again for it alone."""

    def __init__(self, uow: CaptureUnitOfWork, indexes: Sequence[DuplicateIndex]) -> None:
        self.uow = uow
        self.position = {index.document_id: n for n, index in enumerate(indexes)}
        channels = {index.channel for index in indexes}
        # at most one order a question: what the transaction itself stored is read beyond the limit
        self.limit = RECENT_LIMIT + sum(len(index._asked) for index in indexes)
        earliest = min(index.now for index in indexes)
        window = lookback(earliest, channels.pop() if len(channels) == 1 else None)
        self.orders = uow.orders.recent_for_customers(
            {customer for index in indexes for customer in index._customers},
            replace(window, limit=self.limit),
        )

    def recent(self, customer_id: str, window: Lookback, *, exclude_document: int) -> Sequence[EarlierOrder]:
        mine = self.position[exclude_document]
        read = self.orders.get(customer_id, [])
        found, full = _as_read(read, lambda document: self.position.get(document, -1) >= mine, window)
        if full or len(read) < self.limit:
            return found
        return self.uow.orders.recent_for_customer(customer_id, window, exclude_document=exclude_document)


def confirm_all(uow: CaptureUnitOfWork, indexes: Sequence[DuplicateIndex]) -> None:
    """Just before the commit of the documents these indexes decided (one, or the collector's batch in
    the order stored): hold every customer asked about to the commit, all in one statement, then ask
    each document's questions again from one read of those customers' orders. A worker deciding the
    same customer's orders at the same time either committed before (its orders are read now) or
    waits at the hold until this transaction has committed (and then reads these).
    When an answer changed (an order one of them repeats committed since it was read), raise
    `TransientError`: the transaction is given up and its documents decided again, which finds that
    order. SQLite holds the whole database from the first statement: nothing to ask."""
    if not indexes or not uow.orders.hold_customers({c for index in indexes for c in index._customers}):
        return
    reread = _Reread(uow, indexes)
    for index in indexes:
        fresh = DuplicateIndex(uow, index.document_id, index.now, index.channel, reread)
        changed: list[str | None] = [
            c for c, po, rule, answer in index._formats if fresh._usual(c, po, rule) != answer
        ]
        changed += [
            r.customer_id for r, channel, answer in index._asked if fresh._earlier(r, channel) != answer
        ]
        if changed:
            raise TransientError(f"an order of customer {changed[0]} was decided meanwhile; deciding again")


class DuplicateIndex:
    """What each customer ordered lately, loaded once per customer for one document's orders."""

    def __init__(
        self,
        uow: CaptureUnitOfWork,
        document_id: int,
        now: datetime,
        channel: str | None = None,
        batch: Recent | None = None,
    ) -> None:
        """`channel`: the one the document's orders arrived on, when the index is asked about no other;
        then the lines of a customer's orders on that channel are not read (the same lines count only
        from another channel), nor, whatever the channel, those of orders older than `LINES_WINDOW`.
        `batch`: the reads shared by the documents of one transaction (the collector's)."""
        self.uow = uow
        self.document_id = document_id
        self.now = now
        self.channel = channel
        self.batch = batch
        self._customers: dict[str, Known] = {}
        # which earlier order each order was found to repeat, to ask again once the customers are held
        self._asked: list[tuple[ResolvedOrder, str, int | None]] = []
        # (customer, order number, the rule asked, its answer)
        self._formats: list[tuple[str, str, FormatRule, bool]] = []

    def confirm(self) -> None:
        """Just before the commit: hold the customers asked about to its end, then ask again which
        earlier order each order repeats (`confirm_all` for this document alone). A worker deciding
        the same customer's orders at the same time either committed before (its orders are read
        now) or waits here until this one has committed (and then reads these).
        When an answer changed (an order this one repeats committed since it was read), raise
        `TransientError`: the document is decided again, and the retry finds that order. Held this
        late, a customer waits for another document's insert and commit only, not for its reading,
        deciding and answers. All of a document's customers at once (the store takes them in a fixed
        order); only a use case that stores what it decides confirms (replay reads, and would only
        hold up others). SQLite holds the whole database from the first statement: nothing to ask."""
        confirm_all(self.uow, [self])

    def _load(self, customer_id: str) -> Known:
        if customer_id not in self._customers:
            window, document = lookback(self.now, self.channel), self.document_id
            if isinstance(self.batch, BatchRecent):  # the batch's index of the customer, built once
                known = self.batch.known(customer_id, window, exclude_document=document)
            else:  # one read: the confirm's, or the database's
                recent = self.batch.recent if self.batch is not None else self.uow.orders.recent_for_customer
                known = known_of(recent(customer_id, window, exclude_document=document), window.lines_since)
            # any of those is an order from before; without one the wider question is asked when
            # `first_order` wants it (asking again in `confirm` never does)
            self._customers[customer_id] = known
        return self._customers[customer_id]

    def first_order(self, customer_id: str | None) -> bool:
        """Whether nothing came from this customer before (documents other than this one).  Not asked
        again by `confirm`: a first order decided beside another of the customer's first orders is
        held as one (the cautious side of the policy), which is not wrong."""
        if customer_id is None:
            return False
        known = self._load(customer_id)
        if known.seen_before is None:
            known.seen_before = self.uow.orders.has_orders_from(customer_id, self.document_id)
        return not known.seen_before

    def usual_format(self, customer_id: str, po_number: str, rule: FormatRule = usual_format) -> bool:
        """Whether the customer's accepted earlier orders (of documents other than this one, within
        `PO_WINDOW`) make `po_number`'s format its own by `rule` (`order_numbers.usual_format` for its
        prefix, `order_numbers.usual_slashes` for its slashes); asked again, the customer held, by
        `confirm`."""
        answer = self._usual(customer_id, po_number, rule)
        self._formats.append((customer_id, po_number, rule, answer))
        return answer

    def _usual(self, customer_id: str, po_number: str, rule: FormatRule) -> bool:
        return rule(po_number, self._load(customer_id).numbers)

    def earlier(self, resolved: ResolvedOrder, channel: str) -> int | None:
        """The earlier order this one (arriving on `channel`) repeats, if any."""
        if self.channel is not None and channel != self.channel:
            raise ValueError(f"an index for orders on {self.channel} asked about one on {channel}")
        answer = self._earlier(resolved, channel)
        self._asked.append((resolved, channel, answer))
        return answer

    def _earlier(self, resolved: ResolvedOrder, channel: str) -> int | None:
        if not resolved.customer_id:
            return None
        known = self._load(resolved.customer_id)
        po = po_key(resolved.captured.po_number)
        if po and po in known.by_po:
            return known.by_po[po]
        lines = signature(
            (sku, line.quantity) for sku, line in zip(resolved.skus, resolved.captured.lines, strict=True)
        )
        if not lines:
            return None
        others = [order for order, came_on in known.by_lines.get(lines, []) if came_on != channel]
        return min(others) if others else None


def flag(resolved: ResolvedOrder, earlier: int) -> ResolvedOrder:
    """The order as a suspected duplicate: a clerk decides, seeing the first one."""
    problem = Problem(
        ProblemCode.DUPLICATE_ORDER,
        f"looks like order {earlier} again (same order number, or the same lines a few days apart)",
        field="po_number",
    )
    return replace(resolved, problems=(*resolved.problems, problem), decision=Decision.REVIEW)
