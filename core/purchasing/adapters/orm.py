"""Purchasing's tables on the kernel's metadata, and the mapping of its domain classes onto them."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Date, ForeignKey, Integer, String, Table, UniqueConstraint
from sqlalchemy.orm import relationship

from core.kernel.adapters.orm import mapper_registry, metadata
from core.kernel.adapters.types import ExactDecimal, Quantity, UTCDateTime, stored_enum
from core.purchasing.domain.answers import AnswerKind, DocumentState, SupplierDocument
from core.purchasing.domain.orders import PoEvent, PoLine, PoState, PurchaseOrder
from core.purchasing.domain.receiving import Receipt
from core.purchasing.domain.suppliers import OrderChannel, Preference, ReorderRule, Supplier, SupplierProduct

suppliers = Table(
    "suppliers",
    metadata,
    Column("supplier_id", String(64), primary_key=True),
    Column("name", String(256), nullable=False),
    Column("channel", stored_enum(OrderChannel), nullable=False),
    Column("email", String(320)),
    Column("fax", String(64)),
    Column("edi_id", String(35), index=True),
    Column("edi_qualifier", String(4), nullable=False, default=""),
    Column("our_edi_id", String(35)),
    Column("street", String(256)),
    Column("postal_code", String(32)),
    Column("city", String(128)),
    Column("country", String(2)),
    Column("language", String(8), nullable=False, default="es"),
    Column("currency", String(3), nullable=False, default="EUR"),
    Column("next_control_ref", Integer, nullable=False, default=1),
)

supplier_products = Table(
    "supplier_products",
    metadata,
    Column("supplier_id", String(64), ForeignKey("suppliers.supplier_id"), primary_key=True),
    Column("sku", String(64), ForeignKey("products.sku"), primary_key=True),
    Column("supplier_item_code", String(64), nullable=False),
    Column("pack", Quantity(), nullable=False),
    Column("price", ExactDecimal(), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("lead_time_days", Integer, nullable=False),
    Column("min_order_qty", Quantity(), nullable=False),
)

purchase_preferences = Table(
    "purchase_preferences",
    metadata,
    Column("sku", String(64), ForeignKey("products.sku"), primary_key=True),
    Column("warehouse", String(16), primary_key=True),
    Column("supplier_id", String(64), ForeignKey("suppliers.supplier_id"), nullable=False),
)

reorder_rules = Table(
    "reorder_rules",
    metadata,
    Column("sku", String(64), ForeignKey("products.sku"), primary_key=True),
    Column("warehouse", String(16), primary_key=True),
    Column("reorder_point", Quantity(), nullable=False),
    Column("order_up_to", Quantity(), nullable=False),
)

purchase_orders = Table(
    "purchase_orders",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("number", String(32), nullable=False, unique=True),
    Column("supplier_id", String(64), ForeignKey("suppliers.supplier_id"), nullable=False, index=True),
    Column("warehouse", String(16), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("state", stored_enum(PoState), nullable=False, index=True),
    Column("expected_date", Date),
    Column("control_ref", String(14)),
    Column("outbound_id", Integer),
    Column("supplier_reference", String(64)),
)

purchase_order_lines = Table(
    "purchase_order_lines",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "po_id", Integer, ForeignKey("purchase_orders.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("line_no", Integer, nullable=False),
    Column("sku", String(64), nullable=False, index=True),
    Column("supplier_item_code", String(64), nullable=False),
    Column("gtin", String(14)),
    Column("description", String(512), nullable=False, default=""),
    Column("quantity", Quantity(), nullable=False),
    Column("unit_price", ExactDecimal(), nullable=False),
    Column("expected_date", Date),
    Column("confirmed_quantity", Quantity()),
    Column("received", Quantity(), nullable=False, default=0),
    Column("damaged", Quantity(), nullable=False, default=0),
    Column("released", Quantity(), nullable=False, default=0, server_default="0"),
    Column("invoiced", Quantity(), nullable=False, default=0),
    Column("credited", Quantity(), nullable=False, default=0, server_default="0"),
    Column("landed", ExactDecimal(), nullable=False, default=0, server_default="0"),
    UniqueConstraint("po_id", "line_no", name="uq_purchase_order_lines_po_line"),
)

purchase_order_events = Table(
    "purchase_order_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "po_id", Integer, ForeignKey("purchase_orders.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("at", UTCDateTime, nullable=False),
    Column("actor", String(64), nullable=False),
    Column("step", String(32), nullable=False),
    Column("from_state", stored_enum(PoState)),
    Column("to_state", stored_enum(PoState), nullable=False),
    Column("note", String(512), nullable=False, default=""),
)

purchase_receipts = Table(
    "purchase_receipts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("po_id", Integer, ForeignKey("purchase_orders.id"), nullable=False, index=True),
    Column("warehouse", String(16), nullable=False),
    Column("location", String(32), nullable=False),
    Column("quarantine_location", String(32), nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Column("actor", String(64), nullable=False),
    Column("reference", String(64), nullable=False),
    Column("lines", JSON, nullable=False, default=list),
)

purchasing_runs = Table(
    "purchasing_runs",
    metadata,
    Column("slot", Date, primary_key=True),  # the night the automatic run planned for: once each
    Column("started_at", UTCDateTime, nullable=False),
    Column("actor", String(64), nullable=False),
    Column("proposed", Integer, nullable=False, default=0),
)

supplier_documents = Table(
    "supplier_documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("supplier_id", String(64), nullable=False, index=True),
    Column("kind", stored_enum(AnswerKind), nullable=False),
    Column("reference", String(64), nullable=False),
    Column("po_number", String(35), nullable=False),
    Column("po_id", Integer, ForeignKey("purchase_orders.id"), index=True),
    Column("document_id", Integer),
    Column("received_at", UTCDateTime, nullable=False),
    Column("state", stored_enum(DocumentState), nullable=False, index=True),
    Column("detail", JSON, nullable=False, default=dict),
    Column("decided_by", String(64)),
    UniqueConstraint("supplier_id", "kind", "reference", name="uq_supplier_documents_reference"),
)


def start_mappers() -> None:
    """Map purchasing's domain classes; called once by `core.orm.start_mappers`."""
    mapper_registry.map_imperatively(Supplier, suppliers)
    mapper_registry.map_imperatively(SupplierProduct, supplier_products)
    mapper_registry.map_imperatively(Preference, purchase_preferences)
    mapper_registry.map_imperatively(ReorderRule, reorder_rules)
    mapper_registry.map_imperatively(PoLine, purchase_order_lines)
    mapper_registry.map_imperatively(PoEvent, purchase_order_events)
    mapper_registry.map_imperatively(
        PurchaseOrder,
        purchase_orders,
        properties={
            "lines": relationship(
                PoLine, order_by=purchase_order_lines.c.line_no, cascade="all, delete-orphan", lazy="selectin"
            ),
            "events": relationship(
                PoEvent, order_by=purchase_order_events.c.id, cascade="all, delete-orphan", lazy="selectin"
            ),
        },
    )
    mapper_registry.map_imperatively(Receipt, purchase_receipts)
    mapper_registry.map_imperatively(SupplierDocument, supplier_documents)
