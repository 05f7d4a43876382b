"""The facts of one drawn order (what it must state, whatever its look) and its truth record."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from samples.orders_gen.master import (
    Address,
    Customer,
    Product,
    all_customer_codes,
    all_customers,
    all_products,
    depots,
    own_address,
)

CENT = Decimal("0.01")
RATES = {"EUR": Decimal(1), "USD": Decimal("1.08"), "GBP": Decimal("0.86"), "MXN": Decimal("19.60")}
TAX = {"ES": 21, "GB": 20, "US": 0, "MX": 16, "PT": 23, "FR": 20, "DE": 19, "IT": 22}
UNIT_WORDS = {
    "UD": {
        "es": ("uds", "ud", "UDS", "u.", "pzas", "UN"),
        "en": ("EA", "Each", "PCS", "pcs", "units", "ea"),
        "pt": ("un", "UN"),
        "fr": ("pce", "U", "pièces"),
        "de": ("Stk", "ST", "Stück"),
        "it": ("pz", "NR", "pezzi"),
    },
    "CAJ": {
        "es": ("cajas", "CJ", "caja", "CAJ"),
        "en": ("box", "CS", "BX", "CTN"),
        "pt": ("cx", "CX"),
        "fr": ("carton", "CT"),
        "de": ("KAR", "Karton"),
        "it": ("CF", "scatola"),
    },
    "KG": {lang: ("KG", "kg", "Kg") for lang in ("es", "en", "pt", "fr", "de", "it")},
}
LONG_TAIL = {
    "es": ("– embalaje reforzado, entregar paletizado", "según plano adjunto rev. vigente", "(muestra)"),
    "en": ("– reinforced packaging, deliver palletised", "as per attached drawing, latest rev.", "(sample)"),
}
REVISIONS = ("A", "B", "C", "01", "02", "03")
COLOURS = {"es": ("negro", "gris", "azul", "zinc"), "en": ("black", "grey", "blue", "zinc")}
SIZES = ("S", "M", "L", "XL", "Ø8", "M8", "250")


@dataclass
class Line:
    """One order line: the product, how the document names it, and the numbers it prints."""

    position: str
    product: Product
    code: str  # the buyer's or our code as printed
    code_kind: str  # sku | customer | gtin
    description: str
    quantity: Decimal
    unit_word: str
    price: Decimal  # the printed price, for `per` units
    per: int = 1
    discount: Decimal = Decimal(0)  # percent
    extra: dict[str, str] = field(default_factory=dict)  # rev, colour, size as printed
    delivery: date | None = None
    printed_amount: Decimal | None = None  # set to print an amount that does not add up (tests)

    @property
    def unit_price(self) -> Decimal:
        return self.price / self.per

    @property
    def amount(self) -> Decimal:
        if self.printed_amount is not None:
            return self.printed_amount
        gross = self.quantity * self.price / self.per
        return (gross * (100 - self.discount) / 100).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Facts:
    """Everything one drawn order states."""

    customer: Customer
    po_number: str
    order_date: date
    delivery_date: date
    currency: str
    ship_to: Address
    lines: list[Line]
    language: str  # the buyer's language
    tax_rate: Decimal
    vendor_no: str
    printed_total: Decimal | None = None  # set to print a total that does not add up (tests)

    @property
    def net(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))

    @property
    def total(self) -> Decimal:
        return self.net if self.printed_total is None else self.printed_total

    @property
    def tax(self) -> Decimal:
        return (self.total * self.tax_rate / 100).quantize(CENT, rounding=ROUND_HALF_UP)


def prose_language(language: str) -> str:
    """The language a buyer writes sentences and written dates in: Spanish for Spanish speakers, else
    English (buyers abroad write to a Spanish supplier in English)."""
    return "es" if language == "es" else "en"


def _quantity(rng: random.Random, product: Product) -> Decimal:
    if product.unit == "KG":
        return Decimal(rng.choice(("5", "12.5", "25", "50", "7.25", "100", "1250")))
    if product.unit == "CAJ":
        return Decimal(rng.choice((1, 2, 3, 4, 5, 6, 8, 10, 12, 20, 24, 40)))
    if product.price < Decimal("0.1"):
        return Decimal(rng.choice((500, 1000, 2000, 2500, 5000, 10000, 25000)))
    if product.price < 1:
        return Decimal(rng.choice((50, 100, 200, 250, 500, 750, 1000, 1200, 1500, 2500)))
    if product.price < 5:
        return Decimal(rng.choice((5, 10, 12, 20, 24, 36, 48, 50, 60, 100, 120)))
    return Decimal(rng.choice((1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20)))


def _code(rng: random.Random, customer: Customer, product: Product, policy: str) -> tuple[str, str]:
    own = all_customer_codes().get((customer.customer_id, product.sku))
    kind = rng.choice(("sku", "customer", "gtin")) if policy in ("mixed", "no_gtin") else policy
    if kind == "gtin" and policy == "no_gtin":
        kind = "customer"
    if kind == "customer" and own:
        return own, "customer"
    if kind == "gtin":
        return product.gtin, "gtin"
    return product.sku, "sku"


def _currency(rng: random.Random, customer: Customer) -> str:
    options = {"US": ("USD",), "MX": ("MXN", "MXN", "USD"), "GB": ("GBP", "GBP", "EUR")}
    return rng.choice(options.get(customer.country, ("EUR",)))


def _price(product: Product, currency: str, per: int) -> Decimal:
    value = product.price * RATES[currency] * per
    places = Decimal("0.01") if per > 1 or value >= 1 else Decimal("0.0001")
    return value.quantize(places, rounding=ROUND_HALF_UP).normalize()


@dataclass(frozen=True)
class LineChoices:
    """What a family lets vary in the lines: how many, how codes are given, which extras print."""

    count: tuple[int, int]
    code_policy: str  # sku | customer | gtin | mixed | no_gtin (mixed, but a GTIN column says the GTIN)
    per: int = 1
    discount: bool = False
    extras: tuple[str, ...] = ()  # rev | colour | size
    long_tail: float = 0.2  # share of descriptions made long enough to wrap
    step: int = 1  # position numbering step (1 or 10)


def draw_lines(
    rng: random.Random, customer: Customer, currency: str, choices: LineChoices, delivery: date
) -> list[Line]:
    catalogue = sorted(all_products().values(), key=lambda p: p.sku)
    count = rng.randint(*choices.count)
    chosen = rng.sample(catalogue, count) if count <= len(catalogue) else rng.choices(catalogue, k=count)
    lang = "es" if customer.language in ("es", "pt", "it") else "en"  # descriptions: our catalogue's words
    words = customer.language if customer.language in UNIT_WORDS["UD"] else "en"
    unit_words = {u: rng.choice(UNIT_WORDS[u][words]) for u in UNIT_WORDS}
    lines = []
    for i, product in enumerate(chosen, start=1):
        code, kind = _code(rng, customer, product, choices.code_policy)
        description = product.name_es if lang == "es" else product.name_en
        if rng.random() < choices.long_tail:
            description = f"{description} {rng.choice(LONG_TAIL[lang])}"
        per = choices.per if product.price < 1 and product.unit == "UD" else 1
        extra = {
            "rev": rng.choice(REVISIONS),
            "colour": rng.choice(COLOURS[lang]),
            "size": rng.choice(SIZES),
        }
        lines.append(
            Line(
                position=str(i * choices.step),
                product=product,
                code=code,
                code_kind=kind,
                description=description,
                quantity=_quantity(rng, product),
                unit_word=unit_words[product.unit],
                price=_price(product, currency, per),
                per=per,
                discount=Decimal(rng.choice((0, 0, 5, 10, 12.5, 15))) if choices.discount else Decimal(0),
                extra={k: v for k, v in extra.items() if k in choices.extras},
                delivery=delivery + timedelta(days=rng.choice((0, 0, 0, 7))),
            )
        )
    return lines


def draw_customer(rng: random.Random, customers: tuple[str, ...]) -> tuple[Customer, str]:
    """One of `customers` and the currency it orders in."""
    customer = all_customers()[rng.choice(customers)]
    return customer, _currency(rng, customer)


def draw_facts(
    rng: random.Random,
    today: date,
    customer: Customer,
    currency: str,
    po_number: str,
    choices: LineChoices,
) -> Facts:
    order_date = today - timedelta(days=rng.randrange(0, 4))
    delivery = order_date + timedelta(days=rng.randrange(5, 22))
    if order_date.day <= 12 and delivery.day <= 12:  # a US month-first date must be decidable
        delivery = delivery.replace(day=13)
    ship_to = rng.choice((own_address(customer), *depots(customer.customer_id)))
    return Facts(
        customer=customer,
        po_number=po_number,
        order_date=order_date,
        delivery_date=delivery,
        currency=currency,
        ship_to=ship_to,
        lines=draw_lines(rng, customer, currency, choices, delivery),
        language=customer.language,
        tax_rate=Decimal(TAX[customer.country]),
        vendor_no=f"{rng.choice(('7', '30', 'P'))}{rng.randrange(1000, 99999)}",
    )


def dec(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def line_truth(line: Line) -> dict[str, Any]:
    return {
        "line_no": line.position,
        "item_code": line.code,
        "gtin": line.product.gtin if line.code_kind == "gtin" else None,
        "sku": line.product.sku,
        "description": line.description,
        "quantity": dec(line.quantity),
        "unit": line.product.unit,
        "printed_unit": line.unit_word,
        "unit_price": dec(line.unit_price),
        "printed_price": dec(line.price),
        "price_per": line.per,
        "discount_pct": dec(line.discount),
        "amount": dec(line.amount),
        "requested_delivery_date": line.delivery.isoformat() if line.delivery else None,
        "extra": dict(line.extra),
    }


def truth(facts: Facts, gln_printed: bool, tax_printed: bool = False) -> dict[str, Any]:
    """The facts in the shape of `oms extract --json` (one order), plus what only the generator knows.

    `total` is the document's final total as printed, as the order's contract defines it: with the tax
    when the document prints a tax line (then `net_total` and `tax_total` are the two printed above it),
    else the lines' sum."""
    c, s = facts.customer, facts.ship_to
    return {
        "po_number": facts.po_number,
        "customer_id": c.customer_id,
        "order_date": facts.order_date.isoformat(),
        "requested_delivery_date": facts.delivery_date.isoformat(),
        "currency": facts.currency,
        "buyer": {"party_id": c.gln if gln_printed else None, "name": c.name},
        "ship_to": {
            "party_id": None,
            "name": s.name,
            "street": s.street,
            "postal_code": s.postal_code,
            "city": s.city,
            "country": s.country,
        },
        "lines": [line_truth(line) for line in facts.lines],
        "total": dec(facts.total + facts.tax if tax_printed else facts.total),
        "net_total": dec(facts.total) if tax_printed else None,
        "tax_total": dec(facts.tax) if tax_printed else None,
        "tax_rate": dec(facts.tax_rate),
        "language": facts.language,
    }
