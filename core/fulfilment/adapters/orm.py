"""Tables of the order lifecycle: warehouses, stock and its ledger, allocations, events, pick lists,
shipments and parcels, shipping attributes and carrier rate tables, customer preferences, notifications.

Stock quantities are stored as whole thousandths in BIGINT columns (`Quantity`), so that the
database itself can check and do the arithmetic of allocation (`allocated <= on_hand`,
`UPDATE … WHERE on_hand - allocated >= :q`) exactly, on PostgreSQL and on SQLite alike.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import relationship

from core.fulfilment.domain.notifications import NoticeKind, Notification
from core.fulfilment.domain.shipping import GoodsClass, ProductShipping
from core.fulfilment.domain.stock import (
    Allocation,
    AllocationState,
    CustomerPreferences,
    MovementKind,
    Warehouse,
)
from core.fulfilment.domain.warehouse import (
    Parcel,
    PickLine,
    PickLineState,
    PickList,
    PickListState,
    Shipment,
    ShipmentState,
)
from core.kernel.adapters.orm import mapper_registry, metadata, notice_table
from core.kernel.adapters.types import ExactDecimal, Quantity, UTCDateTime, stored_enum
from core.kernel.domain.model import OrderState

warehouses = Table(
    "warehouses",
    metadata,
    Column("code", String(16), primary_key=True),
    Column("name", String(128), nullable=False),
    Column("priority", Integer, nullable=False, default=100),
    Column("country", String(2), nullable=False, default="ES"),
    Column("postal_code", String(16)),
    Column("city", String(128)),
    Column("active", Boolean, nullable=False, default=True),
)

stock_levels = Table(
    "stock_levels",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("warehouse", String(16), ForeignKey("warehouses.code"), nullable=False),
    Column("location", String(32), nullable=False),
    Column("sku", String(64), ForeignKey("products.sku"), nullable=False, index=True),
    Column("on_hand", Quantity(), nullable=False, default=0),
    Column("allocated", Quantity(), nullable=False, default=0),
    Column("updated_at", UTCDateTime, nullable=False),
    # quarantine: on hand and valued, but never available to promise or allocate (purchasing's damaged goods)
    Column("held", Boolean, nullable=False, default=False, server_default=false()),
    UniqueConstraint("warehouse", "location", "sku", name="uq_stock_levels_place_sku"),
    CheckConstraint("allocated >= 0", name="allocated_not_negative"),
    CheckConstraint("allocated <= on_hand", name="not_oversold"),
)

stock_movements = Table(
    "stock_movements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("stock_id", Integer, ForeignKey("stock_levels.id"), nullable=False, index=True),
    Column("warehouse", String(16), nullable=False),
    Column("location", String(32), nullable=False),
    Column("sku", String(64), nullable=False, index=True),
    Column("kind", stored_enum(MovementKind), nullable=False),
    Column("on_hand_delta", Quantity(), nullable=False),
    Column("allocated_delta", Quantity(), nullable=False),
    Column("order_id", Integer, ForeignKey("orders.id"), index=True),
    Column("reference", String(64)),
    Column("actor", String(64), nullable=False),
)

allocations = Table(
    "allocations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("order_id", Integer, ForeignKey("orders.id"), nullable=False),
    Column("line_id", Integer, ForeignKey("order_lines.id"), nullable=False, index=True),
    Column("sku", String(64), nullable=False),
    Column("stock_id", Integer, ForeignKey("stock_levels.id"), nullable=False),
    Column("warehouse", String(16), nullable=False),
    Column("location", String(32), nullable=False),
    Column("quantity", Quantity(), nullable=False),
    Column("state", stored_enum(AllocationState), nullable=False),  # not indexed: release's UPDATE is HOT
    Column("created_at", UTCDateTime, nullable=False),
    Column("pick_list_id", Integer, ForeignKey("pick_lists.id")),
    Column("shipment_id", Integer, ForeignKey("shipments.id")),
    CheckConstraint("quantity >= 0", name="quantity_not_negative"),
    # an order's allocations, and the key its pick lines refer to (see migration 0029)
    Index("ix_allocations_order_id_id", "order_id", "id", unique=True),
    postgresql_with={"fillfactor": 50},
)

order_events = Table(
    "order_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("order_id", Integer, ForeignKey("orders.id"), nullable=False, index=True),
    Column("at", UTCDateTime, nullable=False),
    Column("actor", String(64), nullable=False),
    Column("step", String(24), nullable=False),
    Column("from_state", stored_enum(OrderState), nullable=False),
    Column("to_state", stored_enum(OrderState), nullable=False),
    Column("detail", JSON, nullable=False, default=dict),
)

pick_lists = Table(
    "pick_lists",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("warehouse", String(16), ForeignKey("warehouses.code"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("state", stored_enum(PickListState), nullable=False, index=True),
    Column("confirmed_at", UTCDateTime),
    Column("confirmed_by", String(64)),
)

pick_lines = Table(
    "pick_lines",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("pick_list_id", Integer, ForeignKey("pick_lists.id"), nullable=False, index=True),
    Column("allocation_id", Integer, nullable=False),
    Column("order_id", Integer, nullable=False),
    Column("line_id", Integer, nullable=False),
    Column("sku", String(64), nullable=False),
    Column("location", String(32), nullable=False),
    Column("quantity", Quantity(), nullable=False),
    Column("description", String(512)),
    Column("po_number", String(64)),
    Column("picked", Quantity()),
    Column("state", stored_enum(PickLineState), nullable=False),
    # one check per line: its allocation exists and is its order's (the allocation's key keeps the order)
    ForeignKeyConstraint(["order_id", "allocation_id"], ["allocations.order_id", "allocations.id"]),
)

shipments = Table(
    "shipments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("order_id", Integer, ForeignKey("orders.id"), nullable=False, index=True),
    Column("warehouse", String(16), ForeignKey("warehouses.code"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("state", stored_enum(ShipmentState), nullable=False, index=True),
    Column("carrier", String(32)),
    Column("service", String(32)),
    Column("zone", String(16)),
    Column("tracking_number", String(64), index=True),
    Column("charge", ExactDecimal()),
    Column("currency", String(3)),
    Column("charge_detail", JSON, nullable=False, default=list),
    Column("promised_date", Date),
    Column("label_pdf", LargeBinary),
    Column("shipped_at", UTCDateTime),
    Column("delivered_at", UTCDateTime),
)

parcels = Table(
    "parcels",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "shipment_id", Integer, ForeignKey("shipments.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("number", Integer, nullable=False),
    Column("weight_kg", ExactDecimal(), nullable=False),
    Column("length_cm", ExactDecimal(), nullable=False),
    Column("width_cm", ExactDecimal(), nullable=False),
    Column("height_cm", ExactDecimal(), nullable=False),
    Column("box", String(16), nullable=False),
    Column("sscc", String(18), unique=True),
    Column("contents", JSON, nullable=False, default=list),
)

product_shipping = Table(
    "product_shipping",
    metadata,
    Column("sku", String(64), ForeignKey("products.sku"), primary_key=True),
    Column("weight_kg", ExactDecimal(), nullable=False),
    Column("length_cm", ExactDecimal(), nullable=False),
    Column("width_cm", ExactDecimal(), nullable=False),
    Column("height_cm", ExactDecimal(), nullable=False),
    Column("goods_class", stored_enum(GoodsClass), nullable=False),
    Column("fragile", Boolean, nullable=False, default=False),
)

carrier_services = Table(
    "carrier_services",
    metadata,
    Column("carrier", String(32), primary_key=True),
    Column("service", String(32), primary_key=True),
    Column("name", String(128), nullable=False),
    Column("transit_days", Integer, nullable=False),
    Column("classes", String(128), nullable=False),  # goods classes it takes, space separated
    Column("fragile_ok", Boolean, nullable=False, default=True),
    Column("max_parcel_kg", ExactDecimal(), nullable=False),
    Column("currency", String(3), nullable=False, default="EUR"),
)

carrier_rates = Table(
    "carrier_rates",
    metadata,
    Column("carrier", String(32), primary_key=True),
    Column("service", String(32), primary_key=True),
    Column("zone", String(16), primary_key=True),
    Column("up_to_kg", ExactDecimal(), primary_key=True),
    Column("price", ExactDecimal(), nullable=False),
)

carrier_surcharges = Table(
    "carrier_surcharges",
    metadata,
    Column("carrier", String(32), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("per_parcel", ExactDecimal(), nullable=False),
    Column("percent", ExactDecimal(), nullable=False),
    Column("threshold", ExactDecimal(), nullable=False),
)

customer_preferences = Table(
    "customer_preferences",
    metadata,
    Column("customer_id", String(64), ForeignKey("customers.customer_id"), primary_key=True),
    Column("notify_channel", String(16)),
    Column("split_warehouses", Boolean, nullable=False, default=True),
    Column("partial_shipments", Boolean, nullable=False, default=True),
)

notifications = notice_table(
    "notifications", NoticeKind, Column("shipment_id", Integer, ForeignKey("shipments.id"))
)


def start_mappers() -> None:
    """Map the lifecycle's domain classes; called once by `core.orm.start_mappers`."""
    mapper_registry.map_imperatively(Warehouse, warehouses)
    mapper_registry.map_imperatively(Allocation, allocations)
    # OrderEvent is not mapped: events are append-only rows, written in bulk and read as rows
    mapper_registry.map_imperatively(PickLine, pick_lines)
    mapper_registry.map_imperatively(
        PickList,
        pick_lists,
        properties={
            "lines": relationship(
                PickLine, order_by=pick_lines.c.id, cascade="all, delete-orphan", lazy="selectin"
            )
        },
    )
    mapper_registry.map_imperatively(Parcel, parcels)
    mapper_registry.map_imperatively(
        Shipment,
        shipments,
        properties={
            "parcels": relationship(
                Parcel, order_by=parcels.c.number, cascade="all, delete-orphan", lazy="selectin"
            )
        },
    )
    mapper_registry.map_imperatively(ProductShipping, product_shipping)
    mapper_registry.map_imperatively(CustomerPreferences, customer_preferences)
    mapper_registry.map_imperatively(Notification, notifications)
