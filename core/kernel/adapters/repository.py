"""Repositories: the queries of each aggregate, behind methods named for what the services need."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.capture.domain.documents import DocumentRecord, DocumentState
from core.kernel.adapters import orm
from core.kernel.domain.model import (
    Customer,
    CustomerItem,
    Order,
    OrderState,
    OutboundMessage,
    OutboundState,
    Partner,
    Product,
)
from core.kernel.domain.phone import normalise_phone


class BlobRepository:
    """Raw document bytes, content-addressed by SHA-256, stored once however often they arrive."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def put(self, sha256: str, content: bytes) -> None:
        exists = self.session.execute(select(orm.blobs.c.sha256).where(orm.blobs.c.sha256 == sha256))
        if exists.first() is None:
            self.session.execute(insert(orm.blobs).values(sha256=sha256, size=len(content), content=content))

    def get(self, sha256: str) -> bytes:
        row = self.session.execute(select(orm.blobs.c.content).where(orm.blobs.c.sha256 == sha256)).first()
        if row is None:
            raise KeyError(sha256)
        return bytes(row[0])


class DocumentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, record: DocumentRecord) -> None:
        self.session.add(record)

    def get(self, doc_id: int, *, lock: bool = False) -> DocumentRecord | None:
        stmt = select(DocumentRecord).where(orm.documents.c.id == doc_id)
        if lock:
            stmt = stmt.with_for_update()
        return self.session.scalars(stmt).first()

    def first_with_hash(self, sha256: str, *, exclude: int | None = None) -> DocumentRecord | None:
        """The earliest non-duplicate arrival of these exact bytes."""
        stmt = (
            select(DocumentRecord)
            .where(orm.documents.c.sha256 == sha256)
            .where(orm.documents.c.state != DocumentState.DUPLICATE)
            .order_by(orm.documents.c.id)
        )
        if exclude is not None:
            stmt = stmt.where(orm.documents.c.id != exclude)
        return self.session.scalars(stmt.limit(1)).first()

    def first_with_external_id(
        self, channel: str, external_id: str, *, exclude: int | None = None
    ) -> DocumentRecord | None:
        """The earliest non-duplicate arrival on this channel with this external id (a Message-ID)."""
        stmt = (
            select(DocumentRecord)
            .where(orm.documents.c.channel == channel, orm.documents.c.external_id == external_id)
            .where(orm.documents.c.state != DocumentState.DUPLICATE)
            .order_by(orm.documents.c.id)
        )
        if exclude is not None:
            stmt = stmt.where(orm.documents.c.id != exclude)
        return self.session.scalars(stmt.limit(1)).first()

    def unfinished_ids(
        self, older_than: datetime | None = None, states: Iterable[DocumentState] | None = None
    ) -> list[int]:
        """Documents not yet finished (received or processing), optionally untouched since a time."""
        wanted = list(states or (DocumentState.RECEIVED, DocumentState.PROCESSING))
        stmt = select(orm.documents.c.id).where(orm.documents.c.state.in_(wanted))
        if older_than is not None:
            stmt = stmt.where(orm.documents.c.updated_at < older_than)
        return list(self.session.scalars(stmt.order_by(orm.documents.c.id)))

    def list(self, *, limit: int = 100, offset: int = 0) -> Sequence[DocumentRecord]:
        stmt = select(DocumentRecord).order_by(orm.documents.c.id.desc()).limit(limit).offset(offset)
        return self.session.scalars(stmt).all()

    def count_by_state(self) -> dict[str, int]:
        stmt = select(orm.documents.c.state, func.count()).group_by(orm.documents.c.state)
        return {str(state): int(n) for state, n in self.session.execute(stmt)}


