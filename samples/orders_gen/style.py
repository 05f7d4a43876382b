"""How a document prints numbers, money, dates and units: decimal comma or point, thousands, month names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from samples.orders_gen.dates import MONTHS

DATE_FORMATS = ("dmy_slash", "dmy_dot", "iso", "long", "dmy_dot_short")

# Printed unit words for our two unit codes, by language.
UNIT_WORDS = {
    ("es", "UD"): ("uds", "ud", "unidades", "u.", "pzas"),
    ("es", "CAJ"): ("cajas", "caja", "cj", "CAJ"),
    ("en", "UD"): ("pcs", "ea", "each", "units", "pc"),
    ("en", "CAJ"): ("boxes", "box", "bx", "ctn"),
}


@dataclass(frozen=True)
class Style:
    """The printing conventions of one document."""

    language: str  # "es" | "en"
    decimal: str  # "," or "."
    thousands: bool  # group thousands (with "." when the decimal mark is ",", else ",")
    date_format: str  # one of DATE_FORMATS
    currency: str  # how money is marked: "€" | "EUR" | "" (only a column heading or label says it)
    currency_before: bool  # "€1,234.56" rather than "1.234,56 €"
    price_places: int  # decimals printed in unit prices (2..4)
    unit_words: dict[str, str]  # unit code -> printed word
    long_us: bool = True  # English long dates "November 26, 2026" (else "26 November 2026")

    @property
    def group(self) -> str:
        return "." if self.decimal == "," else ","

    def number(self, value: Decimal, places: int = 2, *, grouped: bool | None = None) -> str:
        """`value` with `places` decimals in this style (thousands grouped when the style says so)."""
        q = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        sign = "-" if q < 0 else ""
        whole, _, frac = format(abs(q), "f").partition(".")
        if self.thousands if grouped is None else grouped:
            parts = []
            while len(whole) > 3:
                parts.insert(0, whole[-3:])
                whole = whole[:-3]
            whole = self.group.join([whole, *parts])
        return sign + whole + (self.decimal + frac if places else "")

    def quantity(self, value: Decimal, places: int = 0) -> str:
        return self.number(value, places)

    def money(self, value: Decimal, places: int = 2, *, symbol: bool = True) -> str:
        text = self.number(value, places)
        if not symbol or not self.currency:
            return text
        if self.currency_before:
            return f"{self.currency}{text}" if self.currency == "€" else f"{self.currency} {text}"
        return f"{text} {self.currency}"

    def date(self, value: date) -> str:
        fmt = self.date_format
        if fmt == "dmy_slash":
            return f"{value.day:02d}/{value.month:02d}/{value.year}"
        if fmt == "dmy_dot":
            return f"{value.day:02d}.{value.month:02d}.{value.year}"
        if fmt == "dmy_dot_short":
            return f"{value.day:02d}.{value.month:02d}.{value.year % 100:02d}"
        if fmt == "iso":
            return value.isoformat()
        if self.language == "es":
            return f"{value.day} de {MONTHS['es'][value.month - 1]} de {value.year}"
        month = MONTHS["en"][value.month - 1]
        return f"{month} {value.day}, {value.year}" if self.long_us else f"{value.day} {month} {value.year}"

    def unit(self, code: str) -> str:
        return self.unit_words[code]


def amount(quantity: Decimal, price: Decimal) -> Decimal:
    """A line amount as an ERP prints it: quantity × price rounded half-up to cents."""
    return (quantity * price).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
