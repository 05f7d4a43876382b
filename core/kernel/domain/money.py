"""Money: a `Decimal` amount with its currency, and the few places amounts are rounded.

Amounts are rounded half up to the currency's minor unit (cents) at these points only:

1. an invoice or credit-note line's net amount (quantity × unit price), `core.billing.domain.invoicing`;
2. the VAT of each rate over the document's taxable base at that rate, `core.billing.domain.tax`;
3. the value of a stock movement (quantity × unit cost), `core.billing.domain.ledger`;
4. a card authorisation's amount (estimated gross plus the shipping allowance),
   `core.billing.domain.payments`.

Everything else is a sum or difference of rounded amounts, so a document's totals, its journal entry
and its payments agree to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal(0)
# ISO 4217 minor units where they are not two
_MINOR_UNITS = {"JPY": 0, "KRW": 0, "CLP": 0, "ISK": 0, "BHD": 3, "KWD": 3, "JOD": 3, "TND": 3}


class CurrencyMismatch(ValueError):
    """Two amounts in different currencies were combined."""


def minor_units(currency: str) -> int:
    return _MINOR_UNITS.get(currency.upper(), 2)


def quantum(currency: str) -> Decimal:
    return Decimal(1).scaleb(-minor_units(currency))


def round_money(value: Decimal, currency: str = "EUR") -> Decimal:
    """Round half up to the currency's minor unit (a rounding point: see the module docstring)."""
    return value.quantize(quantum(currency), rounding=ROUND_HALF_UP)


def is_rounded(value: Decimal, currency: str = "EUR") -> bool:
    return value == round_money(value, currency)


def to_minor(value: Decimal, currency: str = "EUR") -> int:
    """The amount in minor units (cents); an amount finer than that is refused, never rounded."""
    scaled = value.scaleb(minor_units(currency))
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{value} {currency} has more decimals than the currency")
    return int(scaled)


def from_minor(value: int, currency: str = "EUR") -> Decimal:
    return round_money(Decimal(value).scaleb(-minor_units(currency)), currency)


@dataclass(frozen=True)
class Money:
    """An amount and its ISO 4217 currency; adding two currencies is an error, not a conversion."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError(f"money amounts are Decimal, not {type(self.amount).__name__}")
        if len(self.currency) != 3 or not self.currency.isalpha() or not self.currency.isupper():
            raise ValueError(f"{self.currency!r} is not an ISO 4217 currency code")

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(ZERO, currency)

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise CurrencyMismatch(f"cannot combine {self.currency} with {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def rounded(self) -> Money:
        return Money(round_money(self.amount, self.currency), self.currency)

    def __str__(self) -> str:
        return f"{self.amount:.{minor_units(self.currency)}f} {self.currency}"