class InterchangeRepository:
    """The (sender, control reference) of every interchange taken, so a re-sent one is recognised."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def seen_in(self, sender_id: str, control_ref: str) -> int | None:
        """The document that already brought this interchange, if any."""
        stmt = select(orm.interchanges.c.document_id).where(
            orm.interchanges.c.sender_id == sender_id, orm.interchanges.c.control_ref == control_ref
        )
        return self.session.scalars(stmt).first()

    def claim(self, sender_id: str, control_ref: str, document_id: int, at: datetime) -> bool:
        """Record the interchange for this document; False when another document already has it."""
        try:
            with self.session.begin_nested():
                self.session.execute(
                    insert(orm.interchanges).values(
                        sender_id=sender_id, control_ref=control_ref, document_id=document_id, received_at=at
                    )
                )
        except IntegrityError:
            return self.seen_in(sender_id, control_ref) == document_id
        return True


class MasterDataRepository:
    """Customers, products and customer item codes; implements validation's `MasterData`.

    Lookups are remembered for the life of the unit of work: an interchange of a thousand orders
    names the same few products thousands of times, and each query is a round trip.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._memo: dict[tuple[str, ...], Any] = {}

    def _remember(self, key: tuple[str, ...], load: Callable[[], Any]) -> Any:
        if key not in self._memo:
            self._memo[key] = load()
        return self._memo[key]

    def customer(self, customer_id: str) -> Customer | None:
        found: Customer | None = self._remember(
            ("customer", customer_id), lambda: self.session.get(Customer, customer_id)
        )
        return found

    def customer_by_gln(self, gln: str) -> Customer | None:
        def load() -> Customer | None:
            stmt = select(Customer).where(orm.customers.c.gln == gln).limit(1)
            return self.session.scalars(stmt).first()

        found: Customer | None = self._remember(("gln", gln), load)
        return found

    def customer_by_email(self, address: str, *, domain: bool = True) -> Customer | None:
        """The customer with this address, else (with `domain`) the only one at the same domain."""
        address = address.strip().lower()
        if "@" not in address:
            return None
        at = address.rsplit("@", 1)[1]

        def load() -> Customer | None:
            pattern = "%@" + at.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            stmt = select(Customer).where(func.lower(orm.customers.c.email).like(pattern, escape="\\"))
            candidates = [(c, _addresses(c.email)) for c in self.session.scalars(stmt)]
            exact = [c for c, known in candidates if address in known]
            if exact or not domain:
                return exact[0] if len(exact) == 1 else None
            same = [c for c, known in candidates if any(a.endswith("@" + at) for a in known)]
            return same[0] if len(same) == 1 else None

        found: Customer | None = self._remember(("email", address, str(domain)), load)
        return found

    def customer_by_fax(self, number: str) -> Customer | None:
        """The only customer with this fax number once both are normalised (see core.kernel.domain.phone).

        Numbers are written too many ways to compare in SQL, so the fax column is read once per unit
        of work and indexed by normalised number; a customer's national number is read in its country.
        """
        wanted = normalise_phone(number)
        if wanted is None:
            return None

        def index() -> dict[str, list[str]]:
            rows = self.session.execute(
                select(orm.customers.c.customer_id, orm.customers.c.fax, orm.customers.c.country).where(
                    orm.customers.c.fax.is_not(None)
                )
            )
            found: dict[str, list[str]] = {}
            for customer_id, fax, country in rows:
                key = normalise_phone(fax, country or "ES")
                if key:
                    found.setdefault(key, []).append(customer_id)
            return found

        ids: list[str] = self._remember(("fax-index",), index).get(wanted, [])
        return self.customer(ids[0]) if len(ids) == 1 else None

    def product(self, sku: str) -> Product | None:
        found: Product | None = self._remember(("sku", sku), lambda: self.session.get(Product, sku))
        return found

    def product_by_gtin(self, gtin: str) -> Product | None:
        def load() -> Product | None:
            stmt = select(Product).where(orm.products.c.gtin == gtin).limit(1)
            return self.session.scalars(stmt).first()

        found: Product | None = self._remember(("gtin", gtin), load)
        return found

    def sku_for_customer_code(self, customer_id: str, code: str) -> str | None:
        def load() -> str | None:
            stmt = select(orm.customer_items.c.sku).where(
                orm.customer_items.c.customer_id == customer_id,
                orm.customer_items.c.customer_item_code == code,
            )
            return self.session.scalars(stmt).first()

        found: str | None = self._remember(("item", customer_id, code), load)
        return found

    def remove_customer_item(self, customer_id: str, code: str, sku: str) -> None:
        self._memo.clear()
        self.session.execute(
            delete(orm.customer_items).where(
                orm.customer_items.c.customer_id == customer_id,
                orm.customer_items.c.customer_item_code == code,
                orm.customer_items.c.sku == sku,
            )
        )

    def upsert(self, obj: Customer | Product | CustomerItem) -> bool:
        """Insert or update by primary key; True when it was new."""
        self._memo.clear()
        existing = self.session.merge(obj)
        return existing is not None and existing in self.session.new

    def customers(self) -> Sequence[Customer]:
        found: Sequence[Customer] = self._remember(
            ("customers",),
            lambda: self.session.scalars(select(Customer).order_by(orm.customers.c.customer_id)).all(),
        )
        return found

    def products(self) -> Sequence[Product]:
        found: Sequence[Product] = self._remember(
            ("products",), lambda: self.session.scalars(select(Product).order_by(orm.products.c.sku)).all()
        )
        return found

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(orm.customers)) or 0) + int(
            self.session.scalar(select(func.count()).select_from(orm.products)) or 0
        )


class PartnerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, partner_id: str, *, lock: bool = False) -> Partner | None:
        stmt = select(Partner).where(orm.partners.c.partner_id == partner_id)
        if lock:
            stmt = stmt.with_for_update()
        return self.session.scalars(stmt).first()

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


class OrderRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add_all(self, orders: Iterable[Order]) -> None:
        self.session.add_all(list(orders))

    def insert_new(self, document_id: int, orders: Sequence[Order]) -> None:
        """Insert a document's new orders and their lines in bulk, setting each order's id.

        Core executemany instead of the ORM's flush: a thousand-message interchange makes eleven
        thousand rows, and the ORM's multi-row INSERT … RETURNING costs several times more (psycopg
        re-parses every large statement).  The orders stay transient; load them again to change them.
        """
        if not orders:
            return
        if any(o.document_id != document_id for o in orders):
            raise ValueError("insert_new takes the orders of one document")
        order_cols = [c.name for c in orm.orders.columns if c.name != "id"]
        line_cols = [c.name for c in orm.order_lines.columns if c.name not in ("id", "order_id")]
        self.session.execute(insert(orm.orders), [{c: getattr(o, c) for c in order_cols} for o in orders])
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
                rows.append({"order_id": order.id, **{c: getattr(line, c) for c in line_cols}})
        if rows:
            self.session.execute(insert(orm.order_lines), rows)

    def get(self, order_id: int) -> Order | None:
        return self.session.get(Order, order_id)

    def list(
        self,
        *,
        state: OrderState | None = None,
        customer_id: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> Sequence[Order]:
        stmt = select(Order).order_by(orm.orders.c.id.desc())
        if state is not None:
            stmt = stmt.where(orm.orders.c.state == state)
        if customer_id is not None:
            stmt = stmt.where(orm.orders.c.customer_id == customer_id)
        return self.session.scalars(stmt.limit(limit).offset(offset)).all()

    def recent_for_customer(
        self, customer_id: str, since: datetime, *, exclude_document: int
    ) -> Sequence[Order]:
        """A customer's orders created since a time, from other documents, newest first (at most 500)."""
        stmt = (
            select(Order)
            .where(orm.orders.c.customer_id == customer_id)
            .where(orm.orders.c.created_at >= since)
            .where(orm.orders.c.document_id != exclude_document)
            .order_by(orm.orders.c.id.desc())
            .limit(500)
        )
        return self.session.scalars(stmt).all()

    def has_orders_from(self, customer_id: str, exclude_document: int) -> bool:
        stmt = (
            select(orm.orders.c.id)
            .where(orm.orders.c.customer_id == customer_id, orm.orders.c.document_id != exclude_document)
            .limit(1)
        )
        return self.session.execute(stmt).first() is not None

    def for_document(self, document_id: int) -> Sequence[Order]:
        stmt = (
            select(Order).where(orm.orders.c.document_id == document_id).order_by(orm.orders.c.message_index)
        )
        return self.session.scalars(stmt).all()

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(orm.orders)) or 0)


class OutboundRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, message: OutboundMessage) -> None:
        self.session.add(message)

    def pending_for_document(self, document_id: int) -> Sequence[OutboundMessage]:
        stmt = (
            select(OutboundMessage)
            .where(orm.outbound_messages.c.document_id == document_id)
            .where(orm.outbound_messages.c.state == OutboundState.PENDING)
            .order_by(orm.outbound_messages.c.id)
        )
        return self.session.scalars(stmt).all()

    def documents_with_pending(self) -> list[int]:
        stmt = (
            select(orm.outbound_messages.c.document_id)
            .where(orm.outbound_messages.c.state == OutboundState.PENDING)
            .distinct()
        )
        return [d for d in self.session.scalars(stmt) if d is not None]

    def for_document(self, document_id: int) -> Sequence[OutboundMessage]:
        stmt = (
            select(OutboundMessage)
            .where(orm.outbound_messages.c.document_id == document_id)
            .order_by(orm.outbound_messages.c.id)
        )
        return self.session.scalars(stmt).all()

    def mark_sent(self, ids: Sequence[int], at: datetime) -> None:
        if ids:
            self.session.execute(
                update(orm.outbound_messages)
                .where(orm.outbound_messages.c.id.in_(list(ids)))
                .values(state=OutboundState.SENT, sent_at=at)
            )


def _addresses(field: str | None) -> set[str]:
    """The addresses in a master-data e-mail cell (one, or several separated by commas or semicolons)."""
    return {a.strip().lower() for a in re.split(r"[,;\s]+", field or "") if "@" in a}
