"""The sales side's tables: prospects, quotes and their lines."""

from __future__ import annotations

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import relationship

from core.catalog.domain.prospects import Prospect, ProspectStatus
from core.catalog.domain.quotes import Quote, QuoteLine, QuoteState
from core.kernel.adapters.orm import mapper_registry, metadata
from core.kernel.adapters.types import ExactDecimal, UTCDateTime, stored_enum

prospects = Table(
    "prospects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(256), nullable=False),
    Column("source", String(32), nullable=False),
    Column("owner", String(64), nullable=False, index=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("status", stored_enum(ProspectStatus), nullable=False, index=True),
    Column("email", String(320), index=True),
    Column("phone", String(64)),
    Column("fax", String(64)),
    Column("vat_id", String(32)),
    Column("street", String(256)),
    Column("postal_code", String(32)),
    Column("city", String(128)),
    Column("country", String(2)),
    Column("language", String(8)),
    Column("notes", Text, nullable=False),
    Column("customer_id", String(64), ForeignKey("customers.customer_id")),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("currency", String(3), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("valid_until", Date, nullable=False),
    Column("prospect_id", Integer, ForeignKey("prospects.id"), index=True),
    Column("customer_id", String(64), ForeignKey("customers.customer_id"), index=True),
    Column("state", stored_enum(QuoteState), nullable=False, index=True),
    Column("note", Text, nullable=False),
    Column("sent_at", UTCDateTime()),
    Column("sent_to", String(320)),
    Column("decided_at", UTCDateTime()),
    Column("decided_by", String(64)),
    Column("document_id", Integer, ForeignKey("documents.id")),
)

quote_lines = Table(
    "quote_lines",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("quote_id", Integer, ForeignKey("quotes.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("sku", String(64), ForeignKey("products.sku"), nullable=False),
    Column("description", String(512), nullable=False),
    Column("quantity", ExactDecimal(), nullable=False),
    Column("unit", String(16)),
    Column("unit_price", ExactDecimal(), nullable=False),
    Column("price_source", String(256), nullable=False),
)


def start_mappers() -> None:
    mapper_registry.map_imperatively(Prospect, prospects)
    mapper_registry.map_imperatively(QuoteLine, quote_lines)
    mapper_registry.map_imperatively(
        Quote,
        quotes,
        properties={
            "lines": relationship(
                QuoteLine, order_by=quote_lines.c.position, cascade="all, delete-orphan", lazy="selectin"
            )
        },
    )
