"""Tables and the imperative mapping of the domain classes onto them (SQLAlchemy 2)."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import registry, relationship

from core.capture.domain.documents import Channel, DocumentRecord, DocumentState
from core.kernel.adapters.types import ExactDecimal, UTCDateTime
from core.kernel.domain.model import (
    Customer,
    CustomerItem,
    Decision,
    Order,
    OrderLine,
    OrderState,
    OutboundKind,
    OutboundMessage,
    OutboundState,
    Partner,
    Product,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)
mapper_registry = registry(metadata=metadata)


def _enum(cls: type) -> Enum:
    return Enum(cls, native_enum=False, length=24, values_callable=lambda e: [m.value for m in e])


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
    Column("channel", _enum(Channel), nullable=False),
    Column("sha256", String(64), ForeignKey("blobs.sha256"), nullable=False, index=True),
    Column("size", Integer, nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Column("state", _enum(DocumentState), nullable=False, index=True),
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

partners = Table(
    "partners",
    metadata,
    Column("partner_id", String(64), primary_key=True),
    Column("qualifier", String(8), nullable=False, default=""),
    Column("our_id", String(64), nullable=False, default=""),
    Column("our_qualifier", String(8), nullable=False, default=""),
    Column("syntax_id", String(8), nullable=False, default="UNOC"),
    Column("syntax_version", String(4), nullable=False, default="3"),
    Column("customer_id", String(64)),
    Column("next_control_ref", Integer, nullable=False, default=1),
)

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

orders = Table(
    "orders",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("message_index", Integer, nullable=False),
    Column("channel", String(16), nullable=False),
    Column("state", _enum(OrderState), nullable=False, index=True),
    Column("decision", _enum(Decision), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("po_number", String(64), index=True),
    Column("customer_id", String(64), index=True),
    Column("order_date", Date),
    Column("requested_delivery_date", Date),
    Column("currency", String(3)),
    Column("buyer_party_id", String(64)),
    Column("buyer_name", String(256)),
    Column("supplier_party_id", String(64)),
    Column("supplier_name", String(256)),
    Column("ship_to_party_id", String(64)),
    Column("ship_to_name", String(256)),
    Column("ship_to_street", String(256)),
    Column("ship_to_postal_code", String(32)),
    Column("ship_to_city", String(128)),
    Column("ship_to_country", String(3)),
    Column("total", ExactDecimal()),
    Column("partner_id", String(64)),
    Column("message_ref", String(32)),
    Column("problems", JSON, nullable=False, default=list),
    Column("evidence", JSON, nullable=False, default=list),
    Column("duplicate_of", Integer, ForeignKey("orders.id")),
    UniqueConstraint("document_id", "message_index", name="uq_orders_document_message"),
)

order_lines = Table(
    "order_lines",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("order_id", Integer, ForeignKey("orders.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("line_no", String(16)),
    Column("item_code", String(64)),
    Column("gtin", String(14)),
    Column("buyer_item_code", String(64)),
    Column("supplier_item_code", String(64)),
    Column("sku", String(64)),
    Column("description", String(512)),
    Column("quantity", ExactDecimal()),
    Column("unit", String(16)),
    Column("unit_price", ExactDecimal()),
    Column("amount", ExactDecimal()),
    Column("requested_delivery_date", Date),
    Index("ix_order_lines_order_position", "order_id", "position", unique=True),
)

outbound_messages = Table(
    "outbound_messages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel", String(16), nullable=False),
    Column("kind", _enum(OutboundKind), nullable=False),
    Column("recipient", String(320), nullable=False),
    Column("filename", String(255), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("state", _enum(OutboundState), nullable=False, index=True),
    Column("order_id", Integer, ForeignKey("orders.id")),
    Column("document_id", Integer, ForeignKey("documents.id"), index=True),
    Column("control_ref", String(32)),
    Column("sent_at", UTCDateTime),
    Column("error", Text),
    Column("attempts", Integer, nullable=False, default=0),
    UniqueConstraint("channel", "recipient", "filename", name="uq_outbound_channel_recipient_file"),
)

_mapped = False


def start_mappers() -> None:
    """Map the domain classes onto the tables; safe to call more than once."""
    global _mapped
    if _mapped:
        return
    mapper_registry.map_imperatively(DocumentRecord, documents)
    mapper_registry.map_imperatively(Partner, partners)
    mapper_registry.map_imperatively(Customer, customers)
    mapper_registry.map_imperatively(Product, products)
    mapper_registry.map_imperatively(CustomerItem, customer_items)
    mapper_registry.map_imperatively(OrderLine, order_lines)
    mapper_registry.map_imperatively(
        Order,
        orders,
        properties={
            "lines": relationship(
                OrderLine, order_by=order_lines.c.position, cascade="all, delete-orphan", lazy="selectin"
            )
        },
    )
    mapper_registry.map_imperatively(OutboundMessage, outbound_messages)
    orm_review.start_review_mappers()
    orm_fulfilment.start_fulfilment_mappers()
    orm_billing.start_billing_mappers()
    _mapped = True


# The other areas' tables register on the same metadata; imported last because they use it.
from core.billing.adapters import orm as orm_billing  # noqa: E402
from core.capture.adapters import orm_review  # noqa: E402
from core.fulfilment.adapters import orm as orm_fulfilment  # noqa: E402
