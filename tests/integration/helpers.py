"""Helpers for the pipeline tests: submit bytes as an arrival and run the jobs it causes."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from alembic import command
from sqlalchemy import Engine, event, text

from core.capture.domain.documents import Channel, DocumentRecord, InboundDocument
from core.kernel.domain.model import Decision, Order, OrderLine, OrderState, OutboundMessage
from core.migrate import alembic_config
from oms.bootstrap import App


class AppOnEachDb(Protocol):
    """The `app_on_each_db` fixture: an app in `folder` (the test's own by default) on the database the
    test runs on, at `clock`, with the demo master data when `demo`, other settings as `overrides` say."""

    def __call__(
        self,
        folder: Path = ...,
        *,
        clock: Callable[[], datetime] | None = None,
        demo: bool = False,
        **overrides: object,
    ) -> App: ...


def migrate(engine: Engine, step: str, revision: str) -> None:
    """Run alembic's `step` ("upgrade" or "downgrade") to `revision` on the engine, in one transaction."""
    config = alembic_config(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, step)(config, revision)


def arrive(app: App, content: bytes, name: str = "orders.edi", channel: Channel = Channel.EDI) -> int:
    doc = InboundDocument(channel=channel, content=content, received_at=datetime.now(UTC), original_name=name)
    return app.submit(doc)


def stored_email(app: App, n: int, received_at: datetime) -> int:
    """An e-mail document whose bytes say "pedido `n`", stored as it arrived at `received_at` and not
    read: a document for a test to hang orders and answers on."""
    doc = InboundDocument(
        channel=Channel.EMAIL, content=f"pedido {n}".encode(), received_at=received_at, original_name="x"
    )
    return app.submit(doc)


def earlier_order(
    document_id: int, customer: str, po: str, created_at: datetime, skus: list[str], channel: str = "email"
) -> Order:
    """An accepted order of `customer` on a document, made at `created_at`, one line a SKU (the n-th
    line n + 0.5 of it): an earlier order for a duplicate check's reads to find."""
    order = Order(
        document_id=document_id,
        message_index=0,
        channel=channel,
        state=OrderState.ACCEPTED,
        decision=Decision.ACCEPT,
        confidence=0.9,
        created_at=created_at,
        po_number=po,
        customer_id=customer,
        currency="EUR",
    )
    order.lines = [
        OrderLine(position=n, sku=sku, description="Arandela plana", quantity=Decimal(n) + Decimal("0.5"))
        for n, sku in enumerate(skus, start=1)
    ]
    return order


def drain(app: App) -> None:
    """Run every queued job on the in-process broker until none are left."""
    worker = app.worker()
    worker.start()
    try:
        app.broker.join("documents", fail_fast=True)  # type: ignore[attr-defined]
        app.broker.join("answers", fail_fast=True)  # type: ignore[attr-defined]
        worker.join()
    finally:
        worker.stop()


def ingest(app: App, content: bytes, name: str = "orders.edi") -> int:
    doc_id = arrive(app, content, name)
    drain(app)
    return doc_id


def document(app: App, doc_id: int) -> DocumentRecord:
    with app.uow() as uow:
        record = uow.documents.get(doc_id)
        assert record is not None
        return record


def orders_of(app: App, doc_id: int) -> list[Order]:
    with app.uow() as uow:
        return list(uow.orders.for_document(doc_id))


def all_orders(app: App) -> list[Order]:
    with app.uow() as uow:
        return list(uow.orders.list(limit=1000))


def answers_of(app: App, doc_id: int) -> list[OutboundMessage]:
    with app.uow() as uow:
        return list(uow.outbound.for_document(doc_id))


def outbox_files(app: App) -> list[Path]:
    root = app.settings.outbox / "edi"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def someone_waits_for_a_lock(engine: Engine) -> bool:
    """Whether another session of the engine's PostgreSQL database waits for a lock (a row's, an
    advisory one). Each call reads the activity view on a connection of its own, in a transaction of
    its own: inside one transaction PostgreSQL answers every read of it from the first one's snapshot."""
    query = text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
    )
    with engine.connect() as conn:
        return bool(conn.execute(query).scalar_one())


@contextlib.contextmanager
def rows_written(app: App, statement_start: str) -> Iterator[list[int]]:
    """While the block runs, one entry for each statement the app's engine sends that starts with
    `statement_start` (in capitals): the rows it wrote, each row of an executemany or else one."""
    statements: list[int] = []

    def seen(_conn: Any, _cursor: Any, statement: str, params: Any, _ctx: Any, many: bool) -> None:
        if statement.lstrip().upper().startswith(statement_start):
            statements.append(len(params) if many else 1)

    event.listen(app.engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(app.engine, "before_cursor_execute", seen)


class Statements:
    """The text of every statement the app's engine sends while counting."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, _conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        self.seen.append(" ".join(statement.split()))

    @property
    def count(self) -> int:
        return len(self.seen)

    def reads_of_pending_replies(self) -> int:
        """SELECTs of whole outbound rows that are pending and no longer drafts (what a send reads)."""
        return sum(
            1
            for s in self.seen
            if s.startswith("SELECT outbound_messages.id, outbound_messages.channel")
            and "outbound_messages.draft IS NULL" in s
        )
