"""Layout (b): a business letter with a borderless table (columns by alignment only)."""

from __future__ import annotations

import random

from samples.orders_gen import blocks
from samples.orders_gen.blocks import Labels
from samples.orders_gen.pdfdoc import Pdf
from samples.orders_gen.spec import OrderSpec
from samples.orders_gen.table import Column, TableStyle, draw


def render(spec: OrderSpec, rng: random.Random) -> bytes:
    words = Labels.choose(rng, spec.language)
    pdf = Pdf(spec.page_size, spec.po_number, blank_pages=spec.extras.get("blank_pages", 0))
    left, right = 50, pdf.width - 50
    width = right - left
    centre = rng.random() < 0.5
    y = blocks.letterhead(
        pdf, spec, pdf.width / 2 if centre else left, 56, align="center" if centre else "left", size=16
    )
    pdf.line(left, y, right, y, 1.0)
    y += 24
    to_y = blocks.block(pdf, f"{words['supplier']}:".replace("::", ":"), blocks.supplier_lines(), left, y)
    pairs = blocks.header_pairs(spec, words, currency=spec.style.currency == "")
    pairs_y = blocks.pairs_left(pdf, pairs, left + width * 0.52, y, 118)
    y = max(to_y, pairs_y) + 8
    if rng.random() < 0.5:
        text = f"{words['ship_to']}: {blocks.one_line_address(spec.ship_to)}"
        for i, line in enumerate(pdf.wrap(text, width, 10)):
            pdf.text(left, y + i * 13, line, 10)
        y += 13 * len(pdf.wrap(text, width, 10)) + 8
    else:
        y = (
            blocks.block(
                pdf, f"{words['ship_to']}:", blocks.address_lines(spec.ship_to, spec.language), left, y
            )
            + 8
        )
    pdf.text(left, y, words["title"] + " " + spec.po_number, 12, "bold")
    y = blocks.intro(pdf, rng, spec, left, y + 18, width)
    combined = rng.random() < 0.5
    numbered = rng.random() < 0.4
    cols = []
    if numbered:
        for i, line in enumerate(spec.lines, start=1):
            line.line_no = str(i)
        cols.append(Column("pos", words["position"], 30))
    cols.append(Column("code", words["code"], 92))
    tail = (
        [Column("qty_unit", words["qty"], 75, "right")]
        if combined
        else [
            Column("qty", words["qty"], 50, "right"),
            Column("unit", words["unit"], 42),
        ]
    )
    tail += [Column("price", words["price"], 70, "right"), Column("amount", words["amount"], 78, "right")]
    cols.append(Column("description", words["description"], width - sum(c.width for c in cols + tail)))
    cols += tail
    ts = TableStyle(size=10, ruled=False, header_rule=True, money_symbol=rng.random() < 0.4, row_pad=2)
    y = draw(pdf, spec, cols, left, y, ts)
    pdf.line(left, y + 2, right, y + 2, 0.6)
    y = blocks.totals(pdf, spec, words, right - 220, right - 4, y + 18)
    if y < pdf.height - 200:
        blocks.closing(pdf, rng, spec, left, y + 14, width)
    blocks.footer(pdf, spec, 1, 1, words)
    return pdf.finish()
