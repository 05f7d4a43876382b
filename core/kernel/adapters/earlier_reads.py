"""The orders' reads the duplicate check asks for: a customer's earlier orders as plain rows, whether it
ordered before, and the hold on its decisions to the commit. Mixed into `OrderRepository`."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.kernel.adapters import earlier_orders, locks, orm
from core.kernel.adapters.db import on_postgresql
from core.kernel.domain.lookback import Lookback
from core.kernel.domain.model import EarlierLine, EarlierOrder

CUSTOMER_LOCKS = 0x434F4D44  # "COMD": the advisory-lock space of a customer's order decisions

# said by a statement of the order repository that reads no order lines (the duplicate checks' reads of
# a customer's earlier orders): the lines `OrderRepository.lines_held` keeps waiting need not go in
# before it
NO_LINES = {"reads_no_order_lines": True}


def customer_lock_key(customer_id: str) -> int:
    """A customer's advisory-lock key: a stable signed 32-bit hash of its id (the same in every process,
    unlike Python's `hash`).  Two customers sharing a key only wait for each other, never miss a lock."""
    return int.from_bytes(hashlib.blake2b(customer_id.encode(), digest_size=4).digest(), "big", signed=True)


class EarlierOrderReads:
    """The duplicate check's reads of `OrderRepository`, which gives the session and inserts the lines
    it keeps waiting (`flush_held`) before a read of lines."""

    session: Session

    def flush_held(self) -> None:
        raise NotImplementedError

    def recent_for_customer(
        self, customer_id: str, window: Lookback, *, exclude_document: int
    ) -> Sequence[EarlierOrder]:
        """A customer's orders that `window` admits, from other documents, newest first (at most its
        limit), as the duplicate check compares them: read as plain rows, two statements, rather than
        as orders with every column of every line (every arrival reads two months of its customer's).
        Lines only of the orders the window reads with lines; the others come without (the check
        compares no lines of theirs)."""
        asked = {
            "customer_id": customer_id,
            "since": window.since,
            "exclude_document": exclude_document,
            "limit": window.limit,
        }
        heads = self.session.execute(earlier_orders.RECENT_HEADS, asked, execution_options=NO_LINES).all()
        lines = self._earlier_lines(heads, window)
        return [
            EarlierOrder(h.id, h.channel, h.state, h.created_at, h.po_number, tuple(lines[h.id]))
            for h in heads
        ]

    def recent_for_customers(
        self, customer_ids: Iterable[str], window: Lookback
    ) -> Mapping[str, Sequence[tuple[int, EarlierOrder]]]:
        """`recent_for_customer` for several customers at once, every document's orders included, each
        with its document: (document id, order) by customer, newest first, at most the window's limit
        a customer. Two statements whatever the number of customers (a batch's duplicate questions
        asked again)."""
        wanted = sorted(set(customer_ids))
        if not wanted:
            return {}
        heads = self.session.execute(
            earlier_orders.RECENT_HEADS_OF[on_postgresql(self.session)],
            {"customers": wanted, "since": window.since, "limit": window.limit},
            execution_options=NO_LINES,
        ).all()
        lines = self._earlier_lines(heads, window)
        found: dict[str, list[tuple[int, EarlierOrder]]] = {c: [] for c in wanted}
        for h in heads:
            earlier = EarlierOrder(h.id, h.channel, h.state, h.created_at, h.po_number, tuple(lines[h.id]))
            found[h.customer_id].append((h.document_id, earlier))
        return found

    def _earlier_lines(self, heads: Sequence[Any], window: Lookback) -> dict[int, list[EarlierLine]]:
        """The lines (SKU, quantity, in position order) of those of these orders `window` reads with
        their lines, by order; one statement, none when none is."""
        lines: dict[int, list[EarlierLine]] = defaultdict(list)
        wanted = [h.id for h in heads if window.with_lines(h.created_at, h.channel)]
        if wanted:
            self.flush_held()  # lines of orders stored in this transaction are read too
            found = earlier_orders.EARLIER_LINES[on_postgresql(self.session)]
            for order_id, sku, quantity in self.session.execute(found, {"orders": wanted}):
                lines[order_id].append(EarlierLine(sku, quantity))
        return lines

    def hold_customers(self, customer_ids: Iterable[str]) -> bool:
        """Hold, to the end of the transaction, the right to decide new orders for these customers.

        Whether an order repeats an earlier one is read from the orders committed so far, so two
        transactions deciding the same customer's orders at once would each miss the other's.  On
        PostgreSQL each customer is a transaction-scoped advisory lock, taken in one order (by key, all
        in one statement) so that two transactions deciding orders of several customers never wait for
        each other in a circle; a second transaction for a customer waits here until the first has
        committed its orders, and then reads them.  SQLite needs nothing: every transaction there begins with
        BEGIN IMMEDIATE, so one writer holds the whole database from its first statement to its commit.
        Returns whether anything was taken (False on SQLite: what was read still stands).
        """
        return locks.hold(self.session, CUSTOMER_LOCKS, (customer_lock_key(c) for c in customer_ids))

    def has_orders_from(self, customer_id: str, exclude_document: int) -> bool:
        stmt = (
            select(orm.orders.c.id)
            .where(orm.orders.c.customer_id == customer_id, orm.orders.c.document_id != exclude_document)
            .limit(1)
        )
        return self.session.execute(stmt, execution_options=NO_LINES).first() is not None
