"""Tables of the review queue: users, tokens and sessions, locks, the audit trail, learned codes, pages."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Enum,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from core.kernel.adapters.orm import mapper_registry, metadata
from core.kernel.adapters.types import UTCDateTime
from core.kernel.domain.users import ApiToken, AuditEvent, LearnedItem, ReviewLock, Role, User, WebSession

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", String(128)),
    Column("role", Enum(Role, native_enum=False, length=24, values_callable=lambda e: [m.value for m in e])),
    Column("password_hash", String(256), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", UTCDateTime, nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("name", String(128), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_used_at", UTCDateTime),
    Column("revoked", Boolean, nullable=False, default=False),
)

web_sessions = Table(
    "web_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False, index=True),
)

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
    UniqueConstraint("document_id", "number", name="uq_document_pages_document_number"),
)


decision_policies = Table(
    "decision_policies",
    metadata,
    Column("scope", String(96), primary_key=True),  # default | channel:<c> | customer:<id>
    Column("settings", JSON, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)


def start_review_mappers() -> None:
    mapper_registry.map_imperatively(User, users)
    mapper_registry.map_imperatively(ApiToken, api_tokens)
    mapper_registry.map_imperatively(WebSession, web_sessions)
    mapper_registry.map_imperatively(ReviewLock, review_locks)
    mapper_registry.map_imperatively(AuditEvent, audit_events)
    mapper_registry.map_imperatively(LearnedItem, learned_items)
