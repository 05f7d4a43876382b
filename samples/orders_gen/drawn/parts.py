"""Parts of a drawn page around the table: letterhead, header fields in their drawn placement, the
supplier and ship-to blocks, totals, notes with dates in prose, the signature and the footer."""

from __future__ import annotations

from samples.orders_gen.dates import DELIVERY_PROSE, ORDER_PROSE, PLACE_DATE, prose
from samples.orders_gen.drawn import ornaments
from samples.orders_gen.drawn.doc import Doc
from samples.orders_gen.facts import prose_language
from samples.orders_gen.master import SUPPLIER, Address, buyer, tax_id

COUNTRIES = {"ES": "España", "GB": "United Kingdom", "US": "USA", "MX": "México", "PT": "Portugal"}
COUNTRIES |= {"FR": "France", "DE": "Deutschland", "IT": "Italia"}


def address_lines(address: Address, *, country: bool = False) -> list[str]:
    if address.country in ("GB", "US"):
        lines = [address.name, address.street, f"{address.city} {address.postal_code}"]
    else:
        lines = [address.name, address.street, f"{address.postal_code} {address.city}"]
    return [*lines, COUNTRIES[address.country]] if country else lines


def supplier_lines() -> list[str]:
    return [SUPPLIER["name"], SUPPLIER["street"], f"{SUPPLIER['postal_code']} {SUPPLIER['city']}", "España"]


def ids_lines(doc: Doc) -> list[str]:
    """The letterhead's strong identifiers: tax id, phone and fax, e-mail."""
    c, w = doc.facts.customer, doc.words
    phone = c.fax[:-2] + ("10" if c.fax[-2:] != "10" else "11")
    lines = [f"{w['vat']} {tax_id(c.customer_id)}", f"{w['phone']} {phone} · Fax {c.fax}", c.email]
    return lines if doc.look.letterhead_ids else []


def letterhead(doc: Doc, y: float) -> float:
    """The buyer's name, address and identifiers at the top; returns the y below."""
    look, c = doc.look, doc.facts.customer
    if look.letterhead == "band":
        doc.pdf.rect(0, 0, doc.pdf.width, 26, 0, fill=0.85)
    x, align = {"left": (doc.left, "left"), "centre": (doc.pdf.width / 2, "center")}.get(
        look.letterhead, (doc.right, "right")
    )
    if align == "left":
        x += ornaments.logo(doc, doc.left, y - 14)
    else:
        ornaments.logo(doc, doc.left, y - 14)
    doc.text(x, y + 4, c.name, doc.look.size + 5, bold=True, align=align)
    y += doc.look.size + 12
    city = f"{c.city} {c.postal_code}" if c.country in ("GB", "US") else f"{c.postal_code} {c.city}"
    for text in (c.street, f"{city} ({COUNTRIES[c.country]})", *ids_lines(doc)):
        doc.text(x, y, text, doc.look.size - 1, align=align)
        y += doc.look.size + 2
    return y + 6


def header_pairs(doc: Doc) -> list[tuple[str, str]]:
    """The header fields this document prints, label first."""
    f, look, p = doc.facts, doc.look, doc.printer
    pairs = [("po", f.po_number), ("date", p.date(f.order_date))]
    if look.delivery_in in ("field", "field_prose"):
        pairs.append(("delivery", p.date(f.delivery_date)))
    if look.id_kind == "customer_id":
        pairs.append(("customer_id", f.customer.customer_id))
    elif look.id_kind == "gln":
        pairs.append(("gln", f.customer.gln))
    if look.vendor_no:
        pairs.append(("vendor_no", f.vendor_no))
    if look.currency_mark == "header":
        pairs.append(("currency", f.currency))
    pairs.append(("contact", buyer(f.customer.customer_id)[0]))
    return [(doc.label(k), v) for k, v in pairs]


def pairs_beside(doc: Doc, x: float, y: float, pairs: list[tuple[str, str]]) -> float:
    size = doc.look.size
    gap = max(doc.width_of(k, size, bold=True) for k, _ in pairs) + 10
    for key, value in pairs:
        doc.text(x, y, key, size, bold=True)
        doc.text(x + gap, y, value, size)
        y += size + 4
    return y + 6


