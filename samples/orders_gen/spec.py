"""The facts of one generated order (what the document must say) and the truth derived from them."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from samples.orders_gen.master import (
    DEPOTS,
    Address,
    Customer,
    Product,
    customer_codes,
    customers,
    own_address,
    products,
)
from samples.orders_gen.style import DATE_FORMATS, UNIT_WORDS, Style, amount

# Additions that make a description long enough to wrap in a narrow column.
LONG_TAIL = {
    "es": (
        "– embalaje reforzado, entregar paletizado",
        "– lote homologado según norma DIN",
        "(según muestra)",
    ),
    "en": (
        "– reinforced packaging, deliver palletised",
        "– approved batch to DIN standard",
        "(as per sample)",
    ),
}


@dataclass
class LineSpec:
    """One order line: the product, how the document names it, and the numbers."""

    line_no: str
    product: Product
    code: str  # the code printed in the item column
    code_kind: str  # "sku" | "customer" | "gtin" | "material"
    description: str
    quantity: Decimal
    unit_price: Decimal
    gtin: str | None = None  # a GTIN printed besides the code, when the layout has a column for it
    printed_amount: Decimal | None = None  # set to print an amount that is not quantity × price (tests)

    @property
    def amount(self) -> Decimal:
        if self.printed_amount is not None:
            return self.printed_amount
        return amount(self.quantity, self.unit_price)


@dataclass
class OrderSpec:
    """Everything one generated purchase order states, and how it prints it."""

    layout: str
    customer: Customer
    po_number: str
    order_date: date
    delivery_date: date
    style: Style
    ship_to: Address
    lines: list[LineSpec]
    id_kind: str  # how the document names the buyer to us: "customer_id" | "gln"
    vat_rate: Decimal
    show_vat: bool
    page_size: str  # "A4" | "Letter"
    extras: dict[str, Any] = field(default_factory=dict)  # layout-specific choices
    printed_total: Decimal | None = None  # set to print a total that does not add up (tests)

    @property
    def language(self) -> str:
        return self.style.language

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))

    @property
    def shown_total(self) -> Decimal:
        return self.total if self.printed_total is None else self.printed_total


def _quantity(rng: random.Random, product: Product) -> Decimal:
    if product.unit == "CAJ":
        return Decimal(rng.choice((1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 24, 30, 40)))
    if product.price < 1:
        return Decimal(rng.choice((50, 100, 200, 250, 400, 500, 750, 1000, 1200, 1500, 2000, 2500, 5000)))
    if product.price < 5:
        return Decimal(rng.choice((5, 10, 12, 20, 24, 25, 36, 48, 50, 60, 100, 120, 150)))
    return Decimal(rng.choice((1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20)))


def _po_number(rng: random.Random, customer: Customer, layout: str, day: date) -> str:
    n = rng.randrange(100, 99999)
    if layout == "erp":
        return f"45000{rng.randrange(10000, 99999)}"
    options = {
        "C-1001": (f"PED-{day:%y}/{n:05d}", f"FN-{day.year}-{n:05d}", f"{n:06d}"),
        "C-1002": (f"BG/{day:%y}/{n:05d}", f"OC-{n:06d}", f"PC{day:%y}{n:05d}"),
        "C-2001": (f"HH-PO-{n:05d}", f"PO{day:%y}{n:05d}", f"HH/{n:05d}/{day:%y}"),
    }[customer.customer_id]
    return rng.choice(options)


def _code(rng: random.Random, customer: Customer, product: Product, policy: str) -> tuple[str, str]:
    own = customer_codes().get((customer.customer_id, product.sku))
    if policy == "material":
        return (own, "customer") if own else (f"{rng.randrange(100000, 999999)}", "material")
    kind = rng.choice(("sku", "customer", "gtin")) if policy == "mixed" else policy
    if kind == "customer":
        return (own, "customer") if own else (product.sku, "sku")
    if kind == "gtin":
        return product.gtin, "gtin"
    return product.sku, "sku"


def make_style(rng: random.Random, language: str) -> Style:
    decimal = "," if language == "es" else "."
    if rng.random() < 0.15:  # some ERPs print the other convention
        decimal = "." if decimal == "," else ","
    units = {code: rng.choice(UNIT_WORDS[(language, code)]) for code in ("UD", "CAJ")}
    symbol = rng.choice(("€", "EUR", "") if language == "es" else ("€", "€", "EUR", ""))
    return Style(
        language=language,
        decimal=decimal,
        thousands=rng.random() < 0.7,
        date_format=rng.choice(DATE_FORMATS[:4]),
        currency=symbol,
        currency_before=language == "en" and symbol == "€" and rng.random() < 0.7,
        price_places=rng.choice((2, 2, 2, 3, 4)),
        unit_words=units,
        long_us=rng.random() < 0.5,
    )


def make_spec(rng: random.Random, layout: str, today: date, lines: tuple[int, int] = (1, 12)) -> OrderSpec:
    """A random but plausible order for `layout`, dated up to a few days before `today`."""
    customer = rng.choice(sorted(customers().values(), key=lambda c: c.customer_id))
    order_date = today - timedelta(days=rng.randrange(0, 4))
    policy = "material" if layout == "erp" else rng.choice(("sku", "customer", "gtin", "mixed", "sku"))
    catalogue = sorted(products().values(), key=lambda p: p.sku)
    count = rng.randint(*lines)
    chosen = rng.sample(catalogue, count) if count <= len(catalogue) else rng.choices(catalogue, k=count)
    language = customer.language
    step = 10 if layout == "erp" else 1
    specs = []
    for i, product in enumerate(chosen, start=1):
        code, kind = _code(rng, customer, product, policy)
        description = product.name_es if language == "es" else product.name_en
        if rng.random() < 0.2:
            description = f"{description} {rng.choice(LONG_TAIL[language])}"
        specs.append(
            LineSpec(str(i * step), product, code, kind, description, _quantity(rng, product), product.price)
        )
    depots = DEPOTS[customer.customer_id]
    ship_to = rng.choice((own_address(customer), *depots))
    return OrderSpec(
        layout=layout,
        customer=customer,
        po_number=_po_number(rng, customer, layout, order_date),
        order_date=order_date,
        delivery_date=order_date + timedelta(days=rng.randrange(5, 22)),
        style=make_style(rng, language),
        ship_to=ship_to,
        lines=specs,
        id_kind=rng.choice(("customer_id", "gln")),
        vat_rate=Decimal(21) if customer.country == "ES" else Decimal(20),
        show_vat=rng.random() < 0.5,
        page_size="Letter" if language == "en" and rng.random() < 0.4 else "A4",
    )


def _dec(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


VAT_LAYOUTS = frozenset(("ruled", "borderless", "boxed", "multipage"))  # the layouts that print the VAT


def truth(spec: OrderSpec) -> dict[str, Any]:
    """The facts of `spec` in the shape of `oms extract --json` (one order); the total is the final one
    printed (with the VAT when the layout shows it, the net total and VAT then beside it)."""
    c, s = spec.customer, spec.ship_to
    net = spec.shown_total
    printed = spec.show_vat and spec.layout in VAT_LAYOUTS
    vat = (net * spec.vat_rate / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) if printed else None
    return {
        "po_number": spec.po_number,
        "customer_id": c.customer_id,
        "order_date": spec.order_date.isoformat(),
        "requested_delivery_date": spec.delivery_date.isoformat(),
        "currency": "EUR",
        "buyer": {"party_id": c.customer_id if spec.id_kind == "customer_id" else c.gln, "name": c.name},
        "ship_to": {
            "party_id": None,
            "name": s.name,
            "street": s.street,
            "postal_code": s.postal_code,
            "city": s.city,
            "country": s.country,
        },
        "lines": [
            {
                "line_no": line.line_no,
                "item_code": line.code,
                "gtin": line.product.gtin if line.code_kind == "gtin" or line.gtin else None,
                "sku": line.product.sku,
                "description": line.description,
                "quantity": _dec(line.quantity),
                "unit": line.product.unit,
                "unit_price": _dec(line.unit_price),
                "amount": _dec(line.amount),
            }
            for line in spec.lines
        ],
        "total": _dec(net + vat if vat is not None else net),
        "net_total": _dec(net) if vat is not None else None,
        "tax_total": _dec(vat) if vat is not None else None,
        "language": spec.language,
    }
