"""The kernel's repositories: orders, the outbox, trading partners, users; queries behind methods named
for what the services need."""

from __future__ import annotations

import builtins
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, event, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.orm.attributes import set_committed_value

from core.kernel.adapters import earlier_orders, locks, orm
from core.kernel.adapters.bulk import copy_in
from core.kernel.adapters.db import on_postgresql
from core.kernel.domain.model import (
    Decision,
    EarlierLine,
    EarlierOrder,
    Order,
    OrderState,
    OutboundMessage,
    OutboundState,
    Partner,
)
from core.kernel.domain.signins import Outcome, SignInAttempt
from core.kernel.domain.users import ApiToken, User, WebSession

CUSTOMER_LOCKS = 0x434F4D44  # "COMD": the advisory-lock space of a customer's order decisions


def customer_lock_key(customer_id: str) -> int:
    """A customer's advisory-lock key: a stable signed 32-bit hash of its id (the same in every process,
    unlike Python's `hash`).  Two customers sharing a key only wait for each other, never miss a lock."""
    return int.from_bytes(hashlib.blake2b(customer_id.encode(), digest_size=4).digest(), "big", signed=True)


class PartnerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, partner_id: str, *, lock: bool = False) -> Partner | None:
        if not lock:  # by primary key: a partner already loaded in this unit of work costs no query
            return self.session.get(Partner, partner_id)
        stmt = (
            select(Partner)
            .where(orm.partners.c.partner_id == partner_id)
            .with_for_update()
            .execution_options(populate_existing=True)  # the row as locked, not as read earlier
        )
        return self.session.scalars(stmt).first()

    def advance(self, partner: Partner, first: int, count: int, learned: dict[str, str]) -> bool:
        """Take `count` control references from `first` on, in one conditional `UPDATE` that succeeds
        only if nobody took any since `first` was read; with them, store what the interchange taught
        (`learned`: the syntax they write in, the id they address us by). False when the sequence moved.

        The row is locked from this statement to the commit, not from the read: a caller renders
        its answers first and takes their numbers last.
        """
        table = orm.partners
        values: dict[str, object] = {"next_control_ref": first + count, **learned}
        stmt = (
            update(table)
            .where(table.c.partner_id == partner.partner_id, table.c.next_control_ref == first)
            .values(**values)
        )
        if self.session.execute(stmt).rowcount != 1:  # type: ignore[attr-defined]
            return False
        for name, value in values.items():  # what the row now holds; nothing left for the flush
            set_committed_value(partner, name, value)
        return True

    def get_or_create(self, partner: Partner) -> Partner:
        """The stored partner with this id, inserting `partner` if there is none (safe under races)."""
        try:
            with self.session.begin_nested():
                self.session.add(partner)
                self.session.flush()
        except IntegrityError:
            existing = self.get(partner.partner_id, lock=True)
            assert existing is not None
            return existing
        return partner

    def configured(self) -> Sequence[Partner]:
        """The partners with an agreement (an address answers go to), locked: their control-reference
        sequences are about to move."""
        stmt = (
            select(Partner)
            .where(orm.partners.c.address != "")
            .order_by(orm.partners.c.partner_id)
            .with_for_update()
        )
        return self.session.scalars(stmt).all()

    def configure(self, agreement: Partner) -> bool:
        """Store a partner's agreement as imported, keeping its control-reference sequence; True when new."""
        stored = self.get(agreement.partner_id, lock=True)
        if stored is None:
            self.session.add(agreement)
            return True
        for name in ("qualifier", "syntax_ids", "buyers", "channel", "address", "customer_id"):
            setattr(stored, name, getattr(agreement, name))
        if agreement.our_id:  # else what their interchanges addressed us by stays
            stored.our_id, stored.our_qualifier = agreement.our_id, agreement.our_qualifier
        return False


def _values(obj: object, columns: list[str]) -> dict[str, object]:
    """The columns' values of a new object, read from its state's dictionary rather than through
    each attribute's instrumented getter (a quarter of a million of them for 1,000 orders)."""
    held = vars(obj)
    return {c: held[c] if c in held else getattr(obj, c) for c in columns}


# said by a statement of this repository that reads no order lines (the duplicate checks' reads of a
# customer's earlier orders): the lines `lines_held` keeps waiting need not go in before it
_NO_LINES = {"reads_no_order_lines": True}

