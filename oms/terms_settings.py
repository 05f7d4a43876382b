"""The price tolerance setting (`OMS_PRICE_TOLERANCE`), read and checked once at start-up."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from core.kernel.errors import ConfigError
from validation.terms import PRICE_TOLERANCE

__all__ = ["PRICE_TOLERANCE", "price_tolerance"]


def price_tolerance(value: str | None) -> Decimal:
    """A fraction of the price a document's unit price may differ by and still agree (0.005: 0.5 %)."""
    if value is None or not value.strip():
        return PRICE_TOLERANCE
    try:
        tolerance = Decimal(value.strip())
    except InvalidOperation:
        raise ConfigError(f"OMS_PRICE_TOLERANCE {value!r} is not a decimal fraction such as 0.005") from None
    if not tolerance.is_finite() or not Decimal(0) <= tolerance < Decimal(1):
        raise ConfigError(f"OMS_PRICE_TOLERANCE {value!r} must be at least 0 and below 1 (0.005 is 0.5 %)")
    return tolerance
