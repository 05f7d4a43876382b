"""Column types that keep Decimal exact and datetimes aware UTC on SQLite and PostgreSQL alike, quantities
in whole thousandths, and enums as their values; every area's tables use them."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Enum, Numeric, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


class ExactDecimal(TypeDecorator[Decimal]):
    """NUMERIC on PostgreSQL; on SQLite a string, because SQLite's NUMERIC is a float underneath."""

    impl = Numeric
    cache_ok = True

    def __init__(self, precision: int = 20, scale: int = 6) -> None:
        super().__init__()
        self.precision = precision
        self.scale = scale

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(48))
        return dialect.type_descriptor(Numeric(self.precision, self.scale, asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            value = Decimal(str(value))
        return str(value) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return normalize(Decimal(str(value)))


def normalize(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (1.500000 -> 1.5, 100 -> 100)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in and out; SQLite stores it naive, so the zone is put back on read."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is required")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


SCALE = 1000  # quantities are kept to the thousandth of a unit


class Quantity(TypeDecorator[Decimal]):
    """A Decimal quantity stored as an integer count of thousandths; finer values are refused."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        return None if value is None else to_milli(Decimal(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else from_milli(int(value))


def to_milli(value: Decimal) -> int:
    scaled = value * SCALE
    if scaled != scaled.to_integral_value():
        raise ValueError(f"quantity {value} has more than three decimals")
    return int(scaled)


def from_milli(value: int) -> Decimal:
    """Thousandths back to the quantity, written as short as it goes (12000 -> 12, 1500 -> 1.5).

    Every quantity read passes here: whole units (most of them) take one `divmod` and no division."""
    whole, part = divmod(value, SCALE)
    if not part:
        return Decimal(whole)
    return Decimal(value).scaleb(-3).normalize()


def stored_enum(cls: type) -> Enum:
    """A string enum stored as its values in a VARCHAR(24) (no native enum: migrations stay simple)."""
    return Enum(cls, native_enum=False, length=24, values_callable=lambda e: [m.value for m in e])