# one order stored, its id returned (`OrderRepository.insert_new`), built once
_INSERT_ORDER = insert(orm.orders).returning(orm.orders.c.id)


# new answers stored together, their ids not returned (`OutboundRepository.new_held`), built once
_INSERT_MESSAGES = insert(orm.outbound_messages)


# a rendered answer kept where its row is still a pending draft (`OutboundRepository.fill_drafts`)
_FILL_DRAFT = (
    update(orm.outbound_messages)
    .where(orm.outbound_messages.c.id == bindparam("message_id"))
    .where(orm.outbound_messages.c.state == OutboundState.PENDING)
    .where(orm.outbound_messages.c.draft.is_not(None))
    .values(content=bindparam("rendered"), draft=None)
)


class OrderRepository:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._holding = False  # inside `lines_held`
        self._waiting: list[dict[str, object]] = []  # lines stored by `insert_new`, not yet inserted

    @contextmanager
    def lines_held(self) -> Iterator[None]:
        """Inside the block, the lines of the orders `insert_new` stores wait and go into the database
        together (one statement for the collector's batch, not one a document): before any statement
        of the session that is not an insert (whoever makes it: a repository's read, a Core `select`
        or `text` through the session, a lazy load) unless it says it reads no order lines (this
        repository's reads of earlier orders' heads, `_NO_LINES`); before a flush, savepoint or
        commit of the unit of work; and at the block's end. The orders go in at once (their ids are
        needed). So anything reading through the session in the block finds every line stored
        before it, as without the block; only a reader going around the session (its connection or
        the driver's cursor, as `bulk.BulkWriter`'s rows also ask) must call `flush_held` first: the
        storing transaction has none. Left by an exception, the lines still wait: the commit inserts
        them, a rollback drops them."""
        if self._holding:  # nested: the outer block inserts them
            yield
            return
        self._holding = True
        event.listen(self.session, "do_orm_execute", self._before_statement)
        try:
            yield
        finally:
            self._holding = False
            event.remove(self.session, "do_orm_execute", self._before_statement)
        self.flush_held()

    def _before_statement(self, state: ORMExecuteState) -> None:
        # a read, update or delete could look for them, unless it says it reads no lines (`_NO_LINES`)
        if self._waiting and not state.is_insert and not state.execution_options.get("reads_no_order_lines"):
            self.flush_held()

    def flush_held(self) -> None:
        """Insert the lines `lines_held` keeps waiting, now (nothing when none wait)."""
        if not self._waiting:
            return
        rows, self._waiting = self._waiting, []
        if not copy_in(self.session, orm.order_lines, rows):
            self.session.execute(insert(orm.order_lines), rows)

    def drop_held(self) -> None:
        """The transaction was rolled back: the lines waiting for it are dropped with it."""
        self._waiting = []

    def add_all(self, orders: Iterable[Order]) -> None:
        self.session.add_all(list(orders))

    def insert_new(self, document_id: int, orders: Sequence[Order]) -> None:
        """Insert a document's new orders and their lines in bulk, setting each order's id.

        Core executemany instead of the ORM's flush: a thousand-message interchange makes eleven
        thousand rows, and the ORM's multi-row INSERT … RETURNING costs several times more (psycopg
        re-parses every large statement).  A single order (most e-mails and faxes) is one INSERT …
        RETURNING instead of a COPY or insert and a read of the ids.  The orders stay transient; load
        them again to change them.
        """
        if not orders:
            return
        if any(o.document_id != document_id for o in orders):
            raise ValueError("insert_new takes the orders of one document")
        order_cols = [c.name for c in orm.orders.columns if c.name != "id"]
        line_cols = [c.name for c in orm.order_lines.columns if c.name not in ("id", "order_id")]
        order_rows = [_values(o, order_cols) for o in orders]
        if len(orders) == 1:  # an e-mail's or a fax's order: its id in the same statement
            stored = self.session.execute(_INSERT_ORDER, order_rows[0])
            ids = {orders[0].message_index: stored.scalar_one()}
        else:
            if not copy_in(self.session, orm.orders, order_rows):
                self.session.execute(insert(orm.orders), order_rows)
            ids = dict(
                self.session.execute(
                    select(orm.orders.c.message_index, orm.orders.c.id).where(
                        orm.orders.c.document_id == document_id
                    )
                ).all()
            )
        rows = []
        for order in orders:
            order.id = ids[order.message_index]
            for line in order.lines:
                row = _values(line, line_cols)
                row["order_id"] = order.id
                rows.append(row)
        if self._holding:  # inserted with the batch's others (`lines_held`)
            self._waiting.extend(rows)
        elif rows and not copy_in(self.session, orm.order_lines, rows):
            self.session.execute(insert(orm.order_lines), rows)

    def get(self, order_id: int) -> Order | None:
        self.flush_held()
        return self.session.get(Order, order_id)

    def by_ids(self, order_ids: Iterable[int]) -> dict[int, Order]:
        """Several orders at once (their lines in one more statement), by id; missing ones left out."""
        self.flush_held()
        ids = sorted(set(order_ids))
        if not ids:
            return {}
        found = self.session.scalars(select(Order).where(orm.orders.c.id.in_(ids))).all()
        return {o.id: o for o in found if o.id is not None}

    def list(
        self,
        *,
        state: OrderState | None = None,
        customer_id: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> Sequence[Order]:
        self.flush_held()
        stmt = select(Order).order_by(orm.orders.c.id.desc())
        if state is not None:
            stmt = stmt.where(orm.orders.c.state == state)
        if customer_id is not None:
            stmt = stmt.where(orm.orders.c.customer_id == customer_id)
        return self.session.scalars(stmt.limit(limit).offset(offset)).all()

    def recent_for_customer(
        self,
        customer_id: str,
        since: datetime,
        *,
        exclude_document: int,
        lines_since: datetime | None = None,
        lines_not_on: str | None = None,
        limit: int = 500,
    ) -> Sequence[EarlierOrder]:
        """A customer's orders created since a time, from other documents, newest first (at most `limit`),
        as the duplicate check compares them: read as plain rows, two statements, rather than as
        orders with every column of every line (every arrival reads two months of its customer's).
        Lines only of the orders created since `lines_since` and not on channel `lines_not_on` (when
        given); the others come without lines (the check compares no lines of theirs)."""
        asked = {
            "customer_id": customer_id,
            "since": since,
            "exclude_document": exclude_document,
            "limit": limit,
        }
        heads = self.session.execute(earlier_orders.RECENT_HEADS, asked, execution_options=_NO_LINES).all()
        lines = self._earlier_lines(heads, lines_since, lines_not_on)
        return [
            EarlierOrder(h.id, h.channel, h.state, h.created_at, h.po_number, tuple(lines[h.id]))
            for h in heads
        ]

    def recent_for_customers(
        self,
        customer_ids: Iterable[str],
        since: datetime,
        *,
        lines_since: datetime | None = None,
        lines_not_on: str | None = None,
        limit: int = 500,
    ) -> Mapping[str, Sequence[tuple[int, EarlierOrder]]]:
        """`recent_for_customer` for several customers at once, every document's orders included, each
        with its document: (document id, order) by customer, newest first, at most `limit` a customer.
        Two statements whatever the number of customers (a batch's duplicate questions asked again)."""
        wanted = sorted(set(customer_ids))
        if not wanted:
            return {}
        heads = self.session.execute(
            earlier_orders.RECENT_HEADS_OF[on_postgresql(self.session)],
            {"customers": wanted, "since": since, "limit": limit},
            execution_options=_NO_LINES,
        ).all()
        lines = self._earlier_lines(heads, lines_since, lines_not_on)
        found: dict[str, builtins.list[tuple[int, EarlierOrder]]] = {c: [] for c in wanted}
        for h in heads:
            earlier = EarlierOrder(h.id, h.channel, h.state, h.created_at, h.po_number, tuple(lines[h.id]))
            found[h.customer_id].append((h.document_id, earlier))
        return found

    def _earlier_lines(
        self, heads: Sequence[Any], lines_since: datetime | None, lines_not_on: str | None
    ) -> dict[int, builtins.list[EarlierLine]]:
        """The lines (SKU, quantity, in position order) of those of these orders created since
        `lines_since` and not on channel `lines_not_on`, by order; one statement, none when none is."""
        lines: dict[int, builtins.list[EarlierLine]] = defaultdict(builtins.list)
        wanted = [
            h.id
            for h in heads
            if (lines_since is None or h.created_at >= lines_since)
            and (lines_not_on is None or h.channel != lines_not_on)
        ]
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

    def latest_with_po_number(self, po_number: str, customer_id: str | None) -> Order | None:
        """The newest order with this buyer's order number (from this customer, when one is given)."""
        self.flush_held()
        stmt = select(Order).where(orm.orders.c.po_number == po_number).order_by(orm.orders.c.id.desc())
        if customer_id is not None:
            stmt = stmt.where(orm.orders.c.customer_id == customer_id)
        return self.session.scalars(stmt.limit(1)).first()

    def has_orders_from(self, customer_id: str, exclude_document: int) -> bool:
        stmt = (
            select(orm.orders.c.id)
            .where(orm.orders.c.customer_id == customer_id, orm.orders.c.document_id != exclude_document)
            .limit(1)
        )
        return self.session.execute(stmt, execution_options=_NO_LINES).first() is not None

    def for_document(self, document_id: int) -> Sequence[Order]:
        self.flush_held()
        stmt = (
            select(Order).where(orm.orders.c.document_id == document_id).order_by(orm.orders.c.message_index)
        )
        return self.session.scalars(stmt).all()

    def ids_for_document(self, document_id: int) -> Sequence[int]:
        """A document's order ids in message order, without loading the orders."""
        t = orm.orders
        stmt = select(t.c.id).where(t.c.document_id == document_id).order_by(t.c.message_index)
        return list(self.session.scalars(stmt))

    def ids_for_documents(self, document_ids: Iterable[int]) -> Sequence[int]:
        """`ids_for_document` for several documents in one statement: by document, each in message
        order (a refresh of a batch of e-mails asked once per e-mail before)."""
        wanted = sorted(set(document_ids))
        if not wanted:
            return []
        t = orm.orders
        stmt = select(t.c.id).where(t.c.document_id.in_(wanted)).order_by(t.c.document_id, t.c.message_index)
        return list(self.session.scalars(stmt))

    def decisions_for_document(
        self, document_id: int
    ) -> Sequence[tuple[int, str | None, Decision, OrderState]]:
        """(id, po number, decision, state) of a document's orders in message order, for its log lines:
        a thousand-message interchange is not loaded as a thousand orders to say what became of them."""
        t = orm.orders
        stmt = (
            select(t.c.id, t.c.po_number, t.c.decision, t.c.state)
            .where(t.c.document_id == document_id)
            .order_by(t.c.message_index)
        )
        return [(row.id, row.po_number, row.decision, row.state) for row in self.session.execute(stmt)]

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(orm.orders)) or 0)


