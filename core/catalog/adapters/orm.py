"""Catalog's tables: customers, products, customers' own codes for our products, the identifiers
clerks confirmed as a customer's, price rows (lists, breaks, agreements), products' packs, customer
groups, product categories and promotions."""

from __future__ import annotations

from sqlalchemy import Column, Date, ForeignKey, Index, Integer, String, Table

from core.catalog.adapters import catalogue_orm, sales_orm
from core.catalog.domain.membership import CustomerGroup, ProductCategory
from core.catalog.domain.packs import Pack
from core.catalog.domain.pricing import PriceRow
from core.catalog.domain.promotions import Promotion
from core.kernel.adapters.orm import mapper_registry, metadata
from core.kernel.adapters.types import ExactDecimal
from core.kernel.domain.model import Customer, CustomerIdentifier, CustomerItem, Product

customers = Table(
    "customers",
    metadata,
    Column("customer_id", String(64), primary_key=True),
    Column("name", String(256), nullable=False),
    Column("email", String(320), index=True),
    Column("fax", String(64), index=True),
    Column("gln", String(35), index=True),
    Column("street", String(256)),
    Column("postal_code", String(32)),
    Column("city", String(128)),
    Column("country", String(2)),
    Column("language", String(8)),
    Column("vat_id", String(32), index=True),
    Column("phone", String(64)),
)

products = Table(
    "products",
    metadata,
    Column("sku", String(64), primary_key=True),
    Column("name", String(256), nullable=False),
    Column("description_en", String(512)),
    Column("gtin", String(14), index=True),
    Column("unit", String(16)),
    Column("price", ExactDecimal()),
    Column("currency", String(3)),
    Column("cost_price", ExactDecimal()),
    Column("vat_class", String(16)),
)

customer_items = Table(
    "customer_items",
    metadata,
    Column("customer_id", String(64), ForeignKey("customers.customer_id"), primary_key=True),
    Column("customer_item_code", String(64), primary_key=True),
    Column("sku", String(64), ForeignKey("products.sku"), nullable=False),
)

customer_identifiers = Table(
    "customer_identifiers",
    metadata,
    Column("customer_id", String(64), ForeignKey("customers.customer_id"), primary_key=True),
    Column("kind", String(8), primary_key=True),  # vat | gln | email | phone | fax
    Column("value", String(320), primary_key=True),
)

prices = Table(
    "prices",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("level", String(16), nullable=False),  # core.catalog.domain.pricing.PriceLevel
    Column("party", String(64), nullable=False),  # customer id, customer group, or "" for the base list
    Column("sku", String(64), ForeignKey("products.sku"), nullable=False),
    Column("unit_price", ExactDecimal(), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("min_quantity", ExactDecimal(), nullable=False),
    Column("valid_from", Date),
    Column("valid_to", Date),
    Index("ix_prices_sku_party", "sku", "party"),
)

product_units = Table(
    "product_units",
    metadata,
    Column("sku", String(64), ForeignKey("products.sku"), primary_key=True),
    Column("unit", String(16), primary_key=True),
    Column("factor", ExactDecimal(), nullable=False),
    Column("gtin", String(14), index=True),
)

customer_groups = Table(
    "customer_groups",
    metadata,
    Column("customer_id", String(64), ForeignKey("customers.customer_id"), primary_key=True),
    Column("group_code", String(64), nullable=False, index=True),
)

product_categories = Table(
    "product_categories",
    metadata,
    Column("sku", String(64), ForeignKey("products.sku"), primary_key=True),
    Column("category", String(64), nullable=False, index=True),
)

promotions = Table(
    "promotions",
    metadata,
    Column("promotion_id", String(64), primary_key=True),
    Column("kind", String(16), nullable=False),  # core.catalog.domain.promotions.PromotionKind
    Column("scope", String(16), nullable=False),  # core.catalog.domain.promotions.Scope
    Column("target", String(64), nullable=False),
    Column("value", ExactDecimal()),
    Column("buy", Integer),
    Column("get", Integer),
    Column("currency", String(3)),
    Column("valid_from", Date),
    Column("valid_to", Date),
    Column("code", String(32), index=True),
    Column("description", String(256), nullable=False),
)


def start_mappers() -> None:
    """Map the catalog's domain classes; called once by `core.orm.start_mappers`."""
    mapper_registry.map_imperatively(Customer, customers)
    mapper_registry.map_imperatively(Product, products)
    mapper_registry.map_imperatively(CustomerItem, customer_items)
    mapper_registry.map_imperatively(CustomerIdentifier, customer_identifiers)
    mapper_registry.map_imperatively(PriceRow, prices)
    mapper_registry.map_imperatively(Pack, product_units)
    mapper_registry.map_imperatively(CustomerGroup, customer_groups)
    mapper_registry.map_imperatively(ProductCategory, product_categories)
    mapper_registry.map_imperatively(Promotion, promotions)
    sales_orm.start_mappers()
    catalogue_orm.start_mappers()
