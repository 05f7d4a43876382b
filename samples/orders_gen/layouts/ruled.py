"""Layout (a): a ruled table with grid lines, a boxed header (labels beside or above their values)."""

from __future__ import annotations

import random

from samples.orders_gen import blocks
from samples.orders_gen.blocks import Labels
from samples.orders_gen.pdfdoc import Pdf
from samples.orders_gen.spec import OrderSpec
from samples.orders_gen.table import Column, TableStyle, draw


def _header_boxes_above(pdf: Pdf, pairs: list[tuple[str, str]], x: float, y: float, width: float) -> float:
    """A row of boxes, each with a small label above its value."""
    w = width / len(pairs)
    for i, (key, value) in enumerate(pairs):
        bx = x + i * w
        pdf.rect(bx, y, w, 34)
        pdf.text(bx + 5, y + 11, key, 8, "bold")
        size = min(10.0, 10 * (w - 12) / pdf.width_of(value, 10))
        pdf.text(bx + 5, y + 26, value, size)
    return y + 46


def _header_grid(
    pdf: Pdf, pairs: list[tuple[str, str]], x: float, y: float, widths: tuple[float, float]
) -> float:
    """A two-column ruled grid of label | value."""
    for key, value in pairs:
        pdf.rect(x, y, widths[0], 17, fill=0.9)
        pdf.rect(x + widths[0], y, widths[1], 17)
        pdf.text(x + 4, y + 12, key, 9, "bold")
        pdf.text(x + widths[0] + 4, y + 12, value, 10)
        y += 17
    return y + 10


def render(spec: OrderSpec, rng: random.Random) -> bytes:
    words = Labels.choose(rng, spec.language)
    pdf = Pdf(spec.page_size, spec.po_number, blank_pages=spec.extras.get("blank_pages", 0))
    left, right = 40, pdf.width - 40
    width = right - left
    y = blocks.letterhead(pdf, spec, left, 60)
    pdf.text(right, 60, words["title"], 15, "bold", "right")
    pairs = blocks.header_pairs(spec, words)
    above = rng.random() < 0.5
    if above:
        y = _header_boxes_above(pdf, pairs, left, y + 12, width)
    else:
        _header_grid(pdf, pairs, right - 250, 80, (110, 140))
        y = max(y, 80 + 17 * len(pairs)) + 16
    supplier_y = blocks.block(
        pdf, f"{words['supplier']}:".replace("::", ":"), blocks.supplier_lines(), left, y
    )
    ship = blocks.address_lines(spec.ship_to, spec.language, country=rng.random() < 0.4)
    ship_y = blocks.block(pdf, f"{words['ship_to']}:", ship, left + width / 2, y)
    y = max(supplier_y, ship_y) + 10
    if rng.random() < 0.6:
        y = blocks.intro(pdf, rng, spec, left, y, width)
    gtin = rng.random() < 0.25 and all(line.code_kind != "gtin" for line in spec.lines)
    if gtin:
        for line in spec.lines:
            line.gtin = line.product.gtin
    cols = [Column("code", words["code"], 70)]
    if gtin:
        cols.append(Column("gtin", words["gtin"], 88))
    fixed = 55 + 40 + 65 + 70
    cols += [
        Column("description", words["description"], width - fixed - sum(c.width for c in cols)),
        Column("qty", words["qty"], 55, "right"),
        Column("unit", words["unit"], 40, "center"),
        Column("price", words["price"], 65, "right"),
        Column("amount", words["amount"], 70, "right"),
    ]
    ts = TableStyle(size=9.5, ruled=True, shade=0.88 if rng.random() < 0.5 else None)
    y = draw(pdf, spec, cols, left, y + 4, ts) + 14
    if spec.style.currency == "":
        pdf.text(left, y, f"{words['currency']}: EUR", 9)
    y = blocks.totals(pdf, spec, words, right - 230, right - 4, y + 4)
    y = blocks.closing(pdf, rng, spec, left, y + 10, width)
    blocks.footer(pdf, spec, 1, 1, words)
    return pdf.finish()
