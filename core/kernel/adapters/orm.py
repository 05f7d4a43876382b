"""The one metadata and mapper registry every area's tables register on, and the kernel's own tables:
the order and its lines, the outbox and the trading partners it addresses, users and their sign-ins.

Each area maps its classes in its own `adapters/orm.py`; `core.orm.start_mappers` calls them all
(imperative mapping, SQLAlchemy 2), so no area's tables import another's.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Any, TypeVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
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
    inspect,
    text,
)
from sqlalchemy.orm import Mapper, configure_mappers, registry, relationship

from core.kernel.adapters.types import ExactDecimal, UTCDateTime, stored_enum
from core.kernel.domain.model import (
    Decision,
    Order,
    OrderLine,
    OrderState,
    OutboundKind,
    OutboundMessage,
    OutboundState,
    Partner,
)
from core.kernel.domain.notices import NotificationState
from core.kernel.domain.signins import Kind, Outcome, SignInAttempt
from core.kernel.domain.users import ApiToken, Role, User, WebSession

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
    Column("syntax_ids", String(64), nullable=False, default="", server_default=""),
    Column("buyers", String(2000), nullable=False, default="", server_default=""),
    Column("channel", String(16), nullable=False, default="", server_default=""),
    Column("address", String(64), nullable=False, default="", server_default=""),
)

# One row (id 1): a counter that every write to master data moves on, in the writer's transaction, by
# triggers (migration 0028), whoever writes (an import, the web UI, the CLI, SQL by hand). A process
# that remembers master data across transactions reads it to know whether what it holds is still true.
master_data_stamp = Table(
    "master_data_stamp",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("version", BigInteger, nullable=False, default=0),
)


orders = Table(
    "orders",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("message_index", Integer, nullable=False),
    Column("channel", String(16), nullable=False),
    Column("state", stored_enum(OrderState), nullable=False, index=True),
    Column("decision", stored_enum(Decision), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("created_at", UTCDateTime, nullable=False, index=True),
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
    Column("total", ExactDecimal(), index=True),
    Column("partner_id", String(64)),
    Column("message_ref", String(32)),
    Column("problems", JSON, nullable=False, default=list),
    Column("evidence", JSON, nullable=False, default=list),
    Column("duplicate_of", Integer, ForeignKey("orders.id")),
    Column("identifiers", JSON, nullable=False, default=list),
    Column("promo_code", String(32)),  # the promotion code the order quoted (EDIFACT RFF+PD, "promo code")
    UniqueConstraint("document_id", "message_index", name="uq_orders_document_message"),
    # the backorders waiting now, aged by the service report with an index-only count (migration 0024)
    Index(
        "ix_orders_backordered",
        "created_at",
        "id",
        postgresql_where=text("state = 'backordered'"),
        sqlite_where=text("state = 'backordered'"),
    ),
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
    Column("sku", String(64), index=True),
    Column("description", String(512)),
    Column("quantity", ExactDecimal()),
    Column("unit", String(16)),
    Column("unit_price", ExactDecimal()),
    Column("amount", ExactDecimal()),
    Column("requested_delivery_date", Date),
    # the ordered quantity in the product's own unit when the line was ordered in a pack ("2 CJ" = 24 UN)
    Column("base_quantity", ExactDecimal()),
    Column("base_unit", String(16)),
    Column("price_source", String(256)),  # the price rule the line was checked against
    Column("discount", ExactDecimal()),  # what a promotion takes off the line, in the order's currency
    Column("promotion", String(256)),  # that promotion in words
    Index("ix_order_lines_order_position", "order_id", "position", unique=True),
)

outbound_messages = Table(
    "outbound_messages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel", String(16), nullable=False),
    Column("kind", stored_enum(OutboundKind), nullable=False),
    Column("recipient", String(320), nullable=False),
    Column("filename", String(255), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("state", stored_enum(OutboundState), nullable=False, index=True),
    Column("order_id", Integer, ForeignKey("orders.id")),
    Column("document_id", Integer, ForeignKey("documents.id"), index=True),
    Column("control_ref", String(32)),
    Column("sent_at", UTCDateTime),
    Column("error", Text),
    Column("attempts", Integer, nullable=False, default=0),
    Column("draft", JSON(none_as_null=True)),  # what a job renders the content from; null once rendered
    Column("queued_at", UTCDateTime),  # a draft's render job last queued by the sweep (else: created_at)
    UniqueConstraint("channel", "recipient", "filename", name="uq_outbound_channel_recipient_file"),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", String(128)),
    Column("role", stored_enum(Role)),
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

sign_in_attempts = Table(
    "sign_in_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False, index=True),
    Column("kind", stored_enum(Kind), nullable=False),
    Column("outcome", stored_enum(Outcome), nullable=False),
    Column("username", String(64), index=True),
    Column("address", String(64), index=True),
    Column("actor", String(64)),
)


def notice_table(name: str, kind: type[enum.Enum], *references: Column[Any]) -> Table:
    """A table of notices to customers (fulfilment's notifications, billing's notices): what to say
    (`kind`, `detail`, and the rows it is about: `references`), once per key, to whom on which channel,
    and how far it got (state, attempts, the outbox message it became)."""
    return Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("order_id", Integer, ForeignKey("orders.id"), nullable=False, index=True),
        Column("kind", stored_enum(kind), nullable=False),
        Column("key", String(128), nullable=False, unique=True),
        Column("channel", String(16), nullable=False),
        Column("recipient", String(320)),
        Column("language", String(8), nullable=False),
        Column("state", stored_enum(NotificationState), nullable=False, index=True),
        Column("detail", JSON, nullable=False, default=dict),
        *references,
        Column("attempts", Integer, nullable=False, default=0),
        Column("error", Text),
        Column("outbound_id", Integer, ForeignKey("outbound_messages.id")),
        Column("created_at", UTCDateTime, nullable=False),
        Column("queued_at", UTCDateTime),
    )


def start_mappers() -> None:
    """Map the kernel's domain classes; called once by `core.orm.start_mappers`."""
    mapper_registry.map_imperatively(Partner, partners)
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
    mapper_registry.map_imperatively(User, users)
    mapper_registry.map_imperatively(ApiToken, api_tokens)
    mapper_registry.map_imperatively(WebSession, web_sessions)
    mapper_registry.map_imperatively(SignInAttempt, sign_in_attempts)


