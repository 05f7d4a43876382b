"""Layout (f): a form with shaded boxes, labels above their values, vendor and ship-to side by side."""

from __future__ import annotations

import random

from samples.orders_gen import blocks
from samples.orders_gen.blocks import Labels
from samples.orders_gen.pdfdoc import Pdf
from samples.orders_gen.spec import OrderSpec
from samples.orders_gen.table import Column, TableStyle, draw


def _box(pdf: Pdf, title: str, lines: list[str], x: float, y: float, w: float) -> float:
    h = 20 + 13 * len(lines)
    pdf.rect(x, y, w, 16, fill=0.8)
    pdf.text(x + 5, y + 12, title.upper(), 9, "bold")
    pdf.rect(x, y + 16, w, h)
    for i, text in enumerate(lines):
        pdf.text(x + 5, y + 31 + i * 13, text, 10)
    return y + 16 + h


def _fields(pdf: Pdf, pairs: list[tuple[str, str]], x: float, y: float, w: float) -> float:
    cw = w / len(pairs)
    for i, (key, value) in enumerate(pairs):
        pdf.rect(x + i * cw, y, cw, 15, fill=0.8)
        pdf.text(x + i * cw + cw / 2, y + 11, key.upper(), 8, "bold", "center")
        pdf.rect(x + i * cw, y + 15, cw, 18)
        pdf.text(x + i * cw + cw / 2, y + 28, value, 10, "sans", "center")
    return y + 45


def render(spec: OrderSpec, rng: random.Random) -> bytes:
    words = Labels.choose(rng, spec.language)
    s = spec.style
    pdf = Pdf(spec.page_size, spec.po_number, blank_pages=spec.extras.get("blank_pages", 0))
    left, right = 40, pdf.width - 40
    width = right - left
    blocks.letterhead(pdf, spec, left, 56, size=14)
    pdf.text(right, 60, words["title"], 18, "bold", "right")
    _fields(
        pdf, [(words["date"], s.date(spec.order_date)), (words["po"], spec.po_number)], right - 240, 76, 240
    )
    y = 150.0
    a = _box(pdf, words["supplier"].rstrip(":"), blocks.supplier_lines(), left, y, width / 2 - 10)
    ship = blocks.address_lines(spec.ship_to, spec.language, country=rng.random() < 0.5)
    b = _box(pdf, words["ship_to"], ship, left + width / 2 + 10, y, width / 2 - 10)
    y = max(a, b) + 14
    pairs = [
        blocks.id_pair(spec, words),
        (words["delivery"], s.date(spec.delivery_date)),
        (words["currency"], "EUR"),
        (
            "Contact" if spec.language == "en" else "Contacto",
            blocks.BUYERS[spec.customer.customer_id][0].split()[0],
        ),
    ]
    y = _fields(pdf, pairs, left, y, width)
    cols = [
        Column("code", words["code"], 95),
        Column("description", words["description"], width - 95 - 50 - 45 - 70 - 75),
        Column("qty", words["qty"], 50, "right"),
        Column("unit", words["unit"], 45, "center"),
        Column("price", words["price"], 70, "right"),
        Column("amount", words["amount"], 75, "right"),
    ]
    ts = TableStyle(size=9.5, ruled=True, shade=0.8, money_symbol=rng.random() < 0.3)
    y = draw(pdf, spec, cols, left, y, ts) + 16
    y = blocks.totals(pdf, spec, words, right - 200, right - 4, y)
    if y < pdf.height - 200:
        blocks.closing(pdf, rng, spec, left, y + 6, width / 2)
    blocks.footer(pdf, spec, 1, 1, words)
    return pdf.finish()
