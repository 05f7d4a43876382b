"""Layout (e): a long order over several pages, with carried-forward subtotals, repeated headings and
page footers."""

from __future__ import annotations

import random
from decimal import Decimal

from samples.orders_gen import blocks
from samples.orders_gen.blocks import Labels
from samples.orders_gen.pdfdoc import Pdf
from samples.orders_gen.spec import OrderSpec
from samples.orders_gen.table import Column, PageBreak, TableStyle, draw


def _render(spec: OrderSpec, rng: random.Random, pages: int) -> tuple[bytes, int]:
    words = Labels.choose(rng, spec.language)
    s = spec.style
    pdf = Pdf(spec.page_size, spec.po_number, blank_pages=spec.extras.get("blank_pages", 0))
    left, right = 45, pdf.width - 45
    width = right - left
    y = blocks.letterhead(pdf, spec, left, 58)
    pdf.text(right, 58, words["title"], 15, "bold", "right")
    blocks.pairs_left(pdf, blocks.header_pairs(spec, words, currency=True), right - 235, 82, 112, 9.5)
    y = max(y, 150) + 8
    sup = blocks.block(pdf, f"{words['supplier']}:".replace("::", ":"), blocks.supplier_lines(), left, y)
    ship = blocks.block(
        pdf, f"{words['ship_to']}:", blocks.address_lines(spec.ship_to, spec.language), left + width / 2, y
    )
    y = blocks.intro(pdf, rng, spec, left, max(sup, ship) + 10, width)
    cols = [
        Column("pos", words["position"], 32, "right"),
        Column("code", words["code"], 88),
        Column("description", words["description"], width - 32 - 88 - 60 - 40 - 68 - 74),
        Column("qty", words["qty"], 60, "right"),
        Column("unit", words["unit"], 40),
        Column("price", words["price"], 68, "right"),
        Column("amount", words["amount"], 74, "right"),
    ]
    ruled = rng.random() < 0.5
    ts = TableStyle(size=9.5, ruled=ruled, header_rule=True, shade=0.9 if ruled else None, row_pad=3)
    page = [1]

    def carry(pdf: Pdf, y: float, running: Decimal) -> float:
        pdf.text(right - 250, y + 16, words["carried"], 10, "bold")
        pdf.text(right - 4, y + 16, s.money(running), 10, "bold", "right")
        blocks.footer(pdf, spec, page[0], pages, words)
        pdf.new_page()
        page[0] += 1
        cont = "(continuación)" if spec.language == "es" else "(continued)"
        pdf.text(left, 50, f"{spec.customer.name} – {words['po']} {spec.po_number} {cont}", 9)
        pdf.text(right - 250, 78, words["brought"], 10, "bold")
        pdf.text(right - 4, 78, s.money(running), 10, "bold", "right")
        return 92

    y = draw(pdf, spec, cols, left, y, ts, PageBreak(pdf.height - 110, carry))
    if y > pdf.height - 150:
        y = carry(pdf, y, spec.total)
    y = blocks.totals(pdf, spec, words, right - 230, right - 4, y + 18)
    if y < pdf.height - 190:
        blocks.closing(pdf, rng, spec, left, y + 10, width)
    blocks.footer(pdf, spec, page[0], pages, words)
    return pdf.finish(), page[0]


def render(spec: OrderSpec, rng: random.Random) -> bytes:
    state = rng.getstate()
    _, pages = _render(spec, rng, 0)
    rng.setstate(state)  # the second pass makes the same choices, now knowing the page count
    content, again = _render(spec, rng, pages)
    assert again == pages
    return content