T = TypeVar("T")


_KNOWN: dict[type, tuple[frozenset[str], Mapper[Any] | None]] = {}


def _known(cls: type) -> tuple[frozenset[str], Mapper[Any] | None]:
    """A dataclass's field names and its mapper, configured (as a first `__init__` would have it)."""
    found = _KNOWN.get(cls)
    if found is None:
        mapper: Mapper[Any] | None = inspect(cls, raiseerr=False)
        found = (frozenset(f.name for f in dataclasses.fields(cls)), mapper)
        if mapper is not None:  # remembered once mapped: unmapped, it may be mapped later
            configure_mappers()
            _KNOWN[cls] = found
    return found


def unsaved(cls: type[T], values: dict[str, Any], **collections: list[Any]) -> T:
    """A new object of a mapped dataclass, in no session yet, holding `values` and `collections`
    (together every field of the dataclass), made as the ORM makes the objects it loads: its state
    and its values at once, without an attribute event per field.

    The dataclass's `__init__` sets each field through the mapping's instrumentation, which costs
    about as much as everything else a 1,000-order interchange's orders take to build (eleven
    thousand objects, thirty fields each). The collections (an order's lines) are set with their
    events, so that a flush knows the items are new and whose they are. Reading, changing and adding
    the object to a session behave as for one built with `__init__`. Where the mapping is not started
    (pure unit tests) it is the plain dataclass.
    """
    fields, mapper = _known(cls)
    if values.keys() | collections.keys() != fields:
        raise ValueError(f"{cls.__name__} takes {sorted(fields)}, got {sorted(values | collections)}")
    if mapper is None:
        return cls(**values, **collections)
    obj: T = mapper.class_manager.new_instance()
    obj.__dict__.update(values)
    for key, items in collections.items():
        setattr(obj, key, items)  # with its events: the flush sets the items' foreign keys from them
    return obj


_DEFAULTS: dict[type, tuple[dict[str, Any], dict[str, Any]]] = {}


def made(cls: type[T], **values: Any) -> T:
    """`cls(**values)` for a mapped dataclass without collections, made as `unsaved` makes objects
    (no attribute event per field), the dataclass's defaults filling the fields not given.

    For the rows a batch step appends and writes in bulk (allocations, notifications: thousands per
    batch), which the instrumented `__init__` made at about 20 µs each."""
    found = _DEFAULTS.get(cls)
    if found is None:
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        plain = {f.name: f.default for f in fields if f.default is not dataclasses.MISSING}
        factories = {
            f.name: f.default_factory for f in fields if f.default_factory is not dataclasses.MISSING
        }
        found = _DEFAULTS[cls] = (plain, factories)
    plain, factories = found
    given = {**plain, **{k: make() for k, make in factories.items() if k not in values}, **values}
    return unsaved(cls, given)