class OutboundRepository:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._holding = False  # inside `new_held`
        self._waiting: list[OutboundMessage] = []  # new answers added in the block, not yet inserted

    @contextmanager
    def new_held(self) -> Iterator[None]:
        """Inside the block, the new answers `add` is given wait and go into the database together at
        the block's end, in one statement (on SQLite the ORM's flush sends one INSERT … RETURNING a
        row, for ids nothing in a batch's storing reads). Before that, a flush, savepoint or commit
        of the unit of work, or a read of this repository, inserts them first. The answers stay
        transient, their ids unset: load them again to change them. Left by an exception, they
        still wait: the commit inserts them, a rollback drops them."""
        if self._holding:  # nested: the outer block inserts them
            yield
            return
        self._holding = True
        try:
            yield
        finally:
            self._holding = False
        self.flush_held()

    def flush_held(self) -> None:
        """Insert the answers `new_held` keeps waiting, now, in the order they were added."""
        if not self._waiting:
            return
        messages, self._waiting = self._waiting, []
        columns = [c.name for c in orm.outbound_messages.columns if c.name != "id"]
        self.session.execute(_INSERT_MESSAGES, [_values(m, columns) for m in messages])

    def drop_held(self) -> None:
        """The transaction was rolled back: the answers waiting for it are dropped with it."""
        self._waiting = []

    def add(self, message: OutboundMessage) -> None:
        if self._holding and message.id is None:
            self._waiting.append(message)
        else:
            self.session.add(message)

    def get(self, message_id: int) -> OutboundMessage | None:
        self.flush_held()
        return self.session.get(OutboundMessage, message_id)

    def pending_for_document(self, document_id: int) -> Sequence[OutboundMessage]:
        """A document's answers ready to go: pending and rendered (a draft waits for its render job).

        Locked, skipping rows another delivery holds: two jobs delivering the same document at once
        (a redelivered job, the sweep) never both send a row (PostgreSQL; SQLite has one writer)."""
        return self.pending_for_documents([document_id])

    def pending_for_documents(
        self, document_ids: Sequence[int], *, lock: bool = True
    ) -> Sequence[OutboundMessage]:
        """`pending_for_document` for several documents in one statement, in id order; every one of
        them, none locked, when `lock` is False (a look ahead that sends nothing)."""
        self.flush_held()
        stmt = (
            select(OutboundMessage)
            .where(orm.outbound_messages.c.document_id.in_(document_ids))
            .where(orm.outbound_messages.c.state == OutboundState.PENDING)
            .where(orm.outbound_messages.c.draft.is_(None))
            .order_by(orm.outbound_messages.c.id)
        )
        return self.session.scalars(stmt.with_for_update(skip_locked=True) if lock else stmt).all()

    def drafts_for_document(self, document_id: int) -> Sequence[OutboundMessage]:
        """A document's pending answers still to render, locked (a second render job waits, then
        finds them rendered)."""
        return self.drafts_for_documents([document_id])

    def drafts_for_documents(
        self, document_ids: Sequence[int], *, lock: bool = True
    ) -> Sequence[OutboundMessage]:
        """`drafts_for_document` for several documents in one statement, in id order; not locked
        when `lock` is False (a render that stores with `fill_drafts`)."""
        self.flush_held()
        table = orm.outbound_messages
        stmt = (
            select(OutboundMessage)
            .where(table.c.document_id.in_(document_ids))
            .where(table.c.state == OutboundState.PENDING)
            .where(table.c.draft.is_not(None))
            .order_by(table.c.id)
        )
        return self.session.scalars(stmt.with_for_update() if lock else stmt).all()

    def fill_drafts(self, contents: Mapping[int, bytes]) -> list[int]:
        """Store rendered content (by message id) in the rows that are still pending drafts, and
        return those rows' ids, in id order: a row another render filled first, or no longer pending,
        keeps what it has. The rows still drafts are locked and read in one statement (on PostgreSQL a
        second renderer's read waits for the first's commit, then finds them no longer drafts), then
        filled in one executemany of the same conditional `UPDATE`, not one statement a row."""
        self.flush_held()
        if not contents:
            return []
        table = orm.outbound_messages
        still = (
            select(table.c.id)
            .where(table.c.id.in_(sorted(contents)))
            .where(table.c.state == OutboundState.PENDING)
            .where(table.c.draft.is_not(None))
            .order_by(table.c.id)
            .with_for_update()
        )
        filled = list(self.session.scalars(still))
        if filled:
            rows = [{"message_id": i, "rendered": contents[i]} for i in filled]
            self.session.execute(_FILL_DRAFT, rows)
        return filled

    def pending(self, message_id: int) -> OutboundMessage | None:
        self.flush_held()
        message = self.session.get(OutboundMessage, message_id)
        ready = message is not None and message.state is OutboundState.PENDING and message.draft is None
        return message if ready else None

    def loose_pending(self) -> list[int]:
        """Pending messages that answer no document (quotes), by id."""
        self.flush_held()
        table = orm.outbound_messages
        stmt = (
            select(table.c.id)
            .where(table.c.document_id.is_(None))
            .where(table.c.state == OutboundState.PENDING)
            .where(table.c.draft.is_(None))
            .order_by(table.c.id)
        )
        return list(self.session.scalars(stmt))

    def documents_with_pending(self) -> list[int]:
        """Documents with rendered answers waiting to go."""
        self.flush_held()
        stmt = (
            select(orm.outbound_messages.c.document_id)
            .where(orm.outbound_messages.c.state == OutboundState.PENDING)
            .where(orm.outbound_messages.c.draft.is_(None))
            .distinct()
        )
        return [d for d in self.session.scalars(stmt) if d is not None]

    def claim_lost_drafts(self, queued_before: datetime | None, now: datetime) -> list[int]:
        """Documents whose drafts' render job is presumed lost, stamped as queued again `now`.

        A draft counts when its job was last queued (or, never queued again, the draft was made)
        before `queued_before` (any draft when None, at start-up); a row a render job holds locked is
        being rendered right now and is skipped.
        """
        self.flush_held()
        table = orm.outbound_messages
        stmt = (
            select(table.c.id, table.c.document_id)
            .where(table.c.state == OutboundState.PENDING)
            .where(table.c.draft.is_not(None))
            .where(table.c.document_id.is_not(None))
            .with_for_update(skip_locked=True)
        )
        if queued_before is not None:
            stmt = stmt.where(func.coalesce(table.c.queued_at, table.c.created_at) < queued_before)
        rows = self.session.execute(stmt).all()
        if rows:
            ids = [r.id for r in rows]
            self.session.execute(update(table).where(table.c.id.in_(ids)).values(queued_at=now))
        return sorted({int(r.document_id) for r in rows})

    def for_document(self, document_id: int) -> Sequence[OutboundMessage]:
        self.flush_held()
        stmt = (
            select(OutboundMessage)
            .where(orm.outbound_messages.c.document_id == document_id)
            .order_by(orm.outbound_messages.c.id)
        )
        return self.session.scalars(stmt).all()

    def mark_sent(self, ids: Sequence[int], at: datetime, state: OutboundState = OutboundState.SENT) -> int:
        """Mark pending rows sent (or delivered); a row settled meanwhile keeps its state. Returns how
        many rows were marked."""
        self.flush_held()
        if not ids:
            return 0
        result = self.session.execute(
            update(orm.outbound_messages)
            .where(orm.outbound_messages.c.id.in_(list(ids)))
            .where(orm.outbound_messages.c.state == OutboundState.PENDING)
            .values(state=state, sent_at=at)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    def settle(self, message_id: int, state: OutboundState, error: str | None, at: datetime) -> bool:
        """Settle a row still pending or sent as delivered or failed; False when there is none such."""
        self.flush_held()
        table = orm.outbound_messages
        result = self.session.execute(
            update(table)
            .where(table.c.id == message_id)
            .where(table.c.state.in_([OutboundState.PENDING, OutboundState.SENT]))
            .values(state=state, error=error, sent_at=func.coalesce(table.c.sent_at, at))
        )
        return bool(getattr(result, "rowcount", 0))


class UserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj: User | ApiToken | WebSession | SignInAttempt) -> None:
        self.session.add(obj)

    def by_name(self, username: str) -> User | None:
        return self.session.scalars(select(User).where(orm.users.c.username == username)).first()

    def get(self, user_id: int) -> User | None:
        return self.session.get(User, user_id)

    def all(self) -> Sequence[User]:
        return self.session.scalars(select(User).order_by(orm.users.c.username)).all()

    def count(self) -> int:
        return len(self.session.scalars(select(orm.users.c.id)).all())

    def token(self, token_hash: str) -> ApiToken | None:
        stmt = select(ApiToken).where(
            orm.api_tokens.c.token_hash == token_hash, orm.api_tokens.c.revoked.is_(False)
        )
        return self.session.scalars(stmt).first()

    def web_session(self, token_hash: str) -> WebSession | None:
        return self.session.get(WebSession, token_hash)

    def end_session(self, token_hash: str) -> None:
        self.session.execute(delete(orm.web_sessions).where(orm.web_sessions.c.token_hash == token_hash))

    def purge_sessions(self, now: datetime) -> None:
        self.session.execute(delete(orm.web_sessions).where(orm.web_sessions.c.expires_at < now))

    def attempts_of(self, username: str, limit: int = 100) -> Sequence[SignInAttempt]:
        """The account's latest sign-in attempts, newest first."""
        t = orm.sign_in_attempts
        stmt = select(SignInAttempt).where(t.c.username == username).order_by(t.c.at.desc(), t.c.id.desc())
        return self.session.scalars(stmt.limit(limit)).all()

    def failures_from(self, address: str, since: datetime, limit: int = 1000) -> Sequence[SignInAttempt]:
        """The failures from one client address since `since`, newest first."""
        t = orm.sign_in_attempts
        stmt = select(SignInAttempt).where(
            t.c.address == address, t.c.at > since, t.c.outcome == Outcome.WRONG.value
        )
        return self.session.scalars(stmt.order_by(t.c.at.desc()).limit(limit)).all()

    def recent_attempts(self, since: datetime, limit: int = 200) -> Sequence[SignInAttempt]:
        """Every attempt but the successes since `since`, newest first: what a supervisor looks at."""
        t = orm.sign_in_attempts
        stmt = select(SignInAttempt).where(t.c.at > since, t.c.outcome != Outcome.OK.value)
        return self.session.scalars(stmt.order_by(t.c.at.desc(), t.c.id.desc()).limit(limit)).all()
