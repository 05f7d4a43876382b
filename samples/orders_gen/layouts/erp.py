"""Layout (c): an ERP printout: window address of the supplier, positions 10/20/30, material numbers,
sub-lines with our article number and the delivery date under each position."""

from __future__ import annotations

import random

from samples.orders_gen import blocks
from samples.orders_gen.blocks import Labels
from samples.orders_gen.master import SUPPLIER
from samples.orders_gen.pdfdoc import Pdf
from samples.orders_gen.spec import LineSpec, OrderSpec
from samples.orders_gen.table import Column, TableStyle, draw

WORDS = {
    "es": {
        "title": "Pedido",
        "material": "Material",
        "desc": "Denominación",
        "price": "Precio neto",
        "value": "Valor neto",
        "qty": "Cantidad",
        "unit": "UM",
        "ours": "Su nº de material",
        "ean": "EAN",
        "delivery": "Fecha de entrega",
        "total": "Valor total neto",
        "contact": "Interlocutor",
        "supplier_no": "Nº de proveedor",
    },
    "en": {
        "title": "Purchase Order",
        "material": "Material",
        "desc": "Description",
        "price": "Net price",
        "value": "Net value",
        "qty": "Quantity",
        "unit": "UoM",
        "ours": "Your material no.",
        "ean": "EAN",
        "delivery": "Delivery date",
        "total": "Total net value",
        "contact": "Contact person",
        "supplier_no": "Vendor number",
    },
}


def render(spec: OrderSpec, rng: random.Random) -> bytes:
    w = WORDS[spec.language]
    words = Labels.choose(rng, spec.language)
    s = spec.style
    pdf = Pdf(spec.page_size, spec.po_number, blank_pages=spec.extras.get("blank_pages", 0))
    left, right = 50, pdf.width - 45
    width = right - left
    rows = _letterhead(pdf, spec, rng, words, left, right)
    y = 136 + 13 * len(rows) + 14
    y = (
        blocks.block(
            pdf, f"{words['ship_to']}:", blocks.address_lines(spec.ship_to, spec.language), left, y, 9
        )
        + 10
    )
    if rng.random() < 0.5:
        y = blocks.intro(pdf, rng, spec, left, y, width)

    show_ean = rng.random() < 0.4

    def sublines(line: LineSpec) -> list[str]:
        out = [f"{w['ours']}: {line.product.sku}"]
        if show_ean:
            out.append(f"{w['ean']}: {line.product.gtin}")
        out.append(f"{w['delivery']}: {s.date(spec.delivery_date)}")
        return out

    cols = [
        Column("pos", "Pos.", 32),
        Column("code", w["material"], 62),
        Column("description", w["desc"], width - 32 - 62 - 72 - 32 - 66 - 72),
        Column("qty", w["qty"], 72, "right"),
        Column("unit", w["unit"], 32),
        Column("price", w["price"], 66, "right"),
        Column("amount", w["value"], 72, "right"),
    ]
    ts = TableStyle(size=9, ruled=False, header_rule=True, qty_places=3, sublines=sublines, row_pad=3)
    y = draw(pdf, spec, cols, left, y, ts)
    pdf.line(left, y + 2, right, y + 2, 0.6)
    pdf.text(left + width * 0.45, y + 18, f"{w['total']} EUR", 10, "bold")
    pdf.text(right - 4, y + 18, s.number(spec.shown_total), 10, "bold", "right")
    y += 40
    if y < pdf.height - 200:
        blocks.closing(pdf, rng, spec, left, y, width)
    words.words["page"] = "Página" if spec.language == "es" else "Page"
    blocks.footer(pdf, spec, 1, 1, words)
    pdf.text(left, pdf.height - 48, f"{SUPPLIER['name']} – {w['title']} {spec.po_number}", 8)
    return pdf.finish()


def _letterhead(
    pdf: Pdf, spec: OrderSpec, rng: random.Random, words: Labels, left: float, right: float
) -> list[tuple[str, str]]:
    """Return address over the envelope window, our address in it, the buyer's name top right and the
    document's facts beside the window; the facts' rows, for what follows to be placed under them."""
    w = WORDS[spec.language]
    s = spec.style
    c = spec.customer
    width = right - left
    # return address above the envelope window, then our address in the window
    pdf.text(left, 118, f"{c.name} · {c.street} · {c.postal_code} {c.city}", 7.5)
    pdf.line(left, 121, left + 250, 121, 0.3)
    for i, text in enumerate(blocks.supplier_lines()):
        pdf.text(left, 138 + i * 13, text, 10)
    # the buyer's logo line at the top right, then the document box
    pdf.text(right, 58, c.name, 14, "bold", "right")
    pdf.text(right, 74, f"{c.street} · {c.postal_code} {c.city}", 9, "sans", "right")
    pdf.text(left + width * 0.55, 118, f"{w['title']} {spec.po_number}", 13, "bold")
    label_x, value_x = left + width * 0.55, left + width * 0.55 + 115
    rows = [
        (words["po"], spec.po_number),
        (words["date"], s.date(spec.order_date)),
        blocks.id_pair(spec, words),
        (w["supplier_no"], f"7{rng.randrange(10000, 99999)}"),
        (w["contact"], blocks.BUYERS[c.customer_id][0]),
        (words["currency"], "EUR"),
    ]
    for i, (key, value) in enumerate(rows):
        pdf.text(label_x, 136 + i * 13, key, 9)
        pdf.text(value_x, 136 + i * 13, value, 9)
    return rows
