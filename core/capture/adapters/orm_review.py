"""Tables of the review queue: locks, the audit trail, learned codes and identifiers, the words of
pages, decision policies.

Users, their tokens and sessions are the kernel's (`core.kernel.adapters.orm`)."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from core.capture.domain.review import AuditEvent, LearnedIdentifier, LearnedItem, ReviewLock
from core.kernel.adapters.orm import mapper_registry, metadata
from core.kernel.adapters.types import UTCDateTime

review_locks = Table(
    "review_locks",
    metadata,
    Column("order_id", Integer, ForeignKey("orders.id"), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("acquired_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
)

audit_events = Table(
    "audit_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("order_id", Integer, ForeignKey("orders.id"), nullable=False, index=True),
    Column("user_id", Integer, ForeignKey("users.id")),
    Column("at", UTCDateTime, nullable=False),
    Column("action", String(32), nullable=False),
    Column("field", String(128)),
    Column("before", JSON),
    Column("after", JSON),
    # keys the clerk pressed in the order's form for this action (a save, approval, rejection); None:
    # not counted (an action of another kind, an older one, a client that sends no count)
    Column("keystrokes", Integer),
    CheckConstraint("keystrokes >= 0", name="keystrokes_not_negative"),
)

learned_items = Table(
    "learned_items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("customer_id", String(64), nullable=False),
    Column("customer_item_code", String(64), nullable=False),
    Column("sku", String(64), nullable=False),
    Column("learned_at", UTCDateTime, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id")),
    Column("order_id", Integer, ForeignKey("orders.id")),
    Column("undone_at", UTCDateTime),
)

learned_identifiers = Table(
    "learned_identifiers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("customer_id", String(64), nullable=False),
    Column("kind", String(8), nullable=False),
    Column("value", String(320), nullable=False),
    Column("learned_at", UTCDateTime, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id")),
    Column("order_id", Integer, ForeignKey("orders.id")),
    Column("undone_at", UTCDateTime),
)

document_pages = Table(
    "document_pages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("width", Float, nullable=False),
    Column("height", Float, nullable=False),
    Column("dpi", Float, nullable=False),
    Column("source", String(16), nullable=False),
    Column("words", JSON, nullable=False),  # [[text, x0, y0, x1, y1, confidence], ...]
    Column("text", Text),
    # degrees counter-clockwise the reader turned the page image before reading it (the words' frame)
    Column("rotation", Float, nullable=False, default=0.0, server_default="0"),
    UniqueConstraint("document_id", "number", name="uq_document_pages_document_number"),
)


decision_policies = Table(
    "decision_policies",
    metadata,
    Column("scope", String(96), primary_key=True),  # default | channel:<c> | customer:<id>
    Column("settings", JSON, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)


def start_mappers() -> None:
    """Map the review queue's classes; called by `core.capture.adapters.orm.start_mappers`."""
    mapper_registry.map_imperatively(ReviewLock, review_locks)
    mapper_registry.map_imperatively(AuditEvent, audit_events)
    mapper_registry.map_imperatively(LearnedItem, learned_items)
    mapper_registry.map_imperatively(LearnedIdentifier, learned_identifiers)