def boxes_above(doc: Doc, x: float, y: float, width: float, pairs: list[tuple[str, str]]) -> float:
    """A row (or two) of boxes, each with a small label above its value."""
    per_row = min(len(pairs), 4)
    w = width / per_row
    for i, (key, value) in enumerate(pairs):
        bx, by = x + (i % per_row) * w, y + (i // per_row) * 34
        doc.pdf.rect(bx, by, w, 34, 0.6)
        doc.text(bx + 4, by + 11, key.rstrip(":"), doc.look.size - 2, bold=True)
        size = min(doc.look.size, doc.look.size * (w - 10) / max(doc.width_of(value), 1))
        doc.text(bx + 4, by + 27, value, size)
    return y + 34 * ((len(pairs) + per_row - 1) // per_row) + 12


def grid(doc: Doc, x: float, y: float, pairs: list[tuple[str, str]], shade: float = 0.9) -> float:
    """A two-column ruled grid, label | value."""
    size = doc.look.size
    kw = max(doc.width_of(k, size - 1, bold=True) for k, _ in pairs) + 10
    vw = max(doc.width_of(v, size) for _, v in pairs) + 14
    for key, value in pairs:
        doc.pdf.rect(x, y, kw, size + 8, 0.5, fill=shade)
        doc.pdf.rect(x + kw, y, vw, size + 8, 0.5)
        doc.text(x + 4, y + size + 3, key, size - 1, bold=True)
        doc.text(x + kw + 5, y + size + 3, value, size)
        y += size + 8
    return y + 10


def letter_opening(doc: Doc, y: float) -> float:
    """Place and written date, then the order number and date in a sentence (no header fields)."""
    f, size = doc.facts, doc.look.size
    lang = prose_language(f.language)
    place = PLACE_DATE[lang].format(city=f.customer.city, d=doc.printer.date(f.order_date))
    doc.text(doc.right, y, place, size, align="right")
    y += 2 * size + 10
    text = prose(doc.rng, ORDER_PROSE, lang, po=f.po_number, d=doc.printer.date(f.order_date))
    return paragraph(doc, text, y)


def paragraph(doc: Doc, text: str, y: float, size: float | None = None) -> float:
    size = size or doc.look.size
    for line in doc.pdf.wrap(text, doc.width, size, doc.regular):
        doc.text(doc.left, y, line, size)
        y += size + 3
    return y + 5


def block(doc: Doc, title: str, lines: list[str], x: float, y: float, boxed: bool, width: float) -> float:
    size = doc.look.size
    if boxed:
        doc.pdf.rect(x, y, width, size + 6, 0.5, fill=0.85)
        doc.pdf.rect(x, y + size + 6, width, (size + 3) * len(lines) + 8, 0.5)
        x += 4
    doc.text(x, y + size + 1, title, size, bold=True)
    y += size + 6 + size + 2
    for text in lines:
        doc.text(x, y, text, size)
        y += size + 3
    return y + 10


def parties(doc: Doc, y: float, *, supplier: bool = True) -> float:
    look, w = doc.look, doc.words
    ship = address_lines(doc.facts.ship_to, country=doc.facts.ship_to.country != doc.facts.customer.country)
    if look.parties == "inline":
        to = doc.facts.ship_to
        text = f"{doc.label('ship_to')} {to.name}, {to.street}, {to.postal_code} {to.city}"
        if supplier:
            y = paragraph(doc, f"{doc.label('supplier')} {', '.join(supplier_lines()[:3])}", y)
        return paragraph(doc, text, y)
    boxed = look.parties == "boxes"
    if look.parties == "stacked":
        if supplier:
            y = block(doc, w["supplier"], supplier_lines(), doc.left, y, False, doc.width / 2)
        return block(doc, w["ship_to"], ship, doc.left, y, False, doc.width / 2)
    half = doc.width / 2 - 8
    a = block(doc, w["supplier"], supplier_lines(), doc.left, y, boxed, half) if supplier else y
    b = block(doc, w["ship_to"], ship, doc.left + doc.width / 2 + 8, y, boxed, half)
    return max(a, b)


def totals(doc: Doc, y: float, x_label: float, x_value: float) -> float:
    """Net total, or net + tax + gross; the total's label carries the currency code when cells do not."""
    f, w, p = doc.facts, doc.words, doc.printer
    code = "" if p.mark() and p.mark() != "$" else f" {f.currency}"
    net = p.money(f.total)
    if doc.look.totals == "net":
        rows = [(f"{w['total']}{code}", net, True)]
    else:
        head = w["subtotal"] if doc.look.totals == "subtotal_tax" else w["total"]
        tax = f"{w['tax']} {p.number(f.tax_rate, 0)} %"
        rows = [(f"{head}{code}", net, False), (tax, p.money(f.tax), False)]
        rows.append((f"{w['total_gross']}{code}", p.money(f.total + f.tax), True))
    size = doc.look.size
    for key, value, strong in rows:
        doc.text(x_label, y, key, size, bold=strong)
        doc.text(x_value, y, value, size, bold=strong, align="right")
        y += size + 6
    return y + 6


def notes(doc: Doc, y: float) -> float:
    """The delivery date in prose, when the look says so."""
    if doc.look.delivery_in not in ("prose", "field_prose"):
        return y
    lang = prose_language(doc.facts.language)
    return paragraph(doc, prose(doc.rng, DELIVERY_PROSE, lang, d=doc.date()), y)


def closing(doc: Doc, y: float) -> float:
    """Buyer's name and role under a line, with the signature and stamp over them when drawn."""
    name, role = buyer(doc.facts.customer.customer_id)
    x = doc.left
    doc.pdf.line(x, y + 30, x + 170, y + 30, 0.4)
    doc.text(x, y + 42, name)
    doc.text(x, y + 54, role, doc.look.size - 1)
    if doc.look.signature:
        ornaments.signature(doc, x + 8, y + 34)
    if doc.look.stamp:
        ornaments.stamp(doc, x + 120, y + 4)
    return y + 64


def footer(doc: Doc) -> None:
    c, w = doc.facts.customer, doc.words
    y = doc.pdf.height - 26
    doc.pdf.line(doc.left, y - 11, doc.right, y - 11, 0.3)
    text = f"{c.name} · {w['vat']} {tax_id(c.customer_id)} · {c.street}, {c.city}"
    doc.text(doc.left, y, text, 7)
    if doc.pages:
        doc.text(doc.right, y + 9, f"{w['page']} {doc.page} {w['of']} {doc.pages}", 7.5, align="right")
