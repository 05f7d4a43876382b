"""The orders' repository: new orders stored in bulk (their lines held for the batch's one insert), and
orders read by id, document, customer or number; the duplicate check's reads are `EarlierOrderReads`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import event, func, insert, select
from sqlalchemy.orm import ORMExecuteState, Session

from core.kernel.adapters import orm
from core.kernel.adapters.bulk import column_values, copy_in
from core.kernel.adapters.earlier_reads import EarlierOrderReads
from core.kernel.domain.model import Decision, Order, OrderState

# one order stored, its id returned (`OrderRepository.insert_new`), built once
_INSERT_ORDER = insert(orm.orders).returning(orm.orders.c.id)


class OrderRepository(EarlierOrderReads):
    def __init__(self, session: Session) -> None:
        self.session = session
        self._holding = False  # inside `lines_held`
        self._waiting: list[dict[str, object]] = []  # lines stored by `insert_new`, not yet inserted

    @contextmanager
    def lines_held(self) -> Iterator[None]:
        """Inside the block, the lines of the orders `insert_new` stores wait and go into the database
        together (one statement for the collector's batch, not one a document): before any statement
        of the session that is not an insert (whoever makes it: a repository's read, a Core `select`
        or `text` through the session, a lazy load) unless it says it reads no order lines (the
        duplicate check's reads of earlier orders' heads, `earlier_reads.NO_LINES`); before a flush,
        savepoint or commit of the unit of work; and at the block's end. The orders go in at once
        (their ids are needed). So anything reading through the session in the block finds every line stored
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
        # a read, update or delete could look for them, unless it says it reads no lines (`NO_LINES`)
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
        order_rows = [column_values(o, order_cols) for o in orders]
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
                row = column_values(line, line_cols)
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

    def latest_with_po_number(self, po_number: str, customer_id: str | None) -> Order | None:
        """The newest order with this buyer's order number (from this customer, when one is given)."""
        self.flush_held()
        stmt = select(Order).where(orm.orders.c.po_number == po_number).order_by(orm.orders.c.id.desc())
        if customer_id is not None:
            stmt = stmt.where(orm.orders.c.customer_id == customer_id)
        return self.session.scalars(stmt.limit(1)).first()

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
