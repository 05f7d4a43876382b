"""Pieces most generated orders draw: letterhead, address blocks, label/value pairs, letter text, footer."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from samples.orders_gen.master import BUYERS, SUPPLIER, VAT, Address
from samples.orders_gen.pdfdoc import Pdf
from samples.orders_gen.spec import OrderSpec
from samples.orders_gen.texts import CLOSINGS, FOOTERS, INTROS, TERMS, label, pick

COUNTRY_NAMES = {
    ("ES", "es"): "España",
    ("ES", "en"): "Spain",
    ("GB", "en"): "United Kingdom",
    ("GB", "es"): "Reino Unido",
}


@dataclass
class Labels:
    """The label wording one document uses, chosen once so every page says the same."""

    words: dict[str, str]

    @classmethod
    def choose(cls, rng: random.Random, language: str) -> Labels:
        fields = [
            "title",
            "po",
            "date",
            "delivery",
            "customer_id",
            "gln",
            "supplier",
            "ship_to",
            "currency",
            "code",
            "gtin",
            "description",
            "qty",
            "unit",
            "price",
            "amount",
            "position",
            "subtotal",
            "vat",
            "total",
            "total_gross",
            "carried",
            "brought",
            "page",
        ]
        return cls({f: label(rng, f, language) for f in fields})

    def __getitem__(self, key: str) -> str:
        return self.words[key]


def address_lines(address: Address, language: str, *, country: bool = False) -> list[str]:
    if address.country == "GB":
        lines = [address.name, address.street, address.city, address.postal_code]
    else:
        lines = [address.name, address.street, f"{address.postal_code} {address.city}"]
    if country:
        lines.append(COUNTRY_NAMES[(address.country, language)])
    return lines


def one_line_address(address: Address) -> str:
    if address.country == "GB":
        return f"{address.name}, {address.street}, {address.city} {address.postal_code}"
    return f"{address.name}, {address.street}, {address.postal_code} {address.city}"


def letterhead(
    pdf: Pdf, spec: OrderSpec, x: float, y: float, *, align: str = "left", size: float = 15
) -> float:
    """The customer's name and address at the top; returns the y below it."""
    c = spec.customer
    pdf.text(x, y, c.name, size, "bold", align)
    y += size * 0.6 + 6
    city = f"{c.city} {c.postal_code}" if c.country == "GB" else f"{c.postal_code} {c.city}"
    tel = "Tel." if spec.language == "es" else "Phone"
    for text in (c.street, city, f"{tel} {c.fax[:-1]}9 · Fax {c.fax}", f"{c.email}"):
        pdf.text(x, y, text, 9, "sans", align)
        y += 11
    return y


def id_pair(spec: OrderSpec, words: Labels) -> tuple[str, str]:
    """How this document names the buyer to us: our customer number or its GLN."""
    if spec.id_kind == "customer_id":
        return words["customer_id"], spec.customer.customer_id
    return words["gln"], spec.customer.gln


def header_pairs(spec: OrderSpec, words: Labels, *, currency: bool = False) -> list[tuple[str, str]]:
    s = spec.style
    pairs = [
        (words["po"], spec.po_number),
        (words["date"], s.date(spec.order_date)),
        (words["delivery"], s.date(spec.delivery_date)),
        id_pair(spec, words),
    ]
    if currency:
        pairs.append((words["currency"], "EUR"))
    return pairs


def pairs_left(
    pdf: Pdf, pairs: list[tuple[str, str]], x: float, y: float, gap: float, size: float = 10
) -> float:
    """Label: value lines, labels in bold, values aligned at x + gap."""
    gap = max(gap, *(pdf.width_of(f"{key}:", size, "bold") + 8 for key, _ in pairs))
    for key, value in pairs:
        pdf.text(x, y, f"{key}:", size, "bold")
        pdf.text(x + gap, y, value, size)
        y += size + 5
    return y


def block(pdf: Pdf, title: str, lines: list[str], x: float, y: float, size: float = 10) -> float:
    pdf.text(x, y, title, size, "bold")
    y += size + 4
    for text in lines:
        pdf.text(x, y, text, size)
        y += size + 3
    return y


def supplier_lines() -> list[str]:
    return [SUPPLIER["name"], SUPPLIER["street"], f"{SUPPLIER['postal_code']} {SUPPLIER['city']}"]


def paragraph(
    pdf: Pdf, text: str, x: float, y: float, width: float, size: float = 10, font: str = "sans"
) -> float:
    for line in pdf.wrap(text, width, size, font):
        pdf.text(x, y, line, size, font)
        y += size + 3
    return y + 4


def intro(pdf: Pdf, rng: random.Random, spec: OrderSpec, x: float, y: float, width: float) -> float:
    return paragraph(pdf, pick(rng, INTROS, spec.language), x, y, width)


def closing(pdf: Pdf, rng: random.Random, spec: OrderSpec, x: float, y: float, width: float) -> float:
    """Terms, the closing formula and the signature block."""
    y = paragraph(pdf, pick(rng, TERMS, spec.language), x, y, width, 9)
    pdf.text(x, y + 4, pick(rng, CLOSINGS, spec.language), 10)
    name, role = BUYERS[spec.customer.customer_id]
    # a "signature": the name in a slanted serif scrawl above the printed name
    pdf.text(x + 10, y + 30, name.split()[0][0] + ". " + name.split()[-1], 14, "serif")
    pdf.line(x, y + 36, x + 160, y + 36, 0.4)
    pdf.text(x, y + 48, name, 10)
    pdf.text(x, y + 60, role, 9)
    return y + 72


def footer(pdf: Pdf, spec: OrderSpec, page: int, pages: int, words: Labels) -> None:
    """Registry text and the page number at the foot of the page."""
    text = FOOTERS[spec.language].format(name=spec.customer.name, vat=VAT[spec.customer.customer_id])
    y = pdf.height - 28
    pdf.line(40, y - 12, pdf.width - 40, y - 12, 0.3)
    pdf.text(40, y, text, 7 if len(text) > 95 else 8)
    of = "de" if spec.language == "es" else "of"
    pdf.text(pdf.width - 40, y + 10, f"{words['page']} {page} {of} {pages}", 8, "sans", "right")


def totals(
    pdf: Pdf, spec: OrderSpec, words: Labels, x_label: float, x_value: float, y: float, size: float = 10
) -> float:
    """The totals: net, VAT and gross when the document shows tax, else one total; returns the y below."""
    s = spec.style
    net = spec.shown_total
    if spec.show_vat:
        vat = (net * spec.vat_rate / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        rows = [
            (words["subtotal"], s.money(net)),
            (f"{words['vat']} {spec.vat_rate} %", s.money(vat)),
            (words["total_gross"], s.money(net + vat)),
        ]
    else:
        rows = [(words["total"], s.money(net))]
    for i, (key, value) in enumerate(rows):
        font = "bold" if i == len(rows) - 1 else "sans"
        pdf.text(x_label, y, key, size, font)
        pdf.text(x_value, y, value, size, font, "right")
        y += size + 6
    return y
