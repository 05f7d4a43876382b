"""Capture's tables: stored bytes (by hash), the documents that arrived, EDIFACT interchanges seen.

The review queue's tables are in `orm_review`; `start_mappers` maps both.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, ForeignKey, Integer, LargeBinary, String, Table, Text, UniqueConstraint

from core.capture.adapters import orm_review
from core.capture.domain.documents import Channel, DocumentRecord, DocumentState
from core.kernel.adapters.orm import mapper_registry, metadata
from core.kernel.adapters.types import UTCDateTime, stored_enum

blobs = Table(
    "blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("content", LargeBinary, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel", stored_enum(Channel), nullable=False),
    Column("sha256", String(64), ForeignKey("blobs.sha256"), nullable=False, index=True),
    Column("size", Integer, nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Column("state", stored_enum(DocumentState), nullable=False, index=True),
    Column("original_name", String(512)),
    Column("sender", String(320)),
    Column("external_id", String(512), index=True),
    Column("media_type", String(128)),
    Column("format", String(32)),
    Column("error", Text),
    Column("problems", JSON, nullable=False, default=list),
    Column("duplicate_of", Integer, ForeignKey("documents.id")),
    Column("attempts", Integer, nullable=False, default=0),
    Column("updated_at", UTCDateTime),
)

interchanges = Table(
    "interchanges",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sender_id", String(64), nullable=False),
    Column("control_ref", String(32), nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False, index=True),
    Column("received_at", UTCDateTime, nullable=False),
    UniqueConstraint("sender_id", "control_ref", name="uq_interchanges_sender_ref"),
)


def start_mappers() -> None:
    """Map capture's domain classes; called once by `core.orm.start_mappers`."""
    mapper_registry.map_imperatively(DocumentRecord, documents)
    orm_review.start_mappers()
