"""Catalogues, products' attributes and products' pictures."""

from __future__ import annotations

from sqlalchemy import Column, Date, ForeignKey, Integer, LargeBinary, String, Table

from core.catalog.domain.catalogue import Attribute, Catalogue
from core.kernel.adapters.orm import mapper_registry, metadata
from core.kernel.adapters.types import UTCDateTime

catalogues = Table(
    "catalogues",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(128), nullable=False),
    Column("season", String(64), nullable=False),
    Column("group_code", String(64), index=True),
    Column("categories", String(512), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("token_sha256", String(64), nullable=False, unique=True),
)

product_attributes = Table(
    "product_attributes",
    metadata,
    Column("sku", String(64), ForeignKey("products.sku"), primary_key=True),
    Column("name", String(64), primary_key=True),
    Column("value", String(256), nullable=False),
)

# a picture per product, kept in the database (small: the import refuses more than MAX_IMAGE_BYTES)
product_images = Table(
    "product_images",
    metadata,
    Column("sku", String(64), ForeignKey("products.sku"), primary_key=True),
    Column("media_type", String(32), nullable=False),
    Column("content", LargeBinary, nullable=False),
)


def start_mappers() -> None:
    mapper_registry.map_imperatively(Catalogue, catalogues)
    mapper_registry.map_imperatively(Attribute, product_attributes)
