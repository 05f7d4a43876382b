"""How a drawn order looks: every presentation choice in one frozen record (`Look`), and the `Printer`
that writes numbers, money and dates the way that look says."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from samples.orders_gen.dates import format_date

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "MXN": "$"}


@dataclass(frozen=True)
class Look:
    """The drawn parameters of one document (recorded in its truth as `params`)."""

    family: str
    page_size: str  # A4 | Letter
    fonts: str  # a key of pdfdoc.FONT_SETS
    size: float  # body text size in points
    label_language: str  # es en pt fr de it
    upper_labels: bool
    colon: bool  # "Fecha:" rather than "Fecha"
    letterhead: str  # left | centre | right | band
    logo: str  # none | disc | bars | monogram
    letterhead_ids: bool  # the buyer's tax id, e-mail, phone and fax under its name
    header: str  # pairs_right | pairs_left | boxes_above | grid | letter | window | cells
    id_kind: str  # how the buyer names itself to us: customer_id | gln | none
    vendor_no: bool  # the buyer's number for us printed too (a number that is not ours)
    parties: str  # side | stacked | boxes | inline
    table: str  # grid | hlines | plain | zebra | boxed | cells
    columns: tuple[str, ...]  # print order: pos code gtin description rev colour size qty unit price per
    # discount amount
    code_in: str  # column | brackets (`[ABC-12] Tornillo`) | own_row (code above the description) |
    # labelled ("Item Code: ABC-12" on a line of its own under the description)
    wrap: bool  # narrow description column: long descriptions take two lines
    position: str  # none | 1 | 10 | 00010 | 001
    price_per: int  # prices quoted per 1, 100 or 1000 units
    per_style: (
        str  # column | suffix ("18,00/100") | heading ("Precio (100 uds)") | heading_per ("Price (per 1000)")
    )
    discount: bool  # a per-line discount column
    totals: str  # net | tax | subtotal_tax
    multipage: bool  # long order over pages with carried-forward totals
    currency_mark: str  # symbol_before | symbol_after | code_before | code_after | heading | header
    decimal: str  # "," or "."
    group: str  # thousands separator: "." "," " " or "" for none
    qty_places: int
    price_places: int
    date_format: str  # see dates.format_date
    delivery_in: str  # field | prose | field_prose | per_line
    intro: bool
    stamp: bool  # a rubber stamp over the text
    signature: bool  # a signature scrawled over the signature line and text
    upper_desc: bool
    overprint: bool  # bold by striking twice: every character twice in the text layer

    def as_dict(self) -> dict[str, Any]:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}


class Printer:
    """Numbers, money and dates in one document's conventions."""

    def __init__(self, look: Look, currency: str) -> None:
        self.look = look
        self.currency = currency

    def number(self, value: Decimal, places: int = 2) -> str:
        q = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        sign = "-" if q < 0 else ""
        whole, _, frac = format(abs(q), "f").partition(".")
        if self.look.group:
            parts = []
            while len(whole) > 3:
                parts.insert(0, whole[-3:])
                whole = whole[:-3]
            whole = self.look.group.join([whole, *parts])
        return sign + whole + (self.look.decimal + frac if places else "")

    def mark(self) -> str:
        """How money is marked in cells: '€', '$', 'EUR' or nothing (said in a heading or header field)."""
        kind = self.look.currency_mark
        if kind.startswith("symbol"):
            return SYMBOLS[self.currency]
        return self.currency if kind.startswith("code") else ""

    def money(self, value: Decimal, places: int = 2, *, marked: bool = True) -> str:
        text = self.number(value, places)
        mark = self.mark() if marked else ""
        if not mark:
            return text
        if self.look.currency_mark.endswith("before"):
            return f"{mark}{text}" if len(mark) == 1 else f"{mark} {text}"
        return f"{text} {mark}"

    def quantity(self, value: Decimal) -> str:
        places = max(self.look.qty_places, _places(value))
        return self.number(value, places)

    def price(self, value: Decimal, *, marked: bool = False) -> str:
        places = max(self.look.price_places, _places(value))
        return self.money(value, places, marked=marked)

    def date(self, value: date) -> str:
        return format_date(value, self.look.date_format)


def _places(value: Decimal) -> int:
    """Decimals needed to print `value` exactly."""
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
